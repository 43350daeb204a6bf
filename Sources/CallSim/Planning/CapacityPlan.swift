/// What `callsim plan` proposes: the requirement per interval (analytic, then corrected by
/// simulation), the shift schedule that covers it, and how the search went.
public struct CapacityPlan: Sendable {
  /// One planning interval.
  public struct Interval: Sendable, Equatable {
    /// Seconds from the first midnight of the horizon.
    public var start: Double
    /// Calls per hour reaching the agents (the interval's mean load).
    public var callsPerHour: Double
    /// Fewest agents on the phones meeting every target by Erlang A / C for this interval alone.
    public var requiredAnalytic: Int
    /// Agents on the phones after the simulation correction.
    public var required: Int
    /// Expected agents on the phones the schedule gives (after pauses, absence, remote availability).
    public var scheduled: Double
    /// Head count in shifts over the interval (before pauses and absence).
    public var staffOnDuty: Double
    /// Erlang service level of `requiredAnalytic` agents.
    public var analyticServiceLevel: Double
    /// Simulated service level and answer rate of the interval's hour under the final
    /// schedule (means over replications); `nil` before the measured period or without calls.
    public var predictedServiceLevel: Double?
    public var predictedAnswerRate: Double?
  }

  public var model: CallCenterModel
  public var intervalSeconds: Double
  /// Share by which an hour's mean may miss a target (``PlanOptions/tolerance``).
  public var tolerance: Double
  public var intervals: [Interval]
  public var iterations: [PlanIteration]
  public var schedule: PlannedSchedule
  /// The simulation of the final schedule.
  public var check: RunResult
  /// Whether the final schedule's simulation clears every target over the whole run (95 %
  /// interval) and no measured hour misses one by more than the tolerance.
  public var met: Bool
  /// Measured hours of the final check that miss a target by more than the tolerance (`YYYY-MM-DD HH:00`).
  public var missedHours: [String]
  /// Targets the final check's 95 % interval does not clear.
  public var notCleared: [String]
  /// The templates the solver could choose from (the scenario's shifts, or the defaults).
  public var templates: [ShiftTemplate]
  /// Paid hours of the scenario's own roster over the horizon, if it has one.
  public var basePaidHours: Double?
}
