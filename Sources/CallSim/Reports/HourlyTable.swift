/// `hourly.csv`: one row per measured hour — agents, calls and answer rate by hour, the
/// table a city council asks for. Counts are means over replications; rates are ratios of
/// those means (so an hour with few calls is not over-weighted); empty where undefined.
public struct HourlyTable: CSVTable {
  public static let columns: [(name: String, metric: Metric?)] = [
    ("date", nil), ("weekday", nil), ("hour", nil),
    ("agents_scheduled", .agentsScheduled), ("agents_on_phones", .agentsOnPhones),
    ("total_inflow", .totalInflow), ("inflow", .inflow), ("answered", .answered), ("abandoned", .abandoned),
    ("blocked", .blocked), ("ivr_hang_ups", .ivrHangUps), ("self_served", .selfServed), ("redials", .redials),
    ("transferred", .transferred),
    ("answer_rate", .answerRate), ("answer_rate_total", .answerRateTotal), ("service_level", .serviceLevel),
    ("abandon_rate", .abandonRate), ("asa_seconds", .asaSeconds), ("mean_wait_seconds", .meanWaitSeconds),
    ("occupancy", .occupancy),
    ("capped", .capped), ("call_backs", .callBacks), ("abusive_answered", .abusiveAnswered),
    ("recovery_hours", .recoveryHours),
  ]

  public let result: RunResult

  public init(result: RunResult) { self.result = result }

  /// The header, then one line per measured hour.
  public func forEachLine(_ body: (String) throws -> Void) rethrows {
    let n = Double(result.replications.count)
    try body(HourlyTable.columns.map(\.name).joined(separator: ","))
    try HourlyTable.forEachMeasuredHour(result.model.settings) { h, prefix in
      var mean = result.hourSum(h)
      mean.scale(by: 1 / n)
      var row = prefix
      for (_, metric) in HourlyTable.columns.dropFirst(3) {
        row.append(CSVNumber.format(metric!.value(of: mean, periodSeconds: 3600)))
      }
      try body(row.joined(separator: ","))
    }
  }

  /// Calls `body` with each measured hour of the horizon and its `date, weekday, hour` cells.
  static func forEachMeasuredHour(_ settings: SimulationSettings, _ body: (Int, [String]) throws -> Void) rethrows {
    for h in settings.firstMeasuredHour..<settings.hours {
      let day = h / 24
      let date = settings.date(ofDay: day)
      let weekday = settings.isHoliday(day: day) ? "holiday" : date.weekday.rawValue
      try body(h, ["\(date)", weekday, "\(h % 24)"])
    }
  }
}

/// Numbers in CSV files: up to 6 significant decimals, no exponent for ordinary values,
/// empty for undefined.
///
/// Formatted with C's `snprintf` (`%.6f`, the C locale's decimal point, as before with
/// Foundation's `String(format:)`, which gave the same text at about ten times the cost:
/// a fifth of the reference case's whole-process instructions went to the hourly tables).
enum CSVNumber {
  static func format(_ v: Double?) -> String {
    guard let v, v.isFinite else { return "" }
    if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
    // %.6f of the largest finite double is 316 characters.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 400) { buffer in
      let base = buffer.baseAddress!
      var n = Int(withVaList([v]) { vsnprintf(UnsafeMutableRawPointer(base).assumingMemoryBound(to: CChar.self), 400, "%.6f", $0) })
      while n > 0 && base[n - 1] == UInt8(ascii: "0") { n -= 1 }
      if n > 0 && base[n - 1] == UInt8(ascii: ".") { n -= 1 }
      return String(decoding: UnsafeBufferPointer(start: base, count: n), as: UTF8.self)
    }
  }
}

import Foundation
