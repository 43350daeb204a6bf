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

  public func contains(_ date: CalendarDate) -> Bool { from <= date && date <= to }

  /// Why the range cannot be compared in a run of `settings`: `nil` when every date in it
  /// is a measured day (after the warm-up's last whole or partial day, before the horizon's end).
  public func problem(in settings: SimulationSettings) -> String? {
    let first = settings.date(ofDay: settings.firstMeasuredHour / 24)
    let last = settings.date(ofDay: settings.days - 1)
    guard settings.firstMeasuredHour < settings.hours, first <= from, to <= last else {
      let measured = settings.firstMeasuredHour < settings.hours ? "\(first)..\(last)" : "none"
      return "expected dates within the measured days (\(measured)), found \(self)"
    }
    return nil
  }

  public var description: String { from == to ? "\(from)" : "\(from)..\(to)" }
}
