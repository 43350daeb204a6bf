import CallSimEngine

/// Agents of a group who work from home: how many, how fast, how much of their scheduled
/// time they are logged in.
///
/// Which of a group's rostered agents are remote is fixed, not drawn: the `R` remote ones of
/// `N` are the `R` agents with the smallest `frac(p·φ)` (φ the golden ratio, `p` the agent's
/// number in roster order) — a low-discrepancy order, so the remote agents are spread evenly
/// over the roster's lines, and the remote agents of a smaller `R` are among those of a
/// larger one (going from 196 to 215 remote agents moves 19 people home, nobody back).
public struct RemoteWork: Sendable, Equatable {
  public enum Count: Sendable, Equatable {
    /// This many of the group's rostered agents (at most all of them).
    case agents(Int)
    /// This share of the group's rostered agents, rounded to the nearest agent.
    case share(Double)
  }

  public var count: Count
  /// Multiplies a remote agent's talk time (and any generalist factor).
  public var handleFactor: Double
  /// Share of scheduled on-phone time a remote agent is logged in, in (0, 1].
  public var availability: Double
  /// Length of one log-in gap, seconds; logged-in spells between gaps are exponential with
  /// the mean that makes the long-run logged-in share `availability`.
  public var gap: Distribution

  public init(count: Count, handleFactor: Double = 1, availability: Double = 1, gap: Distribution? = nil) throws(ModelError) {
    switch count {
    case .agents(let n): try ModelError.require(n >= 0, "a number of remote agents cannot be negative")
    case .share(let s): try ModelError.require(s >= 0 && s <= 1, "a share of remote agents must lie in [0, 1]")
    }
    try ModelError.require(handleFactor > 0, "a remote handle factor must be positive")
    try ModelError.require(availability > 0 && availability <= 1, "remote availability must lie in (0, 1]")
    self.count = count
    self.handleFactor = handleFactor
    self.availability = availability
    self.gap = gap ?? .exponential(mean: 600)
  }

  /// Remote agents among `total` rostered agents.
  public func remoteAgents(of total: Int) -> Int {
    switch count {
    case .agents(let n): return min(n, total)
    case .share(let s): return Int((s * Double(total)).rounded())
    }
  }

  /// Mean seconds of a logged-in spell between gaps; infinite when always available.
  public var meanLoggedInSpell: Double {
    availability >= 1 ? .infinity : gap.mean * availability / (1 - availability)
  }

  /// Which of `total` agents are remote when `remote` of them are (see the type's summary).
  public static func remoteAgents(_ remote: Int, of total: Int) -> [Bool] {
    let phi = 0.618_033_988_749_894_8
    let order = (0..<total).sorted { a, b in
      let (x, y) = ((Double(a) * phi).truncatingRemainder(dividingBy: 1), (Double(b) * phi).truncatingRemainder(dividingBy: 1))
      return x != y ? x < y : a < b
    }
    var result = Array(repeating: false, count: total)
    for p in order.prefix(max(0, min(remote, total))) { result[p] = true }
    return result
  }
}
