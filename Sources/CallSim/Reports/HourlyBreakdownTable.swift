/// `hourly_types.csv` and `hourly_groups.csv`: the hourly table split by call type or by agent
/// group, in tidy (long) form — one row per measured hour and type (or group). Counts are
/// means over replications, rates ratios of those means, empty where undefined.
public struct HourlyBreakdownTable: CSVLineTable {
  public enum Breakdown: Sendable {
    case callType, group

    /// The file it is written to.
    public var fileName: String { self == .callType ? "hourly_types.csv" : "hourly_groups.csv" }
  }

  /// Columns of `hourly_types.csv` after `date, weekday, hour, type`: the catalogue's hourly
  /// metrics that are not agent time — those every run reports (``typeColumns(for:)``: a
  /// run's, with any optional ones at the end).
  public static let typeColumns: [Metric] = typeColumns(Metric.listed(in: .hourly).filter { $0.reportedWith == nil })

  /// The `hourly_types.csv` metric columns of a run of `model`.
  public static func typeColumns(for model: CallCenterModel) -> [Metric] { typeColumns(Metric.listed(in: .hourly, for: model)) }

  private static func typeColumns(_ hourly: [Metric]) -> [Metric] { hourly.filter { !$0.isAgentTime } }
  /// Columns of `hourly_groups.csv` after `date, weekday, hour, group`.
  public static let groupColumns: [GroupMetric] = [
    .agentsScheduled, .agentsOnPhones, .agentsOnPhonesRemote, .answered, .transferred, .occupancy, .occupancyOffice,
    .occupancyRemote, .meanTalkSeconds, .overtimeHours, .capped, .abusiveAnswered, .recoveryHours,
  ]

  /// The `hourly_groups.csv` metric columns of a run of `model`: the chats per agent at the end with chat types.
  public static func groupColumns(for model: CallCenterModel) -> [GroupMetric] {
    groupColumns + [GroupMetric.chatsPerAgent].filter { $0.isReported(by: [model]) }
  }

  public let result: RunResult
  public let breakdown: Breakdown

  public init(result: RunResult, by breakdown: Breakdown) {
    self.result = result
    self.breakdown = breakdown
  }

  /// The header, then one line per measured hour and type (or group).
  public func forEachRow(_ body: (CSVLine) throws -> Void) rethrows {
    let model = result.model
    let scale = 1 / Double(result.replications.count)
    var line = CSVLine()
    switch breakdown {
    case .callType:
      let columns = HourlyBreakdownTable.typeColumns(for: model)
      // The channel column only when some type is not a phone type: other runs' tables stay as they were.
      let channel = model.hasOtherChannels
      for name in ["date", "weekday", "hour", "type"] + (channel ? ["channel"] : []) { line.append(name) }
      for metric in columns { line.append(metric.rawValue) }
      try body(line)
      try HourlyTable.forEachMeasuredHour(model.settings) { h, day in
        for (t, type) in model.callTypes.enumerated() {
          var mean = result.hourSum(h, type: t)
          mean.scale(by: scale)
          line.reset()
          day.appendCells(hour: h, to: &line)
          line.append(type.name)
          if channel { line.append(type.channel.rawValue) }
          for metric in columns { line.append(number: metric.value(of: mean, periodSeconds: 3600)) }
          try body(line)
        }
      }
    case .group:
      for name in ["date", "weekday", "hour", "group"] { line.append(name) }
      let columns = HourlyBreakdownTable.groupColumns(for: model)
      for metric in columns { line.append(metric.rawValue) }
      try body(line)
      try HourlyTable.forEachMeasuredHour(model.settings) { h, day in
        for (g, group) in model.agentGroups.enumerated() {
          let mean = result.hourSum(h, group: g).scaled(by: scale)
          line.reset()
          day.appendCells(hour: h, to: &line)
          line.append(group.name)
          for metric in columns { line.append(number: metric.value(of: mean, periodSeconds: 3600)) }
          try body(line)
        }
      }
    }
  }
}
