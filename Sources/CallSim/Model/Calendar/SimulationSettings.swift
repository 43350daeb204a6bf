import CallSimEngine

/// Horizon, warm-up, replications and seeding of a run.
public struct SimulationSettings: Sendable, Equatable {
  /// The first simulated day; weekdays follow from it.
  public var start: CalendarDate
  /// Simulated days, warm-up included.
  public var days: Int
  /// Seconds at the start that are simulated but not counted. Rounded up to a whole hour,
  /// so that hourly rows are either fully counted or not at all.
  public var warmup: Double
  public var replications: Int
  public var seed: UInt64
  public var holidays: Set<CalendarDate>
  public var generator: RandomStreamSet.Algorithm

  public init(
    start: CalendarDate = CalendarDate(year: 2024, month: 1, day: 1)!, days: Int, warmup: Double = 0,
    replications: Int = 5, seed: UInt64 = 1, holidays: Set<CalendarDate> = [],
    generator: RandomStreamSet.Algorithm = .mt19937
  ) {
    self.start = start
    self.days = days
    self.warmup = warmup
    self.replications = replications
    self.seed = seed
    self.holidays = holidays
    self.generator = generator
  }

  /// Simulated seconds.
  public var horizon: Double { Double(days) * 86_400 }

  /// Number of hourly bins in the horizon.
  public var hours: Int { days * 24 }

  /// The first counted hour (warm-up rounded up to a whole hour).
  public var firstMeasuredHour: Int { min(hours, Int((warmup / 3600).rounded(.up))) }

  /// The date of simulated day `index` (0-based).
  public func date(ofDay index: Int) -> CalendarDate { start.adding(days: index) }

  public func isHoliday(day index: Int) -> Bool { holidays.contains(date(ofDay: index)) }
}
