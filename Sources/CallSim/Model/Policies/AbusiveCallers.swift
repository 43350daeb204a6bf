import CallSimEngine

/// Known abusive callers (Seoul's about 1,200, handled by a 24-hour dedicated team): a share
/// of callers, flagged at arrival from the caller's own substream (so the same callers are
/// abusive in every scenario on the same seed, and a redial keeps its caller's flag), with
/// their own talk time and patience. They go to a dedicated group or to the general queues;
/// after each abusive call (after wrap-up) the agent takes no call for a recovery time.
public struct AbusiveCallers: Sendable, Equatable {
  /// Share in [0, 1] of callers (first attempts) who are abusive.
  public var share: Double
  /// Talk time of an abusive call, seconds (replaces the call type's `handle`).
  public var handle: Distribution
  /// Patience of an abusive caller, seconds; `nil` keeps the call type's patience.
  public var patience: Distribution?
  /// Index of the dedicated group that takes every abusive call and nothing else; `nil`
  /// (`route_to: general`) sends abusive callers to their type's queue.
  public var routeTo: Int?
  /// Seconds an agent stays off the phones after an abusive call; `nil` for none. Counted
  /// neither as busy nor as available time.
  public var recovery: Distribution?

  public init(
    share: Double, handle: Distribution, patience: Distribution? = nil, routeTo: Int? = nil,
    recovery: Distribution? = nil
  ) throws(ModelError) {
    try ModelError.require((0...1).contains(share), "the abusive callers' share must be in [0, 1]")
    self.share = share
    self.handle = handle
    self.patience = patience
    self.routeTo = routeTo
    self.recovery = recovery
  }
}
