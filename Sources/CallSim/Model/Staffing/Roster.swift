/// Who works when: the roster lines and reinforcement rules of a model, and the share of
/// rostered agents absent on a day.
///
/// **Agents.** Each group's rostered agents are numbered in roster order: line by line (of
/// that group), `agents` numbers per line. Agent `k` of a line is the same person on every
/// day the line applies, so absence and remote work follow a person. On a strike day a line
/// puts its first `round(agents × staffing_factor)` agents on duty.
public struct Roster: Sendable, Equatable {
  public var lines: [RosterLine]
  /// Share of rostered agents absent, drawn per agent per day, in [0, 1].
  public var absence: Double

  public init(lines: [RosterLine] = [], absence: Double = 0) throws(ModelError) {
    try ModelError.require(absence >= 0 && absence <= 1, "an absence share must lie in [0, 1]")
    self.lines = lines
    self.absence = absence
  }

  /// No lines, no absence.
  public static let empty = try! Roster()

  /// Rostered agents of `group`: the sum of its lines' agents.
  public func agents(group: Int) -> Int {
    lines.reduce(0) { $0 + ($1.group == group ? $1.agents : 0) }
  }

  /// Whether any line puts agents of `group` on duty.
  public func staffs(group: Int) -> Bool { lines.contains { $0.group == group } }

  /// One agent on duty on one day: line `line`'s agent `index`, agent `agent` of its group.
  public struct Duty: Sendable, Equatable {
    public var line: Int
    public var index: Int
    public var agent: Int
    /// Seconds from the start of the horizon.
    public var start: Double
    public var end: Double
  }

  /// Every agent the roster puts on duty in a shift starting on day `day` (0-based, from
  /// `settings.start`), after any strike factor, before absence.
  public func duties(day: Int, settings: SimulationSettings, strike: Strike?) -> [Duty] {
    let date = settings.date(ofDay: day)
    let holiday = settings.holidays.contains(date)
    let factor = strike?.factor(on: date) ?? 1
    var next: [Int: Int] = [:]
    var result: [Duty] = []
    for (l, line) in lines.enumerated() {
      let first = next[line.group, default: 0]
      next[line.group] = first + line.agents
      guard line.days.contains(date, isHoliday: holiday) else { continue }
      let midnight = Double(day) * 86_400
      for k in 0..<Strike.agents(line.agents, factor: factor) {
        result.append(Duty(line: l, index: k, agent: first + k, start: midnight + line.shift.start, end: midnight + line.shift.end))
      }
    }
    return result
  }
}
