/// One simulation run of the planner's search, as `plan.json` reports it.
public struct PlanIteration: Sendable, Equatable, Codable {
  /// What was simulated: `correction` (agents on the phones by the hour, no shifts) or
  /// `schedule` (the solver's roster, with breaks, absence and remote work).
  public enum Stage: String, Sendable, Codable { case correction, schedule }

  public var number: Int
  public var stage: Stage
  /// Agent-hours on the phones the requirement asks for over the horizon.
  public var requiredAgentHours: Double
  /// Paid agent-hours of the schedule (`schedule` runs only).
  public var paidHours: Double?
  /// Whole-run means over replications (measured period).
  public var answerRate: Double?
  public var serviceLevel: Double?
  public var occupancy: Double?
  /// Measured hours whose mean misses a target by more than the tolerance, as `YYYY-MM-DD HH:00`.
  public var missedHours: [String]
  /// Targets the run's 95 % interval does not clear (`answer_rate`, `service_level`, `max_occupancy`).
  public var notCleared: [String]
  /// Intervals whose requirement this run's outcome raised or lowered.
  public var raisedIntervals: Int
  public var loweredIntervals: Int

  enum CodingKeys: String, CodingKey {
    case number, stage
    case requiredAgentHours = "required_agent_hours"
    case paidHours = "paid_hours"
    case answerRate = "answer_rate"
    case serviceLevel = "service_level"
    case occupancy
    case missedHours = "missed_hours"
    case notCleared = "not_cleared"
    case raisedIntervals = "raised_intervals"
    case loweredIntervals = "lowered_intervals"
  }
}
