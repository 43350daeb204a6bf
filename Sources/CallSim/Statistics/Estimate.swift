import CallSimEngine

/// A metric over replications: the mean, the half-width of its 95 % Student-t confidence
/// interval, and the extremes. `ci95` is `nil` with fewer than two replications where the
/// metric is defined.
public struct Estimate: Sendable, Equatable, Codable {
  public var mean: Double?
  public var ci95: Double?
  public var min: Double?
  public var max: Double?
  /// Replications in which the metric was defined (a ratio needs a non-zero denominator).
  public var replications: Int

  public init(_ values: [Double?]) {
    let tally = Tally(values.compactMap { $0 })
    replications = tally.count
    mean = tally.count > 0 ? tally.mean : nil
    ci95 = tally.halfWidth(level: 0.95)
    min = tally.count > 0 ? tally.min : nil
    max = tally.count > 0 ? tally.max : nil
  }

}
