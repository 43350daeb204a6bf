/// Everything one replication counted: by hour of the horizon, by call type, and the waits.
public struct ReplicationResult: Sendable {
  public var replication: Int
  /// One entry per hour of the horizon, warm-up hours included (reports skip them).
  public var hourly: [CallCounts]
  /// Totals over the measured hours, by call type (agent-time fields unused).
  public var byCallType: [CallCounts]
  public var answeredWaits: WaitHistogram
  public var abandonedWaits: WaitHistogram
  /// Events processed, for benchmarks.
  public var events: UInt64

  public init(
    replication: Int, hourly: [CallCounts], byCallType: [CallCounts], answeredWaits: WaitHistogram,
    abandonedWaits: WaitHistogram, events: UInt64
  ) {
    self.replication = replication
    self.hourly = hourly
    self.byCallType = byCallType
    self.answeredWaits = answeredWaits
    self.abandonedWaits = abandonedWaits
    self.events = events
  }

  /// Sum over hours `from..<hourly.count`.
  public func total(fromHour first: Int) -> CallCounts {
    var sum = CallCounts()
    for h in first..<hourly.count { sum += hourly[h] }
    return sum
  }
}
