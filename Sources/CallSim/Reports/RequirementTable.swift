/// `requirement.csv` of a plan: one row per planned group and planning interval of the
/// horizon, group by group (the single group of `agents: N` is `agents`).
///
/// Agents are agents on the phones (logged in, not on a pause) unless the column says
/// `staff`: head count in shifts, before breaks and absence.
public struct RequirementTable: CSVTable {
  public static let columns = [
    "interval_start", "group", "date", "weekday", "calls_per_hour", "required_analytic", "required", "scheduled",
    "required_staff", "staff_on_duty", "analytic_service_level", "predicted_service_level", "predicted_answer_rate",
  ]

  public let plan: CapacityPlan

  public init(plan: CapacityPlan) { self.plan = plan }

  public func forEachLine(_ body: (String) throws -> Void) rethrows {
    try body(RequirementTable.columns.joined(separator: ","))
    let settings = plan.model.settings
    let fallback = plan.model.roster.absence
    for group in plan.groups {
    for interval in group.intervals {
      let day = Int(interval.start / 86_400)
      let date = settings.date(ofDay: day)
      let clock = TimeText.clock(interval.start - Double(day) * 86_400)
      let weekday = settings.isHoliday(day: day) ? "holiday" : date.weekday.rawValue
      // Heads per agent on the phones, as the schedule has them in this interval.
      let ratio = interval.scheduled > 0 ? interval.staffOnDuty / interval.scheduled : 1 / (1 - fallback)
      let staff = (Double(interval.required) * ratio).rounded(.up)
      let cells: [String] = [
        "\(date)T\(clock)", group.name, "\(date)", weekday, CSVNumber.format((interval.callsPerHour * 1000).rounded() / 1000),
        "\(interval.requiredAnalytic)", "\(interval.required)", CSVNumber.format(interval.scheduled),
        CSVNumber.format(staff), CSVNumber.format(interval.staffOnDuty), CSVNumber.format(interval.analyticServiceLevel),
        CSVNumber.format(interval.predictedServiceLevel), CSVNumber.format(interval.predictedAnswerRate),
      ]
      try body(cells.joined(separator: ","))
    }
    }
  }
}
