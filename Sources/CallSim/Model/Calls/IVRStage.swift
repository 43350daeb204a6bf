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
}
