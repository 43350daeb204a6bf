/// `hourly_types.csv` and `hourly_groups.csv`: the hourly table split by call type or by agent
/// group, in tidy (long) form — one row per measured hour and type (or group). Counts are
/// means over replications, rates ratios of those means, empty where undefined.
public struct HourlyBreakdownTable: CSVTable {
  public enum Breakdown: Sendable {
    case callType, group

    /// The file it is written to.
    public var fileName: String { self == .callType ? "hourly_types.csv" : "hourly_groups.csv" }
  }

  /// Columns of `hourly_types.csv` after `date, weekday, hour, type`.
  public static let typeColumns: [Metric] = [
    .totalInflow, .inflow, .answered, .abandoned, .blocked, .ivrHangUps, .selfServed, .redials, .transferred,
    .answerRate, .answerRateTotal, .serviceLevel, .abandonRate, .asaSeconds, .meanWaitSeconds,
    .capped, .callBacks, .abusiveAnswered,
  ]
  /// Columns of `hourly_groups.csv` after `date, weekday, hour, group`.
  public static let groupColumns: [GroupMetric] = [
    .agentsScheduled, .agentsOnPhones, .agentsOnPhonesRemote, .answered, .transferred, .occupancy, .occupancyOffice,
    .occupancyRemote, .meanTalkSeconds, .overtimeHours, .capped, .abusiveAnswered, .recoveryHours,
  ]

  public let result: RunResult
  public let breakdown: Breakdown

  public init(result: RunResult, by breakdown: Breakdown) {
    self.result = result
    self.breakdown = breakdown
  }

  public func forEachLine(_ body: (String) throws -> Void) rethrows {
    let model = result.model
    let scale = 1 / Double(result.replications.count)
    switch breakdown {
    case .callType:
      try body((["date", "weekday", "hour", "type"] + HourlyBreakdownTable.typeColumns.map(\.rawValue)).joined(separator: ","))
      try HourlyTable.forEachMeasuredHour(model.settings) { h, prefix in
        for (t, type) in model.callTypes.enumerated() {
          var mean = result.hourSum(h, type: t)
          mean.scale(by: scale)
          let values = HourlyBreakdownTable.typeColumns.map { CSVNumber.format($0.value(of: mean, periodSeconds: 3600)) }
          try body((prefix + [type.name] + values).joined(separator: ","))
        }
      }
    case .group:
      try body((["date", "weekday", "hour", "group"] + HourlyBreakdownTable.groupColumns.map(\.rawValue)).joined(separator: ","))
      try HourlyTable.forEachMeasuredHour(model.settings) { h, prefix in
        for (g, group) in model.agentGroups.enumerated() {
          let mean = result.hourSum(h, group: g).scaled(by: scale)
          let values = HourlyBreakdownTable.groupColumns.map { CSVNumber.format($0.value(of: mean, periodSeconds: 3600)) }
          try body((prefix + [group.name] + values).joined(separator: ","))
        }
      }
    }
  }
}
