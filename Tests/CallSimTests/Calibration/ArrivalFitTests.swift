import CallSim
import CallSimEngine
import Foundation
import Testing

/// `callsim fit arrivals`: hourly counts → per_day, weekday factors, hourly shape, day_noise.
@Suite struct ArrivalFitTests {
  /// An hourly shape in percent (sums to 100), a working-day profile.
  static let shape: [Double] = [0.2, 0.1, 0.1, 0.1, 0.1, 0.4, 1, 3, 7, 10, 11, 10, 8, 9, 9, 8, 7, 6, 4, 3, 1.5, 0.8, 0.4, 0.3]
  static let factors: [Weekday: Double] = [.mon: 1.3, .tue: 1.1, .wed: 1.0, .thu: 1.0, .fri: 1.05, .sat: 0.45, .sun: 0.1]

  static func rows(days: Int, start: CalendarDate = CalendarDate(year: 2024, month: 1, day: 1)!, _ count: (CalendarDate, Int) -> Int) -> [ArrivalFit.Row] {
    (0..<days).flatMap { i in
      let d = start.adding(days: i)
      return (0..<24).map { h in ArrivalFit.Row(date: d, hour: h, calls: count(d, h)) }
    }
  }

  /// Counts that are exactly per_day · factor · shape: the fit returns the inputs, an error of
  /// 0 and no day noise (the day totals of a weekday are equal: cv² = max(0, −m/m²) = 0).
  @Test func noiselessCountsAreRecoveredExactly() throws {
    // per_day 20 000 · factor · shape%: whole numbers for these factors (multiples of 0.05 × 0.1 %).
    let fit = try ArrivalFit.fit(Self.rows(days: 14) { d, h in Int((200 * Self.factors[d.weekday]! * Self.shape[h]).rounded()) }, file: "a.csv")
    let mean = Self.factors.values.reduce(0, +) / 7
    #expect(abs(fit.perDay - 20_000 * mean) < 1e-9)
    for w in Weekday.allCases { #expect(abs(fit.weekday[w]! - Self.factors[w]! / mean) < 1e-12, "\(w)") }
    #expect(fit.hourly == Self.shape.map { ($0 * 1000).rounded() / 1000 })
    #expect(fit.dayNoiseCV == 0)
    #expect(fit.rmsRelativeError < 1e-12)
    #expect(fit.days == 14 && fit.missingWeekdays.isEmpty)
  }

  /// 52 weeks of Poisson counts with a gamma day factor (cv 0.1), drawn with the project's
  /// own streams. Tolerances: a weekday's mean over 52 days has a relative standard error of
  /// about √(0.1² + 1/m)/√52 ≈ 1.4 %, so factors and per_day are checked to 6 % (over 4 SE);
  /// the cv estimate from 364 day totals has a standard error of about 0.005, checked to
  /// ±0.02; the hourly shares of ~1.6 M calls are checked to 2 % for hours above 1 %.
  @Test func poissonGammaCountsRecoverTheBlock() throws {
    let perDay = 4500.0, cv = 0.1
    let streams = RandomStreamSet(seed: 31, replication: 0)
    var dayFactor: [CalendarDate: Double] = [:]
    let rows = streams.withStream("day") { day in
      streams.withStream("calls") { calls in
        Self.rows(days: 364) { d, h in
          if dayFactor[d] == nil { dayFactor[d] = day.gamma(shape: 1 / (cv * cv), scale: cv * cv) }
          return calls.poisson(mean: perDay * Self.factors[d.weekday]! * dayFactor[d]! * Self.shape[h] / 100)
        }
      }
    }
    let fit = try ArrivalFit.fit(rows, file: "a.csv")
    let mean = Self.factors.values.reduce(0, +) / 7
    #expect(abs(fit.perDay / (perDay * mean) - 1) < 0.06, "per_day \(fit.perDay)")
    for w in Weekday.allCases {
      #expect(abs(fit.weekday[w]! / (Self.factors[w]! / mean) - 1) < 0.06, "\(w) \(fit.weekday[w]!)")
    }
    for h in 0..<24 where Self.shape[h] >= 1 { #expect(abs(fit.hourly[h] / Self.shape[h] - 1) < 0.02, "hour \(h)") }
    let estimated = try #require(fit.dayNoiseCV)
    #expect(abs(estimated - cv) < 0.02, "cv \(estimated)")
    #expect(abs(fit.hourly.reduce(0, +) - 100) < 1e-9)
    // The error is above Poisson noise alone (the day factor adds to it) but of its order.
    #expect(fit.rmsRelativeError > fit.poissonRelativeError && fit.rmsRelativeError < 2 * fit.poissonRelativeError)
  }

  /// Pure Poisson counts (no day factor): the method of moments finds (almost) no day noise.
  @Test func poissonCountsHaveLittleDayNoise() throws {
    let rows = RandomStreamSet(seed: 32, replication: 0).withStream("calls") { s in
      Self.rows(days: 364) { d, h in s.poisson(mean: 3000 * Self.factors[d.weekday]! * Self.shape[h] / 100) }
    }
    let fit = try ArrivalFit.fit(rows, file: "a.csv")
    #expect(try #require(fit.dayNoiseCV) < 0.01)
  }

  /// The printed block is a valid `arrivals` mapping; a week simulated from it expects
  /// per_day · Σ factors calls (the factors are printed to 3 decimals: 0.1 %).
  @Test func yamlDecodesAsTheArrivalsBlock() throws {
    let rows = RandomStreamSet(seed: 33, replication: 0).withStream("calls") { s in
      Self.rows(days: 28) { d, h in s.poisson(mean: 800 * Self.factors[d.weekday]! * Self.shape[h] / 100) }
    }
    let fit = try ArrivalFit.fit(rows, file: "a.csv")
    #expect(fit.yaml.contains("  day_noise: {cv: ") == ((fit.dayNoiseCV ?? 0) > 0))
    let scenario = try ScenarioFixture().load("fitted.yaml", """
      scenario: fitted
      simulation: {start: 2024-01-01, days: 7, replications: 1, seed: 1}
      \(fit.yaml)
      call_types:
        call: {handle: {dist: exponential, mean: 5m}}
      agents: 6
      """)
    let expected = fit.perDay * fit.weekday.values.reduce(0, +)
    #expect(abs(scenario.model.arrivals.expectedCalls / expected - 1) < 2e-3, "\(scenario.model.arrivals.expectedCalls) vs \(expected)")
  }

  /// Holidays are their own day type: two holiday Mondays at half a Monday's volume give a
  /// holiday factor of half Monday's, and leave the weekday factors as without them.
  @Test func holidaysGetTheirOwnFactor() throws {
    let holidays: Set<CalendarDate> = [CalendarDate(iso: "2024-01-15")!, CalendarDate(iso: "2024-01-22")!]
    let rows = Self.rows(days: 28) { d, h in
      Int((200 * Self.factors[d.weekday]! * Self.shape[h] * (holidays.contains(d) ? 0.5 : 1)).rounded())
    }
    let fit = try ArrivalFit.fit(rows, file: "a.csv", holidays: holidays)
    let mean = Self.factors.values.reduce(0, +) / 7
    #expect(fit.holidayDays == 2)
    #expect(abs(fit.perDay - 20_000 * mean) < 1e-9)
    #expect(abs(fit.weekday[.mon]! - 1.3 / mean) < 1e-12)
    #expect(abs(fit.holiday! - 0.65 / mean) < 1e-12)
    #expect(fit.dayNoiseCV == 0 && fit.rmsRelativeError < 1e-12)
    #expect(fit.yaml.contains(", holiday: \(String(format: "%.3f", 0.65 / mean))}"))
    // Without the list, the holidays drag Monday down and show up as day noise.
    let plain = try ArrivalFit.fit(rows, file: "a.csv")
    #expect(plain.holiday == nil && plain.weekday[.mon]! < fit.weekday[.mon]! && plain.dayNoiseCV! > 0.1)
    #expect(throws: CalibrationError("a.csv: every date is a holiday; per_day needs at least one ordinary day")) {
      try ArrivalFit.fit(Self.rows(days: 1) { _, _ in 1 }, file: "a.csv", holidays: [CalendarDate(iso: "2024-01-01")!])
    }
  }

  @Test func oneDayFitsWithoutDayNoise() throws {
    let fit = try ArrivalFit.fit(Self.rows(days: 1) { _, h in Int(Self.shape[h] * 10) }, file: "a.csv")
    #expect(fit.dayNoiseCV == nil)
    #expect(fit.missingWeekdays == [.tue, .wed, .thu, .fri, .sat, .sun])
    #expect(fit.weekday[.mon] == 1 && fit.weekday[.sun] == 1)
    #expect(!fit.yaml.contains("day_noise"))
  }

  @Test func byteOrderMarkAndCRLF() throws {
    let rows = try ArrivalFit.parse("\u{FEFF}date,hour,calls\r\n2024-01-01,0,3\r\n", file: "a.csv")
    #expect(rows == [ArrivalFit.Row(date: CalendarDate(iso: "2024-01-01")!, hour: 0, calls: 3)])
  }

  static let badFiles: [(String, String)] = [
    ("", "a.csv: no hourly counts found (expected rows date,hour,calls)"),
    ("date,hour,calls\n", "a.csv: no hourly counts found (expected rows date,hour,calls)"),
    ("date,hour,calls\n2024-01-01,5,-3\n", "a.csv:2: a count of calls cannot be negative, found '-3'"),
    ("2024-01-01,24,3\n", "a.csv:1: expected an hour from 0 to 23, found '24'"),
    ("2024-01-01,-1,3\n", "a.csv:1: expected an hour from 0 to 23, found '-1'"),
    ("2024-02-30,5,3\n", "a.csv:1: expected a date YYYY-MM-DD, found '2024-02-30'"),
    ("01/02/2024,5,3\n", "a.csv:1: expected a date YYYY-MM-DD, found '01/02/2024'"),
    ("2024-01-01,5,many\n", "a.csv:1: expected a whole number of calls, found 'many'"),
    ("2024-01-01,5,2.5\n", "a.csv:1: expected a whole number of calls, found '2.5'"),
    ("2024-01-01,5\n", "a.csv:1: expected 3 columns date,hour,calls, found '2024-01-01,5'"),
    ("2024-01-01,5,9000000000000000000\n", "a.csv:1: at most 100000000 calls in an hour, found '9000000000000000000'"),
    ("2024-01-01,5,1\n2024-01-01,5,2\n", "a.csv:2: 2024-01-01 hour 5 again (first on line 1)"),
  ]

  @Test(arguments: badFiles.indices)
  func badFilesAreOneLineErrors(_ i: Int) {
    let (text, message) = Self.badFiles[i]
    #expect(throws: CalibrationError(message)) { try ArrivalFit.fit(ArrivalFit.parse(text, file: "a.csv"), file: "a.csv") }
  }

  @Test func incompleteOrEmptyDaysAreRefused() {
    let partial = (0..<23).map { "2024-01-01,\($0),5" }.joined(separator: "\n")
    #expect(throws: CalibrationError("a.csv: 2024-01-01 lacks hour 23; every date needs all 24 hours (0 for an hour without calls)")) {
      try ArrivalFit.fit(ArrivalFit.parse(partial, file: "a.csv"), file: "a.csv")
    }
    let zeros = (0..<24).map { "2024-01-01,\($0),0" }.joined(separator: "\n")
    #expect(throws: CalibrationError("a.csv: every count is 0; there is nothing to fit")) {
      try ArrivalFit.fit(ArrivalFit.parse(zeros, file: "a.csv"), file: "a.csv")
    }
  }
}
