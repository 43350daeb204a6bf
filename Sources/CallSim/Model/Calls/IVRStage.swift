import CallSimEngine

/// The voice menu every call passes before the agent queue. The call holds a line meanwhile.
public struct IVRStage: Sendable, Equatable {
  /// Time spent in the menu, seconds.
  public var duration: Distribution
  /// Share of callers choosing each call type (indexed like the model's call types, sum 1).
  public var menuShares: [Double]
  /// Share of callers who hang up inside the menu.
  public var hangUp: Double
  /// Per call type, share of the callers who chose it that are served by self-service.
  public var selfService: [Double]

  public init(duration: Distribution, menuShares: [Double], hangUp: Double, selfService: [Double]) {
    self.duration = duration
    self.menuShares = menuShares
    self.hangUp = hangUp
    self.selfService = selfService
  }

  /// How a caller of `type` leaves the menu, from a uniform `u` in [0, 1): hangs up, is
  /// self-served, or `nil` to go on to the agents.
  func leaves(_ u: Double, type: Int) -> CallEvent? {
    if u < hangUp { return .ivrHangUp }
    if u < hangUp + (1 - hangUp) * selfService[type] { return .selfServed }
    return nil
  }
}
