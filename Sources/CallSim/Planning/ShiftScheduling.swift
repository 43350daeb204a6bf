/// The planner's shift-scheduling integer program: how many agents start each allowed shift
/// on each date so that every interval's requirement is covered at the least paid hours.
///
/// - Variables: x(d, s) ≥ 0 integer, agents starting candidate `s` on date `d` of the horizon,
///   for the dates where the candidate's ``DaySet`` allows it, at most its cap per day.
/// - Coverage: an agent starting `s` on date `d` counts in interval `t` for
///   (1 − absence) × availability(s) × share(s, t), where share is the mean over the
///   template's stagger variants of the share of `t` spent on duty and not paused
///   (``ShiftCandidate/onPhoneShares(intervalLength:)``). Shifts crossing midnight cover the
///   next day's intervals; parts beyond the horizon are dropped.
/// - Rows: Σ coverage · x ≥ requirement(t) for every interval with a requirement above 0.
/// - Cost: paid hours (``ShiftTemplate/paidLength`` / 3600) per agent.
///
/// The program is a ``CoveringProgram`` solved by GLPK; see there for the solver, its
/// options, feasibility and threads.
public struct ShiftScheduling: Sendable {
  /// One variable of the program: a candidate started on a day.
  public struct Start: Sendable, Equatable {
    /// Day index in the horizon (0 = the settings' start date).
    public var day: Int
    /// Index into ``candidates``.
    public var candidate: Int

    public init(day: Int, candidate: Int) {
      self.day = day
      self.candidate = candidate
    }
  }

  public let settings: SimulationSettings
  /// Seconds: 900, 1800 or 3600 (any length dividing a day works).
  public let intervalLength: Double
  /// Agents needed on the phones per interval, interval 0 starting at the midnight of day 0.
  public let requirement: [Double]
  public let candidates: [ShiftCandidate]
  /// Share of rostered agents absent on a day, in [0, 1).
  public let absence: Double
  /// The variable of each program column, in column order (day by day, candidates in order).
  public let starts: [Start]
  /// The integer program (a row per interval, a column per start).
  public let program: CoveringProgram

  /// Builds the program.
  /// - Parameters:
  ///   - requirement: agents on the phones per interval, `settings.days · 86 400 / intervalLength` values.
  /// - Throws: ``SchedulingError/invalidAbsence(_:)`` for an absence share outside [0, 1).
  public init(
    settings: SimulationSettings, intervalLength: Double, requirement: [Double], candidates: [ShiftCandidate],
    absence: Double = 0
  ) throws(SchedulingError) {
    precondition(
      intervalLength > 0 && (86_400 / intervalLength).rounded() == 86_400 / intervalLength,
      "the interval length must divide a day")
    let perDay = Int(86_400 / intervalLength)
    precondition(requirement.count == settings.days * perDay, "one requirement per interval of the horizon")
    precondition(requirement.allSatisfy { $0.isFinite && $0 >= 0 }, "requirements must be finite and not negative")
    guard absence >= 0 && absence < 1 else { throw .invalidAbsence(absence) }
    self.settings = settings
    self.intervalLength = intervalLength
    self.requirement = requirement
    self.candidates = candidates
    self.absence = absence

    let labels = requirement.indices.map { Self.label(interval: $0, settings: settings, intervalLength: intervalLength) }
    var program = CoveringProgram(demands: requirement, rowLabels: labels)
    var starts: [Start] = []
    let shares = candidates.map { $0.onPhoneShares(intervalLength: intervalLength) }
    for day in 0..<settings.days {
      let date = settings.date(ofDay: day)
      let holiday = settings.isHoliday(day: day)
      for (s, candidate) in candidates.enumerated() where candidate.days.contains(date, isHoliday: holiday) {
        let factor = (1 - absence) * candidate.availability
        var entries: [CoveringProgram.Entry] = []
        for (t, share) in shares[s].enumerated() where share > 1e-12 && day * perDay + t < requirement.count {
          entries.append(.init(row: day * perDay + t, coefficient: factor * share))
        }
        program.addColumn(cost: candidate.paidHours, upper: candidate.maxAgentsPerDay, entries: entries)
        starts.append(Start(day: day, candidate: s))
      }
    }
    self.starts = starts
    self.program = program
  }

  /// Solves the program: the cheapest schedule in paid hours (or the best found within the
  /// options' time limit or gap, with its gap).
  /// - Throws: ``SchedulingError`` when an interval cannot be covered, when no schedule is found
  ///   in time, or when GLPK fails.
  ///
  /// Horizons of more than two days are improved, when branch and bound stops short of the
  /// gap, by re-solving two consecutive days at a time with the others fixed.
  public func solve(options: CoveringProgram.Options = .init()) throws(SchedulingError) -> ShiftSchedule {
    var neighbourhoods: [[Int]] = []
    if settings.days > 2 {
      for day in 0..<(settings.days - 1) {
        neighbourhoods.append(starts.indices.filter { starts[$0].day == day || starts[$0].day == day + 1 })
      }
    }
    let solution = try program.solve(options: options, neighbourhoods: neighbourhoods)
    var agents = [[Int]](repeating: [Int](repeating: 0, count: candidates.count), count: settings.days)
    for (j, start) in starts.enumerated() { agents[start.day][start.candidate] = solution.values[j] }
    return ShiftSchedule(
      dates: (0..<settings.days).map(settings.date(ofDay:)), candidates: candidates, agents: agents,
      paidHours: solution.cost, lowerBound: solution.lowerBound, gap: solution.gap,
      isProvenOptimal: solution.isProvenOptimal, solveSeconds: solution.solveSeconds, covered: solution.coverage)
  }

  /// "2024-09-06 09:30–10:00": the date and clock times of interval `t`.
  public static func label(interval t: Int, settings: SimulationSettings, intervalLength: Double) -> String {
    let perDay = Int(86_400 / intervalLength)
    let from = Double(t % perDay) * intervalLength
    let clock = { TimeText.clock($0, rounding: .towardZero) }
    return "\(settings.date(ofDay: t / perDay)) \(clock(from))–\(clock(from + intervalLength))"
  }
}
