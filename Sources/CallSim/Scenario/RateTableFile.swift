import Foundation

/// Reads an arrival-rate table given by `arrivals.rates`: either
/// `weekday,hour,calls_per_hour` (mon…sun, optionally `holiday`, hours 0–23: 168 rows or 192
/// with holidays), or `date,hour,calls` (one row per hour of each simulated date).
/// Returns calls per hour for every hour of the horizon.
struct RateTableFile {
  /// The top scenario's folder: the table must stay inside it (see ``DataFilePath``).
  let root: URL
  let allowOutside: Bool
  /// Largest rate in a table, calls per hour: the bound of `arrivals.per_hour`.
  static let maxCallsPerHour = ScenarioDecoder.maxCallsPerHour

  /// Calls per hour for every hour of the horizon. With `settings` `nil` (the `simulation`
  /// section failed) every row is still checked, but not whether the table covers the
  /// horizon, and `nil` is returned.
  func read(_ name: String, field: ScenarioField, settings: SimulationSettings?) -> [Double]? {
    guard let path = DataFilePath.resolve(name, field: field, root: root, allowOutside: allowOutside) else { return nil }
    let text: String
    do {
      text = try ScenarioSource.readText(path, limit: ScenarioSource.maxFileBytes, what: "rate table")
    } catch let error as ScenarioError {
      field.error(error.dataFileMessage(path))
      return nil
    } catch {
      field.error("cannot read \(path)")
      return nil
    }
    // (1-based line number, text) of every line that is not blank or a comment.
    let rows = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .map { ($0.offset + 1, $0.element.trimmingCharacters(in: .whitespacesAndNewlines)) }
      .filter { !$0.1.isEmpty && !$0.1.hasPrefix("#") }
    guard let header = rows.first?.1.lowercased().replacingOccurrences(of: " ", with: "") else {
      field.error("\(path) is empty; expected a header weekday,hour,calls_per_hour or date,hour,calls")
      return nil
    }
    func fail(_ line: Int, _ message: String) -> [Double]? {
      field.error("\(path):\(line): \(message)")
      return nil
    }
    /// The rate in `cell`, bounded as `arrivals.per_hour` is.
    func rate(_ cell: String) -> Double? {
      ScenarioField.parseNumber(cell).flatMap { (0...RateTableFile.maxCallsPerHour).contains($0) ? $0 : nil }
    }
    let bound = "a number from 0 to \(ScenarioField.show(RateTableFile.maxCallsPerHour))"
    switch header {
    case "weekday,hour,calls_per_hour":
      // Line of each (day, hour) row: a second row for the same hour is refused, naming both.
      var table: [String: [(rate: Double, line: Int)?]] = [:]
      for (line, row) in rows.dropFirst() {
        let cells = row.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count == 3 else { return fail(line, "expected 3 columns, found \(cells.count)") }
        let day = cells[0].lowercased()
        guard Weekday(rawValue: day) != nil || day == "holiday" else { return fail(line, "'\(cells[0])' is not mon…sun or holiday") }
        guard let hour = Int(cells[1]), (0..<24).contains(hour) else { return fail(line, "hour '\(cells[1])' is not 0–23") }
        guard let rate = rate(cells[2]) else { return fail(line, "calls_per_hour '\(cells[2])' is not \(bound)") }
        var hours = table[day] ?? Array(repeating: nil, count: 24)
        if let first = hours[hour] { return fail(line, "\(day) hour \(hour) appears twice (lines \(first.line) and \(line))") }
        hours[hour] = (rate, line)
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
      guard let settings else { return nil }
      var rates: [Double] = []
      for d in 0..<settings.days {
        let key = settings.isHoliday(day: d) && table["holiday"] != nil ? "holiday" : settings.date(ofDay: d).weekday.rawValue
        rates += table[key]!.map { $0!.rate }
      }
      return rates
    case "date,hour,calls":
      // Calls and line of each (day number × 24 + hour), to name both lines of a repeated hour.
      var table: [Int: (calls: Double, line: Int)] = [:]
      for (line, row) in rows.dropFirst() {
        let cells = row.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count == 3 else { return fail(line, "expected 3 columns, found \(cells.count)") }
        guard let date = CalendarDate(iso: cells[0]) else { return fail(line, "'\(cells[0])' is not a date YYYY-MM-DD") }
        guard let hour = Int(cells[1]), (0..<24).contains(hour) else { return fail(line, "hour '\(cells[1])' is not 0–23") }
        guard let calls = rate(cells[2]) else { return fail(line, "calls '\(cells[2])' is not \(bound)") }
        if let earlier = table.updateValue((calls, line), forKey: date.dayNumber * 24 + hour) {
          return fail(line, "\(cells[0]) hour \(hour) appears twice (lines \(earlier.line) and \(line))")
        }
      }
      guard let settings else { return nil }
      // Rows outside the horizon are not used.
      let first = settings.start.dayNumber * 24
      let rates = (0..<settings.hours).map { table[first + $0]?.calls ?? .nan }
      if let gap = rates.firstIndex(where: { $0.isNaN }) {
        field.error("\(path): no row for \(settings.date(ofDay: gap / 24)) hour \(gap % 24); every hour of the \(settings.days) simulated days needs a row")
        return nil
      }
      return rates
    default:
      field.error("\(path):\(rows[0].0): the header must be weekday,hour,calls_per_hour or date,hour,calls (found '\(rows[0].1)')")
      return nil
    }
  }
}
