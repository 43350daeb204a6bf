/// `hourly.csv`: one row per measured hour — agents, calls and answer rate by hour, the
/// table a city council asks for. Counts are means over replications; rates are ratios of
/// those means (so an hour with few calls is not over-weighted); empty where undefined.
public struct HourlyTable: CSVLineTable {
  /// The columns: `date`, `weekday`, `hour`, then the catalogue's metrics marked
  /// ``MetricOutputs/hourly``, in its order — those every run reports; a run with an optional
  /// feature (``Metric/reportedWith``) adds its metrics at the end (``columns(for:)``).
  public static let columns: [(name: String, metric: Metric?)] =
    [("date", nil), ("weekday", nil), ("hour", nil)] + Metric.listed(in: .hourly).filter { $0.reportedWith == nil }.map { ($0.rawValue, $0) }

  /// The columns of a run of `model`.
  public static func columns(for model: CallCenterModel) -> [(name: String, metric: Metric?)] {
    [("date", nil), ("weekday", nil), ("hour", nil)] + Metric.listed(in: .hourly, for: model).map { ($0.rawValue, $0) }
  }

  public let result: RunResult

  public init(result: RunResult) { self.result = result }

  /// The header, then one line per measured hour.
  public func forEachRow(_ body: (CSVLine) throws -> Void) rethrows {
    let n = Double(result.replications.count)
    let columns = HourlyTable.columns(for: result.model)
    let metrics = columns.dropFirst(3).map { $0.metric! }
    var line = CSVLine()
    for (name, _) in columns { line.append(name) }
    try body(line)
    try HourlyTable.forEachMeasuredHour(result.model.settings) { h, day in
      var mean = result.hourSum(h)
      mean.scale(by: 1 / n)
      line.reset()
      day.appendCells(hour: h, to: &line)
      for metric in metrics { line.append(number: metric.value(of: mean, periodSeconds: 3600)) }
      try body(line)
    }
  }

  /// The `date` and `weekday` cells of one day, formatted once for its 24 hours.
  struct DayCells {
    let date: String
    let weekday: String

    /// Appends `date, weekday, hour` for hour `h` of the horizon.
    func appendCells(hour h: Int, to line: inout CSVLine) {
      line.append(date)
      line.append(weekday)
      line.append(h % 24)
    }
  }

  /// Calls `body` with each measured hour of the horizon and its day's cells.
  static func forEachMeasuredHour(_ settings: SimulationSettings, _ body: (Int, DayCells) throws -> Void) rethrows {
    var day = -1
    var cells = DayCells(date: "", weekday: "")
    for h in settings.firstMeasuredHour..<settings.hours {
      if h / 24 != day {
        day = h / 24
        let date = settings.date(ofDay: day)
        cells = DayCells(date: "\(date)", weekday: settings.isHoliday(day: day) ? "holiday" : date.weekday.rawValue)
      }
      try body(h, cells)
    }
  }
}
