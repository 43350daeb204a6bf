@testable import CallSim
import Testing

/// How `callsim compare` writes a difference: a significant one never reads as 0, and a
/// difference that is only floating-point rounding is not significant.
@Suite struct CompareTableTests {
  /// Differences 0.03, 0.04, 0.032 calls: significant, 0.0 at the usual one decimal.
  @Test func smallSignificantDifferencesGetTheDecimalsTheyNeed() {
    let d = PairedDifference(base: [0, 0, 0], other: [0.03, 0.04, 0.032])
    #expect(d.isSignificant)
    #expect(CompareTable.Unit.count.difference(d) == "+0.03 ± 0.01 *")
    #expect(CompareTable.Unit.seconds.difference(d) == "+0.03 s ± 0.01 *")
    let share = PairedDifference(base: [0.5, 0.5, 0.5], other: [0.50003, 0.50004, 0.500032])
    #expect(CompareTable.Unit.share.difference(share) == "+0.003 pp ± 0.001 *")
  }

  @Test func usualDecimalsWhenTheyShowTheDifference() {
    let d = PairedDifference(base: [10, 11, 12], other: [12, 13.5, 14])
    #expect(CompareTable.Unit.count.difference(d) == "+2.2 ± 0.7 *")
    #expect(CompareTable.Unit.count.difference(PairedDifference(base: [1, 2], other: [1, 2])) == "+0.0 ± 0.0")
    #expect(CompareTable.Unit.count.difference(PairedDifference(base: [1], other: [3])) == "+2.0")
  }

  /// 0.1 + 0.2 against 0.3 in every replication: a difference of 5.6e-17 with an interval
  /// of 0 is the same value summed two ways, not a finding.
  @Test func roundingIsNotSignificant() {
    let d = PairedDifference(base: Array(repeating: 0.1 + 0.2, count: 3), other: [0.3, 0.3, 0.3])
    #expect(d.mean != 0 && d.ci95 == 0)
    #expect(!d.isSignificant)
    #expect(CompareTable.Unit.share.difference(d) == "-0.00 pp ± 0.00")
  }

  /// A metric only the other scenario defines (the call-back delay against a scenario
  /// without offers): no difference, but the other's own mean, shown in the compare table.
  @Test func aMetricOnlyOneSideDefinesKeepsItsMean() {
    let d = PairedDifference(base: [nil, nil, nil], other: [20, nil, 40])
    #expect(d.pairs == 0 && d.mean == nil && d.ci95 == nil && !d.isSignificant)
    #expect(d.otherMean == 30 && d.baseMean == nil)
    #expect(CompareTable.Unit.seconds.difference(d) == "(30.0 s)")
    #expect(CompareTable.Unit.seconds.difference(PairedDifference(base: [nil], other: [nil])) == "–")
  }
}
