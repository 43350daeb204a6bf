import CallSimEngine

/// A kind of call with its own volume, handle time and caller behaviour. Durations in seconds.
public struct CallType: Sendable, Equatable {
  public var name: String
  /// Share of the inflow when there is no IVR menu (shares of all types sum to 1).
  public var share: Double
  /// Talk time with an agent.
  public var handle: Distribution
  /// After-call work: the agent stays busy, the line is already free.
  public var wrapUp: Distribution?
  /// How long a caller waits in queue before hanging up; `nil` means never.
  public var patience: Distribution?
  /// Whether callers who abandon or are blocked call again.
  public var redial: Redial?
  /// Lower is served first; equal priorities in arrival order; never preempts a call in service.
  public var priority: Int
  /// This type's own call cap, in place of the model's ``CallCenterModel/callCap``; `nil`
  /// follows the model's.
  public var callCap: CallCap?
  /// This type's own service targets, in place of the model's ``CallCenterModel/targets``
  /// (same threshold); `nil` follows the model's. Used by the planner.
  public var targets: Targets?
  /// This type's own call-back offer, in place of the model's
  /// ``CallCenterModel/callBackOffer``; `nil` follows the model's.
  public var callBackOffer: CallBackOffer?
  /// How its contacts reach the center (``Channel``); `phone` unless set.
  public var channel: Channel = .phone
  /// Seconds: a message answered within this wait counts as on time; `nil` for phone and chat types.
  public var deadline: Double?
  /// The type's own arrivals, for a non-phone type (phone types share the model's
  /// ``CallCenterModel/arrivals`` by `share`); `nil` for phone types.
  public var arrivals: ArrivalProfile?

  public init(
    name: String, share: Double = 1, handle: Distribution, wrapUp: Distribution? = nil,
    patience: Distribution? = nil, redial: Redial? = nil, priority: Int = 0, callCap: CallCap? = nil,
    targets: Targets? = nil
  ) {
    self.name = name
    self.share = share
    self.handle = handle
    self.wrapUp = wrapUp
    self.patience = patience
    self.redial = redial
    self.priority = priority
    self.callCap = callCap
    self.targets = targets
  }
}

/// Callers who abandoned or were blocked try again with `probability`, after `delay` seconds.
public struct Redial: Sendable, Equatable {
  public var probability: Double
  public var delay: Distribution

  public init(probability: Double, delay: Distribution) {
    self.probability = probability
    self.delay = delay
  }
}
