import CallSim
import CallSimEngine
import Foundation
import Testing

@Suite struct ArrivalTests {
  /// A week of arrivals from a 168-hour table: over 20 replications each hour's count is
  /// Poisson with mean 20·rate; Pearson's chi-square over the 168 cells (168 degrees of
  /// freedom) must not reject at the 0.1 % level, and no single hour may be off by more than
  /// 4.5 standard deviations (a false alarm about once in 2,000 runs of this test).
  @Test func weekOfArrivalsFollowsTheRateTable() throws {
    let fixture = try ScenarioFixture()
    var csv = "weekday,hour,calls_per_hour\n"
    var expected: [Double] = []
    for (d, day) in Weekday.allCases.enumerated() {
      for h in 0..<24 {
        let rate = (10 + 40 * sin(Double(h) / 24 * .pi)) * (d == 0 ? 1.3 : 1)
        expected.append(rate)
        csv += "\(day.rawValue),\(h),\(rate)\n"
      }
    }
    try fixture.write("rates.csv", csv)
    let scenario = try fixture.load("week.yaml", """
      scenario: week
      simulation: {start: 2024-09-02, days: 7, replications: 20, seed: 11}
      arrivals: {rates: rates.csv}
      call_types: {call: {handle: {dist: exponential, mean: 1m}}}
      agents: 100
      """)
    #expect(scenario.model.settings.start.weekday == .mon)
    let result = try #require(try SimulationRunner.run(scenario.model))
    #expect(result.conservationErrors.isEmpty)
    var chi2 = 0.0
    for h in 0..<168 {
      let observed = result.hourSum(h).totalInflow
      let mean = 20 * expected[h]
      chi2 += (observed - mean) * (observed - mean) / mean
      #expect(abs(observed - mean) < 4.5 * mean.squareRoot(), "hour \(h): \(observed) calls, expected \(mean)")
    }
    let p = ChiSquare.upperTail(chi2, degreesOfFreedom: 168)
    #expect(p > 0.001, "chi-square \(chi2) on 168 degrees of freedom, p = \(p)")
  }

  /// Day noise: daily counts are Poisson–gamma with variance m + (cv·m)². Over 600 days the
  /// sample variance has a relative standard error of about 6 %; the check allows 25 %.
  @Test func dayNoiseAddsTheConfiguredVariance() throws {
    let fixture = try ScenarioFixture()
    let scenario = try fixture.load("noise.yaml", """
      scenario: noise
      simulation: {days: 600, replications: 1, seed: 5}
      arrivals: {per_day: 2400, day_noise: {cv: 0.2}}
      call_types: {call: {handle: {dist: exponential, mean: 30s}}}
      agents: 10
      """)
    let result = try #require(try SimulationRunner.run(scenario.model))
    let r = result.replications[0]
    let daily = (0..<600).map { d in (0..<24).reduce(0.0) { $0 + r.hourly[d * 24 + $1].totalInflow } }
    let tally = Tally(daily)
    let m = 2400.0
    let expected = m + 0.04 * m * m
    #expect(abs(tally.mean / m - 1) < 0.03)
    #expect(abs(tally.variance! / expected - 1) < 0.25, "variance \(tally.variance!) expected \(expected)")
  }

  /// per_day × weekday factor × hourly shape: expected calls per hour as configured, and a
  /// holiday takes the holiday factor.
  @Test func dailyVolumeShapedByWeekdayAndHour() throws {
    let fixture = try ScenarioFixture()
    let scenario = try fixture.load("shape.yaml", """
      scenario: shape
      simulation: {start: 2024-09-16, days: 7, replications: 1, seed: 1, holidays: [2024-09-17]}
      arrivals:
        per_day: 2400
        weekday: {mon: 1.5, sun: 0.5, holiday: 0.25}
        hourly: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
      call_types: {call: {handle: {dist: exponential, mean: 30s}}}
      agents: 10
      """)
    let rates = scenario.model.arrivals.callsPerHour
    #expect(rates.count == 168)
    #expect(rates[0] == 0 && rates[10] == 2400 * 1.5 / 12)   // Monday
    #expect(rates[24 + 10] == 2400 * 0.25 / 12)               // Tuesday, a holiday
    #expect(rates[2 * 24 + 10] == 2400.0 / 12)                // Wednesday
    #expect(rates[6 * 24 + 10] == 2400 * 0.5 / 12)            // Sunday
    #expect(abs(scenario.model.arrivals.expectedCalls - 2400 * (1.5 + 0.25 + 1 + 1 + 1 + 1 + 0.5)) < 1e-6)
  }

  @Test func halfHourlyShape() throws {
    let fixture = try ScenarioFixture()
    let weights = (0..<48).map { $0 == 20 ? "1" : "0" }.joined(separator: ", ")
    let scenario = try fixture.load("half.yaml", """
      scenario: half
      simulation: {days: 1, replications: 1}
      arrivals: {per_day: 100, half_hourly: [\(weights)]}
      call_types: {call: {handle: {dist: exponential, mean: 30s}}}
      agents: 10
      """)
    #expect(scenario.model.arrivals.slotSeconds == 1800)
    #expect(scenario.model.arrivals.callsPerHour[20] == 200)
    let r = try #require(try SimulationRunner.run(scenario.model)).replications[0]
    #expect(r.hourly[10].totalInflow > 0)
    #expect(r.hourly.enumerated().allSatisfy { $0.offset == 10 || $0.element.totalInflow == 0 })
  }

  @Test func dateRateTable() throws {
    let fixture = try ScenarioFixture()
    var csv = "date,hour,calls\n"
    for d in ["2024-09-02", "2024-09-03"] { for h in 0..<24 { csv += "\(d),\(h),\(h == 9 ? 500 : 0)\n" } }
    try fixture.write("dates.csv", csv)
    let scenario = try fixture.load("dates.yaml", """
      scenario: dates
      simulation: {start: 2024-09-02, days: 2, replications: 1}
      arrivals: {rates: dates.csv}
      call_types: {call: {handle: {dist: exponential, mean: 30s}}}
      agents: 10
      """)
    #expect(scenario.model.arrivals.callsPerHour[9] == 500 && scenario.model.arrivals.callsPerHour[33] == 500)
    let missing = try fixture.problems("""
      scenario: dates
      simulation: {start: 2024-09-02, days: 3, replications: 1}
      arrivals: {rates: dates.csv}
      call_types: {call: {handle: {dist: exponential, mean: 30s}}}
      agents: 10
      """)
    #expect(missing.count == 1 && missing[0].contains("no row for 2024-09-04 hour 0"), "\(missing)")
  }
}
