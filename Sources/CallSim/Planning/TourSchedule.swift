/// A solved tour schedule: who works which shift on which day, and the counts behind it.
public struct TourSchedule: Sendable, Equatable {
  /// The horizon's dates, day 0 first.
  public var dates: [CalendarDate]
  public var candidates: [ShiftCandidate]
  /// people[i][d]: the candidate (index into ``candidates``) person `i` starts on date `d`,
  /// nil on a day off. Only people who work at least one day, numbered 0..< in a stable
  /// order (``TourRoster``).
  public var people: [[Int?]]
  /// agents[d][s]: people starting candidate `s` on date `d` (the program's x).
  public var agents: [[Int]]
  /// Σ paid hours of every shift over the horizon.
  public var paidHours: Double
  /// costPerPaidHour × paidHours.
  public var cost: Double
  /// A proven lower bound on the least cost under the rules (equal to `cost` when proven optimal).
  public var lowerBound: Double
  /// (cost − lowerBound) / cost: how far above the optimum the schedule may be.
  public var gap: Double
  public var isProvenOptimal: Bool
  /// Wall-clock seconds of the whole solve (covering program, tour program, people).
  public var solveSeconds: Double
  /// Expected agents on the phones per interval (after absence, availability and pauses),
  /// like ``ShiftSchedule/covered``.
  public var covered: [Double]

  public init(
    dates: [CalendarDate], candidates: [ShiftCandidate], people: [[Int?]], agents: [[Int]], paidHours: Double,
    cost: Double, lowerBound: Double, gap: Double, isProvenOptimal: Bool, solveSeconds: Double, covered: [Double]
  ) {
    self.dates = dates
    self.candidates = candidates
    self.people = people
    self.agents = agents
    self.paidHours = paidHours
    self.cost = cost
    self.lowerBound = lowerBound
    self.gap = gap
    self.isProvenOptimal = isProvenOptimal
    self.solveSeconds = solveSeconds
    self.covered = covered
  }

  /// People who work at least one day.
  public var headCount: Int { people.count }
}
