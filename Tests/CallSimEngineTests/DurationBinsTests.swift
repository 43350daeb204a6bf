import CallSimEngine
import Foundation
import Testing

/// The wait bins the percentiles are read from: every duration falls in the bin whose edges
/// hold it, bins are at most 1/8 s or 1/128 of their lower edge wide, and percentiles read
/// from them are within that resolution of the exact sample percentile.
@Suite struct DurationBinsTests {
  @Test func everyDurationLiesBetweenItsBinsEdges() {
    var durations: [Double] = [0, 1e-9, 0.124, 0.125, 15.999, 16, 16.1, 31.99, 32, 59.5, 3600, 86_400 * 30, 33_554_431.9]
    var x = 0.001
    while x < 4e7 {
      durations.append(x)
      x *= 1.0137
    }
    for d in durations {
      let i = DurationBins.bin(of: d)
      #expect(i >= 0 && i < DurationBins.count)
      if d == 0 {
        #expect(i == 0)
      } else if d >= DurationBins.upperLimit {
        #expect(i == DurationBins.count - 1)
      } else {
        #expect(DurationBins.lowerEdge(i) <= d && d < DurationBins.upperEdge(i), "\(d) in bin \(i)")
      }
    }
  }

  @Test func binsAreNarrowEnough() {
    for i in 1..<(DurationBins.count - 1) {
      let (lo, hi) = (DurationBins.lowerEdge(i), DurationBins.upperEdge(i))
      #expect(hi > lo)
      #expect(hi - lo <= max(0.125, lo / 128) * (1 + 1e-12), "bin \(i): [\(lo), \(hi))")
      #expect(DurationBins.lowerEdge(i + 1) == hi)
    }
    #expect(DurationBins.upperEdge(DurationBins.count - 1) == .infinity)
  }

  /// Exponential waits (with a third answered at once): each percentile read from the bins is
  /// within the bins' resolution of the sorted sample's.
  @Test func quantilesMatchTheSortedSample() {
    var state: UInt64 = 11
    func uniform() -> Double {  // SplitMix64, on (0, 1)
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return (Double((z ^ (z >> 31)) >> 11) + 0.5) / 9_007_199_254_740_992
    }
    var sample: [Double] = []
    for i in 0..<200_000 { sample.append(i % 3 == 0 ? 0 : -90 * log(uniform())) }
    var counts = [Double](repeating: 0, count: DurationBins.count)
    for w in sample { counts[DurationBins.bin(of: w)] += 1 }
    sample.sort()
    for q in [0.2, 0.34, 0.5, 0.8, 0.9, 0.95, 0.999] {
      let exact = sample[Int((q * Double(sample.count)).rounded(.up)) - 1]
      let read = try! #require(DurationBins.quantile(q, counts: counts))
      #expect(abs(read - exact) <= max(0.125, exact / 128), "q \(q): \(read) against \(exact)")
    }
    #expect(DurationBins.quantile(0.3, counts: counts) == 0)
    #expect(DurationBins.quantile(0.5, counts: [Double](repeating: 0, count: DurationBins.count)) == nil)
  }
}
