/// A shift schedule the solver chose for a requirement: the roster lines, what they cost and
/// the agents on the phones they give.
public struct PlannedSchedule: Sendable, Equatable {
  public var lines: [RosterLine]
  /// Paid agent-hours over the horizon (shifts minus lunch).
  public var paidHours: Double
  /// Expected agents on the phones per planning interval (after pauses, absence and remote
  /// availability), from the first midnight of the horizon.
  public var onPhones: [Double]
  /// Agents on duty per interval (in a shift, before pauses and absence): the head count.
  public var onDuty: [Double]
  /// Whether the solver proved the schedule optimal, and the relative gap it stopped at.
  public var isOptimal: Bool
  public var gap: Double
  /// Seconds the solver took.
  public var solveSeconds: Double
  /// With `planning:`, the people: people[i][d] the shift person `i` works on day `d` of the
  /// horizon, nil on a day off; `nil` for a schedule of shift starts only.
  public var people: [[ShiftTemplate?]]?

  public init(
    lines: [RosterLine], paidHours: Double, onPhones: [Double], onDuty: [Double], isOptimal: Bool, gap: Double, solveSeconds: Double,
    people: [[ShiftTemplate?]]? = nil
  ) {
    self.lines = lines
    self.paidHours = paidHours
    self.onPhones = onPhones
    self.onDuty = onDuty
    self.isOptimal = isOptimal
    self.gap = gap
    self.solveSeconds = solveSeconds
    self.people = people
  }
}
