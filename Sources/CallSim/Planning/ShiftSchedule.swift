/// A solved shift schedule: agents starting each candidate shift on each date of the horizon.
public struct ShiftSchedule: Sendable, Equatable {
  /// The horizon's dates, day 0 first.
  public var dates: [CalendarDate]
  public var candidates: [ShiftCandidate]
  /// agents[d][s]: agents starting candidate `s` on date `d` (0 where it is not allowed).
  public var agents: [[Int]]
  /// Σ paid hours of every agent's shift over the horizon.
  public var paidHours: Double
  /// A proven lower bound on the least paid hours (equal to `paidHours` when proven optimal).
  public var lowerBound: Double
  /// (paidHours − lowerBound) / paidHours: how far above the optimum the schedule may be.
  public var gap: Double
  public var isProvenOptimal: Bool
  /// Wall-clock seconds the solver took.
  public var solveSeconds: Double
  /// Expected agents on the phones per interval (after absence, availability and pauses).
  public var covered: [Double]

  public init(
    dates: [CalendarDate], candidates: [ShiftCandidate], agents: [[Int]], paidHours: Double, lowerBound: Double,
    gap: Double, isProvenOptimal: Bool, solveSeconds: Double, covered: [Double]
  ) {
    self.dates = dates
    self.candidates = candidates
    self.agents = agents
    self.paidHours = paidHours
    self.lowerBound = lowerBound
    self.gap = gap
    self.isProvenOptimal = isProvenOptimal
    self.solveSeconds = solveSeconds
    self.covered = covered
  }

  /// The schedule as few roster lines as its counts allow: for each candidate, one line per
  /// distinct nonzero count, on the dates with that count (``DaySet/dates``). Lines follow
  /// the candidates' order, then the first date of each line; lines of reinforcement
  /// candidates are marked so.
  /// - Parameter group: the agent group (index in the model) the lines staff.
  public func rosterLines(group: Int) -> [RosterLine] {
    var lines: [RosterLine] = []
    for (s, candidate) in candidates.enumerated() {
      var datesByCount: [Int: [CalendarDate]] = [:]
      for (d, date) in dates.enumerated() where agents[d][s] > 0 { datesByCount[agents[d][s], default: []].append(date) }
      let ordered = datesByCount.sorted { $0.value[0] < $1.value[0] }
      for (count, dates) in ordered {
        do {
          lines.append(
            try RosterLine(
              group: group, shift: candidate.template, agents: count, days: DaySet(dates: Set(dates)),
              isReinforcement: candidate.isReinforcement))
        } catch {
          preconditionFailure("a positive count makes a valid roster line: \(error)")
        }
      }
    }
    return lines
  }
}
