import CallSimEngine

/// The difference other − base of one metric between two scenarios run on common random
/// numbers, paired replication by replication.
///
/// Replication `r` of both scenarios met the same callers, so the noise they share cancels
/// in `other_r − base_r`; the 95 % Student-t interval of the mean of these differences
/// (n − 1 degrees of freedom) is what a manager can trust. Only replications where the
/// metric is defined in both scenarios count (a ratio needs a non-zero denominator).
public struct PairedDifference: Sendable, Equatable {
  /// Mean of the baseline over the paired replications (the metric's unit); with no pair,
  /// over the replications where the baseline defines it (so a metric only one scenario
  /// has — the call-back delay, say — still shows that scenario's mean).
  public var baseMean: Double?
  /// Mean of the other scenario over the paired replications (with no pair, as `baseMean`).
  public var otherMean: Double?
  /// Mean of other − base (equal to `otherMean − baseMean` up to rounding).
  public var mean: Double?
  /// Half-width of the 95 % interval of `mean`; `nil` with fewer than two pairs.
  public var ci95: Double?
  /// Replications where the metric was defined in both scenarios.
  public var pairs: Int

  /// Pairs `base[r]` with `other[r]`; the arrays are per replication, in the same order.
  public init(base: [Double?], other: [Double?]) {
    precondition(base.count == other.count, "paired scenarios need the same replications")
    var b = Tally(), o = Tally(), d = Tally()
    for (x, y) in zip(base, other) {
      guard let x, let y else { continue }
      b.add(x)
      o.add(y)
      d.add(y - x)
    }
    pairs = d.count
    func unpairedMean(_ values: [Double?]) -> Double? {
      let defined = values.compactMap { $0 }
      return defined.isEmpty ? nil : defined.reduce(0, +) / Double(defined.count)
    }
    baseMean = d.count > 0 ? b.mean : unpairedMean(base)
    otherMean = d.count > 0 ? o.mean : unpairedMean(other)
    mean = d.count > 0 ? d.mean : nil
    ci95 = d.halfWidth(level: 0.95)
  }

  /// Whether the 95 % interval excludes 0: the difference is more than noise. A difference
  /// within rounding error of the means (both scenarios computed the same value by different
  /// sums: its interval is 0 but so is the difference) is not.
  public var isSignificant: Bool {
    guard let mean, let ci95, let baseMean, let otherMean else { return false }
    return abs(mean) > ci95 && abs(mean) > Self.roundingError * max(abs(baseMean), abs(otherMean))
  }

  /// Relative size below which a difference of two means is floating-point rounding.
  static let roundingError = 1e-12

  /// Half-width of the 95 % interval the same difference would have if the two scenarios had
  /// been run on independent random numbers (Welch's interval, with Welch–Satterthwaite
  /// degrees of freedom): what pairing on common random numbers saves.
  public static func unpairedHalfWidth(base: [Double], other: [Double]) -> Double? {
    let b = Tally(base), o = Tally(other)
    guard let vb = b.variance, let vo = o.variance else { return nil }
    let sb = vb / Double(b.count), so = vo / Double(o.count)
    guard sb + so > 0 else { return 0 }
    let df = (sb + so) * (sb + so) / (sb * sb / Double(b.count - 1) + so * so / Double(o.count - 1))
    return StudentT.quantile(0.975, degreesOfFreedom: df) * (sb + so).squareRoot()
  }
}
