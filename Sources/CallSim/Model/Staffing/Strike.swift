/// Dates on which only a share of the scheduled agents work (the council's strike question).
public struct Strike: Sendable, Equatable {
  public var dates: Set<CalendarDate>
  /// Share of each roster line's agents (and of each hour's agents under `agents:`) who
  /// work on those dates, in [0, 1].
  public var staffingFactor: Double

  public init(dates: Set<CalendarDate>, staffingFactor: Double) throws(ModelError) {
    try ModelError.require(staffingFactor >= 0 && staffingFactor <= 1, "a strike staffing factor must lie in [0, 1]")
    self.dates = dates
    self.staffingFactor = staffingFactor
  }

  /// The factor on `date`: `staffingFactor` on a strike date, else 1.
  public func factor(on date: CalendarDate) -> Double { dates.contains(date) ? staffingFactor : 1 }

  /// `agents` scaled by `factor`, to the nearest agent.
  public static func agents(_ agents: Int, factor: Double) -> Int {
    factor == 1 ? agents : Int((Double(agents) * factor).rounded())
  }
}
