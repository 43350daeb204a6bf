import Foundation
import Testing

/// The Seoul year study (`Scenarios/seoul-120/year-2023.yaml`), shortened: the full year
/// (365 measured days × 5 replications) is in the README; here four whole weeks of 2023
/// without a public holiday, 5 March – 1 April 2023 (warm-up 4 March), 2 replications.
@Suite struct SeoulYearTests {
  /// Published 2023 counts (SEED-FACTS "Phone volume by year").
  static let published = (totalInflow: 5_076_209.0, inflow: 3_769_979.0, answered: 3_693_948.0, answerRate: 0.980)

  /// Share of the year's calls that fall in the four measured weeks: the sum of the
  /// scenario's day-volume factors over them (4 × 6.28 = 25.12, every weekday four times)
  /// over the sum over 2023 (320.98: 52 weeks, one more Sunday, 18 holidays at factor 0.6
  /// in place of their weekdays' factors). The model has no seasonality, so the year's
  /// counts scale to the period by this share.
  static let periodShare = 25.12 / 320.98

  /// Tolerances. Counts: 3 % — the 1 % the full year is calibrated to, plus the noise of
  /// 2 × 28 days under the scenario's day-to-day volume noise (cv 6 % a day: about 0.8 % on
  /// the mean of 56 days, so 2 % is 2.5 standard errors). Answer rate: 1 point — the year's
  /// 0.5 point, plus holidays left out here (their staffing differs from ordinary days).
  static let countTolerance = 0.03
  static let answerRateTolerance = 0.01

  @Test func fourWeeksOf2023MatchThePublishedYearScaledToThePeriod() throws {
    let dir = try CLI.temporaryFolder()
    let year = CLI.packageRoot.appendingPathComponent("Scenarios/seoul-120/year-2023.yaml").path
    let file = try CLI.write(
      "extends: \(year)\nscenario: seoul-120-year-2023-march\nsimulation: {start: 2023-03-04, days: 29, replications: 2}\n",
      to: "march.yaml", in: dir)
    let out = dir.appendingPathComponent("run")
    let r = try CLI.run(["run", file, "--out", out.path, "--allow-outside", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let summary = try CLI.json(out.appendingPathComponent("summary.json"))
    let metrics = try #require(summary["metrics"] as? [String: [String: Any]])
    func mean(_ name: String) throws -> Double { try #require(metrics[name]?["mean"] as? Double) }
    let p = Self.published
    for (name, year) in [("total_inflow", p.totalInflow), ("inflow", p.inflow), ("answered", p.answered)] {
      let expected = year * Self.periodShare
      let found = try mean(name)
      #expect(abs(found / expected - 1) <= Self.countTolerance, "\(name): \(found) against \(expected)")
    }
    let rate = try mean("answer_rate")
    #expect(abs(rate - p.answerRate) <= Self.answerRateTolerance, "answer rate \(rate)")
  }
}
