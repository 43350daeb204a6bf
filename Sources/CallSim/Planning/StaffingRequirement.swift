/// The fewest agents on the phones that meet every target of a scenario on one interval's
/// mean load, by the exact steady-state formulas: Erlang A with patience, Erlang C without.
///
/// Targets: `service_level` (answered within `within` / inflow), `answer_rate` (answered /
/// inflow = 1 − abandon rate), `max_occupancy` (busy / on-phone time). Service level and
/// answer rate rise and occupancy falls as agents are added, so the answer is the first
/// count meeting all three.
public struct StaffingRequirement: Sendable {
  public var targets: Targets
  /// Results by queue, so that the many intervals sharing a load are solved once.
  private var cache: [ErlangQueue: ErlangPerformance] = [:]

  /// Throws when the scenario has no target or a target no staffing can meet.
  public init(targets: Targets) throws(PlanError) {
    guard targets.serviceLevelShare != nil || targets.answerRate != nil || targets.maxOccupancy != nil else {
      throw PlanError(
        "the scenario has no targets to plan for: add targets: {service_level: {within: 20s, share: 0.8}, answer_rate: 0.95, max_occupancy: 0.9} (any of them)")
    }
    if let share = targets.serviceLevelShare, share >= 1 {
      throw PlanError(
        "targets.service_level.share: \(share) cannot be met: some callers always wait longer than \(Int(targets.serviceLevelWithin)) s when calls arrive at random; use a share below 1")
    }
    if let occupancy = targets.maxOccupancy, occupancy <= 0 {
      throw PlanError("targets.max_occupancy: \(occupancy) cannot be met by agents who take calls; use a share above 0")
    }
    self.targets = targets
  }

  /// Most agents on the phones per interval a plan may ask for (a roster's limit per group).
  public static let maxAgents = 1_000_000

  /// The fewest agents meeting every target on `load`, with the performance they give;
  /// 0 agents (and a perfect performance) when no call arrives.
  public mutating func agents(for load: IntervalLoad) throws(PlanError) -> ErlangPerformance {
    guard load.callsPerHour > 0 else {
      return ErlangPerformance(
        agents: 0, answerRate: 1, serviceLevel: 1, asaSeconds: 0, meanWaitSeconds: 0, occupancy: 0, abandonRate: 0,
        blockedShare: 0, probabilityOfWait: 0)
    }
    if let answerRate = targets.answerRate, answerRate >= 1, load.meanPatienceSeconds != nil {
      throw PlanError(
        "targets.answer_rate: \(answerRate) cannot be met: callers with patience abandon some of the time with any number of agents; use an answer rate below 1")
    }
    let queue = load.queue
    if let known = cache[queue] { return known }
    do {
      var best = try queue.fewestAgents(
        serviceLevel: targets.serviceLevelShare ?? 0, maxAbandon: targets.answerRate.map { 1 - $0 },
        within: targets.serviceLevelWithin)
      if let maxOccupancy = targets.maxOccupancy, best.occupancy > maxOccupancy {
        // Occupancy falls as agents are added and is at most the offered load per agent, so
        // the fewest agents at or below the limit lie between `best` and ⌈load / limit⌉:
        // a bisection, never a count-up (a limit of 0.0001 would need millions of steps).
        let offered = load.callsPerHour * load.meanHandleSeconds / 3600
        let most = (offered / maxOccupancy).rounded(.up)
        guard most <= Double(StaffingRequirement.maxAgents) else {
          throw PlanError(
            "targets.max_occupancy: \(maxOccupancy) needs about \(Int(most)) agents at \(Int(load.callsPerHour.rounded())) calls per hour, more than the \(StaffingRequirement.maxAgents) a group may have; use a higher limit")
        }
        var low = best.agents, high = max(best.agents + 1, Int(most))
        var atHigh = try queue.performance(agents: high, within: targets.serviceLevelWithin)
        while high - low > 1 {
          let mid = (low + high) / 2
          let p = try queue.performance(agents: mid, within: targets.serviceLevelWithin)
          if p.occupancy > maxOccupancy { low = mid } else { (high, atHigh) = (mid, p) }
        }
        best = atHigh
      }
      cache[queue] = best
      return best
    } catch let error as PlanError {
      throw error
    } catch {
      throw PlanError("no staffing meets the targets at \(Int(load.callsPerHour.rounded())) calls per hour: \(error)")
    }
  }
}
