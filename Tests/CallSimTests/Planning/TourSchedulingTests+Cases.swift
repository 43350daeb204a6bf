import CallSim
import CallSimTestSupport
import Foundation
import Testing

extension TourSchedulingTests {
  // MARK: - Partial weeks and night shifts

  /// 10 days from Wednesday 2024-09-04 (a partial week Wed–Sun, then Mon–Fri), half-hourly,
  /// with a night shift 22–06 that the next day's early shift 05–13 overlaps, and a day
  /// shift 09–18 with a lunch; 5 days a week with two adjacent days off, a head count that
  /// the rules make tight.
  @Test func aHorizonStartingMidweekKeepsEveryRule() throws {
    let night = try ShiftTemplate(name: "night", start: Self.hours(22), length: Self.hours(8))
    let early = try ShiftTemplate(name: "early", start: Self.hours(5), length: Self.hours(8))
    let day = try ShiftTemplate(
      name: "day", start: Self.hours(9), length: Self.hours(9),
      lunch: .init(windowStart: Self.hours(12), windowEnd: Self.hours(15), length: 3600), staggerStep: 1800)
    let candidates = [try ShiftCandidate(template: night), try ShiftCandidate(template: early), try ShiftCandidate(template: day)]
    let days = 10
    let requirement = (0..<(days * 48)).map { t -> Double in
      let hour = Double(t % 48) / 2
      if hour < 5 { return t < 48 ? 0 : 2 }  // the first night has no shift of the day before
      if hour >= 22 { return 2 }
      if hour < 9 { return 3 }
      return hour < 18 ? 5 : 0
    }
    let settings = SimulationSettings(start: CalendarDate(iso: "2024-09-04")!, days: days)
    let rules = try TourRules(daysPerWeek: 5, daysOffTogether: true)
    let problem = try TourScheduling(
      settings: settings, intervalLength: 1800, requirement: requirement, candidates: candidates, absence: 0.1, rules: rules)
    #expect(problem.weeks.map(\.days) == [Array(0..<5), Array(5..<10)])
    // Wed–Sun: Mon and Tue are off already, so any 5 of the 5 days; Mon–Fri: Sat and Sun off.
    #expect(problem.weeks.map(\.patterns) == [[Array(0..<5)], [Array(5..<10)]])
    let schedule = try problem.solve(options: .init(timeLimit: 20))
    try Self.checkRules(schedule, problem)
    // With the fewest people the night shift's successors must be planned around it.
    var tight = rules
    tight.headCount = schedule.people.count
    let again = try TourScheduling(
      settings: settings, intervalLength: 1800, requirement: requirement, candidates: candidates, absence: 0.1, rules: tight)
    let limited = try again.solve(options: .init(timeLimit: 20))
    try Self.checkRules(limited, again)
    #expect(abs(limited.cost - schedule.cost) < 1e-9)
  }

  @Test func patternsOfAFullWeek() throws {
    let settings = SimulationSettings(start: Self.monday, days: 7)
    let together = TourWeek.weeks(settings: settings, rules: try TourRules(daysPerWeek: 5, daysOffTogether: true))
    // Two adjacent days off in a cycle of 7: 7 pairs (Sun–Mon included).
    #expect(together.count == 1 && together[0].patterns.count == 7)
    #expect(together[0].patterns.contains([1, 2, 3, 4, 5]))  // Sun and Mon off
    let any4 = TourWeek.weeks(settings: settings, rules: try TourRules(daysPerWeek: 4))
    #expect(any4[0].patterns.count == 35 && any4[0].patterns.allSatisfy { $0.count == 4 })
    let three = TourWeek.weeks(settings: settings, rules: try TourRules(daysPerWeek: 3, daysOffTogether: true))
    // Every 3-day set leaves 4 days off, of which two are always adjacent in a cycle of 7.
    #expect(three[0].patterns.count == 35)
  }

  @Test func invalidRulesAreRejected() throws {
    #expect(throws: SchedulingError.invalidDaysPerWeek(0)) { try TourRules(daysPerWeek: 0) }
    #expect(throws: SchedulingError.daysOffTogetherNeedTwoDaysOff(daysPerWeek: 6)) {
      try TourRules(daysPerWeek: 6, daysOffTogether: true)
    }
    #expect(throws: SchedulingError.invalidHeadCount(-1)) { try TourRules(headCount: -1) }
    #expect(throws: SchedulingError.invalidShortShiftShare(1.5)) { try TourRules(shortShiftShare: 1.5) }
    #expect(throws: SchedulingError.invalidCostPerPaidHour(0)) { try TourRules(costPerPaidHour: 0) }
    #expect(
      SchedulingError.headCountTooSmall(headCount: 3, needed: 4).description
        == "no schedule covers the requirement with a head count of 3 under the tour rules; at least 4 people are needed")
  }

  // MARK: - Four weeks

  /// 28 days from Monday 2024-09-02, half-hourly, 10 candidates (day shifts 07–16 … 13–22
  /// with a lunch, a night shift 22–07, two reinforcement shifts), a requirement of 0 at
  /// night rising to about 40 agents at the late-morning peak (lower at weekends); 5 days a
  /// week with two adjacent days off, at most 25 % of the paid hours in short shifts.
  @Test func fourWeeksSolveWithinTheGap() throws {
    var candidates: [ShiftCandidate] = []
    for start in [7.0, 8, 9, 10, 11, 12, 13] {
      let lunch = ShiftTemplate.Lunch(windowStart: Self.hours(start + 3), windowEnd: Self.hours(start + 6), length: 3600)
      candidates.append(
        try ShiftCandidate(template: ShiftTemplate(name: "day-\(Int(start))", start: Self.hours(start), length: Self.hours(9), lunch: lunch)))
    }
    candidates.append(try ShiftCandidate(template: ShiftTemplate(name: "night", start: Self.hours(22), length: Self.hours(9))))
    for start in [10.0, 16] {
      candidates.append(
        try ShiftCandidate(
          template: ShiftTemplate(name: "short-\(Int(start))", start: Self.hours(start), length: Self.hours(4)), isReinforcement: true))
    }
    let days = 28
    let requirement = (0..<(days * 48)).map { t -> Double in
      let hour = Double(t % 48) / 2
      let weekday = Self.monday.adding(days: t / 48).weekday
      let weekend = weekday == .sat || weekday == .sun ? 0.6 : 1.0
      if hour < 7 { return hour < 1 && t >= 48 ? 2 : 0 }
      if hour >= 22 { return 2 }
      let shape = exp(-pow((hour - 10.5) / 2, 2)) + 0.7 * exp(-pow((hour - 15) / 2.5, 2)) + 0.1
      return (36 * weekend * shape).rounded(.up)
    }
    let rules = try TourRules(daysPerWeek: 5, daysOffTogether: true, shortShiftShare: 0.25)
    let problem = try TourScheduling(
      settings: SimulationSettings(start: Self.monday, days: days), intervalLength: 1800, requirement: requirement,
      candidates: candidates, absence: 0.1, rules: rules)
    let schedule = try problem.solve(options: .init(timeLimit: SanitizerBuild.allowing(120), relativeGap: 0.02))
    print(
      "tour 4 weeks: \(problem.program.columns.count) columns, \(problem.program.rows.count) rows, "
        + "\(schedule.paidHours) paid hours, \(schedule.people.count) people, gap \(schedule.gap), \(schedule.solveSeconds) s")
    #expect(schedule.gap <= 0.02)
    try Self.checkRules(schedule, problem)

    // 3 people fewer than the cheapest schedule uses are too few: the error says how many at least.
    var tight = rules
    tight.headCount = schedule.people.count - 3
    let limited = try TourScheduling(
      settings: problem.settings, intervalLength: 1800, requirement: requirement, candidates: candidates, absence: 0.1, rules: tight)
    do {
      _ = try limited.solve(options: .init(timeLimit: SanitizerBuild.allowing(120), relativeGap: 0.02))
      Issue.record("3 people fewer should be too few")
    } catch {
      guard case .headCountTooSmall(_, let needed?) = error as? SchedulingError else { throw error }
      #expect(needed > tight.headCount! && needed <= schedule.people.count)
    }

    // A short share below the cheapest schedule's: the whole program is solved.
    var share = rules
    share.shortShiftShare = 0.05
    let shorter = try TourScheduling(
      settings: problem.settings, intervalLength: 1800, requirement: requirement, candidates: candidates, absence: 0.1, rules: share)
    // (The cheapest schedule has between 5 and 7 % of its hours in short shifts.) This one is
    // harder: the 2 % gap is not reached in 10 s, so it is asked for 5 %, which a quiet machine
    // reaches within 10 s; the time limit only bounds a machine slowed by other work (a 10 s
    // limit failed there at a 7.4 % gap).
    let fewer = try shorter.solve(options: .init(timeLimit: SanitizerBuild.allowing(60), relativeGap: 0.05))
    print(
      "tour 4 weeks, short share 5 %: \(fewer.paidHours) paid hours, \(fewer.people.count) people, "
        + "gap \(fewer.gap), \(fewer.solveSeconds) s")
    #expect(fewer.gap <= 0.05)
    #expect(fewer.paidHours >= schedule.paidHours)
    try Self.checkRules(fewer, shorter)
  }
}
