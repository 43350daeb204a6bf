import Foundation

/// The `arrivals` block (`per_day`, `weekday`, `hourly`, `day_noise`) fitted to observed
/// hourly call counts, for `callsim fit arrivals`.
///
/// Input: rows `date,hour,calls` (a header line allowed; blank and `#` lines skipped), dates
/// `YYYY-MM-DD`, hours 0–23, calls whole numbers from 0 to 10⁸, and every date with each of
/// its 24 hours exactly once (a day's total needs all of them; write 0 for an hour without calls).
///
/// The model is the scenario's: calls in hour h of date d are Poisson with mean
/// `per_day · weekday[w(d)] · hourly[h] / 100`, times a gamma day factor of mean 1 and
/// coefficient of variation `cv` (`day_noise`). Estimates, with Tᵈ the total of date d:
/// - the weekday mean m_w = mean of Tᵈ over the dates falling on weekday w, holidays apart;
/// - with a list of holidays: the holiday factor `weekday.holiday` = (mean Tᵈ over the
///   holidays in the data) / per_day; holidays count in the hourly shape and, as their own
///   day type, in `cv`;
/// - `per_day` = the mean of m_w over the weekdays present (calls per day), and
///   `weekday[w]` = m_w / per_day, so the factors average 1 over the weekdays present; a
///   weekday absent from the data gets factor 1 and is listed in ``missingWeekdays``;
/// - `hourly[h]` = 100 · Σ_d calls(d, h) / Σ_d Tᵈ (percent of a day's calls; the Poisson
///   maximum-likelihood shape given the day totals), printed to 3 decimals summing to 100;
/// - `cv` by the method of moments on the day totals after removing the weekday effect: a
///   day's total has variance m + m²·cv² under the model, so
///   cv² = max(0, Σ_d [n_w/(n_w − 1) · (Tᵈ − m_w)² − m_w] / Σ_d m_w²) over the weekdays with
///   n_w ≥ 2 dates (the factor n_w/(n_w − 1) undoes the variance lost to estimating m_w);
///   with equal means it is (var − mean)/mean². No weekday seen twice: `cv` is `nil`.
/// The fit's error is the root-mean-square relative error (observed − predicted)/predicted of
/// the hourly counts over hours with a predicted count > 0, next to the value Poisson noise
/// alone would give, √(mean of 1/predicted).
public struct ArrivalFit: Sendable {
  /// Calls on a day whose weekday factor is 1.
  public let perDay: Double
  /// Volume factor by weekday (1 for a weekday absent from the data).
  public let weekday: [Weekday: Double]
  /// Weekdays with no date in the data.
  public let missingWeekdays: [Weekday]
  /// The holiday factor, when holidays were given and some are in the data.
  public let holiday: Double?
  /// Number of the data's dates that are holidays.
  public let holidayDays: Int
  /// 24 weights, percent of a day's calls in each hour from midnight; they sum to 100.
  public let hourly: [Double]
  /// The day-level coefficient of variation beyond Poisson, or nil when no weekday has 2 dates.
  public let dayNoiseCV: Double?
  /// Number of dates.
  public let days: Int
  /// Total calls.
  public let calls: Int
  /// RMS relative error of the predicted hourly counts.
  public let rmsRelativeError: Double
  /// The RMS relative error Poisson noise alone would give: √(mean of 1/predicted).
  public let poissonRelativeError: Double

  /// One observed hour.
  public struct Row: Sendable, Equatable {
    public let date: CalendarDate
    public let hour: Int
    public let calls: Int
    public init(date: CalendarDate, hour: Int, calls: Int) {
      self.date = date
      self.hour = hour
      self.calls = calls
    }
  }

  /// Reads `path` (at most ``ScenarioSource/maxFileBytes``) and fits it.
  public static func read(_ path: String, holidays: Set<CalendarDate> = []) throws(CalibrationError) -> ArrivalFit {
    let text = try CalibrationError.readDataFile(path)
    return try fit(parse(text, file: path), file: path, holidays: holidays)
  }

  /// The largest count accepted for one hour (a day of them stays within the scenario's
  /// `per_day` limit of 10¹⁰, and no sum can overflow).
  public static let maxCallsPerHour = 100_000_000

  /// The rows of a `date,hour,calls` file named `file` (used in messages).
  public static func parse(_ text: String, file: String) throws(CalibrationError) -> [Row] {
    let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text  // a spreadsheet's byte-order mark
    var rows: [Row] = []
    var seenFirst = false
    var firstLine: [Int: Int] = [:]  // dayNumber·24 + hour → line
    for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let line = i + 1
      let trimmed = raw.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let cells = raw.split(separator: ",", omittingEmptySubsequences: false).map { DurationSample.unquote(String($0)) }
      if !seenFirst {
        seenFirst = true
        if cells.map({ $0.lowercased() }) == ["date", "hour", "calls"] { continue }
      }
      guard cells.count == 3 else { throw .at(file, line, "expected 3 columns date,hour,calls, found '\(trimmed)'") }
      guard let date = CalendarDate(iso: cells[0]) else { throw .at(file, line, "expected a date YYYY-MM-DD, found '\(cells[0])'") }
      guard let hour = Int(cells[1]), (0...23).contains(hour) else {
        throw .at(file, line, "expected an hour from 0 to 23, found '\(cells[1])'")
      }
      guard let calls = Int(cells[2]) else {
        throw .at(file, line, "expected a whole number of calls, found '\(cells[2])'")
      }
      guard calls >= 0 else { throw .at(file, line, "a count of calls cannot be negative, found '\(cells[2])'") }
      guard calls <= maxCallsPerHour else {
        throw .at(file, line, "at most \(maxCallsPerHour) calls in an hour, found '\(cells[2])'")
      }
      let key = date.dayNumber * 24 + hour
      if let earlier = firstLine[key] { throw .at(file, line, "\(date) hour \(hour) again (first on line \(earlier))") }
      firstLine[key] = line
      rows.append(Row(date: date, hour: hour, calls: calls))
    }
    guard !rows.isEmpty else { throw CalibrationError("\(file): no hourly counts found (expected rows date,hour,calls)") }
    return rows
  }

  /// Fits rows covering whole days (every date with hours 0–23); dates in `holidays` form
  /// their own day type.
  public static func fit(_ rows: [Row], file: String, holidays: Set<CalendarDate> = []) throws(CalibrationError) -> ArrivalFit {
    var byDate: [CalendarDate: [Int?]] = [:]
    for r in rows { byDate[r.date, default: Array(repeating: nil, count: 24)][r.hour] = r.calls }
    let dates = byDate.keys.sorted()
    guard !dates.isEmpty else { throw CalibrationError("\(file): no days of counts (need at least 1 day)") }
    for d in dates {
      let missing = byDate[d]!.indices.filter { byDate[d]![$0] == nil }
      if !missing.isEmpty {
        throw CalibrationError("\(file): \(d) lacks hour\(missing.count > 1 ? "s" : "") \(missing.map(String.init).joined(separator: ", ")); every date needs all 24 hours (0 for an hour without calls)")
      }
    }
    let counts = dates.map { byDate[$0]!.map { $0! } }
    let totals = counts.map { $0.reduce(0, +) }
    let all = totals.reduce(0, +)
    guard all > 0 else { throw CalibrationError("\(file): every count is 0; there is nothing to fit") }

    // Day types: a weekday's raw value, or "holiday".
    func type(_ d: CalendarDate) -> String { holidays.contains(d) ? "holiday" : d.weekday.rawValue }
    var groups: [String: [Double]] = [:]
    for (d, t) in zip(dates, totals) { groups[type(d), default: []].append(Double(t)) }
    let means = groups.mapValues { $0.reduce(0, +) / Double($0.count) }
    let present = Weekday.allCases.filter { means[$0.rawValue] != nil }
    guard !present.isEmpty else { throw CalibrationError("\(file): every date is a holiday; per_day needs at least one ordinary day") }
    let perDay = present.reduce(0) { $0 + means[$1.rawValue]! } / Double(present.count)
    guard perDay > 0 else { throw CalibrationError("\(file): every count is 0; there is nothing to fit") }
    var factors: [Weekday: Double] = [:]
    for w in Weekday.allCases { factors[w] = means[w.rawValue].map { $0 / perDay } ?? 1 }
    let holidayFactor = means["holiday"].map { $0 / perDay }

    var hourly = (0..<24).map { h in 100 * Double(counts.reduce(0) { $0 + $1[h] }) / Double(all) }
    // Rounded to 3 decimals, the rounding residual put on the largest hour: the sum is 100.
    hourly = hourly.map { ($0 * 1000).rounded() / 1000 }
    let residual = 100 - hourly.reduce(0, +)
    let top = hourly.indices.max { hourly[$0] < hourly[$1] }!
    hourly[top] = ((hourly[top] + residual) * 1000).rounded() / 1000

    var numerator = 0.0, denominator = 0.0
    var estimable = false
    for w in groups.keys.sorted() where groups[w]!.count >= 2 {  // a fixed order: the same sums every run
      let values = groups[w]!
      estimable = true
      let m = means[w]!, n = Double(values.count)
      for t in values {
        numerator += n / (n - 1) * (t - m) * (t - m) - m
        denominator += m * m
      }
    }
    let cv: Double? = estimable && denominator > 0 ? max(0, numerator / denominator).squareRoot() : nil

    var squared = 0.0, inverse = 0.0, cells = 0
    for (d, row) in zip(dates, counts) {
      for h in 0..<24 {
        let predicted = perDay * (holidays.contains(d) ? holidayFactor! : factors[d.weekday]!) * hourly[h] / 100
        guard predicted > 0 else { continue }
        let e = (Double(row[h]) - predicted) / predicted
        squared += e * e
        inverse += 1 / predicted
        cells += 1
      }
    }
    return ArrivalFit(
      perDay: perDay, weekday: factors, missingWeekdays: Weekday.allCases.filter { means[$0.rawValue] == nil },
      holiday: holidayFactor, holidayDays: groups["holiday"]?.count ?? 0, hourly: hourly,
      dayNoiseCV: cv, days: dates.count, calls: all, rmsRelativeError: (squared / Double(cells)).squareRoot(),
      poissonRelativeError: (inverse / Double(cells)).squareRoot())
  }

  /// The block as YAML ready to paste into a scenario: per_day to 0.1 call, factors to 3
  /// decimals, the hourly shape to 3 decimals; `day_noise` only when cv > 0.
  public var yaml: String {
    func f(_ v: Double, _ digits: Int) -> String {
      var s = String(format: "%.\(digits)f", v)
      while s.contains("."), s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
      return s
    }
    var lines = ["arrivals:", "  per_day: \(f(perDay, 1))"]
    let holidayEntry = holiday.map { [", holiday: \(f($0, 3))"] } ?? []
    lines.append("  weekday: {" + Weekday.allCases.map { "\($0.rawValue): \(f(weekday[$0]!, 3))" }.joined(separator: ", ") + holidayEntry.joined() + "}")
    lines.append("  hourly: [" + hourly.map { f($0, 3) }.joined(separator: ", ") + "]")
    if let cv = dayNoiseCV, cv > 0 { lines.append("  day_noise: {cv: \(f(cv, 3))}") }
    return lines.joined(separator: "\n")
  }
}
