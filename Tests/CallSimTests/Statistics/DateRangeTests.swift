@_spi(Testing) import CallSim
import Testing

/// Date ranges as `compare --dates` and `--weekly` use them.
@Suite struct DateRangeTests {
  func date(_ iso: String) throws -> CalendarDate { try #require(CalendarDate(iso: iso)) }

  /// Weeks run Monday to Sunday; the first and last are cut to the range; every day of the
  /// range is in exactly one week.
  @Test(arguments: [
    ("2024-09-02..2024-09-15", ["2024-09-02..2024-09-08", "2024-09-09..2024-09-15"]),
    ("2024-08-31..2024-09-03", ["2024-08-31..2024-09-01", "2024-09-02..2024-09-03"]),
    ("2024-09-04", ["2024-09-04"]),
    ("2024-09-08..2024-09-09", ["2024-09-08", "2024-09-09"]),
  ])
  func weeksRunMondayToSunday(range: String, weeks: [String]) throws {
    let r = try #require(DateRange(range))
    #expect(r.weeks.map(\.description) == weeks)
    #expect(r.weeks.map(\.days).reduce(0, +) == r.days)
    for w in r.weeks.dropFirst() { #expect(w.from.weekday == .mon) }
    for w in r.weeks.dropLast() { #expect(w.to.weekday == .sun) }
  }

  /// The measured days follow the warm-up: a partial first day counts; none when the warm-up
  /// covers the run.
  @Test func measuredDaysFollowTheWarmUp() throws {
    let day = SimulationSettings(days: 4, warmup: 86_400, replications: 1, seed: 1)
    #expect(DateRange.measuredDays(of: day)?.description == "\(day.date(ofDay: 1))..\(day.date(ofDay: 3))")
    let partial = SimulationSettings(days: 4, warmup: 7_200, replications: 1, seed: 1)
    #expect(DateRange.measuredDays(of: partial)?.from == partial.date(ofDay: 0))
    #expect(DateRange.measuredDays(of: SimulationSettings(days: 1, warmup: 86_400, replications: 1, seed: 1)) == nil)
  }
}
