/// The planner's link to the shift-scheduling program for one agent group: which shifts the
/// scenario offers it, and a schedule (``PlannedSchedule``) for a requirement.
public struct PlanScheduler: Sendable {
  public var model: CallCenterModel
  public var options: PlanOptions
  /// The agent group scheduled (index in the model).
  public var group: Int
  /// The shifts the solver may choose from.
  public var candidates: [ShiftCandidate]

  /// The group's own roster and reinforcement shifts — the shifts of every group's lines
  /// when it has none — each allowed on every day, or ``ShiftCandidate/defaults(days:)``
  /// when the scenario has no roster. Availability is the expected share of a rostered
  /// agent's on-phone time spent logged in under the group's remote work: 1 − (remote
  /// share) × (1 − remote availability).
  public init(model: CallCenterModel, options: PlanOptions, group: Int = 0) throws(PlanError) {
    self.model = model
    self.options = options
    self.group = group
    var seen = Set<String>()
    var candidates: [ShiftCandidate] = []
    let availability = PlanScheduler.availability(model, group: group)
    let own = model.roster.lines.filter { $0.group == group }
    do {
      for line in own.isEmpty ? model.roster.lines : own where seen.insert(line.shift.name).inserted {
        candidates.append(try ShiftCandidate(template: line.shift, isReinforcement: line.isReinforcement, availability: availability))
      }
      if candidates.isEmpty {
        candidates = try ShiftCandidate.defaults().map { c throws(SchedulingError) in
          try ShiftCandidate(template: c.template, days: c.days, isReinforcement: c.isReinforcement, availability: availability)
        }
      }
    } catch {
      throw PlanError("\(error)")
    }
    self.candidates = candidates
  }

  static func availability(_ model: CallCenterModel, group: Int) -> Double {
    guard let remote = model.agentGroups[group].remote else { return 1 }
    let total = max(1, model.roster.agents(group: group))
    let share = Double(remote.remoteAgents(of: total)) / Double(total)
    return 1 - share * (1 - remote.availability)
  }

  /// The least-paid-hours schedule covering `required` agents on the phones per interval.
  /// Warm-up intervals that no allowed shift reaches (the first night, when the shift that
  /// covers it would have started before the horizon) are left uncovered: they are not measured.
  public func schedule(_ required: [Int]) throws(PlanError) -> PlannedSchedule {
    let reachable = reachableIntervals(required.count)
    let warmup = Int((Double(model.settings.firstMeasuredHour) * 3600 / options.intervalSeconds).rounded(.up))
    let requirement = required.indices.map { i in i < warmup && !reachable[i] ? 0 : Double(required[i]) }
    let solverOptions = CoveringProgram.Options(timeLimit: options.solverTimeLimit, relativeGap: options.solverGap)
    do {
      if let rules = model.planning {
        let tours = try TourScheduling(
          settings: model.settings, intervalLength: options.intervalSeconds, requirement: requirement,
          candidates: candidates, absence: model.roster.absence, rules: try tourRules(rules))
        let schedule = planned(try tours.solve(options: solverOptions))
        try checkSize(schedule)
        return schedule
      }
      let program = try ShiftScheduling(
        settings: model.settings, intervalLength: options.intervalSeconds, requirement: requirement,
        candidates: candidates, absence: model.roster.absence)
      let solved = try program.solve(options: solverOptions)
      let schedule = PlannedSchedule(
        lines: solved.rosterLines(group: group), paidHours: solved.paidHours, onPhones: solved.covered,
        onDuty: onDuty(solved.agents, candidates: solved.candidates), isOptimal: solved.isProvenOptimal, gap: solved.gap,
        solveSeconds: solved.solveSeconds)
      try checkSize(schedule)
      return schedule
    } catch {
      throw PlanError("\(who)\(error)")
    }
  }

  /// `group NAME: ` when the scenario has several groups, for messages.
  var who: String { model.agentGroups.count > 1 ? "group \(model.agentGroups[group].name): " : "" }

  /// Throws when `schedule` puts more agents on the group's roster lines than a scenario
  /// may have (``StaffingRequirement/maxAgents``): its `roster.yaml` would not validate.
  func checkSize(_ schedule: PlannedSchedule) throws(PlanError) {
    let agents = schedule.lines.reduce(0) { $0 + $1.agents }
    guard agents > StaffingRequirement.maxAgents else { return }
    throw PlanError(
      "the schedule needs \(agents) agents on its roster lines, more than the \(StaffingRequirement.maxAgents) a scenario's group may have (absence \(model.roster.absence) leaves \(String(format: "%.4g", 1 - model.roster.absence)) of each rostered agent on duty): lower the targets or the absence")
  }

  /// The scenario's `planning:` rules for this group.
  func tourRules(_ rules: PlanningRules) throws(SchedulingError) -> TourRules {
    try TourRules(
      daysPerWeek: rules.daysPerWeek, daysOffTogether: rules.daysOffTogether, headCount: rules.headCount[group],
      shortShiftShare: rules.shortShiftShare, costPerPaidHour: rules.costPerHour(group: group))
  }

  /// A tour schedule as roster lines: one line of one agent per person and shift, on the
  /// dates the person works it; person `i`'s lines pause as agent `i` of a line would, so
  /// that the people of a shift spread their lunches and breaks as one line's agents do.
  func planned(_ tours: TourSchedule) -> PlannedSchedule {
    var lines: [RosterLine] = []
    for (i, days) in tours.people.enumerated() {
      var dates: [Int: Set<CalendarDate>] = [:]
      for (d, c) in days.enumerated() { if let c { dates[c, default: []].insert(tours.dates[d]) } }
      for c in dates.keys.sorted() {
        do {
          lines.append(
            try RosterLine(
              group: group, shift: tours.candidates[c].template, agents: 1, days: DaySet(dates: dates[c]!),
              isReinforcement: tours.candidates[c].isReinforcement, staggerOffset: i))
        } catch {
          preconditionFailure("a person's shift makes a valid roster line: \(error)")
        }
      }
    }
    let people = tours.people.map { $0.map { c in c.map { tours.candidates[$0].template } } }
    return PlannedSchedule(
      lines: lines, paidHours: tours.paidHours, onPhones: tours.covered, onDuty: onDuty(tours.agents, candidates: tours.candidates),
      isOptimal: tours.isProvenOptimal, gap: tours.gap, solveSeconds: tours.solveSeconds, people: people)
  }

  /// Throws, before any simulation, when an interval after the warm-up that needs agents
  /// (it receives calls of the group's types) has no allowed shift on the phones in it,
  /// naming the first such interval, the day types on which that time is uncovered and
  /// what shift would cover it.
  public func checkCoverage(_ required: [Int]) throws(PlanError) {
    let reachable = reachableIntervals(required.count)
    let warmup = Int((Double(model.settings.firstMeasuredHour) * 3600 / options.intervalSeconds).rounded(.up))
    func uncovered(_ i: Int) -> Bool { i >= warmup && required[i] > 0 && !reachable[i] }
    guard let first = required.indices.first(where: uncovered) else { return }
    let perDay = Int(86_400 / options.intervalSeconds)
    var weekdays = Set<Weekday>()
    var holiday = false
    for i in stride(from: first % perDay, to: required.count, by: perDay) where uncovered(i) {
      let day = i / perDay
      if model.settings.isHoliday(day: day) { holiday = true } else { weekdays.insert(model.settings.date(ofDay: day).weekday) }
    }
    var words: [String] = []
    var rest = weekdays
    if rest.count == 7 { words.append("every day"); rest = [] }
    if DaySet.weekdays.weekdays.isSubset(of: rest) { words.append("weekdays"); rest.subtract(DaySet.weekdays.weekdays) }
    if DaySet.weekends.weekdays.isSubset(of: rest) { words.append("weekends"); rest.subtract(DaySet.weekends.weekdays) }
    words += Weekday.allCases.filter(rest.contains).map(\.rawValue)
    if holiday { words.append("holidays") }
    let from = Double(first % perDay) * options.intervalSeconds
    let range = "\(TimeText.clock(from))–\(TimeText.clock(from + options.intervalSeconds))"
    let who = model.agentGroups.count > 1 ? " of group \(model.agentGroups[group].name)" : ""
    throw PlanError(
      "no shift\(who) is on duty \(range) \(words.first == "every day" ? "" : "on ")\(words.joined(separator: ", ")), when calls arrive: add a shift that starts at or before \(TimeText.clock(from)) and is on the phones until \(TimeText.clock(from + options.intervalSeconds))")
  }

  /// Whether any allowed shift is on duty and off its pauses in each interval.
  func reachableIntervals(_ count: Int) -> [Bool] {
    let perDay = Int(86_400 / options.intervalSeconds)
    let shares = candidates.map { $0.onPhoneShares(intervalLength: options.intervalSeconds) }
    var result = Array(repeating: false, count: count)
    for day in 0..<model.settings.days {
      let date = model.settings.date(ofDay: day)
      let holiday = model.settings.isHoliday(day: day)
      for (c, candidate) in candidates.enumerated() where candidate.days.contains(date, isHoliday: holiday) {
        for (t, share) in shares[c].enumerated() where share > 0 && day * perDay + t < count { result[day * perDay + t] = true }
      }
    }
    return result
  }

  /// Agents in a shift per interval (before pauses and absence), from the first midnight:
  /// `agents[d][c]` starting candidate `c` on day `d`.
  func onDuty(_ agents: [[Int]], candidates: [ShiftCandidate]) -> [Double] {
    let step = options.intervalSeconds
    let count = Int((model.settings.horizon / step).rounded(.down))
    var result = Array(repeating: 0.0, count: count)
    for (d, row) in agents.enumerated() {
      for (c, n) in row.enumerated() where n > 0 {
        let template = candidates[c].template
        var t = Double(d) * 86_400 + template.start
        let end = min(t + template.length, Double(count) * step)
        while t < end {
          let i = Int(t / step)
          let next = min(end, Double(i + 1) * step)
          result[i] += Double(n) * (next - t) / step
          t = next
        }
      }
    }
    return result
  }
}
