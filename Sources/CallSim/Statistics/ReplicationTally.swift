import CallSimEngine

/// The counters of one running replication, by hour of arrival and by call type, kept in
/// unchecked stores for the hot loop; ``result(replication:events:)`` turns them into a
/// ``ReplicationResult``. Calls arriving before `firstMeasuredHour` are counted by hour only
/// (reports skip those hours), not by type or in the wait histograms.
struct ReplicationTally: ~Copyable {
  private var hourly: OwnedBuffer<CallCounts>
  private var byType: OwnedBuffer<CallCounts>
  private var answeredWaits = OwnedBuffer(repeating: 0.0, count: WaitHistogram.binCount)
  private var abandonedWaits = OwnedBuffer(repeating: 0.0, count: WaitHistogram.binCount)
  let firstMeasuredHour: Int
  /// Seconds: the end of the horizon, where agent time stops being counted.
  let horizon: Double
  /// Seconds: answers within this wait count toward the service level.
  let within: Double

  init(hours: Int, callTypes: Int, firstMeasuredHour: Int, horizon: Double, within: Double) {
    hourly = OwnedBuffer(repeating: CallCounts(), count: hours)
    byType = OwnedBuffer(repeating: CallCounts(), count: callTypes)
    self.firstMeasuredHour = firstMeasuredHour
    self.horizon = horizon
    self.within = within
  }

  var hours: Int { hourly.count }

  /// The hour bin of a time in seconds (the last bin takes the horizon's end itself).
  @inline(__always)
  func hour(of time: Double) -> Int32 { Int32(min(hourly.count - 1, Int(time / 3600))) }

  @inline(__always)
  mutating func count(_ event: CallCounts.Event, hour: Int32, type: Int) {
    hourly[Int(hour)].count(event)
    if Int(hour) >= firstMeasuredHour { byType[type].count(event) }
  }

  /// A call answered after waiting `wait` seconds.
  @inline(__always)
  mutating func answered(hour: Int32, type: Int, wait: Double) {
    let h = Int(hour)
    let inTarget = wait <= within ? 1.0 : 0.0
    hourly[h].answered += 1
    hourly[h].answeredWaitSeconds += wait
    hourly[h].answeredWithinTarget += inTarget
    guard h >= firstMeasuredHour else { return }
    byType[type].answered += 1
    byType[type].answeredWaitSeconds += wait
    byType[type].answeredWithinTarget += inTarget
    answeredWaits[WaitHistogram.bin(of: wait)] += 1
  }

  /// A call that hung up after waiting `wait` seconds.
  @inline(__always)
  mutating func abandoned(hour: Int32, type: Int, wait: Double) {
    let h = Int(hour)
    count(.abandoned, hour: hour, type: type)
    hourly[h].abandonedWaitSeconds += wait
    guard h >= firstMeasuredHour else { return }
    byType[type].abandonedWaitSeconds += wait
    abandonedWaits[WaitHistogram.bin(of: wait)] += 1
  }

  /// Agent busy time [start, end) seconds, split over the hours it spans, to the horizon.
  mutating func busy(from start: Double, to end: Double, type: Int) {
    forEachHour(from: start, to: end) { tally, h, seconds in
      tally.hourly[h].busyAgentSeconds += seconds
      if h >= tally.firstMeasuredHour { tally.byType[type].busyAgentSeconds += seconds }
    }
  }

  /// `agents` logged in over [start, end) seconds, split over the hours it spans.
  mutating func loggedIn(_ agents: Int, from start: Double, to end: Double) {
    guard agents > 0 else { return }
    forEachHour(from: start, to: end) { tally, h, seconds in
      tally.hourly[h].availableAgentSeconds += Double(agents) * seconds
    }
  }

  /// Calls `body` with each hour that [start, min(end, horizon)) seconds overlaps and the
  /// seconds of overlap. Hour edges are computed from the hour index, not accumulated.
  @inline(__always)
  private mutating func forEachHour(
    from start: Double, to end: Double, _ body: (inout ReplicationTally, Int, Double) -> Void
  ) {
    let stop = min(end, horizon)
    var t = start
    var h = Int(t / 3600)
    while t < stop {
      let hourEnd = Double(h + 1) * 3600
      body(&self, h, min(stop, hourEnd) - t)
      t = hourEnd
      h += 1
    }
  }

  /// Agents the plan puts on duty in hour `h`.
  mutating func scheduled(_ agents: Int, hour h: Int) {
    hourly[h].scheduledAgentSeconds = Double(agents) * 3600
  }

  func result(replication: Int, events: UInt64) -> ReplicationResult {
    ReplicationResult(
      replication: replication, hourly: hourly.elements, byCallType: byType.elements,
      answeredWaits: WaitHistogram(counts: answeredWaits.elements),
      abandonedWaits: WaitHistogram(counts: abandonedWaits.elements), events: events)
  }
}
