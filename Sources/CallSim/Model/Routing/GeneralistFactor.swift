import Foundation

/// The talk-time factor of an agent serving a type other than the group's home type.
///
/// factor(t) = f + (s − f) · 2^(−d / h), where f is `handleFactor` (the steady state), s the
/// `startFactor`, h the `halfLife` and d the time since `from` — calendar time, the same for
/// every agent, not each agent's own experience. Before `from`, d counts as 0 (factor s).
/// Without learning the factor is f throughout. Other factors (remote work, later) multiply it.
public struct GeneralistFactor: Sendable, Equatable {
  /// Steady-state factor (1 = no slow-down).
  public var handleFactor: Double
  public var learning: Learning?

  public struct Learning: Sendable, Equatable {
    /// The factor on the day learning starts.
    public var startFactor: Double
    /// Seconds for the excess over the steady state to halve.
    public var halfLife: Double
    /// Seconds from the start of the horizon at which learning starts (may be negative:
    /// a rollout before the simulated period).
    public var from: Double

    public init(startFactor: Double, halfLife: Double, from: Double = 0) {
      self.startFactor = startFactor
      self.halfLife = halfLife
      self.from = from
    }
  }

  public init(handleFactor: Double = 1, learning: Learning? = nil) {
    self.handleFactor = handleFactor
    self.learning = learning
  }

  /// Whether talk times are unchanged at all times.
  public var isNeutral: Bool { handleFactor == 1 && (learning == nil || learning!.startFactor == 1) }

  /// The factor at `time` seconds from the start of the horizon.
  public func factor(at time: Double) -> Double {
    guard let learning else { return handleFactor }
    let elapsed = max(0, time - learning.from)
    return handleFactor + (learning.startFactor - handleFactor) * exp2(-elapsed / learning.halfLife)
  }
}
