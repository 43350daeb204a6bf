import Foundation

/// `plan.json`: the targets planned for, each simulation run of the search, the schedule's
/// paid hours against the scenario's own, whether the final schedule met every target, and
/// the final check's metrics as `{mean, ci95, min, max}`.
public struct PlanReport {
  public let plan: CapacityPlan
  public let wallSeconds: Double
  public let version: String
  public let placement: ReinforcementPlacement.Outcome?

  public init(plan: CapacityPlan, wallSeconds: Double, version: String, placement: ReinforcementPlacement.Outcome? = nil) {
    self.plan = plan
    self.wallSeconds = wallSeconds
    self.version = version
    self.placement = placement
  }

  public func json() throws -> String {
    try JSONText.text(object(), pretty: true) + "\n"
  }

  /// What `plan.json` writes, as the `Any` tree handed to the JSON writer (`iterations` as
  /// `JSONSerialization.jsonObject` reads their `JSONEncoder` text: `NSNumber`s).
  func object() throws -> [String: Any] {
    let model = plan.model
    let targets = model.targets
    var targetObject: [String: Any] = [:]
    if let share = targets.serviceLevelShare {
      targetObject["service_level"] = ["share": share, "within_seconds": targets.serviceLevelWithin]
    }
    if let a = targets.answerRate { targetObject["answer_rate"] = a }
    if let o = targets.maxOccupancy { targetObject["max_occupancy"] = o }
    let iterations = try JSONSerialization.jsonObject(with: JSONEncoder().encode(plan.iterations))
    var starts: [String: Int] = [:]
    for line in plan.schedule.lines { starts[line.shift.name, default: 0] += line.agents * line.days.dates.count }
    let hours = plan.intervalSeconds / 3600
    var object: [String: Any] = [
      "scenario": model.name,
      "version": version,
      "seed": model.settings.seed,
      "replications": model.settings.replications,
      "interval_minutes": Int(plan.intervalSeconds / 60),
      "targets": targetObject,
      "met": plan.met,
      "missed_hours": plan.missedHours,
      "not_cleared": plan.notCleared,
      "tolerance": plan.tolerance,
      "iterations": iterations,
      "required_analytic_agent_hours": Double(plan.intervals.reduce(0) { $0 + $1.requiredAnalytic }) * hours,
      "required_agent_hours": Double(plan.intervals.reduce(0) { $0 + $1.required }) * hours,
      "scheduled_agent_hours": plan.intervals.reduce(0) { $0 + $1.scheduled } * hours,
      "paid_hours": plan.schedule.paidHours,
      "base_paid_hours": SummaryReport.json(plan.basePaidHours),
      "shift_starts": starts,
      "roster_lines": plan.schedule.lines.count,
      "solver": [
        "name": "GLPK", "optimal": plan.schedule.isOptimal, "gap": plan.schedule.gap,
        "seconds": (plan.schedule.solveSeconds * 1000).rounded() / 1000,
      ] as [String: Any],
      "check": SummaryReport.metricsObject(plan.check.estimates(), perCallType: false),
      "wall_time_seconds": (wallSeconds * 1000).rounded() / 1000,
    ]
    if let placement {
      object["placement"] = [
        "method": "greedy by batches on common random numbers",
        "windows": placement.windows.map { ["start": ScenarioDecoder.clock($0.start), "workers": $0.agents] as [String: Any] },
        "base_answer_rate": placement.baseAnswerRate,
        "answer_rate": placement.answerRate,
        // `chosen_window` counts from 0 in `windows`; `chosen_start` is that window's start.
        "rounds": placement.rounds.map {
          [
            "workers": $0.batch, "answer_rates": $0.answerRates, "chosen_window": $0.chosen,
            "chosen_start": ScenarioDecoder.clock($0.chosenStart),
          ] as [String: Any]
        },
      ] as [String: Any]
    }
    return object
  }
}
