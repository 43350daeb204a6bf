/// What `callsim plan` proposes: per planned agent group, the requirement per interval
/// (analytic, then corrected by simulation), the shift schedule that covers it and what it
/// costs; and how the search went.
public struct CapacityPlan: Sendable {
  /// One planning interval of one group.
  public struct Interval: Sendable, Equatable {
    /// Seconds from the first midnight of the horizon.
    public var start: Double
    /// Calls per hour of the group's load reaching the agents (the interval's mean load).
    public var callsPerHour: Double
    /// Fewest agents on the phones meeting the targets by Erlang A / C for this interval alone.
    public var requiredAnalytic: Int
    /// Agents on the phones after the simulation correction.
    public var required: Int
    /// Expected agents on the phones the schedule gives (after pauses, absence, remote availability).
    public var scheduled: Double
    /// Head count in shifts over the interval (before pauses and absence).
    public var staffOnDuty: Double
    /// Erlang service level of `requiredAnalytic` agents.
    public var analyticServiceLevel: Double
    /// Simulated service level and answer rate of the group's calls in the interval's hour
    /// under the final schedule (means over replications); `nil` before the measured period
    /// or without calls.
    public var predictedServiceLevel: Double?
    public var predictedAnswerRate: Double?
  }

  /// One planned agent group.
  public struct Group: Sendable {
    /// Index of the group in the model.
    public var group: Int
    public var name: String
    public var intervals: [Interval]
    public var schedule: PlannedSchedule
    /// Cost of one paid hour (``PlanningRules/costPerHour(group:)``).
    public var costPerHour: Double
    /// The people who work the schedule, with `planning:`; `nil` without (counts of shift starts only).
    public var people: Int?

    public var paidHours: Double { schedule.paidHours }
    public var cost: Double { schedule.paidHours * costPerHour }
  }

  public var model: CallCenterModel
  public var intervalSeconds: Double
  /// Share by which a mean may miss a target (``PlanOptions/tolerance``).
  public var tolerance: Double
  /// Over what the targets were judged (``Targets/judged``).
  public var level: TargetLevel
  public var groups: [Group]
  public var iterations: [PlanIteration]
  /// The simulation of the final schedule.
  public var check: RunResult
  /// Whether the final schedule's simulation clears every target over the whole run (95 %
  /// interval) and no span of the level misses one by more than the tolerance.
  public var met: Bool
  /// Spans of the final check that miss a target by more than the tolerance (`YYYY-MM-DD
  /// HH:00`, `YYYY-MM-DD` or `period` by the level; with several groups followed by the group).
  public var missedHours: [String]
  /// Targets the final check's 95 % interval does not clear (with several groups, `GROUP: name`).
  public var notCleared: [String]
  /// The templates the solver could choose from (the scenario's shifts, or the defaults).
  public var templates: [ShiftTemplate]
  /// Paid hours of the scenario's own roster over the horizon, if it has one.
  public var basePaidHours: Double?

  /// Paid hours of every planned group's schedule.
  public var paidHours: Double { groups.reduce(0) { $0 + $1.paidHours } }
  public var cost: Double { groups.reduce(0) { $0 + $1.cost } }
  /// Every planned group's roster lines, group by group.
  public var lines: [RosterLine] { groups.flatMap(\.schedule.lines) }
  /// Paid hours of a full-time person over the horizon (``PlanningRules/hoursPerFTE`` a week).
  public var hoursPerFTE: Double {
    (model.planning ?? .defaults).hoursPerFTE * Double(model.settings.days) / 7
  }
  /// Full-time equivalents of `paidHours` over the horizon.
  public func fte(_ paidHours: Double) -> Double { paidHours / hoursPerFTE }
}
