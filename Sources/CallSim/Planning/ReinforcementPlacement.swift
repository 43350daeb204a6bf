/// Where N extra short-shift workers raise the answer rate most: a greedy search by
/// simulation on common random numbers.
///
/// The workers come in batches (default: a fifth of them, at least one). Each round tries
/// the next batch in every allowed window on top of the scenario's own staffing and the
/// batches placed so far, simulates each candidate on the scenario's seed and replications
/// (so every candidate meets the same callers, and their differences are paired), and keeps
/// the window with the highest mean answer rate over the measured period. Greedy placement
/// is not guaranteed optimal — two windows may only pay together — but each round's choice
/// is the best single step, and a batch of one makes it the classic marginal-analysis greedy.
public struct ReinforcementPlacement {
  /// One candidate window: workers on duty from `start` (seconds from midnight) for the shift length.
  public struct Window: Sendable, Equatable {
    public var start: Double
    public var agents: Int
  }

  /// One round of the search: the answer rate with the batch in each window, and the choice.
  public struct Round: Sendable, Equatable {
    public var batch: Int
    public var answerRates: [Double]
    /// Index in the windows of the one that got the batch.
    public var chosen: Int
    /// Seconds from midnight: the chosen window's start.
    public var chosenStart: Double
  }

  public var model: CallCenterModel
  public var workers: Int
  /// Seconds.
  public var shiftLength: Double
  /// Window starts, seconds from midnight.
  public var starts: [Double]
  public var days: DaySet
  public var batch: Int
  public var group: Int
  public var threads: Int

  public init(
    model: CallCenterModel, workers: Int, shiftLength: Double, starts: [Double], days: DaySet, batch: Int? = nil, group: Int = 0,
    threads: Int = 2
  ) throws(PlanError) {
    guard workers >= 1 else { throw PlanError("--place: expected at least 1 worker, found \(workers)") }
    guard shiftLength > 0 && shiftLength <= 86_400 else {
      throw PlanError("--place-length: expected a shift length up to 24h, found \(shiftLength) s")
    }
    guard !starts.isEmpty else { throw PlanError("--place-starts: expected at least one window start such as 08:00") }
    guard model.agentGroups[group].staffing.peak == 0 else {
      throw PlanError(
        "--place: group \(model.agentGroups[group].name) is staffed by the hour (agents:); reinforcement workers join a roster: give the scenario shifts and roster lines")
    }
    let settings = model.settings
    let measured = (settings.firstMeasuredHour / 24)..<settings.days
    guard measured.contains(where: { days.contains(settings.date(ofDay: $0), isHoliday: settings.isHoliday(day: $0)) }) else {
      throw PlanError(
        "--place-days: no measured date of the horizon (\(settings.date(ofDay: measured.lowerBound)) to \(settings.date(ofDay: settings.days - 1))) is one of these days: the placed workers would never work; choose days the horizon has")
    }
    let rostered = model.roster.agents(group: group)
    guard rostered + workers <= StaffingRequirement.maxAgents else {
      throw PlanError(
        "--place: \(workers) workers on top of the \(rostered) rostered agents of group \(model.agentGroups[group].name) exceed the \(StaffingRequirement.maxAgents) a group's roster may have")
    }
    self.model = model
    self.workers = workers
    self.shiftLength = shiftLength
    self.starts = starts
    self.days = days
    self.batch = max(1, batch ?? Int((Double(workers) / 5).rounded(.up)))
    self.group = group
    self.threads = threads
  }

  /// The result: workers per window (in `starts` order), the answer rate before and after,
  /// and each round.
  public struct Outcome: Sendable {
    public var windows: [Window]
    public var baseAnswerRate: Double
    public var answerRate: Double
    public var rounds: [Round]
    /// The reinforcement lines placed, to add to the scenario's roster.
    public var lines: [RosterLine]
  }

  public func place(stop: StopRequest? = nil, report: (Round) -> Void = { _ in }) throws -> Outcome {
    var agents = Array(repeating: 0, count: starts.count)
    let base = try answerRate(agents, stop: stop)
    var rounds: [Round] = []
    var current = base
    var placed = 0
    while placed < workers {
      let b = min(batch, workers - placed)
      var rates: [Double] = []
      for w in starts.indices {
        var trial = agents
        trial[w] += b
        rates.append(try answerRate(trial, stop: stop))
      }
      let chosen = rates.indices.max { rates[$0] < rates[$1] }!
      agents[chosen] += b
      placed += b
      current = rates[chosen]
      let round = Round(batch: b, answerRates: rates, chosen: chosen, chosenStart: starts[chosen])
      rounds.append(round)
      report(round)
    }
    return Outcome(
      windows: starts.indices.map { Window(start: starts[$0], agents: agents[$0]) }, baseAnswerRate: base, answerRate: current,
      rounds: rounds, lines: try lines(agents))
  }

  func lines(_ agents: [Int]) throws -> [RosterLine] {
    do {
      return try starts.indices.filter { agents[$0] > 0 }.map { w throws(ModelError) in
        let name = "reinforcement \(TimeText.clock(starts[w]))-\(TimeText.clockOfDay(starts[w] + shiftLength))"
        return try RosterLine(
          group: group, shift: ShiftTemplate(name: name, start: starts[w], length: shiftLength, staggerStep: 0), agents: agents[w],
          days: days, isReinforcement: true)
      }
    } catch {
      throw PlanError("--place: \(error)")
    }
  }

  func answerRate(_ agents: [Int], stop: StopRequest?) throws -> Double {
    var m = model
    let extra = try lines(agents)
    m.roster.lines += extra
    for i in m.timeline.indices { m.timeline[i].model.roster.lines += extra }
    guard let result = try SimulationRunner.run(m, threads: threads, stop: stop) else { throw StopRequest.Stopped() }
    return result.estimates()[.answerRate]?.mean ?? 0
  }
}
