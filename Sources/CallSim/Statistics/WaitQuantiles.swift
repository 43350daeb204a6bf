import CallSimEngine

/// The percentiles of one replication's answered waits (per call type, or all types), seconds:
/// one value per metric of ``Metric/waitQuantiles``, read from a ``DurationBins`` histogram
/// (within 0.125 s or 0.78 % of the exact sample percentile). Kept instead of the histogram,
/// so a replication's result holds a few numbers per call type however many calls it had.
public struct WaitQuantiles: Sendable, Equatable {
  /// Seconds, per percentile metric; empty when no call was answered.
  public private(set) var seconds: [Metric: Double] = [:]

  public init() {}

  /// The percentiles of the waits counted in `histogram` (``DurationBins/count`` bins).
  public init(histogram: [Double]) {
    let metrics = Metric.waitQuantiles
    guard let values = DurationBins.quantiles(metrics.map { $0.waitQuantile! }, counts: histogram) else { return }
    for (m, value) in zip(metrics, values) { seconds[m] = value }
  }

  /// The value of percentile metric `metric`, seconds; `nil` when no call was answered.
  public subscript(metric: Metric) -> Double? { seconds[metric] }
}
