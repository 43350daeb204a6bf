/// Fixed bins for durations (waits) fine enough to read percentiles from, with memory that
/// does not grow with the number of calls: bin 0 holds durations of exactly 0 s (calls
/// answered on arrival, often a large share, which spreading over a bin would blur); then
/// bins 1/8 s wide below 16 s; then, from 16 s, 128 bins per doubling (each at most 1/128,
/// 0.78 %, of its lower edge wide) up to 2^25 s (388 days); then one open bin.
///
/// So a percentile read with ``quantile(_:counts:)`` (linear within its bin) is within 0.125 s
/// or 0.78 % of the sample's own percentile, whichever is larger. The bin of a duration is
/// found from its floating-point exponent and top mantissa bits (no logarithm), cheap enough
/// for the event loop to bin every answered call.
public enum DurationBins {
  /// Bins per second below ``linearLimit``.
  static let perSecond = 8.0
  /// Seconds: below this the bins are 1/8 s wide; above, relative.
  public static let linearLimit = 16.0
  /// Seconds: durations from here on fall in the last, open, bin.
  public static let upperLimit = 33_554_432.0  // 2^25
  /// Doublings from ``linearLimit`` to ``upperLimit``.
  static let octaves = 21
  /// Bin count: the zero bin, 128 linear, 128 per doubling, the open bin.
  public static let count = 1 + 128 + 128 * 21 + 1

  /// The bin of a duration of `seconds` (≥ 0; 0 or less, and NaN, go to bin 0). Inlinable, with
  /// its constants written out, so that the event loop in another module bins an answered
  /// call's wait in a few instructions rather than a call.
  @inlinable @inline(__always)
  public static func bin(of seconds: Double) -> Int {
    guard seconds > 0 else { return 0 }
    let x = seconds * 8  // perSecond
    if x < 128 { return 1 &+ Int(x) }
    if seconds >= 33_554_432 { return 2817 }  // upperLimit, count - 1
    let bits = x.bitPattern
    let exponent = Int(truncatingIfNeeded: bits >> 52) &- 1023 &- 7
    let mantissa = Int(truncatingIfNeeded: (bits >> 45) & 127)
    return 129 &+ exponent &* 128 &+ mantissa
  }

  /// The lower edge of bin `i`, seconds (0 for the zero bin and the first linear bin).
  public static func lowerEdge(_ i: Int) -> Double {
    if i <= 0 { return 0 }
    if i <= 128 { return Double(i - 1) / perSecond }
    if i >= count - 1 { return upperLimit }
    let k = i - 129
    let octave = Double(sign: .plus, exponent: k / 128, significand: 1)
    return linearLimit * octave * (1 + Double(k % 128) / 128)
  }

  /// The upper edge of bin `i`, seconds: 0 for the zero bin, infinity for the open bin.
  public static func upperEdge(_ i: Int) -> Double {
    if i <= 0 { return 0 }
    return i + 1 < count ? lowerEdge(i + 1) : .infinity
  }

  /// The `q`-quantile (0 < q < 1) of the durations counted in `counts` (``count`` bins),
  /// seconds: the smallest t with a share q of the durations at most t, read linearly within
  /// its bin; 0 when the zero bin holds that share; the open bin's lower edge (a lower bound)
  /// when the quantile lies in it. `nil` when nothing was counted.
  public static func quantile(_ q: Double, counts: [Double]) -> Double? {
    quantiles([q], counts: counts)?[0]
  }

  /// The quantiles `qs` (each as in ``quantile(_:counts:)``) of the durations counted in
  /// `counts`, seconds; `nil` when nothing was counted. Adds the counts up once, for reports
  /// that read several percentiles of each histogram.
  public static func quantiles(_ qs: [Double], counts: [Double]) -> [Double]? {
    precondition(counts.count == count, "a duration histogram has \(count) bins")
    return counts.withUnsafeBufferPointer { bins -> [Double]? in
      var total = 0.0
      for c in bins { total += c }
      guard total > 0 else { return nil }
      return qs.map { quantile($0 * total, bins: bins) }
    }
  }

  /// The duration below which `target` of the counts in `bins` lie (see ``quantile(_:counts:)``).
  private static func quantile(_ target: Double, bins: UnsafeBufferPointer<Double>) -> Double {
    var below = 0.0
    for i in 0..<bins.count {
      let c = bins[i]
      guard c > 0 else { continue }
      if below + c >= target {
        if i == 0 { return 0 }
        if i == count - 1 { return upperLimit }
        let share = max(0, min(1, (target - below) / c))
        return lowerEdge(i) + share * (upperEdge(i) - lowerEdge(i))
      }
      below += c
    }
    return lowerEdge(count - 1)
  }
}
