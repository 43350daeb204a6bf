/// Staffing over the horizon, with the timeline's changes, strikes and rosters resolved.
extension CallCenterModel {
  /// The model in force on day `day` (0-based): the last timeline change from that day or
  /// before, else this model.
  public func model(onDay day: Int) -> CallCenterModel {
    timeline.last { $0.fromDay <= day }?.model ?? self
  }

  /// Agents of hourly-staffed group `g` on duty in hour `h` of the horizon, after the
  /// timeline and any strike on that date.
  public func hourlyAgents(group g: Int, hour h: Int) -> Int {
    let m = model(onDay: h / 24)
    let n = m.agentGroups[g].staffing.agentsByHour[h]
    return Strike.agents(n, factor: m.strike?.factor(on: settings.date(ofDay: h / 24)) ?? 1)
  }

  /// Roster duties of shifts starting on day `day`, by the model in force that day.
  public func duties(day: Int) -> [Roster.Duty] {
    let m = model(onDay: day)
    return m.roster.duties(day: day, settings: settings, strike: m.strike)
  }

  /// The most rostered agents group `g` has under any of the timeline's models: the agents
  /// the simulation keeps for it.
  public func rosteredAgents(group g: Int) -> Int {
    timeline.reduce(roster.agents(group: g)) { max($0, $1.model.roster.agents(group: g)) }
  }

  /// Agents scheduled per hour of the horizon (time-average), by group: the hourly plans and
  /// the roster's shifts (pauses included), after strikes, before absence.
  /// - Complexity: O(days × roster lines × hours per shift), whatever the lines' agents
  ///   (the same sums as adding up ``duties(day:)`` agent by agent).
  public func scheduledAgents() -> [[Double]] {
    let hours = settings.hours
    var result = agentGroups.indices.map { g in (0..<hours).map { Double(hourlyAgents(group: g, hour: $0)) } }
    for day in 0..<settings.days {
      let m = model(onDay: day)
      let date = settings.date(ofDay: day)
      let holiday = settings.holidays.contains(date)
      let factor = m.strike?.factor(on: date) ?? 1
      let midnight = Double(day) * 86_400
      for line in m.roster.lines where line.days.contains(date, isHoliday: holiday) {
        let agents = Double(Strike.agents(line.agents, factor: factor))
        guard agents > 0 else { continue }
        var t = midnight + line.shift.start
        let stop = min(midnight + line.shift.end, settings.horizon)
        while t < stop {
          let h = Int(t / 3600)
          let hourEnd = Double(h + 1) * 3600
          result[line.group][h] += agents * (min(stop, hourEnd) - t) / 3600
          t = hourEnd
        }
      }
    }
    return result
  }

  /// Mean agents scheduled over the horizon, all groups together.
  public var meanScheduledAgents: Double {
    let hours = Double(settings.hours)
    return scheduledAgents().reduce(0) { $0 + $1.reduce(0, +) / hours }
  }
}
