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
    for line in plan.lines { starts[line.shift.name, default: 0] += line.agents * line.days.dates.count }
    let hours = plan.intervalSeconds / 3600
    let intervals = plan.groups.flatMap(\.intervals)
    func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
    let groups: [[String: Any]] = plan.groups.map { g in
      [
        "group": g.name, "paid_hours": rounded(g.paidHours), "fte": rounded(plan.fte(g.paidHours)), "cost": rounded(g.cost),
        "cost_per_hour": g.costPerHour, "people": g.people.map { $0 as Any } ?? NSNull(),
        "required_agent_hours": Double(g.intervals.reduce(0) { $0 + $1.required }) * hours,
        "roster_lines": g.schedule.lines.count,
        "solver": [
          "optimal": g.schedule.isOptimal, "gap": g.schedule.gap, "seconds": rounded(g.schedule.solveSeconds),
        ] as [String: Any],
      ]
    }
    let people = plan.groups.allSatisfy { $0.people != nil } ? plan.groups.reduce(0) { $0 + ($1.people ?? 0) } : nil
    var object: [String: Any] = [
      "scenario": model.name,
      "version": version,
      "seed": model.settings.seed,
      "replications": model.settings.replications,
      "interval_minutes": Int(plan.intervalSeconds / 60),
      "targets": targetObject,
      "judged": plan.level.rawValue,
      "groups": groups,
      "people": people.map { $0 as Any } ?? NSNull(),
      "fte": rounded(plan.fte(plan.paidHours)),
      "cost": rounded(plan.cost),
      "hours_per_fte": (model.planning ?? .defaults).hoursPerFTE,
      "met": plan.met,
      "missed_hours": plan.missedHours,
      "not_cleared": plan.notCleared,
      "tolerance": plan.tolerance,
      "iterations": iterations,
      "required_analytic_agent_hours": Double(intervals.reduce(0) { $0 + $1.requiredAnalytic }) * hours,
      "required_agent_hours": Double(intervals.reduce(0) { $0 + $1.required }) * hours,
      "scheduled_agent_hours": intervals.reduce(0) { $0 + $1.scheduled } * hours,
      "paid_hours": plan.paidHours,
      "base_paid_hours": SummaryReport.json(plan.basePaidHours),
      "shift_starts": starts,
      "roster_lines": plan.lines.count,
      "solver": [
        "name": "GLPK", "optimal": plan.groups.allSatisfy(\.schedule.isOptimal),
        "gap": plan.groups.map(\.schedule.gap).max() ?? 0,
        "seconds": rounded(plan.groups.reduce(0) { $0 + $1.schedule.solveSeconds }),
      ] as [String: Any],
      "check": SummaryReport.metricsObject(plan.check.estimates(), perCallType: false),
      "wall_time_seconds": (wallSeconds * 1000).rounded() / 1000,
    ]
    if let placement {
      object["placement"] = [
        "method": "greedy by batches on common random numbers, each round screening every window on its first replications",
        "windows": placement.windows.map { ["start": TimeText.clock($0.start), "workers": $0.agents] as [String: Any] },
        "base_answer_rate": placement.baseAnswerRate,
        "answer_rate": placement.answerRate,
        // `chosen_window` counts from 0 in `windows`; `chosen_start` is that window's start;
        // `answer_rates[w]` is the mean over the first `replications[w]` replications.
        "rounds": placement.rounds.map {
          [
            "workers": $0.batch, "answer_rates": $0.answerRates, "replications": $0.replications, "chosen_window": $0.chosen,
            "chosen_start": TimeText.clock($0.chosenStart),
          ] as [String: Any]
        },
      ] as [String: Any]
    }
    return object
  }
}
