/// The days of one Monday–Sunday week inside the horizon and the days-on patterns a person
/// may follow in it under some ``TourRules``.
public struct TourWeek: Sendable, Equatable {
  /// Horizon day indices (0 = the settings' start date) of the week, in order: 7 for a full
  /// week, fewer for a partial first or last week.
  public var days: [Int]
  /// The maximal days-on patterns: each a set of `days` (as sorted horizon day indices) a
  /// person may work in the week, with no day of the week that could be added to it. Smaller
  /// sets are left out because a person of a pattern need not work each of its days, and the
  /// rules only ever forbid *more* working days (a subset of an allowed set is allowed).
  public var patterns: [[Int]]

  /// The weeks of the horizon, first to last, with their patterns. Days of a partial week
  /// outside the horizon are days off (``TourRules``).
  /// - Complexity: O(weeks · 2⁷ · 7).
  public static func weeks(settings: SimulationSettings, rules: TourRules) -> [TourWeek] {
    var weeks: [TourWeek] = []
    var current: [Int] = []
    for day in 0..<settings.days {
      if weekdayIndex(settings.date(ofDay: day)) == 0 && !current.isEmpty {
        weeks.append(week(current, settings: settings, rules: rules))
        current = []
      }
      current.append(day)
    }
    if !current.isEmpty { weeks.append(week(current, settings: settings, rules: rules)) }
    return weeks
  }

  /// 0 = Monday … 6 = Sunday.
  public static func weekdayIndex(_ date: CalendarDate) -> Int { Weekday.allCases.firstIndex(of: date.weekday)! }

  private static func week(_ days: [Int], settings: SimulationSettings, rules: TourRules) -> TourWeek {
    let weekdays = days.map { weekdayIndex(settings.date(ofDay: $0)) }
    func allowed(_ mask: Int) -> Bool {
      rules.allows(workingDays: Set(days.indices.filter { mask & (1 << $0) != 0 }.map { weekdays[$0] }))
    }
    var patterns: [[Int]] = []
    for mask in 0..<(1 << days.count) where allowed(mask) {
      // Allowed sets are closed under taking subsets, so a set is maximal exactly when no
      // single day can be added.
      let maximal = days.indices.allSatisfy { mask & (1 << $0) != 0 || !allowed(mask | (1 << $0)) }
      if maximal { patterns.append(days.indices.filter { mask & (1 << $0) != 0 }.map { days[$0] }) }
    }
    return TourWeek(days: days, patterns: patterns)
  }
}
