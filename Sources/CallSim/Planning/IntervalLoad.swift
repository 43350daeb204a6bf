import CallSimEngine

/// The mean load one planning interval puts on the agents, as one Erlang queue: the calls
/// per hour that reach the agent queue, their mean handle time (talk + wrap-up) and the
/// callers' mean patience.
///
/// The call types are pooled in proportion to their shares of the inflow to agents (after
/// the IVR's hang-ups and self-service). Patience enters as a pooled abandonment rate:
/// θ = Σ wᵢ / E[patienceᵢ] (types without patience add 0), which is exact for exponential
/// patience and the usual Erlang A approximation otherwise. Redials, call-backs, call caps,
/// remote talk factors and lines are left out: the simulation correction accounts for them.
public struct IntervalLoad: Sendable, Equatable {
  /// Seconds from the start of the horizon.
  public var start: Double
  /// Calls per hour reaching the agent queue.
  public var callsPerHour: Double
  /// Seconds of agent time per answered call (talk + wrap-up).
  public var meanHandleSeconds: Double
  /// Seconds; `nil` when no caller abandons (Erlang C).
  public var meanPatienceSeconds: Double?

  /// The queue the Erlang calculator solves for this interval.
  public var queue: ErlangQueue {
    ErlangQueue(arrivalRatePerHour: callsPerHour, meanHandleSeconds: meanHandleSeconds, meanPatienceSeconds: meanPatienceSeconds)
  }

  /// Every interval of `intervalSeconds` over the model's horizon, from its first midnight.
  /// The arrival rate of an interval is the time-average of the arrival profile over it.
  /// `typeWeights` (one per call type, default all 1) takes that part of each type's calls:
  /// the load a group carries.
  public static func loads(of model: CallCenterModel, intervalSeconds: Double, typeWeights: [Double]? = nil) -> [IntervalLoad] {
    var shares = agentShares(model)
    if let typeWeights { shares = zip(shares, typeWeights).map { $0 * $1 } }
    let total = shares.reduce(0, +)
    guard total > 0 else {
      return intervals(model, intervalSeconds).map { IntervalLoad(start: $0, callsPerHour: 0, meanHandleSeconds: 1, meanPatienceSeconds: nil) }
    }
    var handle = 0.0
    var abandonRate = 0.0
    for (i, type) in model.callTypes.enumerated() {
      let w = shares[i] / total
      handle += w * (type.handle.mean + (type.wrapUp?.mean ?? 0))
      if let patience = type.patience { abandonRate += w / patience.mean }
    }
    let patience = abandonRate > 0 ? 1 / abandonRate : nil
    let profile = model.arrivals
    return intervals(model, intervalSeconds).map { start in
      var t = start
      var calls = 0.0
      let end = start + intervalSeconds
      while t < end {
        let slot = Int(t / profile.slotSeconds)
        let slotEnd = min(end, Double(slot + 1) * profile.slotSeconds)
        calls += profile.callsPerHour[min(slot, profile.callsPerHour.count - 1)] * (slotEnd - t) / 3600
        t = slotEnd
      }
      return IntervalLoad(
        start: start, callsPerHour: calls * total * 3600 / intervalSeconds, meanHandleSeconds: handle, meanPatienceSeconds: patience)
    }
  }

  /// Call type `type`'s agent work per call that arrives: its share reaching the agents
  /// times its mean handle time (talk + wrap-up), seconds.
  static func workload(of model: CallCenterModel, type: Int) -> Double {
    let t = model.callTypes[type]
    return agentShares(model)[type] * (t.handle.mean + (t.wrapUp?.mean ?? 0))
  }

  /// Each call type's share of first attempts that reaches the agent queue.
  static func agentShares(_ model: CallCenterModel) -> [Double] {
    guard let ivr = model.ivr else { return model.callTypes.map(\.share) }
    return model.callTypes.indices.map { i in ivr.menuShares[i] * (1 - ivr.hangUp) * (1 - ivr.selfService[i]) }
  }

  static func intervals(_ model: CallCenterModel, _ intervalSeconds: Double) -> [Double] {
    let count = Int((model.settings.horizon / intervalSeconds).rounded(.down))
    return (0..<count).map { Double($0) * intervalSeconds }
  }
}
