import Foundation

/// The planner's search: the Erlang requirement per interval, corrected by simulation, then
/// covered by a least-cost shift schedule that is itself checked by simulation.
///
/// 1. **Requirement** — ``StaffingRequirement`` on each interval's ``IntervalLoad``.
/// 2. **Correction** — the scenario runs with exactly the required agents on the phones
///    hour by hour (no shifts, no absence). An hour that needs more (``HourVerdict``: its
///    mean misses a target by more than the tolerance, or falls short of one the whole run's
///    95 % interval does not clear) gets more agents in each of its intervals (3 % more, at
///    least one); an hour
///    that meets every target with room (``HourVerdict/hasRoom``) and was never raised gets
///    one fewer, to be checked by the next run. Queues carry over from hour to hour, which
///    the steady-state formulas cannot see. Runs at most half the budget.
/// 3. **Schedule** — the solver covers the requirement with shifts at least paid hours; the
///    roster runs through the simulation with its breaks, absence and remote work, and any
///    hour that needs more raises the requirement there before solving again, until no hour
///    does or the budget is spent.
///
/// Hours are judged by their simulated means (the resolution of `hourly.csv`); a change to
/// an hour applies to each of its intervals.
public struct CapacityPlanner {
  public var model: CallCenterModel
  public var options: PlanOptions
  /// Chooses shifts for a requirement (agents on the phones per interval).
  public var scheduler: PlanScheduler
  /// Called with a one-line account of each simulation run.
  public var report: (PlanIteration) -> Void

  public init(
    model: CallCenterModel, options: PlanOptions, report: @escaping (PlanIteration) -> Void = { _ in }
  ) throws(PlanError) {
    guard model.agentGroups.count == 1 else {
      throw PlanError(
        "the scenario has \(model.agentGroups.count) agent groups (\(model.agentGroups.map(\.name).joined(separator: ", "))); plan staffs one pool of agents: plan each group's scenario on its own, or use agents: N")
    }
    guard PlanOptions.allowedIntervals.contains(options.intervalSeconds) else {
      throw PlanError("--interval: expected 15m, 30m or 60m, found \(Int(options.intervalSeconds)) s")
    }
    guard options.iterations >= 2 else {
      throw PlanError("--iterations: expected at least 2 (one correction run and one schedule check), found \(options.iterations)")
    }
    self.model = model
    self.options = options
    self.scheduler = try PlanScheduler(model: model, options: options)
    self.report = report
  }

  /// Intervals per hour.
  var perHour: Int { Int(3600 / options.intervalSeconds) }

  /// Runs the search. Throws ``PlanError`` for targets no staffing meets, errors of the
  /// scheduler, and ``StopRequest/Stopped`` when `stop` is requested.
  public func plan(stop: StopRequest? = nil) throws -> CapacityPlan {
    let loads = IntervalLoad.loads(of: model, intervalSeconds: options.intervalSeconds)
    var requirement = try StaffingRequirement(targets: model.targets)
    let analytic = try loads.map { load throws(PlanError) in try requirement.agents(for: load) }
    var required = analytic.map(\.agents)
    var raised = Array(repeating: false, count: model.settings.hours)
    var iterations: [PlanIteration] = []

    // Correction: agents by the hour, no shifts.
    let correctionRuns = max(1, options.iterations / 2)
    for run in 1...correctionRuns {
      let result = try simulate(hourlyModel(required), stop: stop)
      let (verdicts, short) = judge(result)
      let mayLower = run < correctionRuns
      var up = 0
      var down = 0
      for v in verdicts {
        if needsMore(v, short) {
          up += raise(&required, hour: v.hour)
          raised[v.hour] = true
        } else if mayLower, v.hasRoom, !raised[v.hour] {
          down += lower(&required, hour: v.hour)
        }
      }
      record(&iterations, .correction, result, verdicts, short, required, paid: nil, up: up, down: down)
      if up == 0 && down == 0 { break }
    }

    // Schedule: shifts covering the requirement, checked with pauses and absence.
    var schedule = try scheduler.schedule(required)
    var check = try simulate(rosterModel(schedule.lines), stop: stop)
    var (verdicts, short) = judge(check)
    while true {
      var up = 0
      if iterations.count + 1 < options.iterations {
        for v in verdicts where needsMore(v, short) { up += raise(&required, hour: v.hour) }
      }
      record(&iterations, .schedule, check, verdicts, short, required, paid: schedule.paidHours, up: up, down: 0)
      guard up > 0 else { break }
      try stop?.check()
      schedule = try scheduler.schedule(required)
      check = try simulate(rosterModel(schedule.lines), stop: stop)
      (verdicts, short) = judge(check)
    }

    let byHour = Dictionary(uniqueKeysWithValues: verdicts.map { ($0.hour, $0) })
    let intervals = loads.indices.map { i in
      let verdict = byHour[i / perHour]
      return CapacityPlan.Interval(
        start: loads[i].start, callsPerHour: loads[i].callsPerHour, requiredAnalytic: analytic[i].agents,
        required: required[i], scheduled: schedule.onPhones[i], staffOnDuty: schedule.onDuty[i],
        analyticServiceLevel: analytic[i].serviceLevel,
        predictedServiceLevel: verdict?.inflow ?? 0 > 0 ? verdict?.serviceLevel : nil,
        predictedAnswerRate: verdict?.inflow ?? 0 > 0 ? verdict?.answerRate : nil)
    }
    let missed = verdicts.filter { !$0.misses.isEmpty }.map { hourLabel($0.hour) }
    return CapacityPlan(
      model: model, intervalSeconds: options.intervalSeconds, tolerance: options.tolerance, intervals: intervals, iterations: iterations, schedule: schedule,
      check: check, met: missed.isEmpty && short.isEmpty, missedHours: missed, notCleared: short, templates: scheduler.candidates.map(\.template),
      basePaidHours: model.roster.lines.isEmpty ? nil : basePaidHours())
  }

  // MARK: Steps

  /// The hours' verdicts, and the targets the whole run's 95 % interval does not clear.
  func judge(_ result: RunResult) -> ([HourVerdict], [String]) {
    (HourVerdict.judge(result, targets: model.targets, tolerance: options.tolerance), model.targets.notCleared(by: result))
  }

  /// Whether an hour needs more agents: it misses a target by more than the tolerance, or
  /// falls short of one that the whole run does not clear.
  func needsMore(_ v: HourVerdict, _ notCleared: [String]) -> Bool {
    !v.misses.isEmpty || v.shortOf.contains(where: notCleared.contains)
  }

  /// Adds 3 % (at least one agent) to each interval of `hour`; returns the intervals changed.
  func raise(_ required: inout [Int], hour: Int) -> Int {
    let range = intervals(ofHour: hour, count: required.count)
    for i in range { required[i] += max(1, Int((Double(required[i]) * 0.03).rounded(.up))) }
    return range.count
  }

  /// Takes one agent from each staffed interval of `hour`; returns the intervals changed.
  func lower(_ required: inout [Int], hour: Int) -> Int {
    var changed = 0
    for i in intervals(ofHour: hour, count: required.count) where required[i] > 1 {
      required[i] -= 1
      changed += 1
    }
    return changed
  }

  func intervals(ofHour hour: Int, count: Int) -> Range<Int> {
    min(count, hour * perHour)..<min(count, (hour + 1) * perHour)
  }

  func simulate(_ m: CallCenterModel, stop: StopRequest?) throws -> RunResult {
    guard let result = try SimulationRunner.run(m, threads: options.threads, stop: stop) else { throw StopRequest.Stopped() }
    return result
  }

  func record(
    _ iterations: inout [PlanIteration], _ stage: PlanIteration.Stage, _ result: RunResult, _ verdicts: [HourVerdict],
    _ notCleared: [String], _ required: [Int], paid: Double?, up: Int, down: Int
  ) {
    let estimates = result.estimates()
    let iteration = PlanIteration(
      number: iterations.count + 1, stage: stage,
      requiredAgentHours: Double(required.reduce(0, +)) * options.intervalSeconds / 3600, paidHours: paid,
      answerRate: estimates[.answerRate]?.mean, serviceLevel: estimates[.serviceLevel]?.mean,
      occupancy: estimates[.occupancy]?.mean,
      missedHours: verdicts.filter { !$0.misses.isEmpty }.map { hourLabel($0.hour) }, notCleared: notCleared, raisedIntervals: up,
      loweredIntervals: down)
    iterations.append(iteration)
    report(iteration)
  }

  func hourLabel(_ h: Int) -> String {
    let hh = h % 24 < 10 ? "0\(h % 24)" : "\(h % 24)"
    return "\(model.settings.date(ofDay: h / 24)) \(hh):00"
  }

  // MARK: Models simulated

  /// The scenario with `required` agents on duty by the hour (the most any interval of the
  /// hour needs), no roster, no remote work.
  func hourlyModel(_ required: [Int]) throws -> CallCenterModel {
    let hours = (0..<model.settings.hours).map { h in intervals(ofHour: h, count: required.count).map { required[$0] }.max() ?? 0 }
    let plan = try StaffingPlan(agentsByHour: hours)
    func staffed(_ m: CallCenterModel) -> CallCenterModel {
      var m = m
      m.agentGroups[0].staffing = plan
      m.agentGroups[0].remote = nil
      m.roster = Roster.empty
      return m
    }
    var m = staffed(model)
    for i in m.timeline.indices { m.timeline[i].model = staffed(m.timeline[i].model) }
    return m
  }

  /// The scenario with the schedule's roster (and the scenario's absence and remote work).
  func rosterModel(_ lines: [RosterLine]) throws -> CallCenterModel {
    let zero = try StaffingPlan.constant(0, hours: model.settings.hours)
    func staffed(_ m: CallCenterModel) throws -> CallCenterModel {
      var m = m
      m.agentGroups[0].staffing = zero
      m.roster = try Roster(lines: lines, absence: m.roster.absence)
      return m
    }
    var m = try staffed(model)
    for i in m.timeline.indices { m.timeline[i].model = try staffed(m.timeline[i].model) }
    return m
  }

  // MARK: The base

  /// Paid hours of the scenario's own roster over the horizon (shifts minus lunch, after strikes).
  func basePaidHours() -> Double {
    var seconds = 0.0
    for day in 0..<model.settings.days {
      for duty in model.duties(day: day) {
        let shift = model.model(onDay: day).roster.lines[duty.line].shift
        seconds += shift.paidLength
      }
    }
    return seconds / 3600
  }
}
