extension SimulationSettings {
  /// The first calendar key in which `other` differs from these settings, with both values
  /// as written in a scenario; `nil` when the calendars agree.
  ///
  /// Scenarios compared on common random numbers must share their calendar: the start date
  /// (weekdays), the days, the warm-up and the generator of the arrival stream. Otherwise
  /// replication `r` of each would not meet the same callers at the same times, and the
  /// paired difference would not measure the design alone.
  public func calendarDifference(from other: SimulationSettings) -> (key: String, mine: String, theirs: String)? {
    if start != other.start { return ("simulation.start", start.description, other.start.description) }
    if days != other.days { return ("simulation.days", String(days), String(other.days)) }
    if firstMeasuredHour != other.firstMeasuredHour {
      return ("simulation.warmup", "\(firstMeasuredHour)h", "\(other.firstMeasuredHour)h")
    }
    if generator != other.generator { return ("simulation.generator", generator.rawValue, other.generator.rawValue) }
    return nil
  }
}
