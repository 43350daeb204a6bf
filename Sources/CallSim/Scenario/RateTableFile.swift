import Foundation

/// Reads an arrival-rate table given by `arrivals.rates`: either
/// `weekday,hour,calls_per_hour` (mon…sun, optionally `holiday`, hours 0–23: 168 rows or 192
/// with holidays), or `date,hour,calls` (one row per hour of each simulated date).
/// Returns calls per hour for every hour of the horizon.
struct RateTableFile {
  /// The top scenario's folder: the table must stay inside it (see ``DataFilePath``).
  let root: URL
  let allowOutside: Bool

  func read(_ name: String, field: ScenarioField, settings: SimulationSettings) -> [Double]? {
    guard let path = DataFilePath.resolve(name, field: field, root: root, allowOutside: allowOutside) else { return nil }
    let text: String
    do {
      text = try ScenarioSource.readText(path, limit: ScenarioSource.maxFileBytes, what: "rate table")
    } catch let error as ScenarioError {
      field.error((error.issues.first?.message ?? "cannot read") + " (\(path))")
      return nil
    } catch {
      field.error("cannot read \(path)")
      return nil
    }
    let rows = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    guard let header = rows.first?.lowercased().replacingOccurrences(of: " ", with: "") else {
      field.error("\(path) is empty; expected a header weekday,hour,calls_per_hour or date,hour,calls")
      return nil
    }
    func fail(_ line: Int, _ message: String) -> [Double]? {
      field.error("\(path): row \(line + 1): \(message)")
      return nil
    }
    switch header {
    case "weekday,hour,calls_per_hour":
      var table: [String: [Double?]] = [:]
      for (i, row) in rows.enumerated().dropFirst() {
        let cells = row.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count == 3 else { return fail(i, "expected 3 columns, found \(cells.count)") }
        let day = cells[0].lowercased()
        guard Weekday(rawValue: day) != nil || day == "holiday" else { return fail(i, "'\(cells[0])' is not mon…sun or holiday") }
        guard let hour = Int(cells[1]), (0..<24).contains(hour) else { return fail(i, "hour '\(cells[1])' is not 0–23") }
        guard let rate = ScenarioField.parseNumber(cells[2]), rate >= 0 else { return fail(i, "calls_per_hour '\(cells[2])' is not a number ≥ 0") }
        var hours = table[day] ?? Array(repeating: nil, count: 24)
        if hours[hour] != nil { return fail(i, "\(day) hour \(hour) appears twice") }
        hours[hour] = rate
        table[day] = hours
      }
      for day in Weekday.allCases.map(\.rawValue) + (table["holiday"] == nil ? [] : ["holiday"]) {
        guard let hours = table[day] else {
          field.error("\(path): no rows for \(day); expected 24 rows (hours 0–23) for each of mon…sun")
          return nil
        }
        if let missing = hours.firstIndex(where: { $0 == nil }) {
          field.error("\(path): \(day) hour \(missing) is missing")
          return nil
        }
      }
      var rates: [Double] = []
      for d in 0..<settings.days {
        let key = settings.isHoliday(day: d) && table["holiday"] != nil ? "holiday" : settings.date(ofDay: d).weekday.rawValue
        rates += table[key]!.map { $0! }
      }
      return rates
    case "date,hour,calls":
      var rates = Array(repeating: Double.nan, count: settings.hours)
      let first = settings.start.dayNumber
      for (i, row) in rows.enumerated().dropFirst() {
        let cells = row.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count == 3 else { return fail(i, "expected 3 columns, found \(cells.count)") }
        guard let date = CalendarDate(iso: cells[0]) else { return fail(i, "'\(cells[0])' is not a date YYYY-MM-DD") }
        guard let hour = Int(cells[1]), (0..<24).contains(hour) else { return fail(i, "hour '\(cells[1])' is not 0–23") }
        guard let calls = ScenarioField.parseNumber(cells[2]), calls >= 0 else { return fail(i, "calls '\(cells[2])' is not a number ≥ 0") }
        let day = date.dayNumber - first
        guard (0..<settings.days).contains(day) else { continue }  // outside the horizon
        rates[day * 24 + hour] = calls
      }
      if let gap = rates.firstIndex(where: { $0.isNaN }) {
        field.error("\(path): no row for \(settings.date(ofDay: gap / 24)) hour \(gap % 24); every hour of the \(settings.days) simulated days needs a row")
        return nil
      }
      return rates
    default:
      field.error("\(path): the header must be weekday,hour,calls_per_hour or date,hour,calls (found '\(rows[0])')")
      return nil
    }
  }
}
