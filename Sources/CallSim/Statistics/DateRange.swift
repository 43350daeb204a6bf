import Foundation

/// Calendar dates, both ends included, to which a comparison is restricted (the first weeks
/// of a rollout): `2024-09-02..2024-09-08`, or one date for that day alone.
public struct DateRange: Sendable, Equatable, CustomStringConvertible {
  public let from: CalendarDate
  public let to: CalendarDate

  /// Parses `YYYY-MM-DD..YYYY-MM-DD` (`from` not after `to`) or one `YYYY-MM-DD`; `nil` otherwise.
  public init?(_ text: String) {
    let ends = text.components(separatedBy: "..")
    guard ends.count <= 2, let a = CalendarDate(iso: ends[0].trimmingCharacters(in: .whitespaces)),
      let b = CalendarDate(iso: ends[ends.count - 1].trimmingCharacters(in: .whitespaces)), a <= b
    else { return nil }
    from = a
    to = b
  }

  /// `from` to `to`, both included; `from` must not be after `to`.
  public init(from: CalendarDate, to: CalendarDate) {
    precondition(from <= to, "a date range runs forwards")
    self.from = from
    self.to = to
  }

  public func contains(_ date: CalendarDate) -> Bool { from <= date && date <= to }

  /// The calendar weeks (Monday to Sunday) this range meets, in order, the first and the last
  /// cut to the range: the rows of a rollout's week-by-week comparison.
  public var weeks: [DateRange] {
    var out: [DateRange] = []
    var start = from
    while start <= to {
      let sunday = start.adding(days: 6 - Weekday.allCases.firstIndex(of: start.weekday)!)
      out.append(DateRange(from: start, to: min(sunday, to)))
      start = sunday.adding(days: 1)
    }
    return out
  }

  /// Days in the range, both ends counted.
  public var days: Int { to.dayNumber - from.dayNumber + 1 }

  /// Why the range cannot be compared in a run of `settings`: `nil` when every date in it
  /// is a measured day (after the warm-up's last whole or partial day, before the horizon's end).
  public func problem(in settings: SimulationSettings) -> String? {
    let measured = Self.measuredDays(of: settings)
    guard let measured, measured.from <= from, to <= measured.to else {
      return "expected dates within the measured days (\(measured.map { "\($0.from)..\($0.to)" } ?? "none")), found \(self)"
    }
    return nil
  }

  /// Every measured day of a run of `settings` (after the warm-up's last whole or partial
  /// day); `nil` when none is.
  public static func measuredDays(of settings: SimulationSettings) -> DateRange? {
    guard settings.firstMeasuredHour < settings.hours else { return nil }
    return DateRange(from: settings.date(ofDay: settings.firstMeasuredHour / 24), to: settings.date(ofDay: settings.days - 1))
  }

  public var description: String { from == to ? "\(from)" : "\(from)..\(to)" }
}
