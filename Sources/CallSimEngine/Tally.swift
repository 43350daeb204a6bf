/// Streaming mean and variance of observations (Welford's algorithm): O(1) memory however
/// many values are added.
public struct Tally: Sendable, Equatable {
  public private(set) var count = 0
  public private(set) var mean = 0.0
  public private(set) var min = Double.infinity
  public private(set) var max = -Double.infinity
  private var sumOfSquares = 0.0

  public init() {}

  public init<S: Sequence>(_ values: S) where S.Element == Double {
    for v in values { add(v) }
  }

  public mutating func add(_ value: Double) {
    count += 1
    let delta = value - mean
    mean += delta / Double(count)
    sumOfSquares += delta * (value - mean)
    min = Swift.min(min, value)
    max = Swift.max(max, value)
  }

  /// Sample variance (n − 1 denominator); `nil` with fewer than two observations.
  public var variance: Double? {
    count > 1 ? sumOfSquares / Double(count - 1) : nil
  }

  /// Half-width of the two-sided Student-t confidence interval for the mean at `level`
  /// (0.95 for 95 %); `nil` with fewer than two observations.
  public func halfWidth(level: Double = 0.95) -> Double? {
    guard let variance else { return nil }
    let t = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: Double(count - 1))
    return t * (variance / Double(count)).squareRoot()
  }
}
