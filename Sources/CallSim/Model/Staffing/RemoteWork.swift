import CallSimEngine

/// Agents of a group who work from home: how many, how fast, how much of their scheduled
/// time they are logged in.
///
/// Which of a group's rostered agents are remote is fixed, not drawn: the remote ones are
/// spread evenly over the group's agents in roster order (agent `p` of `N` is remote when
/// `⌊(p+1)·R/N⌋ > ⌊p·R/N⌋`), so every line gets its share and two scenarios with the same
/// roster differ only in the agents whose location changed.
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

  /// Whether agent `p` of `total` is remote when `remote` of them are.
  public static func isRemote(agent p: Int, remote: Int, total: Int) -> Bool {
    guard total > 0 else { return false }
    return (p + 1) * remote / total > p * remote / total
  }
}
