/// The simulation correction's step when targets are judged per hour: each interval's
/// requirement is moved to where the Erlang curve of its load, shifted to pass through what
/// the simulation measured, meets the target.
///
/// The steady-state formulas misjudge a time-varying day by an amount that changes slowly
/// from hour to hour (the queue left by a peak, overflow, generalists, caps), but their
/// slope — how much an agent more or less changes the service level at this load — is
/// right. So when the simulation measures a service level `s` with `r` agents where the
/// formula would need `A(s)` agents (fractional: linear between whole agents), the hour
/// behaves like the formula with `r − A(s)` agents more, and needs
/// `r + A(target + margin) − A(s)` agents, rounded up. The same holds for the answer rate;
/// occupancy, nearly `load / agents`, scales the agents by `measured / limit`. A fixed step
/// (3 %, or one agent) overshoots where an agent is worth several points and chases the
/// replications' noise: this step is as large as the measured gap, in either direction.
///
/// Dates whose loads and models are the same (every date of a day repeated, each weekday of
/// a repeated week) are measured together: they share one requirement, and the replication
/// noise of each hour shrinks with the dates pooled.
struct HourCalibration {
  let model: CallCenterModel
  let groups: PlanningGroups
  let intervalSeconds: Double
  /// queues[k][i]: the Erlang queue whose agents group k's agents in interval i are a share
  /// of (its own load; the pooled load under `integrated`).
  private let queues: [[ErlangQueue]]
  /// shares[k]: group k's share of the queue's agents (1 unless `integrated`).
  private let shares: [Double]
  /// For each measured day, the measured days with the same loads and model (itself included).
  private let peers: [Int: [Int]]
  private let cache = PerformanceCache()

  init(model: CallCenterModel, groups: PlanningGroups, intervalSeconds: Double) {
    self.model = model
    self.groups = groups
    self.intervalSeconds = intervalSeconds
    if model.routing.mode.poolsTypes {
      let pooled = IntervalLoad.loads(of: model, intervalSeconds: intervalSeconds).map(\.queue)
      let workload = model.callTypes.indices.map { IntervalLoad.workload(of: model, type: $0) }
      let total = workload.reduce(0, +)
      queues = groups.planned.map { _ in pooled }
      shares = groups.planned.map { g in total > 0 ? zip(groups.weights[g], workload).reduce(0) { $0 + $1.0 * $1.1 } / total : 0 }
    } else {
      queues = groups.planned.map { g in
        IntervalLoad.loads(of: model, intervalSeconds: intervalSeconds, typeWeights: groups.weights[g]).map(\.queue)
      }
      shares = groups.planned.map { _ in 1 }
    }
    let settings = model.settings
    let perDay = Int(86_400 / intervalSeconds)
    let firstDay = (settings.firstMeasuredHour + 23) / 24
    var byKey: [DayKey: [Int]] = [:]
    var order: [DayKey] = []
    for day in firstDay..<settings.days {
      let key = DayKey(
        loads: queues.map { q in Array(q[min(q.count, day * perDay)..<min(q.count, (day + 1) * perDay)]) },
        timeline: model.timeline.lastIndex { $0.fromDay <= day } ?? -1,
        fixed: model.agentGroups.indices.filter { !groups.planned.contains($0) }.map { g in
          (day * 24..<(day + 1) * 24).map { model.hourlyAgents(group: g, hour: $0) }
        },
        strike: model.model(onDay: day).strike?.factor(on: settings.date(ofDay: day)) ?? 1)
      if byKey[key] == nil { order.append(key) }
      byKey[key, default: []].append(day)
    }
    var peers: [Int: [Int]] = [:]
    for days in byKey.values { for d in days { peers[d] = days } }
    self.peers = peers
  }

  /// What one run may change.
  enum Step {
    /// The correction: every interval of a measured hour with calls of a group's types
    /// moves as the measured rates say (down only when `lowering`); an hour missing a
    /// target by more than `tolerance` on a curve too flat to say how much gets one agent.
    case correction(lowering: Bool, tolerance: Double)
    /// A schedule check, whose agents are the roster's, not the requirement: only hours
    /// missing a target by more than `by` (measured together with their peers), or listed in
    /// `missed` (group → hours missing on their own date), are raised, to `aimAbove` share
    /// points above their targets (below an occupancy limit) and by at least one agent above
    /// what the schedule put on the phones (`onPhones[k][i]`, group k's expected agents in
    /// interval i): a schedule covers its requirement with room, and a raise inside that
    /// room would leave the schedule, and the next check, as they were.
    case raiseMisses(by: Double, missed: [Int: Set<Int>], aimAbove: Double, onPhones: [[Double]])
  }

  /// The requirement after one run, each change at most half again or a tenth fewer (at
  /// least two and one agents). An interval once raised (listed in `raised`, which collects
  /// them as `[group index, interval]`) is not lowered again: with a step as large as the
  /// gap, lowering it back would only chase the replications' noise. Returns the intervals
  /// raised and lowered.
  func correct(_ required: inout [[Int]], by result: RunResult, step: Step, raised: inout Set<[Int]>) throws -> (up: Int, down: Int) {
    let perHour = Int(3600 / intervalSeconds)
    let n = Double(result.replications.count)
    var up = 0, down = 0
    var done = Set<Int>()
    for h in model.settings.firstMeasuredHour..<model.settings.hours where !done.contains(h) {
      let days = peers[h / 24] ?? [h / 24]
      let hours = days.map { $0 * 24 + h % 24 }.filter { $0 >= model.settings.firstMeasuredHour && $0 < model.settings.hours }
      done.formUnion(hours)
      let scale = 1 / (n * Double(hours.count))
      for (k, g) in groups.planned.enumerated() {
        var measured: [(type: Int, counts: CallCounts)] = []
        for t in groups.types(of: g) {
          var c = CallCounts()
          for hour in hours { c += result.hourSum(hour, type: t) }
          c.scale(by: scale)
          if c.inflow > 0 { measured.append((t, c)) }
        }
        guard !measured.isEmpty else { continue }
        var agents = GroupCounts()
        for hour in hours { agents += result.hourSum(hour, group: g) }
        let occupancy = GroupMetric.occupancy.value(of: agents, periodSeconds: 3600)
        let first = h * perHour
        guard first < required[k].count else { continue }
        for j in 0..<perHour where first + j < required[k].count {
          let before = required[k][first + j]
          guard queues[k][first + j].arrivalRatePerHour > 0 else { continue }
          // The agents the measured rates came from.
          var r = before
          var margin = 0.0
          if case .raiseMisses(_, _, let aimAbove, let onPhones) = step {
            let slots = hours.map { $0 * perHour + j }.filter { $0 < onPhones[k].count }
            let mean = slots.reduce(0) { $0 + onPhones[k][$1] } / Double(max(1, slots.count))
            r = max(before, Int((mean + 1e-9).rounded(.down)))
            margin = aimAbove
          }
          var (wanted, shortfall) = try self.wanted(
            k: k, interval: first + j, agents: r, measured: measured, occupancy: occupancy, margin: margin)
          switch step {
          case .correction(let lowering, let tolerance):
            if shortfall > tolerance { wanted = max(wanted, r + 1) }
            if !lowering || raised.contains([k, first + j]) { wanted = max(wanted, r) }
          case .raiseMisses(let by, let missed, _, _):
            guard shortfall > by || hours.contains(where: { missed[g]?.contains($0) ?? false }) else { continue }
            wanted = max(wanted, r + 1)
          }
          wanted = min(wanted, r + max(2, Int((Double(r) * 0.5).rounded(.up))))
          wanted = max(wanted, r - max(1, Int((Double(r) * 0.1).rounded(.up))), 1)
          guard wanted != before else { continue }
          for hour in hours where (hour * perHour + j) < required[k].count {
            required[k][hour * perHour + j] = wanted
            if wanted > before { raised.insert([k, hour * perHour + j]) }
          }
          if wanted > before { up += hours.count } else { down += hours.count }
        }
      }
    }
    return (up, down)
  }

  /// The agents interval `i` of group `k` needs by each target of the types measured, and
  /// by how much the worst measured rate falls short of its target (share points; 0 or less
  /// when none does).
  private func wanted(
    k: Int, interval i: Int, agents r: Int, measured: [(type: Int, counts: CallCounts)], occupancy: Double?, margin: Double
  ) throws -> (agents: Int, shortfall: Double) {
    let queue = queues[k][i]
    let share = shares[k]
    var most = 0.0
    var shortfall = -1.0
    for (t, counts) in measured {
      let targets = groups.typeTargets[t]
      var pairs: [(target: Double, value: Double?, metric: Curve.Metric)] = []
      if let target = targets.serviceLevelShare {
        pairs.append((target, Metric.serviceLevel.value(of: counts, periodSeconds: 3600), .serviceLevel(within: targets.serviceLevelWithin)))
      }
      if let target = targets.answerRate {
        pairs.append((target, Metric.answerRate.value(of: counts, periodSeconds: 3600), .answerRate))
      }
      for (target, value, metric) in pairs {
        guard let value else { continue }
        let curve = Curve(queue: queue, metric: metric, cache: cache)
        let aim = min(target + margin, (1 + target) / 2)
        let pooled = share > 0 ? Double(r) / share : Double(r)
        if share > 0 {
          let shift = try curve.agents(reaching: aim, near: pooled) - curve.agents(reaching: value, near: pooled)
          most = max(most, Double(r) + share * shift)
        }
        shortfall = max(shortfall, target - value)
      }
    }
    if let limit = groups.occupancyLimit(of: groups.planned[k]), let occupancy {
      most = max(most, Double(r) * occupancy / max(limit - margin / 2, limit / 2))
      shortfall = max(shortfall, occupancy - limit)
    }
    return (Int((most - 1e-6).rounded(.up)), shortfall)
  }

  /// What makes two dates the same for the planner.
  private struct DayKey: Hashable {
    var loads: [[ErlangQueue]]
    var timeline: Int
    var fixed: [[Int]]
    var strike: Double
  }
}

/// Performances already computed, shared by every run of one plan.
private final class PerformanceCache: @unchecked Sendable {
  var values: [Key: Double] = [:]
  struct Key: Hashable {
    var queue: ErlangQueue
    var metric: HourCalibration.Curve.Metric
    var agents: Int
  }
}

extension HourCalibration {
  /// One rate of an Erlang queue as a function of its agents.
  fileprivate struct Curve {
    enum Metric: Hashable {
      case serviceLevel(within: Double)
      case answerRate
    }
    var queue: ErlangQueue
    var metric: Metric
    var cache: PerformanceCache

    /// The rate with `n` agents; 0 with none or when the queue is unstable.
    func value(_ n: Int) throws -> Double {
      guard n > 0 else { return 0 }
      let key = PerformanceCache.Key(queue: queue, metric: metric, agents: n)
      if let known = cache.values[key] { return known }
      let p: ErlangPerformance
      switch metric {
      case .serviceLevel(let within):
        do { p = try queue.performance(agents: n, within: within) } catch ErlangError.unstable { return 0 }
        cache.values[key] = p.serviceLevel
        return p.serviceLevel
      case .answerRate:
        do { p = try queue.performance(agents: n) } catch ErlangError.unstable { return 0 }
        cache.values[key] = p.answerRate
        return p.answerRate
      }
    }

    /// The agents (fractional, linear between whole agents) at which the rate first reaches
    /// `x`, searched from about `near`; at most four times `near` plus 50.
    func agents(reaching x: Double, near: Double) throws -> Double {
      guard x > 0 else { return 0 }
      let cap = Int(min(Double(ErlangQueue.maxAgents), near * 4 + 50))
      var hi = max(1, min(cap, Int(near.rounded())))
      var lo = 0
      if try value(hi) >= x {
        // Gallop down to a count below x.
        var step = 1
        lo = hi - step
        while lo > 0, try value(lo) >= x {
          hi = lo
          step *= 2
          lo = max(0, hi - step)
        }
      } else {
        var step = 1
        lo = hi
        hi = min(cap, lo + step)
        while try value(hi) < x {
          if hi == cap { return Double(cap) }
          lo = hi
          step *= 2
          hi = min(cap, lo + step)
        }
      }
      while hi - lo > 1 {
        let mid = (lo + hi) / 2
        if try value(mid) >= x { hi = mid } else { lo = mid }
      }
      let (a, b) = (try value(lo), try value(hi))
      return Double(lo) + (b > a ? (x - a) / (b - a) : 1)
    }
  }
}
