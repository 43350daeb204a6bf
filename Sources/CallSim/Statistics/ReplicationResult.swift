/// Everything one replication counted: by hour of the horizon, by call type, and the waits.
public struct ReplicationResult: Sendable {
  public var replication: Int
  /// One entry per hour of the horizon, warm-up hours included (reports skip them).
  public var hourly: [CallCounts]
  /// Totals over the measured hours, by call type (agent-time fields unused).
  public var byCallType: [CallCounts]
  public var answeredWaits = WaitHistogram()
  public var abandonedWaits = WaitHistogram()
  /// Events processed, for benchmarks.
  public var events: UInt64 = 0

  public init(replication: Int, hours: Int, callTypes: Int) {
    self.replication = replication
    hourly = Array(repeating: CallCounts(), count: hours)
    byCallType = Array(repeating: CallCounts(), count: callTypes)
  }

  /// Sum over hours `from..<hourly.count`.
  public func total(fromHour first: Int) -> CallCounts {
    var sum = CallCounts()
    for h in first..<hourly.count { sum += hourly[h] }
    return sum
  }
}
