import Foundation

/// The planner's search: the Erlang requirement per group and interval, corrected by
/// simulation, then covered by a least-cost shift schedule per group that is itself checked
/// by simulation — an iterative staffing algorithm in the sense of Feldman, Mandelbaum,
/// Massey and Whitt (2008), "Staffing of time-varying queues to achieve time-stable
/// performance", with the targets judged per hour, per date or over the period.
///
/// 1. **Requirement** — ``PlanningGroups``: each planned group's load (its home types under
///    `split` and `overflow`, its share of the pooled load under `integrated`) by Erlang A / C.
/// 2. **Correction** — the scenario runs with exactly the required agents on the phones
///    hour by hour (no shifts, no absence). A span (``PlanVerdict``: an hour, a date or the
///    period, as `targets.judged` says) in which a type a group carries misses its target
///    by more than the tolerance, or the group's occupancy exceeds its limit, or which falls
///    short of a target the whole run's 95 % interval does not clear, gets more agents in
///    that group (3 % more, at least one, in each interval of the span's hours that fall
///    short, or of all its hours with calls when none does); a span that meets every target
///    with room and was never raised gets one fewer in its hours that meet every target.
///    Queues carry over from hour to hour, which the steady-state formulas cannot see. Runs
///    at most half the budget, and ends after a run that moves at most one staffed interval
///    in twenty.
/// 3. **Schedule** — the solver covers each group's requirement with shifts at least paid
///    hours; the roster runs through the simulation with its breaks, absence and remote
///    work, and any span that needs more raises the requirement there before solving again,
///    until none does or the budget is spent.
///
/// Hours are judged by their simulated means (the resolution of `hourly.csv`); a change to
/// an hour applies to each of its intervals.
public struct CapacityPlanner {
  public var model: CallCenterModel
  public var options: PlanOptions
  /// The groups planned and the calls they carry.
  public var groups: PlanningGroups
  /// One scheduler per planned group (in ``PlanningGroups/planned`` order).
  public var schedulers: [PlanScheduler]
  /// Called with a one-line account of each simulation run.
  public var report: (PlanIteration) -> Void

  public init(
    model: CallCenterModel, options: PlanOptions, report: @escaping (PlanIteration) -> Void = { _ in }
  ) throws(PlanError) {
    guard PlanOptions.allowedIntervals.contains(options.intervalSeconds) else {
      throw PlanError("--interval: expected 15m, 30m or 60m, found \(Int(options.intervalSeconds)) s")
    }
    guard options.iterations >= 2 else {
      throw PlanError("--iterations: expected at least 2 (one correction run and one schedule check), found \(options.iterations)")
    }
    guard model.typeTargets.contains(where: { !$0.isEmpty }) else {
      throw PlanError(
        "the scenario has no targets to plan for: add targets: {service_level: {within: 20s, share: 0.8}, answer_rate: 0.95, max_occupancy: 0.9} (any of them)")
    }
    if let message = model.callTypes.first(where: { $0.channel != .phone }) {
      // The planner's Erlang step sizes phone queues; messages would be left out of it.
      throw PlanError(
        "call_types.\(message.name) is a \(message.channel) type: the planner plans phone calls only; plan without it (run the plan's scenario with it to see its effect)")
    }
    let groups = PlanningGroups(model: model)
    guard !groups.planned.isEmpty else { throw PlanError("no agent group takes a call type: nothing to plan") }
    self.model = model
    self.options = options
    self.groups = groups
    self.schedulers = try groups.planned.map { g throws(PlanError) in try PlanScheduler(model: model, options: options, group: g) }
    self.report = report
  }

  /// Intervals per hour.
  var perHour: Int { Int(3600 / options.intervalSeconds) }

  /// Runs the search. Throws ``PlanError`` for targets no staffing meets, errors of the
  /// scheduler, and ``StopRequest/Stopped`` when `stop` is requested.
  public func plan(stop: StopRequest? = nil) throws -> CapacityPlan {
    try plan(from: try analyticRequirement(stop: stop), stop: stop)
  }

  /// Step 1 alone: each planned group's Erlang requirement per interval, checked against
  /// the shifts allowed (``PlanScheduler/checkCoverage(_:)``) — before any simulation, so
  /// that a front end can fail before it claims an output folder.
  public func analyticRequirement(stop: StopRequest? = nil) throws -> [[ErlangPerformance]] {
    let analytic = try groups.analytic(model: model, intervalSeconds: options.intervalSeconds, stop: stop)
    for (k, scheduler) in schedulers.enumerated() { try scheduler.checkCoverage(analytic[k].map(\.agents)) }
    return analytic
  }

  /// Steps 2 and 3 from `analytic` (``analyticRequirement(stop:)``).
  public func plan(from analytic: [[ErlangPerformance]], stop: StopRequest? = nil) throws -> CapacityPlan {
    var required = analytic.map { $0.map(\.agents) }
    let spans = self.spans
    var raised = Set<Int>()
    var raisedIntervals = Set<[Int]>()
    var iterations: [PlanIteration] = []
    let staffedIntervals = required.joined().filter { $0 > 0 }.count

    // Correction: agents by the hour, no shifts.
    let correctionRuns = max(1, options.iterations / 2)
    // With several groups a group's rates also depend on the others (overflow, shared
    // types): calibrating each against its own curve would lower all of them at once.
    let calibration =
      model.targets.judged == .interval && groups.planned.count == 1
      ? HourCalibration(model: model, groups: groups, intervalSeconds: options.intervalSeconds) : nil
    for run in 1...correctionRuns {
      let result = try simulate(hourlyModel(required), stop: stop)
      let (verdicts, short) = judge(result, spans)
      var up = 0
      var down = 0
      if let calibration {
        (up, down) = try calibration.correct(
          &required, by: result, step: .correction(lowering: run < correctionRuns, tolerance: options.tolerance), raised: &raisedIntervals)
      }
      for (i, v) in verdicts.enumerated() where calibration == nil {
        if needsMore(v, short) {
          up += raise(&required, v, result)
          raised.insert(i)
        } else if run < correctionRuns, v.hasRoom, !raised.contains(i) {
          down += lower(&required, v, result)
        }
      }
      record(&iterations, .correction, result, verdicts, short, required, paid: nil, up: up, down: down)
      // A run that moves few intervals ends the correction: the schedule checks that follow
      // judge the same hours with the roster and raise what still falls short, and another
      // correction run would cost as much as a check.
      if up + down <= staffedIntervals / 20 { break }
    }

    // Schedule: shifts covering the requirement, checked with pauses and absence.
    var schedules = try schedule(required, stop: stop)
    var check = try simulate(rosterModel(schedules.flatMap(\.lines)), stop: stop)
    var (verdicts, short) = judge(check, spans)
    while true {
      var up = 0
      if iterations.count + 1 < options.iterations {
        if let calibration {
          // Hours short of a target the whole run does not clear are raised at any shortfall.
          // Hours missing by more than the tolerance on their own date would stay in the
          // plan's missed hours: they are raised too.
          let uncleared = short.values.contains { !$0.isEmpty }
          var missed: [Int: Set<Int>] = [:]
          for v in verdicts where v.worstShortfall > options.tolerance { missed[v.group, default: []].insert(v.hours.lowerBound) }
          let step = HourCalibration.Step.raiseMisses(
            by: uncleared ? 0 : options.tolerance / 2, missed: missed, aimAbove: options.tolerance / 2,
            onPhones: schedules.map(\.onPhones))
          up = try calibration.correct(&required, by: check, step: step, raised: &raisedIntervals).up
        } else {
          for v in verdicts where needsMore(v, short) { up += raise(&required, v, check) }
        }
      }
      record(&iterations, .schedule, check, verdicts, short, required, paid: schedules.reduce(0) { $0 + $1.paidHours }, up: up, down: 0)
      guard up > 0 else { break }
      schedules = try schedule(required, stop: stop)
      check = try simulate(rosterModel(schedules.flatMap(\.lines)), stop: stop)
      (verdicts, short) = judge(check, spans)
    }

    let hourly = PlanVerdict.judge(check, groups: groups, spans: measuredHours.map { $0..<($0 + 1) })
    let rules = model.planning ?? .defaults
    var planned: [CapacityPlan.Group] = []
    for (k, g) in groups.planned.enumerated() {
      let byHour = Dictionary(uniqueKeysWithValues: hourly.filter { $0.group == g }.map { ($0.hours.lowerBound, $0) })
      let loads = IntervalLoad.loads(of: model, intervalSeconds: options.intervalSeconds, typeWeights: groups.weights[g])
      let intervals = loads.indices.map { i in
        let verdict = byHour[i / perHour]
        let called = verdict.map { $0.inflow > 0 } ?? false
        return CapacityPlan.Interval(
          start: loads[i].start, callsPerHour: loads[i].callsPerHour, requiredAnalytic: analytic[k][i].agents,
          required: required[k][i], scheduled: schedules[k].onPhones[i], staffOnDuty: schedules[k].onDuty[i],
          analyticServiceLevel: analytic[k][i].serviceLevel, predictedServiceLevel: called ? verdict?.serviceLevel : nil,
          predictedAnswerRate: called ? verdict?.answerRate : nil)
      }
      planned.append(
        CapacityPlan.Group(
          group: g, name: model.agentGroups[g].name, intervals: intervals, schedule: schedules[k],
          costPerHour: rules.costPerHour(group: g), people: schedules[k].people?.count))
    }
    let missed = verdicts.filter { $0.worstShortfall > options.tolerance }.map(label)
    let notCleared = Dictionary(uniqueKeysWithValues: groups.planned.map { ($0, groups.notCleared(by: check, group: $0)) })
    var templates: [ShiftTemplate] = []
    for template in schedulers.flatMap({ $0.candidates.map(\.template) }) where !templates.contains(where: { $0.name == template.name }) {
      templates.append(template)
    }
    return CapacityPlan(
      model: model, intervalSeconds: options.intervalSeconds, tolerance: options.tolerance, level: model.targets.judged,
      groups: planned, iterations: iterations, check: check, met: missed.isEmpty && notCleared.allSatisfy(\.value.isEmpty),
      missedHours: missed, notCleared: notClearedNames(notCleared), templates: templates,
      basePaidHours: model.roster.lines.isEmpty ? nil : basePaidHours())
  }

  // MARK: Steps

  /// The measured hours of the horizon.
  var measuredHours: Range<Int> { model.settings.firstMeasuredHour..<model.settings.hours }

  /// The spans the targets are judged over: each measured hour, each date's measured
  /// hours, or the whole measured period.
  var spans: [Range<Int>] {
    let hours = measuredHours
    switch model.targets.judged {
    case .interval: return hours.map { $0..<($0 + 1) }
    case .period: return [hours]
    case .day:
      return (0..<model.settings.days).compactMap { d in
        let span = max(d * 24, hours.lowerBound)..<min((d + 1) * 24, hours.upperBound)
        return span.isEmpty ? nil : span
      }
    }
  }

  /// The spans' verdicts, and per planned group the targets the whole run's 95 % interval
  /// does not clear (both with the planner's margins: spans miss by more than half the
  /// tolerance, and the interval is twice as wide), so that the plan holds on other
  /// callers: hours within the tolerance, the whole run cleared by its own interval.
  func judge(_ result: RunResult, _ spans: [Range<Int>]) -> ([PlanVerdict], [Int: [String]]) {
    let verdicts = PlanVerdict.judge(result, groups: groups, spans: spans, tolerance: options.tolerance / 2)
    var short: [Int: [String]] = [:]
    for g in groups.planned { short[g] = groups.notCleared(by: result, group: g, widths: 2) }
    return (verdicts, short)
  }

  /// Whether a span needs more agents: it misses a target by more than the tolerance, or
  /// falls short of one that the whole run does not clear.
  func needsMore(_ v: PlanVerdict, _ notCleared: [Int: [String]]) -> Bool {
    !v.misses.isEmpty || v.shortOf.contains(where: (notCleared[v.group] ?? []).contains)
  }

  /// Adds 3 % (at least one agent) to each interval of the span's hours that fall short of
  /// a target (all its hours with calls when none does, or the span is one hour); returns
  /// the intervals changed.
  func raise(_ required: inout [[Int]], _ v: PlanVerdict, _ result: RunResult) -> Int {
    guard let k = groups.planned.firstIndex(of: v.group) else { return 0 }
    var hours = Array(v.hours)
    if hours.count > 1 {
      let byHour = PlanVerdict.judge(result, groups: groups, spans: hours.map { $0..<($0 + 1) })
        .filter { $0.group == v.group && $0.inflow > 0 }
      let short = byHour.filter { !$0.shortOf.isEmpty }
      hours = (short.isEmpty ? byHour : short).map(\.hours.lowerBound)
    }
    var changed = 0
    for h in hours {
      for i in intervals(ofHour: h, count: required[k].count) {
        required[k][i] += max(1, Int((Double(required[k][i]) * 0.03).rounded(.up)))
        changed += 1
      }
    }
    return changed
  }

  /// Takes one agent from each staffed interval of the span's hours that meet every target
  /// with room (an hour span: the hour); returns the intervals changed.
  func lower(_ required: inout [[Int]], _ v: PlanVerdict, _ result: RunResult) -> Int {
    guard let k = groups.planned.firstIndex(of: v.group) else { return 0 }
    var hours = Array(v.hours)
    if hours.count > 1 {
      hours = PlanVerdict.judge(result, groups: groups, spans: hours.map { $0..<($0 + 1) })
        .filter { $0.group == v.group && $0.inflow > 0 && $0.shortOf.isEmpty }.map(\.hours.lowerBound)
    }
    var changed = 0
    for h in hours {
      for i in intervals(ofHour: h, count: required[k].count) where required[k][i] > 1 {
        required[k][i] -= 1
        changed += 1
      }
    }
    return changed
  }

  func intervals(ofHour hour: Int, count: Int) -> Range<Int> {
    min(count, hour * perHour)..<min(count, (hour + 1) * perHour)
  }

  /// Each planned group's schedule for its requirement.
  func schedule(_ required: [[Int]], stop: StopRequest?) throws -> [PlannedSchedule] {
    var out: [PlannedSchedule] = []
    for (k, scheduler) in schedulers.enumerated() {
      try stop?.check()
      out.append(try scheduler.schedule(required[k]))
    }
    return out
  }

  func simulate(_ m: CallCenterModel, stop: StopRequest?) throws -> RunResult {
    try stop?.check()
    guard let result = try SimulationRunner.run(m, threads: options.threads, stop: stop) else { throw StopRequest.Stopped() }
    return result
  }

  func record(
    _ iterations: inout [PlanIteration], _ stage: PlanIteration.Stage, _ result: RunResult, _ verdicts: [PlanVerdict],
    _ notCleared: [Int: [String]], _ required: [[Int]], paid: Double?, up: Int, down: Int
  ) {
    let estimates = result.estimates()
    let iteration = PlanIteration(
      number: iterations.count + 1, stage: stage,
      requiredAgentHours: Double(required.joined().reduce(0, +)) * options.intervalSeconds / 3600, paidHours: paid,
      answerRate: estimates[.answerRate]?.mean, serviceLevel: estimates[.serviceLevel]?.mean,
      occupancy: estimates[.occupancy]?.mean,
      missedHours: verdicts.filter { $0.worstShortfall > options.tolerance }.map(label), notCleared: notClearedNames(notCleared), raisedIntervals: up,
      loweredIntervals: down)
    iterations.append(iteration)
    report(iteration)
  }

  /// The not-cleared targets by name, with several planned groups as `GROUP: name`.
  func notClearedNames(_ short: [Int: [String]]) -> [String] {
    groups.planned.flatMap { g in
      (short[g] ?? []).map { groups.planned.count > 1 ? "\(model.agentGroups[g].name): \($0)" : $0 }
    }
  }

  /// `2024-09-02 08:00`, `2024-09-02` or `period` by the span, followed by the group when
  /// several are planned.
  func label(_ v: PlanVerdict) -> String {
    let h = v.hours.lowerBound
    var text: String
    switch model.targets.judged {
    case .interval:
      let hh = h % 24 < 10 ? "0\(h % 24)" : "\(h % 24)"
      text = "\(model.settings.date(ofDay: h / 24)) \(hh):00"
    case .day: text = "\(model.settings.date(ofDay: h / 24))"
    case .period: text = "period"
    }
    if groups.planned.count > 1 { text += " \(model.agentGroups[v.group].name)" }
    return text
  }

  // MARK: Models simulated

  /// The scenario with `required` agents of each planned group on duty by the hour (the
  /// most any interval of the hour needs), without their roster lines and remote work;
  /// groups not planned keep their staffing.
  func hourlyModel(_ required: [[Int]]) throws -> CallCenterModel {
    var plans: [Int: StaffingPlan] = [:]
    for (k, g) in groups.planned.enumerated() {
      let hours = (0..<model.settings.hours).map { h in intervals(ofHour: h, count: required[k].count).map { required[k][$0] }.max() ?? 0 }
      plans[g] = try StaffingPlan(agentsByHour: hours)
    }
    func staffed(_ m: CallCenterModel) throws -> CallCenterModel {
      var m = m
      for (g, plan) in plans {
        m.agentGroups[g].staffing = plan
        m.agentGroups[g].remote = nil
      }
      m.roster = try Roster(lines: m.roster.lines.filter { plans[$0.group] == nil }, absence: m.roster.absence)
      return m
    }
    var m = try staffed(model)
    for i in m.timeline.indices { m.timeline[i].model = try staffed(m.timeline[i].model) }
    return m
  }

  /// The scenario with the planned groups staffed by the schedule's roster `lines` (and the
  /// scenario's absence and remote work); groups not planned keep their staffing.
  func rosterModel(_ lines: [RosterLine]) throws -> CallCenterModel {
    let zero = try StaffingPlan.constant(0, hours: model.settings.hours)
    let planned = Set(groups.planned)
    func staffed(_ m: CallCenterModel) throws -> CallCenterModel {
      var m = m
      for g in planned { m.agentGroups[g].staffing = zero }
      m.roster = try Roster(lines: m.roster.lines.filter { !planned.contains($0.group) } + lines, absence: m.roster.absence)
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
