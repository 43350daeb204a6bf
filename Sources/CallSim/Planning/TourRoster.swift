/// Turns a solution of the tour program (starts per day and candidate, people per days-on
/// pattern and week) into people, each with a shift or a day off on every date.
///
/// Week by week, each person takes one of the week's pattern slots (w(k, p) copies of
/// pattern p) or none; then day by day the day's starts go to people whose slot holds the
/// day, by a min-cost assignment (``MinCostFlow``) that
/// - never gives a person a shift starting before the previous day's shift ends (hard);
/// - gives shifts that would block next-day starts to people off the next day (a cost of
///   100 per blocked start), which is the choice Hall's conditions of
///   ``TourScheduling``'s no-overlap rows count on;
/// - keeps each person on the shift they last worked where it can (a cost of 1 otherwise).
/// Slots: people blocked at the start of a week (a late shift on the Sunday before) take
/// slots without the week's first day first; everyone else prefers the weekdays they had the
/// week before. Counts per day equal the program's x, and each person's days in a week lie in
/// one allowed pattern, so the tour rules hold by construction.
struct TourRoster {
  let weeks: [TourWeek]
  let candidates: [ShiftCandidate]
  let days: Int

  init(scheduling: TourScheduling) {
    weeks = scheduling.weeks
    candidates = scheduling.candidates
    days = scheduling.settings.days
    dates = (0..<days).map(scheduling.settings.date(ofDay:))
  }

  private let dates: [CalendarDate]

  /// people[i][d] for the people who work (see ``TourSchedule/people``).
  /// - Throws: ``SchedulingError/noRoster(date:)`` when a day's starts cannot all be given to
  ///   people without an overlap.
  func people(agents: [[Int]], patternCounts: [[Int]], people count: Int) throws(SchedulingError) -> [[Int?]] {
    var plan = [[Int?]](repeating: [Int?](repeating: nil, count: days), count: count)
    var lastShift = [Int?](repeating: nil, count: count)
    var lastPattern = [[Int]?](repeating: nil, count: count)
    for (k, week) in weeks.enumerated() {
      let slot = assignSlots(week: week, counts: patternCounts[k], plan: plan, agents: agents, lastPattern: lastPattern)
      for i in 0..<count { lastPattern[i] = slot[i].map { weekdays(of: week.patterns[$0], in: week) } }
      for d in week.days {
        let available = (0..<count).filter { i in slot[i].map { week.patterns[$0].contains(d) } ?? false }
        let tomorrowInWeek = week.days.contains(d + 1)
        var flow = MinCostFlow(nodes: 2 + candidates.count + available.count)
        var demand = 0
        var arcs: [(arc: Int, person: Int, shift: Int)] = []
        for (s, n) in agents[d].enumerated() where n > 0 {
          flow.addArc(from: 0, to: 2 + s, capacity: n, cost: 0)
          demand += n
          let blocked = blockedStarts(by: s, day: d, agents: agents)
          for (a, i) in available.enumerated() where candidates[s].template.start >= blockEnd(person: i, day: d, plan: plan) {
            let offTomorrow = !tomorrowInWeek || !(slot[i].map { week.patterns[$0].contains(d + 1) } ?? false)
            var cost = offTomorrow ? 0 : 100 * Double(blocked)
            if lastShift[i] != s { cost += 1 }
            arcs.append((flow.addArc(from: 2 + s, to: 2 + candidates.count + a, capacity: 1, cost: cost), i, s))
          }
        }
        for a in available.indices { flow.addArc(from: 2 + candidates.count + a, to: 1, capacity: 1, cost: 0) }
        guard flow.run(from: 0, to: 1) == demand else { throw .noRoster(date: dates[d].description) }
        for arc in arcs where flow.flow(on: arc.arc) > 0 {
          plan[arc.person][d] = arc.shift
          lastShift[arc.person] = arc.shift
        }
      }
    }
    return plan.filter { $0.contains { $0 != nil } }
  }

  /// Seconds after the midnight of `day` until which person `i` is still on the shift they
  /// started the day before (−∞ when off that day or done by midnight).
  private func blockEnd(person i: Int, day: Int, plan: [[Int?]]) -> Double {
    guard day > 0, let s = plan[i][day - 1] else { return -.infinity }
    return candidates[s].template.end - 86_400
  }

  /// Starts of day + 1 that begin before a shift `s` of `day` ends.
  private func blockedStarts(by s: Int, day: Int, agents: [[Int]]) -> Int {
    guard day + 1 < days else { return 0 }
    let end = candidates[s].template.end - 86_400
    return agents[day + 1].indices.filter { candidates[$0].template.start < end }.reduce(0) { $0 + agents[day + 1][$1] }
  }

  /// Each person's slot (pattern index) for `week`, or nil for a week off.
  private func assignSlots(week: TourWeek, counts: [Int], plan: [[Int?]], agents: [[Int]], lastPattern: [[Int]?]) -> [Int?] {
    var free = counts
    let first = week.days[0]
    let earliest = agents[first].indices.filter { agents[first][$0] > 0 }.map { candidates[$0].template.start }.min() ?? .infinity
    let blocked = plan.indices.map { blockEnd(person: $0, day: first, plan: plan) > earliest }
    var slot = [Int?](repeating: nil, count: plan.count)
    func take(_ i: Int, where ok: (Int) -> Bool) {
      let options = free.indices.filter { free[$0] > 0 && ok($0) }
      let same = options.first { weekdays(of: week.patterns[$0], in: week) == lastPattern[i] }
      if let p = same ?? options.first {
        slot[i] = p
        free[p] -= 1
      }
    }
    for i in plan.indices where blocked[i] { take(i) { !week.patterns[$0].contains(first) } }
    for i in plan.indices where !blocked[i] { take(i) { _ in true } }
    for i in plan.indices where blocked[i] && slot[i] == nil { take(i) { _ in true } }
    return slot
  }

  /// A pattern as weekday indices (0 = Monday), to compare patterns of different weeks.
  private func weekdays(of pattern: [Int], in week: TourWeek) -> [Int] {
    pattern.map { TourWeek.weekdayIndex(dates[$0]) }
  }
}
