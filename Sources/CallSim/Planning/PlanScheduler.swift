/// The planner's link to the shift-scheduling program: which shifts a scenario offers, and
/// a schedule (``PlannedSchedule``) for a requirement.
public struct PlanScheduler: Sendable {
  public var model: CallCenterModel
  public var options: PlanOptions
  /// The shifts the solver may choose from.
  public var candidates: [ShiftCandidate]

  /// The scenario's roster and reinforcement shifts, each allowed on every day, or
  /// ``ShiftCandidate/defaults(days:)`` when the scenario has none. Availability is the
  /// expected share of a rostered agent's on-phone time spent logged in under the scenario's
  /// remote work: 1 − (remote share) × (1 − remote availability).
  public init(model: CallCenterModel, options: PlanOptions) throws(PlanError) {
    self.model = model
    self.options = options
    var seen = Set<String>()
    var candidates: [ShiftCandidate] = []
    let availability = PlanScheduler.availability(model)
    do {
      for line in model.roster.lines where seen.insert(line.shift.name).inserted {
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

  static func availability(_ model: CallCenterModel) -> Double {
    guard let remote = model.agentGroups[0].remote else { return 1 }
    let total = max(1, model.roster.agents(group: 0))
    let share = Double(remote.remoteAgents(of: total)) / Double(total)
    return 1 - share * (1 - remote.availability)
  }

  /// The least-paid-hours schedule covering `required` agents on the phones per interval.
  /// Warm-up intervals that no allowed shift reaches (the first night, when the shift that
  /// covers it would have started before the horizon) are left uncovered: they are not measured.
  public func schedule(_ required: [Int]) throws(PlanError) -> PlannedSchedule {
    let solved: ShiftSchedule
    let reachable = reachableIntervals(required.count)
    let warmup = Int((Double(model.settings.firstMeasuredHour) * 3600 / options.intervalSeconds).rounded(.up))
    let requirement = required.indices.map { i in i < warmup && !reachable[i] ? 0 : Double(required[i]) }
    do {
      let program = try ShiftScheduling(
        settings: model.settings, intervalLength: options.intervalSeconds, requirement: requirement,
        candidates: candidates, absence: model.roster.absence)
      solved = try program.solve(options: .init(timeLimit: options.solverTimeLimit, relativeGap: options.solverGap))
    } catch {
      throw PlanError("\(error)")
    }
    return PlannedSchedule(
      lines: solved.rosterLines(group: 0), paidHours: solved.paidHours, onPhones: solved.covered, onDuty: onDuty(solved),
      isOptimal: solved.isProvenOptimal, gap: solved.gap, solveSeconds: solved.solveSeconds)
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

  /// Agents in a shift per interval (before pauses and absence), from the first midnight.
  func onDuty(_ s: ShiftSchedule) -> [Double] {
    let step = options.intervalSeconds
    let count = Int((model.settings.horizon / step).rounded(.down))
    var result = Array(repeating: 0.0, count: count)
    for (d, row) in s.agents.enumerated() {
      for (c, n) in row.enumerated() where n > 0 {
        let template = s.candidates[c].template
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
