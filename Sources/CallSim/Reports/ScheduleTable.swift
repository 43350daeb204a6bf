/// `schedule.csv` of a plan for people (a scenario with `planning:`): one row per person and
/// date worked, group by group, each person's dates in order.
///
/// `person` is stable within a plan: the group's name and the person's number from 1
/// (`general_team-0001`), the same person as the `roster.yaml` lines whose
/// `stagger_offset` is that number less one. `start` and `end` are clock times (`end` at or
/// before `start`: the next day).
public struct ScheduleTable: CSVTable {
  public static let columns = ["person", "group", "date", "weekday", "shift", "start", "end", "paid_hours"]

  public let plan: CapacityPlan

  public init(plan: CapacityPlan) { self.plan = plan }

  /// Whether the plan has people (its scenario has `planning:`).
  public var hasPeople: Bool { plan.groups.contains { $0.schedule.people != nil } }

  /// `general_team-0001` for person `index` (from 0) of `group`.
  public static func person(_ index: Int, group: String) -> String {
    let number = String(index + 1)
    return group + "-" + String(repeating: "0", count: max(0, 4 - number.count)) + number
  }

  public func forEachLine(_ body: (String) throws -> Void) rethrows {
    try body(ScheduleTable.columns.joined(separator: ","))
    let settings = plan.model.settings
    for group in plan.groups {
      for (i, days) in (group.schedule.people ?? []).enumerated() {
        for (d, shift) in days.enumerated() {
          guard let shift else { continue }
          let weekday = settings.isHoliday(day: d) ? "holiday" : settings.date(ofDay: d).weekday.rawValue
          let cells = [
            ScheduleTable.person(i, group: group.name), group.name, "\(settings.date(ofDay: d))", weekday, shift.name,
            TimeText.clock(shift.start), TimeText.clockOfDay(shift.end), CSVNumber.format(shift.paidLength / 3600),
          ]
          try body(cells.joined(separator: ","))
        }
      }
    }
  }
}
