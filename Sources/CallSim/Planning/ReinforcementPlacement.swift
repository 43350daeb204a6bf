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
///
/// With more than three replications a round screens first: every window runs the first
/// ``screenedReplications`` (about 40 %), and only the ``finalists`` best of them run the
/// rest; the choice is the finalist with the best mean over all replications — the window a
/// full evaluation of every candidate picks unless it ranked below the finalists on the
/// first replications, which the common random numbers make unlikely — at about 55 % of the
/// cost (12 windows of 10 replications: 12 × 4 + 3 × 6 runs of a replication, not 120).
public struct ReinforcementPlacement {
  /// One candidate window: workers on duty from `start` (seconds from midnight) for the shift length.
  public struct Window: Sendable, Equatable {
    public var start: Double
    public var agents: Int
  }

  /// One round of the search: the answer rate with the batch in each window, and the choice.
  public struct Round: Sendable, Equatable {
    public var batch: Int
    /// Each window's mean answer rate over its `replications[w]` first replications (all of
    /// them for the finalists).
    public var answerRates: [Double]
    public var replications: [Int]
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
    let n = model.settings.replications
    let screened = screenedReplications
    while placed < workers {
      let b = min(batch, workers - placed)
      var trials: [CallCenterModel] = []
      var first: [[ReplicationResult]] = []
      var rates: [Double] = []
      for w in starts.indices {
        var trial = agents
        trial[w] += b
        trials.append(try model(with: trial))
        first.append(try replications(trials[w], 0..<screened, stop: stop))
        rates.append(Self.answerRate(trials[w], first[w]))
      }
      /// The higher rate first, the earlier window on a tie.
      func ranksBefore(_ a: Int, _ b: Int) -> Bool { rates[a] > rates[b] || (rates[a] == rates[b] && a < b) }
      var counts = Array(repeating: screened, count: starts.count)
      var finalists = Array(starts.indices)
      if screened < n {
        // The best on the first replications, run on the rest.
        finalists = Array(starts.indices.sorted(by: ranksBefore).prefix(Self.finalists))
        for w in finalists {
          let rest = try replications(trials[w], screened..<n, stop: stop)
          rates[w] = Self.answerRate(trials[w], first[w] + rest)
          counts[w] = n
        }
      }
      let chosen = finalists.min(by: ranksBefore)!
      agents[chosen] += b
      placed += b
      current = rates[chosen]
      let round = Round(batch: b, answerRates: rates, replications: counts, chosen: chosen, chosenStart: starts[chosen])
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

  /// Windows run on every replication in each round after the screening.
  static let finalists = 3

  /// Replications every window runs in a round: all of them up to three, else 40 % (at
  /// least two).
  public var screenedReplications: Int {
    let n = model.settings.replications
    return n <= 3 ? n : max(2, Int((Double(n) * 0.4).rounded(.up)))
  }

  func answerRate(_ agents: [Int], stop: StopRequest?) throws -> Double {
    let m = try model(with: agents)
    return Self.answerRate(m, try replications(m, 0..<m.settings.replications, stop: stop))
  }

  /// The scenario with `agents` workers in each window.
  func model(with agents: [Int]) throws -> CallCenterModel {
    var m = model
    let extra = try lines(agents)
    m.roster.lines += extra
    for i in m.timeline.indices { m.timeline[i].model.roster.lines += extra }
    return m
  }

  func replications(_ m: CallCenterModel, _ indices: Range<Int>, stop: StopRequest?) throws -> [ReplicationResult] {
    guard let results = try SimulationRunner.replications(m, indices, threads: threads, stop: stop) else { throw StopRequest.Stopped() }
    return results
  }

  static func answerRate(_ m: CallCenterModel, _ results: [ReplicationResult]) -> Double {
    RunResult(model: m, replications: results).estimates()[.answerRate]?.mean ?? 0
  }
}
