import CallSim

/// Exact mean waits of the M/M/c queue with non-preemptive priority classes and one service
/// rate for all (Cobham 1954; Gross & Harris, *Fundamentals of Queueing Theory*, §3.4):
///
///   W_k = C(c, a) / (c·μ) / ((1 − σ_{k−1}) (1 − σ_k)),   σ_k = Σ_{i ≤ k} λ_i / (c·μ),
///
/// where C(c, a) is the Erlang C probability of waiting at the total load a = λ/μ and class 1
/// is served first.
public enum PriorityQueueTheory {
  /// Mean wait in queue of each class, seconds, for `callsPerHour` per class (highest
  /// priority first), `agents` servers and exponential talk of mean `handleSeconds`.
  public static func meanWaits(callsPerHour: [Double], handleSeconds: Double, agents: Int) -> [Double] {
    let mu = 1 / handleSeconds
    let rates = callsPerHour.map { $0 / 3600 }
    let capacity = Double(agents) * mu
    let load = rates.reduce(0, +) / mu
    let waitProbability = ErlangQueue.erlangC(agents: agents, load: load)
    var sigma = 0.0
    return rates.map { lambda in
      let before = sigma
      sigma += lambda / capacity
      return waitProbability / capacity / ((1 - before) * (1 - sigma))
    }
  }
}
