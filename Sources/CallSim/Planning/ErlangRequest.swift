/// One question to the Erlang calculator, as `callsim erlang` asks it: the queue, the
/// service-level threshold, and either a number of agents or the targets to staff for.
///
/// The command and the fuzzer (`Fuzz/ErlangFuzz`) both go through this type, so that what
/// is fuzzed is what users run.
public struct ErlangRequest: Sendable, Equatable {
  /// The queue: arrival rate (calls per hour), handle time, patience (seconds), lines.
  public var queue: ErlangQueue
  /// Service-level threshold, seconds.
  public var within: Double
  /// Agents on duty; `nil` to find the fewest agents meeting the targets.
  public var agents: Int?
  /// Lowest acceptable service level (share), when staffing for targets.
  public var targetServiceLevel: Double?
  /// Highest acceptable abandon rate (share), when staffing for targets.
  public var maxAbandon: Double?

  public init(queue: ErlangQueue, within: Double = 20, agents: Int? = nil, targetServiceLevel: Double? = nil, maxAbandon: Double? = nil) {
    self.queue = queue
    self.within = within
    self.agents = agents
    self.targetServiceLevel = targetServiceLevel
    self.maxAbandon = maxAbandon
  }

  /// A duration option's value in seconds (`45s`, `3m30s`, `1h`, a bare number of seconds),
  /// or `nil` when the text is not a duration ≥ 0.
  public static func duration(_ text: String) -> Double? {
    guard let v = DurationParser.seconds(text), v >= 0 else { return nil }
    return v
  }

  /// The performance with the given agents, or the fewest agents meeting the targets.
  /// Every number in the result is finite (``ErlangQueue`` refuses inputs otherwise).
  public func evaluate() throws -> ErlangPerformance {
    if let agents { return try queue.performance(agents: agents, within: within) }
    return try queue.fewestAgents(serviceLevel: targetServiceLevel, maxAbandon: maxAbandon, within: within)
  }

  /// Which formula applies with `n` agents: Erlang A with patience, Erlang B when every
  /// line has an agent, Erlang C otherwise (with a finite waiting room when lines exceed agents).
  public func modelName(agents n: Int) -> String {
    if queue.meanPatienceSeconds != nil { return queue.lines == nil ? "erlang-a" : "erlang-a-lines" }
    guard let lines = queue.lines else { return "erlang-c" }
    return lines == n ? "erlang-b" : "erlang-c-lines"
  }
}
