/// Counts of waits in fixed bins: 1 s wide below 1 min, 5 s to 5 min, 30 s to 30 min,
/// 5 min to 2 h, then one open bin. Fine enough for service-level questions at any
/// threshold, with O(1) memory and no per-call trace.
public struct WaitHistogram: Sendable, Equatable {
  public static let binCount = 177
  public private(set) var counts: [Double]

  public init() { counts = Array(repeating: 0, count: WaitHistogram.binCount) }

  /// A histogram with these bin counts (`binCount` of them).
  public init(counts: [Double]) {
    precondition(counts.count == WaitHistogram.binCount)
    self.counts = counts
  }

  /// The bin of a wait of `w` seconds (≥ 0).
  public static func bin(of w: Double) -> Int {
    if w < 60 { return max(0, Int(w)) }
    if w < 300 { return 60 + Int((w - 60) / 5) }
    if w < 1800 { return 108 + Int((w - 300) / 30) }
    if w < 7200 { return 158 + Int((w - 1800) / 300) }
    return 176
  }

  /// The lower edge of bin `i`, seconds.
  public static func lowerEdge(_ i: Int) -> Double {
    switch i {
    case ..<60: Double(i)
    case ..<108: 60 + Double(i - 60) * 5
    case ..<158: 300 + Double(i - 108) * 30
    case ..<176: 1800 + Double(i - 158) * 300
    default: 7200
    }
  }

  /// The upper edge of bin `i`, seconds (infinity for the last).
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
