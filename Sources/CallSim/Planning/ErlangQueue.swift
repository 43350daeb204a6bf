import Foundation

/// M/M/n/N+M: Poisson arrivals, exponential handle time, n agents, optional line limit N (>= n), optional exponential patience.
///
/// Every result is exact up to floating-point rounding (no approximations):
/// - No patience, no line limit (M/M/n, Erlang C): closed forms built on the Erlang B recursion
///   B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), and C = n·B / (n − a·(1 − B)); the wait of a
///   delayed call is exponential with rate nμ − λ.
/// - Line limit equal to agents, no patience (M/M/n/n, Erlang B): blocking B(n, a), no waiting.
/// - Otherwise (Erlang A, Garnett, Mandelbaum & Reiman 2002, "Designing a call center with
///   impatient customers", M&SOM 4(3); with or without a line limit): stationary distribution of
///   the birth–death chain on calls in system, λ_k = λ (0 at the line limit),
///   μ_k = min(k, n)μ + max(k − n, 0)θ. Waiting-time quantities follow the tagged-caller analysis
///   of Mandelbaum & Zeltyn (M/M/n+G summary): a FIFO caller finding i calls ahead advances at rate
///   nμ + jθ and abandons at rate θ while j calls are ahead of it. The service level is obtained by
///   uniformization of that absorbing chain.
public struct ErlangQueue: Sendable, Hashable {
  /// Mean arrival rate, in calls per hour.
  public var arrivalRatePerHour: Double
  /// Mean handle time (talk plus wrap-up), in seconds.
  public var meanHandleSeconds: Double
  /// Mean patience of a queued caller, in seconds; `nil` means callers never abandon.
  public var meanPatienceSeconds: Double?
  /// Maximum number of calls in the system (waiting + talking); a call arriving when `lines`
  /// calls are present is blocked. `nil` means unlimited.
  public var lines: Int?

  // MARK: Input bounds
  // Beyond these the formulas overflow, trap converting to Int, or would run for hours;
  // inside them the results are exact as described above.

  /// Largest arrival rate, calls per hour (the bound of a scenario's `per_hour`).
  public static let maxArrivalRatePerHour = 1e9
  /// Handle times and patience accepted, seconds: 1 ms to 10¹² s (a patience that long
  /// is "never abandons"; the offered load is bounded on its own).
  public static let durationRange = 0.001...1e12
  /// Longest service-level threshold, seconds (a day).
  public static let maxThreshold = 86_400.0
  /// Most agents (the bound of a scenario's `agents`).
  public static let maxAgents = 1_000_000
  /// Most lines (the bound of a scenario's `trunks`).
  public static let maxLines = 10_000_000
  /// Largest offered load, Erlangs: a million agents' work.
  public static let maxOfferedLoad = 1e6
  /// Most expected uniformized jumps within the service-level threshold (rate × threshold):
  /// bounds the Poisson weights the service level sums (about 19·√ of this many).
  static let maxJumpsWithinThreshold = 1e10

  /// Describes the queue; inputs are validated when performance is computed.
  public init(arrivalRatePerHour: Double, meanHandleSeconds: Double, meanPatienceSeconds: Double? = nil, lines: Int? = nil) {
    self.arrivalRatePerHour = arrivalRatePerHour
    self.meanHandleSeconds = meanHandleSeconds
    self.meanPatienceSeconds = meanPatienceSeconds
    self.lines = lines
  }

  /// Offered load in Erlangs: arrival rate (calls per hour) × handle time (seconds) / 3600.
  public var offeredLoad: Double {
    arrivalRatePerHour * meanHandleSeconds / 3600
  }

  /// Steady-state performance with `agents` agents; `within` is the service-level threshold in seconds.
  public func performance(agents: Int, within: Double = 20) throws -> ErlangPerformance {
    try validateModel()
    guard within.isFinite, within >= 0, within <= Self.maxThreshold else { throw ErlangError.invalidThreshold(within) }
    return try solve(agents: agents, within: within)
  }

  /// Fewest agents meeting every target given (serviceLevel: minimum share answered within `within`; maxAbandon: maximum abandon_rate). At least one target must be non-nil.
  ///
  /// `within` is in seconds. The search gallops from the offered load and then bisects, relying
  /// on service level rising and abandonment falling as agents are added. With a line limit the
  /// search stops at `lines` agents.
  public func fewestAgents(serviceLevel: Double?, maxAbandon: Double?, within: Double = 20, maxAgents: Int = 100_000) throws -> ErlangPerformance {
    try validateModel()
    guard within.isFinite, within >= 0, within <= Self.maxThreshold else { throw ErlangError.invalidThreshold(within) }
    guard serviceLevel != nil || maxAbandon != nil else { throw ErlangError.missingTarget }
    if let serviceLevel, !(serviceLevel >= 0 && serviceLevel <= 1) {
      throw ErlangError.invalidServiceLevelTarget(serviceLevel)
    }
    if let maxAbandon, !(maxAbandon >= 0 && maxAbandon <= 1) {
      throw ErlangError.invalidAbandonTarget(maxAbandon)
    }
    guard maxAgents >= 1 else { throw ErlangError.invalidMaxAgents(maxAgents) }

    let upper = min(maxAgents, lines ?? maxAgents, Self.maxAgents)
    let notFound = ErlangError.noStaffingMeetsTarget(serviceLevel: serviceLevel, maxAbandon: maxAbandon, within: within, maxAgents: upper)
    let load = offeredLoad
    let needsStability = meanPatienceSeconds == nil && lines == nil
    let lowest = needsStability ? Int(load.rounded(.down)) + 1 : 1
    guard lowest <= upper else { throw notFound }

    var cache: [Int: ErlangPerformance] = [:]
    func meets(_ n: Int) throws -> Bool {
      let p: ErlangPerformance
      if let cached = cache[n] {
        p = cached
      } else {
        p = try solve(agents: n, within: within)
        cache[n] = p
      }
      if let serviceLevel, p.serviceLevel < serviceLevel { return false }
      if let maxAbandon, p.abandonRate > maxAbandon { return false }
      return true
    }

    // Starting near the answer keeps the search cheap: with only an abandonment target the
    // fluid limit n ≈ a·(1 − maxAbandon) applies, otherwise n ≈ a.
    let start = serviceLevel == nil ? load * (1 - (maxAbandon ?? 0)) : load
    let guess = min(upper, max(lowest, Int(start.rounded(.down))))
    var good: Int
    var bad: Int
    if try meets(guess) {
      good = guess
      bad = lowest - 1
      var step = 1
      while good > lowest {
        let candidate = max(lowest, good - step)
        if try meets(candidate) {
          good = candidate
          step *= 2
        } else {
          bad = candidate
          break
        }
      }
    } else {
      bad = guess
      var step = 1
      while true {
        guard bad < upper else { throw notFound }
        let candidate = min(upper, bad + step)
        if try meets(candidate) {
          good = candidate
          break
        }
        bad = candidate
        step *= 2
      }
    }
    while good - bad > 1 {
      let mid = bad + (good - bad) / 2
      if try meets(mid) { good = mid } else { bad = mid }
    }
    return cache[good]!
  }

  /// Erlang B blocking probability for `agents` servers and `load` Erlangs, by the recursion
  /// B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)). Returns NaN for negative or non-finite input.
  public static func erlangB(agents: Int, load: Double) -> Double {
    guard agents >= 0, load.isFinite, load >= 0 else { return .nan }
    var b = 1.0
    if agents > 0 {
      for k in 1...agents {
        let ab = load * b
        b = ab / (Double(k) + ab)
      }
    }
    return b
  }

  /// Erlang C probability of waiting for `agents` servers and `load` Erlangs:
  /// C = n·B / (n − a·(1 − B)); 1 when the load is at least the number of agents.
  public static func erlangC(agents: Int, load: Double) -> Double {
    guard agents >= 1, load.isFinite, load >= 0 else { return .nan }
    let n = Double(agents)
    guard load < n else { return 1 }
    let b = erlangB(agents: agents, load: load)
    return n * b / (n - load * (1 - b))
  }
}

// MARK: - Solver

extension ErlangQueue {
  /// States further than this below or above the mode, relative to the mode's weight, are dropped.
  private static let negligibleWeight = 1e-18
  /// Minimum number of queue states kept past the agents when truncating an infinite chain.
  private static let minimumQueueStates = 300
  /// Largest birth–death chain the solver builds.
  private static let maximumStates = 5_000_000

  private func validateModel() throws {
    guard arrivalRatePerHour > 0, arrivalRatePerHour <= Self.maxArrivalRatePerHour else {
      throw ErlangError.invalidArrivalRate(arrivalRatePerHour)
    }
    guard Self.durationRange.contains(meanHandleSeconds) else {
      throw ErlangError.invalidHandleTime(meanHandleSeconds)
    }
    if let patience = meanPatienceSeconds, !Self.durationRange.contains(patience) {
      throw ErlangError.invalidPatience(patience)
    }
    if let lines, lines < 1 {
      throw ErlangError.linesBelowAgents(lines: lines, agents: 1)
    }
    if let lines, lines > Self.maxLines {
      throw ErlangError.tooManyLines(lines)
    }
    guard offeredLoad <= Self.maxOfferedLoad else {
      throw ErlangError.offeredLoadTooLarge(offeredLoad)
    }
  }

  /// The performance with `n` agents; a result that is not finite (possible at the edges of
  /// the bounds, e.g. when nearly every call is blocked and the accepted share underflows)
  /// is refused rather than printed.
  private func solve(agents n: Int, within t: Double) throws -> ErlangPerformance {
    guard n >= 1, n <= Self.maxAgents else { throw ErlangError.invalidAgents(n) }
    if let lines, lines < n { throw ErlangError.linesBelowAgents(lines: lines, agents: n) }
    let p: ErlangPerformance
    if meanPatienceSeconds == nil && lines == nil {
      p = try erlangCPerformance(agents: n, within: t)
    } else {
      p = try chainPerformance(agents: n, within: t)
    }
    let values = [
      p.answerRate, p.serviceLevel, p.asaSeconds, p.meanWaitSeconds, p.occupancy, p.abandonRate, p.blockedShare,
      p.probabilityOfWait,
    ]
    guard values.allSatisfy(\.isFinite) else { throw ErlangError.notComputable(agents: n) }
    return p
  }

  private func erlangCPerformance(agents n: Int, within t: Double) throws -> ErlangPerformance {
    let load = offeredLoad
    let servers = Double(n)
    guard load < servers else { throw ErlangError.unstable(offeredLoad: load, agents: n) }
    let c = Self.erlangC(agents: n, load: load)
    // Drain rate of a delayed call's wait, per second: nμ − λ = (n − a)/h.
    let drain = (servers - load) / meanHandleSeconds
    let asa = c / drain
    return ErlangPerformance(
      agents: n,
      answerRate: 1,
      serviceLevel: 1 - c * exp(-drain * t),
      asaSeconds: asa,
      meanWaitSeconds: asa,
      occupancy: load / servers,
      abandonRate: 0,
      blockedShare: 0,
      probabilityOfWait: c
    )
  }

  /// Unnormalised stationary weights of the chain, indexed from `lowest`, with the largest weight 1.
  private struct StationaryWeights {
    var lowest: Int
    var weights: [Double]
    var highest: Int { lowest + weights.count - 1 }
    subscript(k: Int) -> Double {
      k >= lowest && k <= highest ? weights[k - lowest] : 0
    }
  }

  /// Builds π_k ∝ Π_{j≤k} λ/μ_j outward from the mode, so every weight is at most 1 and
  /// nothing overflows. The ratios λ/μ_k never increase in k, so the weights are unimodal and
  /// both tails can be cut once they fall below `negligibleWeight`.
  private func stationaryWeights(agents n: Int, lambda: Double, mu: Double, theta: Double) throws -> StationaryWeights {
    let serviceRate = { (k: Int) -> Double in
      Double(min(k, n)) * mu + Double(max(k - n, 0)) * theta
    }
    let load = lambda / mu
    var mode: Int
    if load < Double(n) {
      mode = Int(load.rounded(.down))
    } else if theta > 0 {
      var excess = (lambda - Double(n) * mu) / theta
      if let lines { excess = min(excess, Double(lines - n)) }
      guard excess < Double(Self.maximumStates) else {
        throw ErlangError.stateSpaceTooLarge(states: Int(min(excess, 1e15)))
      }
      mode = n + Int(excess.rounded(.down))
    } else {
      // Only reachable with a line limit: a pure-delay queue without one is Erlang C.
      mode = lines ?? n
    }
    if let lines { mode = min(mode, lines) }

    var below: [Double] = []
    var weight = 1.0
    var k = mode
    while k > 0 {
      weight *= serviceRate(k) / lambda
      if weight < Self.negligibleWeight { break }
      below.append(weight)
      k -= 1
      if below.count > Self.maximumStates { throw ErlangError.stateSpaceTooLarge(states: below.count) }
    }
    let lowest = mode - below.count
    var weights = Array(below.reversed())
    weights.append(1)

    weight = 1.0
    k = mode + 1
    while lines.map({ k <= $0 }) ?? true {
      weight *= lambda / serviceRate(k)
      if weight < Self.negligibleWeight && k >= n + Self.minimumQueueStates { break }
      weights.append(weight)
      k += 1
      if weights.count > Self.maximumStates { throw ErlangError.stateSpaceTooLarge(states: weights.count) }
    }
    return StationaryWeights(lowest: lowest, weights: weights)
  }

  private func chainPerformance(agents n: Int, within t: Double) throws -> ErlangPerformance {
    let lambda = arrivalRatePerHour / 3600
    let mu = 1 / meanHandleSeconds
    let theta = meanPatienceSeconds.map { 1 / $0 } ?? 0
    let pi = try stationaryWeights(agents: n, lambda: lambda, mu: mu, theta: theta)

    // Accepted arrivals see states 0 ..< lines (PASTA); state `lines` is blocking.
    let lastAccepted = min(pi.highest, lines.map { $0 - 1 } ?? pi.highest)
    var total = CompensatedSum()
    var accepted = CompensatedSum()
    var noWait = CompensatedSum()
    var queueLength = CompensatedSum()
    for k in pi.lowest...pi.highest {
      let w = pi[k]
      total.add(w)
      if k <= lastAccepted { accepted.add(w) }
      if k < n { noWait.add(w) }
      if k > n { queueLength.add(Double(k - n) * w) }
    }
    let blockingWeight = lines.map { pi[$0] } ?? 0
    let blocked = blockingWeight / total.value
    let acceptedWeight = accepted.value

    // Stage i: an accepted arrival finds i calls already waiting (k = n + i).
    var stages: [Double] = []
    if lastAccepted >= n {
      stages.reserveCapacity(lastAccepted - n + 1)
      for k in n...lastAccepted { stages.append(pi[k] / acceptedWeight) }
    }
    let noWaitShare = noWait.value / acceptedWeight

    let serveRate = Double(n) * mu
    var answered = CompensatedSum()
    answered.add(noWaitShare)
    var waitOfAnswered = CompensatedSum()
    var probabilityOfWait = CompensatedSum()
    var answerProbability = 1.0
    var meanWaitIfAnswered = 0.0
    for (i, share) in stages.enumerated() {
      let exitRate = serveRate + Double(i + 1) * theta
      answerProbability *= (serveRate + Double(i) * theta) / exitRate
      meanWaitIfAnswered += 1 / exitRate
      answered.add(share * answerProbability)
      waitOfAnswered.add(share * answerProbability * meanWaitIfAnswered)
      probabilityOfWait.add(share)
    }
    let answerRate = answered.value
    // Little's law: mean queue length = λ_accepted × E[min(wait, patience)].
    let meanWait = queueLength.value / (lambda * acceptedWeight)
    let serviceLevel = noWaitShare + (try Self.answeredWithin(t, stages: stages, serveRate: serveRate, theta: theta))

    return ErlangPerformance(
      agents: n,
      answerRate: answerRate,
      serviceLevel: serviceLevel,
      asaSeconds: answerRate > 0 ? waitOfAnswered.value / answerRate : 0,
      meanWaitSeconds: meanWait,
      occupancy: lambda * (1 - blocked) * answerRate / (mu * Double(n)),
      abandonRate: theta * meanWait,
      blockedShare: blocked,
      probabilityOfWait: probabilityOfWait.value
    )
  }

  /// P(answered with wait ≤ t seconds) for a caller who starts in stage i with probability
  /// `stages[i]`. From stage j it moves to j − 1 (answered from stage 0) at rate nμ + jθ and
  /// abandons at rate θ. Uniformization at Λ = nμ + (M + 1)θ: the answer is
  /// Σ_m Poisson(m; Λt) · P(absorbed in "answered" within m jumps), with the Poisson weights
  /// built outward from their mode (Fox–Glynn style) and cut below 1e-20 of the mode.
  private static func answeredWithin(_ t: Double, stages: [Double], serveRate: Double, theta: Double) throws -> Double {
    guard !stages.isEmpty, t > 0 else { return 0 }
    let top = stages.count - 1
    let uniformRate = serveRate + Double(top + 1) * theta
    let x = uniformRate * t
    guard x <= maxJumpsWithinThreshold else { throw ErlangError.thresholdSpansTooManyEvents(within: t, jumps: x) }

    let modeIndex = Int(x.rounded(.down))
    var left: [Double] = []
    var w = 1.0
    var m = modeIndex
    while m > 0 {
      w *= Double(m) / x
      if w < 1e-20 { break }
      left.append(w)
      m -= 1
    }
    let firstJump = modeIndex - left.count
    var poisson = Array(left.reversed())
    poisson.append(1)
    w = 1.0
    m = modeIndex
    while true {
      let r = x / Double(m + 1)
      w *= r
      if Double(m + 1) > x && w / (1 - r) < 1e-20 { break }
      poisson.append(w)
      m += 1
    }
    let lastJump = firstJump + poisson.count - 1
    var norm = CompensatedSum()
    for p in poisson { norm.add(p) }
    // tail[j] = Σ_{m ≥ firstJump + j} poisson weight, normalised.
    var tail = [Double](repeating: 0, count: poisson.count + 1)
    var running = CompensatedSum()
    for j in stride(from: poisson.count - 1, through: 0, by: -1) {
      running.add(poisson[j])
      tail[j] = running.value / norm.value
    }

    let advance = (0...top).map { j in (serveRate + Double(j) * theta) / uniformRate }
    let stay = (0...top).map { j in Double(top - j) * theta / uniformRate }
    let initialMass = stages.reduce(0, +)
    var mass = stages
    var absorbed = 0.0
    var result = CompensatedSum()
    var jump = 0
    while true {
      if jump >= firstJump {
        result.add(poisson[jump - firstJump] / norm.value * absorbed)
      }
      if jump == lastJump { break }
      var remaining = 0.0
      absorbed += mass[0] * advance[0]
      for j in 0..<top {
        mass[j] = mass[j] * stay[j] + mass[j + 1] * advance[j + 1]
        remaining += mass[j]
      }
      mass[top] *= stay[top]
      remaining += mass[top]
      jump += 1
      if remaining <= 1e-17 * initialMass {
        // Nothing left to absorb: every later jump count sees the same absorbed mass.
        let from = max(jump, firstJump)
        if from <= lastJump { result.add(absorbed * tail[from - firstJump]) }
        break
      }
    }
    return result.value
  }
}
