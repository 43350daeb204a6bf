import CallSim
import Foundation
import Testing

/// The tour-scheduling program: its optimum against brute force, every person's schedule
/// against the rules, partial weeks, the infeasibility messages and a 4-week case's gap.
@Suite struct TourSchedulingTests {
  static let monday = CalendarDate(iso: "2024-09-02")!

  static func hours(_ h: Double) -> Double { h * 3600 }

  // MARK: - Small case and brute force

  /// One week from Monday 2024-09-02, hourly. `short-am` 08–12 and `short-pm` 12–16 (4 paid
  /// hours each: short shifts) and `long` 07–16 (9 paid hours, no lunch). The requirement is
  /// (morning 08–12, afternoon 12–16) agents per day: Mon (2, 1), Tue (2, 2), Wed (1, 2),
  /// Thu (2, 1), Fri (2, 2), Sat (1, 1), Sun (1, 0). Two short shifts cost 8 hours for two
  /// people, a long one 9 hours for one person: a head count trades hours for people.
  static func smallCase(rules: TourRules) throws -> TourScheduling {
    let candidates = [
      try ShiftCandidate(template: ShiftTemplate(name: "short-am", start: hours(8), length: hours(4))),
      try ShiftCandidate(template: ShiftTemplate(name: "short-pm", start: hours(12), length: hours(4))),
      try ShiftCandidate(template: ShiftTemplate(name: "long", start: hours(7), length: hours(9))),
    ]
    let needs = [(2.0, 1.0), (2, 2), (1, 2), (2, 1), (2, 2), (1, 1), (1, 0)]
    var requirement = [Double](repeating: 0, count: 7 * 24)
    for (d, need) in needs.enumerated() {
      for h in 8..<12 { requirement[d * 24 + h] = need.0 }
      for h in 12..<16 { requirement[d * 24 + h] = need.1 }
    }
    return try TourScheduling(
      settings: SimulationSettings(start: monday, days: 7), intervalLength: 3600, requirement: requirement,
      candidates: candidates, rules: rules)
  }

  /// The least cost of the small case by enumeration, independent of the program: every
  /// day's starts (each candidate 0…3 times) that cover the day; every multiset of `headCount`
  /// weekly day sets allowed by the rules, for which daily counts a
  /// group of people can staff (a person need not work every day of their set); the cheapest
  /// combination of days whose counts are staffable and whose short hours keep the share.
  static func bruteForce(_ problem: TourScheduling) -> Double {
    let rules = problem.rules
    let heads = rules.headCount ?? 0
    // Weekly day sets (bit d = day d, Monday first) the rules allow, maximal ones only.
    let allowed = (0..<128).filter { mask in
      let on = (0..<7).filter { mask & (1 << $0) != 0 }
      guard on.count <= rules.daysPerWeek else { return false }
      return !rules.daysOffTogether || (0..<7).contains { mask & (1 << $0) == 0 && mask & (1 << (($0 + 1) % 7)) == 0 }
    }
    let sets = allowed.filter { m in !allowed.contains { $0 != m && $0 & m == m } }
    // Daily counts (base 8) some multiset of `heads` day sets covers, closed downwards.
    var staffable = Set<Int>()
    func encode(_ n: [Int]) -> Int { n.reversed().reduce(0) { $0 * 8 + $1 } }
    func markDown(_ n: [Int]) {
      guard staffable.insert(encode(n)).inserted else { return }
      for d in 0..<7 where n[d] > 0 {
        var m = n
        m[d] -= 1
        markDown(m)
      }
    }
    func pick(_ from: Int, _ left: Int, _ n: [Int]) {
      if left == 0 { return markDown(n) }
      for s in from..<sets.count {
        var m = n
        for d in 0..<7 where sets[s] & (1 << d) != 0 { m[d] += 1 }
        pick(s, left - 1, m)
      }
    }
    if rules.headCount != nil { pick(0, heads, [Int](repeating: 0, count: 7)) }
    // Each day's covering starts as (paid hours, short hours, people).
    let req = problem.shifts.requirement
    var options = [[(hours: Double, short: Double, people: Int)]](repeating: [], count: 7)
    for d in 0..<7 {
      var seen = Set<String>()
      for a in 0...3 {
        for b in 0...3 {
          for l in 0...3 {
            let morning = Double(a + l), afternoon = Double(b + l)
            guard morning >= req[d * 24 + 8] && afternoon >= req[d * 24 + 12] else { continue }
            let option = (hours: Double(4 * a + 4 * b + 9 * l), short: Double(4 * a + 4 * b), people: a + b + l)
            if seen.insert("\(option)").inserted { options[d].append(option) }
          }
        }
      }
      // Drop an option another beats on hours, people and short-share slack (short − σ·hours):
      // swapping it in keeps every combination feasible at no more cost.
      let sigma = rules.shortShiftShare ?? 1
      func slack(_ o: (hours: Double, short: Double, people: Int)) -> Double { rules.shortShiftShare == nil ? 0 : o.short - sigma * o.hours }
      options[d] = options[d].enumerated().filter { i, o in
        !options[d].enumerated().contains { j, p in
          let noWorse = p.hours <= o.hours && p.people <= o.people && slack(p) <= slack(o)
          let better = p.hours < o.hours || p.people < o.people || slack(p) < slack(o)
          return j != i && noWorse && (better || j < i)
        }
      }.map(\.element)
    }
    var best = Double.infinity
    func day(_ d: Int, _ hours: Double, _ short: Double, _ n: [Int]) {
      if d == 7 {
        // Without a head count any daily counts can be staffed (one person per start).
        let staffed = rules.headCount == nil || staffable.contains(encode(n))
        if short <= (rules.shortShiftShare ?? 1) * hours + 1e-9 && staffed { best = min(best, hours) }
        return
      }
      for o in options[d] where o.people < 8 { day(d + 1, hours + o.hours, short + o.short, n + [o.people]) }
    }
    day(0, 0, 0, [])
    return best * rules.costPerPaidHour
  }

  /// The smallest head count with which the small case has a schedule, by brute force.
  static func smallestHeadCount(daysPerWeek: Int, together: Bool) throws -> Int {
    for h in 1... where bruteForce(try smallCase(rules: TourRules(daysPerWeek: daysPerWeek, daysOffTogether: together, headCount: h))).isFinite {
      return h
    }
    fatalError("unreachable")
  }

  @Test(arguments: [(5, true), (4, false)])
  func smallCaseOptimumEqualsBruteForce(daysPerWeek: Int, together: Bool) throws {
    let free = try Self.smallCase(rules: TourRules(daysPerWeek: daysPerWeek, daysOffTogether: together, costPerPaidHour: 2))
    let unlimited = Self.bruteForce(free)
    let smallest = try Self.smallestHeadCount(daysPerWeek: daysPerWeek, together: together)
    let rules = try TourRules(daysPerWeek: daysPerWeek, daysOffTogether: together, headCount: smallest, costPerPaidHour: 2)
    let bound = try Self.smallCase(rules: rules)
    let limited = Self.bruteForce(bound)
    #expect(limited > unlimited, "the head count binds")
    for (problem, optimum) in [(free, unlimited), (bound, limited)] {
      let schedule = try problem.solve()
      #expect(abs(schedule.cost - optimum) < 1e-9)
      #expect(schedule.isProvenOptimal && schedule.gap == 0)
      try Self.checkRules(schedule, problem)
    }
    // One person fewer: the error names the head count needed.
    var tight = rules
    tight.headCount = smallest - 1
    #expect(throws: SchedulingError.headCountTooSmall(headCount: smallest - 1, needed: smallest)) {
      try Self.smallCase(rules: tight).solve()
    }
  }

  @Test func aShortShareIsKeptAtTheBruteForceOptimum() throws {
    let problem = try Self.smallCase(rules: TourRules(shortShiftShare: 0.4))
    let optimum = Self.bruteForce(problem)
    let unlimited = Self.bruteForce(try Self.smallCase(rules: TourRules()))
    #expect(optimum > unlimited, "the share binds")
    let schedule = try problem.solve()
    #expect(abs(schedule.cost - optimum) < 1e-9 && schedule.isProvenOptimal)
    try Self.checkRules(schedule, problem)
    // Only short shifts on offer: no share below 1 can be kept.
    let short = try ShiftCandidate(template: ShiftTemplate(name: "short", start: Self.hours(8), length: Self.hours(4)))
    let onlyShort = try TourScheduling(
      settings: SimulationSettings(start: Self.monday, days: 2), intervalLength: 3600,
      requirement: (0..<48).map { $0 % 24 == 9 ? 1 : 0 }, candidates: [short], rules: TourRules(shortShiftShare: 0.5))
    #expect(throws: SchedulingError.shortShiftShareTooSmall(share: 0.5)) { try onlyShort.solve() }
  }

  // MARK: - Rules, checked person by person

  /// Every person against the rules, the counts against x, the coverage, head count, share
  /// and cost.
  static func checkRules(_ schedule: TourSchedule, _ problem: TourScheduling, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let rules = problem.rules
    let candidates = problem.candidates
    let days = schedule.dates.count
    var counts = [[Int]](repeating: [Int](repeating: 0, count: candidates.count), count: days)
    for person in schedule.people {
      #expect(person.count == days, sourceLocation: sourceLocation)
      #expect(person.contains { $0 != nil }, "nobody idle is listed", sourceLocation: sourceLocation)
      for (d, s) in person.enumerated() {
        guard let s else { continue }
        counts[d][s] += 1
        if d > 0, let before = person[d - 1] {
          #expect(candidates[before].template.end - 86_400 <= candidates[s].template.start, "overlap on day \(d)", sourceLocation: sourceLocation)
        }
      }
      // Weeks: Monday–Sunday, days outside the horizon off.
      var week = [Bool](repeating: false, count: 7)
      for d in 0...days {
        let weekday = d < days ? Weekday.allCases.firstIndex(of: schedule.dates[d].weekday)! : 0
        if d == days || (weekday == 0 && d > 0) {
          #expect(week.filter { $0 }.count <= rules.daysPerWeek, sourceLocation: sourceLocation)
          if rules.daysOffTogether {
            #expect((0..<7).contains { !week[$0] && !week[($0 + 1) % 7] }, "two adjacent days off", sourceLocation: sourceLocation)
          }
          week = [Bool](repeating: false, count: 7)
        }
        if d < days { week[weekday] = person[d] != nil }
      }
    }
    #expect(counts == schedule.agents, sourceLocation: sourceLocation)
    for t in problem.shifts.requirement.indices {
      #expect(schedule.covered[t] >= problem.shifts.requirement[t] - 1e-6, "interval \(t)", sourceLocation: sourceLocation)
    }
    if let h = rules.headCount { #expect(schedule.people.count <= h, sourceLocation: sourceLocation) }
    var paid = 0.0, short = 0.0
    for d in 0..<days {
      for (s, n) in schedule.agents[d].enumerated() {
        paid += candidates[s].paidHours * Double(n)
        if TourRules.isShort(candidates[s]) { short += candidates[s].paidHours * Double(n) }
      }
    }
    #expect(abs(paid - schedule.paidHours) < 1e-9 && abs(schedule.cost - rules.costPerPaidHour * paid) < 1e-9, sourceLocation: sourceLocation)
    if let share = rules.shortShiftShare { #expect(short <= share * paid + 1e-9, sourceLocation: sourceLocation) }
    #expect(schedule.lowerBound <= schedule.cost + 1e-9, sourceLocation: sourceLocation)
  }
}
