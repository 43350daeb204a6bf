/// The days a roster line or a reinforcement rule applies to.
///
/// A holiday is its own day type: a line for `weekdays`, `weekends` or a named weekday does
/// not apply on a holiday; `all`, `holiday` and an explicit date do.
public struct DaySet: Sendable, Equatable {
  /// Weekdays on which the set applies, when the date is not a holiday.
  public var weekdays: Set<Weekday>
  /// Whether the set applies on holidays.
  public var holidays: Bool
  /// Dates on which the set applies whatever their day type.
  public var dates: Set<CalendarDate>

  public init(weekdays: Set<Weekday> = [], holidays: Bool = false, dates: Set<CalendarDate> = []) {
    self.weekdays = weekdays
    self.holidays = holidays
    self.dates = dates
  }

  /// Every day, holidays included.
  public static let all = DaySet(weekdays: Set(Weekday.allCases), holidays: true)
  /// Monday to Friday, not on holidays.
  public static let weekdays = DaySet(weekdays: [.mon, .tue, .wed, .thu, .fri])
  /// Saturday and Sunday, not on holidays.
  public static let weekends = DaySet(weekdays: [.sat, .sun])

  public func contains(_ date: CalendarDate, isHoliday: Bool) -> Bool {
    if dates.contains(date) { return true }
    return isHoliday ? holidays : weekdays.contains(date.weekday)
  }

  public static func + (a: DaySet, b: DaySet) -> DaySet {
    DaySet(weekdays: a.weekdays.union(b.weekdays), holidays: a.holidays || b.holidays, dates: a.dates.union(b.dates))
  }
}
