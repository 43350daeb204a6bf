import CallSimEngine

/// How calls meet agents: the routing mode and what it costs to route across fields.
public struct Routing: Sendable, Equatable {
  public var mode: RoutingMode
  /// Seconds a call waits for its home groups before any skilled agent may take it
  /// (`overflow` only).
  public var overflowAfter: Double
  /// Callers who choose a wrong field in the menu (`split` and `overflow` only).
  public var misroute: Misrouting?
  /// Slow-down of agents serving a type other than their group's home type.
  public var generalist: GeneralistFactor

  public init(
    mode: RoutingMode = .integrated, overflowAfter: Double = .infinity, misroute: Misrouting? = nil,
    generalist: GeneralistFactor = GeneralistFactor()
  ) {
    self.mode = mode
    self.overflowAfter = overflowAfter
    self.misroute = misroute
    self.generalist = generalist
  }
}

/// A share of callers who pick a wrong field. The wrong group's agent spends `transfer`
/// seconds finding out, then the call joins the back of the right queue.
public struct Misrouting: Sendable, Equatable {
  /// Share of callers reaching the queue who choose a wrong field, in [0, 1].
  public var share: Double
  /// Agent time spent on a misrouted call before the transfer, seconds.
  public var transfer: Distribution

  public init(share: Double, transfer: Distribution) {
    self.share = share
    self.transfer = transfer
  }
}
