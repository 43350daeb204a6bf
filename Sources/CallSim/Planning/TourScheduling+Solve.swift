import Foundation

extension TourScheduling {
  /// Solves the program: the cheapest tours (or the best found within the options' time limit
  /// or gap, with its gap), turned into people by ``TourRoster``.
  ///
  /// 1. ``ShiftScheduling``'s covering program is solved first (at most 30 % of the time
  ///    limit). It drops the tour rules, so its lower bound holds here too; and when its
  ///    schedule meets the short share and needs no more people than the head count (found by
  ///    fixing x and minimising P), it is a starting solution — already good enough when
  ///    within the gap of that bound. When it breaks a rule, the fewest people the rules need
  ///    are found first (``diagnosis(seconds:)``, a quarter of what is left, at most 10 s): more
  ///    than the head count ends the solve with that number; else the rule is priced into the
  ///    covering program (``pricedStart(seconds:gap:)``, a third of what is left).
  /// 2. Short of the gap, GLPK solves the whole program from that start (half of what time is
  ///    left), then re-solves two consecutive days' starts at a time with every other start
  ///    fixed (fix-and-optimize) for the rest of the time.
  /// 3. Finally the starts are fixed and P minimised exactly, for the fewest people.
  /// - Throws: ``SchedulingError/uncoverable(interval:requirement:coverable:)`` as
  ///   ``ShiftScheduling``; ``SchedulingError/shortShiftShareTooSmall(share:)`` or
  ///   ``SchedulingError/headCountTooSmall(headCount:needed:)`` when a rule cannot be met;
  ///   ``SchedulingError/noScheduleWithinTimeLimit(seconds:)`` or
  ///   ``SchedulingError/solverFailed(routine:code:)`` from GLPK.
  public func solve(options: CoveringProgram.Options = .init()) throws(SchedulingError) -> TourSchedule {
    do {
      return try solveWithin(options)
    } catch .noScheduleWithinTimeLimit {
      // A stage ran out of its share of the time: the user set the whole limit.
      throw .noScheduleWithinTimeLimit(seconds: options.timeLimit)
    }
  }

  private func solveWithin(_ options: CoveringProgram.Options) throws(SchedulingError) -> TourSchedule {
    let started = ContinuousClock.now
    let deadline = started + .seconds(options.timeLimit)
    func left() -> Double { max(0, CoveringProgram.seconds(ContinuousClock.now.duration(to: deadline))) }
    let starts = shifts.starts.count

    let cover = try shifts.solve(options: .init(timeLimit: options.timeLimit * 0.3, relativeGap: options.relativeGap))
    let x0 = shifts.starts.map { Double(cover.agents[$0.day][$0.candidate]) }
    var lower = cover.lowerBound * rules.costPerPaidHour
    var best = try? fewestPeople(for: x0, seconds: max(0.5, left() / 4))
    var provenOptimal = false
    func cost(_ v: [Double]) -> Double { program.objective(of: Array(v[0..<starts]) + [Double](repeating: 0, count: v.count - starts)) }
    func gap(_ v: [Double]) -> Double { let c = cost(v); return c <= 0 ? 0 : max(0, (c - lower) / c) }

    if best == nil || gap(best!) > options.relativeGap {
      if best == nil {
        // The covering schedule breaks the short share or the head count. When the rules need
        // more people than the head count whatever the cost, say so now: proving it through the
        // whole program took most of the time limit.
        if let headCount = rules.headCount, case .headCountTooSmall(_, let needed?) = diagnosis(seconds: min(10, max(1, left() / 4))),
          needed > headCount
        {
          throw .headCountTooSmall(headCount: headCount, needed: needed)
        }
        // Else price them in.
        let priced = pricedStart(seconds: left() / 3, gap: options.relativeGap / 2)
        lower = max(lower, priced.bound)
        best = priced.values
      }
      if best == nil || gap(best!) > options.relativeGap {
        let whole: IntegerProgram.Solution
        do throws(SchedulingError) {
          whole = try program.solve(options: .init(timeLimit: left() / 2, relativeGap: options.relativeGap), incumbent: best)
        } catch .infeasibleProgram {
          // Usually well under a second; 10 s lets a loaded machine still say how many are needed.
          throw diagnosis(seconds: min(10, max(1, left())))
        }
        var x = whole.values
        // The bound on objective + ε·P, less the largest people term, bounds the cost.
        lower = max(lower, whole.bound - epsilon * (program.columns[peopleColumn].upper ?? Double(Self.startBoxes(shifts.program).reduce(0, +))))
        provenOptimal = whole.isProvenOptimal
        if !provenOptimal && gap(x) > options.relativeGap && settings.days > 2 {
          x = improve(x, deadline: deadline) { gap($0) <= options.relativeGap }
        }
        best = x
      }
    }
    let x = Array(best![0..<starts])
    let tidy = (try? fewestPeople(for: x, seconds: max(0.5, left()))) ?? best!
    let c = cost(tidy)
    if c - lower <= 1e-9 * max(1, c) { provenOptimal = true }
    if provenOptimal { lower = c }

    var agents = [[Int]](repeating: [Int](repeating: 0, count: candidates.count), count: settings.days)
    for (j, start) in shifts.starts.enumerated() { agents[start.day][start.candidate] = Int(tidy[j].rounded()) }
    let w = patternColumns.map { $0.map { Int(tidy[$0].rounded()) } }
    let people = try TourRoster(scheduling: self).people(agents: agents, patternCounts: w, people: Int(tidy[peopleColumn].rounded()))
    let xs = x.map { Int($0.rounded()) }
    return TourSchedule(
      dates: (0..<settings.days).map(settings.date(ofDay:)), candidates: candidates, people: people, agents: agents,
      paidHours: shifts.program.cost(of: xs), cost: c, lowerBound: min(lower, c), gap: provenOptimal ? 0 : gap(tidy),
      isProvenOptimal: provenOptimal, solveSeconds: CoveringProgram.seconds(started.duration(to: .now)),
      covered: shifts.program.coverage(of: xs))
  }

  /// The program's solution with the starts fixed at `x` and the fewest people.
  /// - Throws: ``SchedulingError/infeasibleProgram`` when `x` breaks the short share or needs
  ///   more people than the head count.
  func fewestPeople(for x: [Double], seconds: Double) throws(SchedulingError) -> [Double] {
    var fixed: [Int: Double] = [:]
    for j in 0..<shifts.starts.count { fixed[j] = x[j] }
    return try program.solve(options: .init(timeLimit: seconds, relativeGap: 0), fixed: fixed).values
  }

  /// Fix-and-optimize: re-solves the starts of days d and d + 1 (patterns and people free)
  /// with every other start fixed, keeping any cheaper solution, pass after pass while a pass
  /// improves something and until `isGoodEnough` or `deadline`.
  func improve(_ start: [Double], deadline: ContinuousClock.Instant, isGoodEnough: ([Double]) -> Bool) -> [Double] {
    var v = start
    var improved = true
    while improved && ContinuousClock.now < deadline && !isGoodEnough(v) {
      improved = false
      for d in 0..<(settings.days - 1) {
        let left = CoveringProgram.seconds(ContinuousClock.now.duration(to: deadline))
        if left <= 0 || isGoodEnough(v) { break }
        var fixed: [Int: Double] = [:]
        for (j, s) in shifts.starts.enumerated() where s.day != d && s.day != d + 1 { fixed[j] = v[j] }
        let share = min(2, max(0.5, left / Double(settings.days - 1 - d)))
        guard let found = try? program.solve(options: .init(timeLimit: min(left, share), relativeGap: 0), incumbent: v, fixed: fixed)
        else { continue }
        if found.objective < program.objective(of: v) - 1e-9 {
          v = found.values
          improved = true
        }
      }
    }
    return v
  }

  /// Which rule makes the program infeasible: the short share (infeasible even without a head
  /// count), else the head count, with the fewest people the rules need (the integer optimum
  /// of minimising P when found within `seconds`, else the rounded-up bound).
  func diagnosis(seconds: Double) -> SchedulingError {
    var relaxed = rules
    relaxed.headCount = nil
    guard
      var open = try? TourScheduling(
        settings: settings, intervalLength: shifts.intervalLength, requirement: shifts.requirement, candidates: candidates,
        absence: shifts.absence, rules: relaxed)
    else { return .infeasibleProgram }
    for j in 0..<shifts.starts.count { open.program.setCost(0, ofColumn: j) }
    open.program.setCost(1, ofColumn: open.peopleColumn)
    do throws(SchedulingError) {
      let found = try open.program.solve(options: .init(timeLimit: seconds, relativeGap: 0))
      guard let headCount = rules.headCount else { return .infeasibleProgram }
      let needed = found.isProvenOptimal ? found.objective : found.bound
      return .headCountTooSmall(headCount: headCount, needed: Int((needed - 1e-6).rounded(.up)))
    } catch .infeasibleProgram {
      return rules.shortShiftShare.map { .shortShiftShareTooSmall(share: $0) } ?? .infeasibleProgram
    } catch {
      return rules.headCount.map { .headCountTooSmall(headCount: $0, needed: nil) } ?? error
    }
  }
}
