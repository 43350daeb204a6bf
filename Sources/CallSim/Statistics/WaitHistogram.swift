/// Counts of waits in fixed bins: first waits of exactly 0 s (calls answered on arrival, a
/// share of the calls that spreading over a bin would blur), then bins 1 s wide below 1 min,
/// 5 s to 5 min, 30 s to 30 min, 5 min to 2 h, then one open bin. Fine enough for
/// service-level questions at any threshold, and exact at 0, with O(1) memory and no
/// per-call trace.
public struct WaitHistogram: Sendable, Equatable {
  public static let binCount = 178
  public private(set) var counts: [Double]

  public init() { counts = Array(repeating: 0, count: WaitHistogram.binCount) }

  /// A histogram with these bin counts (`binCount` of them).
  public init(counts: [Double]) {
    precondition(counts.count == WaitHistogram.binCount)
    self.counts = counts
  }

  /// The bin of a wait of `w` seconds (≥ 0): 0 for no wait at all, then [lowerEdge, upperEdge).
  /// Inlined: the tally bins every answered and abandoned call.
  @inline(__always)
  public static func bin(of w: Double) -> Int {
    if w <= 0 { return 0 }
    if w < 60 { return 1 + Int(w) }
    if w < 300 { return 61 + Int((w - 60) / 5) }
    if w < 1800 { return 109 + Int((w - 300) / 30) }
    if w < 7200 { return 159 + Int((w - 1800) / 300) }
    return 177
  }

  /// The lower edge of bin `i`, seconds (0 for both bin 0, waits of exactly 0, and bin 1).
  public static func lowerEdge(_ i: Int) -> Double {
    switch i {
    case ..<1: 0
    case ..<61: Double(i - 1)
    case ..<109: 60 + Double(i - 61) * 5
    case ..<159: 300 + Double(i - 109) * 30
    case ..<177: 1800 + Double(i - 159) * 300
    default: 7200
    }
  }

  /// The upper edge of bin `i`, seconds: 0 for bin 0 (which holds 0 only), infinity for the last.
  public static func upperEdge(_ i: Int) -> Double {
    i + 1 < binCount ? lowerEdge(i + 1) : .infinity
  }

  public static func += (a: inout WaitHistogram, b: WaitHistogram) {
    for i in a.counts.indices { a.counts[i] += b.counts[i] }
  }

  /// Every count multiplied by `factor` (to average over replications).
  public func scaled(by factor: Double) -> WaitHistogram {
    var copy = self
    for i in copy.counts.indices { copy.counts[i] *= factor }
    return copy
  }
}
