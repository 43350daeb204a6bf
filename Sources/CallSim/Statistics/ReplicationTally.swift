import CallSimEngine

/// The counters of one running replication — calls by hour of arrival and call type, agent
/// time by hour and group, waits — kept in unchecked stores for the hot loop.
/// ``result(replication:events:)`` turns them into a ``ReplicationResult``. Wait histograms
/// count only calls arriving from `firstMeasuredHour` on (reports skip earlier hours); the
/// per-type answered-wait histograms (``DurationBins``, 22 KB per call type, however many
/// calls) give the wait percentiles, read once at the end (``WaitQuantiles``).
struct ReplicationTally: ~Copyable, CallObserver {
  /// Index `hour * types + type`.
  private var typeHours: OwnedBuffer<TypeHourCounts>
  /// Index `hour * groups + group`.
  private var groupHours: OwnedBuffer<GroupHourCounts>
  /// Chat time per hour and group, as `groupHours`; empty without chat types.
  private var chatHours: OwnedBuffer<ChatHourCounts>
  private var answeredWaits = OwnedBuffer(repeating: 0.0, count: WaitHistogram.binCount)
  private var abandonedWaits = OwnedBuffer(repeating: 0.0, count: WaitHistogram.binCount)
  /// Answered waits by call type in ``DurationBins``: index `type * DurationBins.count + bin`.
  private var typeAnsweredWaits: OwnedBuffer<Double>
  let hours: Int
  let types: Int
  let groups: Int
  let firstMeasuredHour: Int
  /// Seconds: the end of the horizon, where agent time stops being counted.
  let horizon: Double
  /// Seconds: answers within this wait count toward the service level.
  let within: Double
  /// The hour [`clockHourStart`, `clockHourEnd`) seconds last looked up, and its index: the
  /// event loop asks for the hour of the current time at every arrival and every answer, and
  /// its clock stays in one hour for hundreds of events. Two comparisons replace a division
  /// and a conversion with its range checks (about 15 instructions each time).
  private var clockHour = 0
  private var clockHourStart = 0.0
  private var clockHourEnd = 0.0
  /// The first cell (`hour * types + type`) whose count reached ``TypeHourCounts/limit``;
  /// -1 while none has. Counts add with wrapping so that the replication can end and report
  /// it (``CountLimitError``) instead of trapping.
  private(set) var overflowCell = -1
  /// The same for the group cells (`hour * groups + group`).
  private(set) var overflowGroupCell = -1
  /// The count at which a cell is reported: ``TypeHourCounts/limit``, lower in tests.
  var countLimit = TypeHourCounts.limit
  /// Each call type's channel; all `phone` unless ``hasOtherChannels``.
  let channels: [Channel]
  /// Seconds: each message type's deadline; -1 for phone types.
  let deadlines: [Double]
  /// Whether some call type is a message type (their counts are kept only then).
  let hasMessages: Bool
  /// Whether some call type is not a phone type (the answered waits are kept per channel only then).
  let hasOtherChannels: Bool

  /// `channels` and `deadlines` per call type (all phone, no deadline, when not given).
  init(
    hours: Int, callTypes: Int, groups: Int, firstMeasuredHour: Int, horizon: Double, within: Double,
    channels: [Channel]? = nil, deadlines: [Double]? = nil
  ) {
    self.channels = channels ?? Array(repeating: .phone, count: callTypes)
    self.deadlines = deadlines ?? Array(repeating: -1, count: callTypes)
    hasMessages = self.channels.contains(.message)
    hasOtherChannels = self.channels.contains { $0 != .phone }
    typeHours = OwnedBuffer(repeating: TypeHourCounts(), count: hours * callTypes)
    groupHours = OwnedBuffer(repeating: GroupHourCounts(), count: hours * groups)
    chatHours = OwnedBuffer(repeating: ChatHourCounts(), count: self.channels.contains(.chat) ? hours * groups : 0)
    typeAnsweredWaits = OwnedBuffer(repeating: 0.0, count: callTypes * DurationBins.count)
    self.hours = hours
    self.types = callTypes
    self.groups = groups
    self.firstMeasuredHour = firstMeasuredHour
    self.horizon = horizon
    self.within = within
  }

  /// The hour bin of a time in seconds (the last bin takes the horizon's end itself).
  @inline(__always)
  mutating func hour(of time: Double) -> Int32 { Int32(truncatingIfNeeded: min(hours - 1, hourIndex(of: time))) }

  /// The index of the hour [h × 3600, (h + 1) × 3600) seconds that holds `time` (≥ 0).
  @inline(__always)
  private mutating func hourIndex(of time: Double) -> Int {
    if time >= clockHourStart && time < clockHourEnd { return clockHour }
    return lookUpHour(of: time)
  }

  /// ``hourIndex(of:)`` outside the hour last looked up: the quotient, moved to the hour
  /// whose edges (as ``forEachHour(from:to:_:)`` computes them) hold `time` when the division
  /// rounded it across one.
  @inline(never)
  private mutating func lookUpHour(of time: Double) -> Int {
    var h = Int(time / 3600)
    if time < Double(h) * 3600 { h -= 1 } else if time >= Double(h + 1) * 3600 { h += 1 }
    clockHour = h
    clockHourStart = Double(h) * 3600
    clockHourEnd = Double(h + 1) * 3600
    return h
  }

  /// The index of the hourly cell of calls of `type` arriving in `hour`.
  @inline(__always)
  func cell(hour: Int, type: Int) -> Int { hour &* types &+ type }

  @inline(__always)
  mutating func observe(_ event: CallEvent, call: CallFacts, at time: Double) {
    let cell = cell(hour: call.hour, type: call.type)
    switch event {
    case .arrived: arrived(cell: cell, isRedial: call.isRedial, isCallBack: call.isCallBack)
    case .blocked: typeHours[cell].blocked &+= 1
    case .ivrHangUp: typeHours[cell].ivrHangUps &+= 1
    case .selfServed: typeHours[cell].selfServed &+= 1
    case .queued: queued(cell: cell)
    case .answered(let group, _, let remote, let wait, let talk, let wrap):
      answered(
        type: call.type, hour: call.hour, group: group, remote: remote, wait: wait, talk: talk, wrap: wrap,
        capped: call.capped, abusive: call.isAbusive, at: time)
    case .transferred(let group, _, let remote, _, let handle):
      typeHours[cell].transferred &+= 1
      if typeHours[cell].transferred == countLimit, overflowCell < 0 { overflowCell = cell }
      let g = call.hour &* groups &+ group
      groupHours[g].transferred &+= 1
      if groupHours[g].transferred == countLimit, overflowGroupCell < 0 { overflowGroupCell = g }
      busy(group: group, remote: remote, from: time, to: time + handle)
    case .abandoned(let wait): abandoned(cell: cell, hour: call.hour, wait: wait)
    case .inQueueAtEnd: typeHours[cell].inQueueAtEnd &+= 1
    case .inIVRAtEnd: typeHours[cell].inIVRAtEnd &+= 1
    case .recovery(let group, let start, let seconds):
      forEachHour(from: start, to: start + seconds) { tally, h, s in
        tally.groupHours[h &* tally.groups &+ group].recoveryAgentSeconds += s
      }
    case .callBackOffered(let accepted):
      typeHours[cell].callBackOffered &+= 1
      if accepted { typeHours[cell].callBackAccepted &+= 1 }
    case .callBackMissed(let group, _, let remote, let seconds): busy(group: group, remote: remote, from: time, to: time + seconds)
    case .callBackReached(let delay):
      typeHours[cell].callBackReached &+= 1
      typeHours[cell].callBackDelaySeconds += delay
      if delay <= within { typeHours[cell].callBackReachedWithinTarget &+= 1 }
    case .callBackLost: typeHours[cell].callBackLost &+= 1
    }
  }

  // The four events of every call, also called directly by the event loop (without building
  // a `CallEvent` and a `CallFacts` and switching on them: about 50 instructions per call of the
  // reference case).

  /// A call (first attempt or redial) reached the number.
  @inline(__always)
  mutating func arrived(cell: Int, isRedial: Bool, isCallBack: Bool) {
    typeHours[cell].totalInflow &+= 1
    if typeHours[cell].totalInflow == countLimit, overflowCell < 0 { overflowCell = cell }
    if isRedial {
      typeHours[cell].redials &+= 1
      if isCallBack { typeHours[cell].callBacks &+= 1 }
    }
  }

  /// A call reached the agent queue.
  @inline(__always)
  mutating func queued(cell: Int) { typeHours[cell].inflow &+= 1 }

  /// A message arrived in the cell's hour: it waits from now (``queued(cell:)`` counts it too).
  mutating func messageQueued(cell: Int) {
    typeHours[cell].messageInflow &+= 1
    typeHours[cell].messageBacklog &+= 1
  }

  /// A message of `type` that arrived in `hour` was answered at `time` after `wait` seconds
  /// (besides ``answered(type:hour:group:remote:wait:talk:wrap:capped:abusive:at:)``): on
  /// time or not, and out of the backlog from `time`'s hour on. The backlog cells hold the
  /// changes by hour until ``result(replication:events:)`` sums them into levels.
  @inline(never)
  mutating func answeredMessage(type: Int, hour: Int, wait: Double, at time: Double) {
    if wait <= deadlines[type] { typeHours[cell(hour: hour, type: type)].messagesOnTime &+= 1 }
    typeHours[cell(hour: Int(self.hour(of: time)), type: type)].messageBacklog &-= 1
  }

  /// A call of `type` that arrived in `hour` was answered at `time` by an agent of `group`
  /// after `wait` seconds; the agent is busy `talk` + `wrap` seconds. A `chat`'s agent time
  /// is counted by ``chatting(_:group:remote:from:to:)`` instead.
  @inline(__always)
  mutating func answered(
    type: Int, hour: Int, group: Int, remote: Bool, wait: Double, talk: Double, wrap: Double, capped: Bool,
    abusive: Bool, at time: Double, chat: Bool = false
  ) {
    let cell = cell(hour: hour, type: type)
    typeHours[cell].answered &+= 1
    typeHours[cell].answeredWaitSeconds += wait
    if wait <= within { typeHours[cell].answeredWithinTarget &+= 1 }
    let g = hour &* groups &+ group
    groupHours[g].answered &+= 1
    if groupHours[g].answered == countLimit, overflowGroupCell < 0 { overflowGroupCell = g }
    groupHours[g].talkSeconds += talk
    if !chat { busy(group: group, remote: remote, from: time, to: time + talk + wrap) }
    if capped {
      typeHours[cell].capped &+= 1
      groupHours[g].capped &+= 1
    }
    if abusive {
      typeHours[cell].abusiveAnswered &+= 1
      groupHours[g].abusiveAnswered &+= 1
    }
    if hour >= firstMeasuredHour {
      answeredWaits[WaitHistogram.bin(of: wait)] += 1
      typeAnsweredWaits[type &* DurationBins.count &+ DurationBins.bin(of: wait)] += 1
    }
  }

  /// A call that arrived in `hour` was abandoned after `wait` seconds.
  @inline(__always)
  mutating func abandoned(cell: Int, hour: Int, wait: Double) {
    typeHours[cell].abandoned &+= 1
    typeHours[cell].abandonedWaitSeconds += wait
    if hour >= firstMeasuredHour { abandonedWaits[WaitHistogram.bin(of: wait)] += 1 }
  }

  /// Agent busy time [start, end) seconds of `group`, split over the hours it spans.
  @inline(__always)
  private mutating func busy(group: Int, remote: Bool, from start: Double, to end: Double) {
    forEachHour(from: start, to: end) { tally, h, seconds in
      tally.groupHours[h &* tally.groups &+ group].busyAgentSeconds += seconds
      if remote { tally.groupHours[h &* tally.groups &+ group].remoteBusyAgentSeconds += seconds }
    }
  }

  /// An agent of `group` held `chats` chats (at least 1) over [start, end) seconds: busy
  /// time, and chat time for the chats per agent.
  mutating func chatting(_ chats: Int, group: Int, remote: Bool, from start: Double, to end: Double) {
    busy(group: group, remote: remote, from: start, to: end)
    forEachHour(from: start, to: end) { tally, h, seconds in
      tally.chatHours[h &* tally.groups &+ group].busyAgentSeconds += seconds
      tally.chatHours[h &* tally.groups &+ group].chatSeconds += Double(chats) * seconds
    }
  }

  /// `agents` of `group`, `remote` of them remote, logged in over [start, end) seconds,
  /// split over the hours it spans.
  mutating func loggedIn(_ agents: Int, remote: Int, group: Int, from start: Double, to end: Double) {
    guard agents > 0 else { return }
    forEachHour(from: start, to: end) { tally, h, seconds in
      tally.groupHours[h &* tally.groups &+ group].availableAgentSeconds += Double(agents) * seconds
      tally.groupHours[h &* tally.groups &+ group].remoteAvailableAgentSeconds += Double(remote) * seconds
    }
  }

  /// `agents` (a time-average) scheduled in `group` in hour `h`.
  mutating func scheduled(_ agents: Double, group: Int, hour h: Int) {
    groupHours[h * groups + group].scheduledAgentSeconds = agents * 3600
  }

  /// `seconds` of paid agent time of `group`, counted in hour `h`.
  mutating func paid(_ seconds: Double, group: Int, hour h: Int) {
    guard h < hours else { return }
    groupHours[h * groups + group].paidAgentSeconds += seconds
  }

  /// Paid agent time of `group` over [start, end) seconds, counted in the hours it spans
  /// (an agent added live, paid while logged in).
  mutating func paid(group: Int, from start: Double, to end: Double) {
    forEachHour(from: start, to: end) { tally, h, seconds in
      tally.groupHours[h &* tally.groups &+ group].paidAgentSeconds += seconds
    }
  }

  /// An agent of `group` finishing a call over [start, end) seconds after its shift ended.
  mutating func overtime(group: Int, from start: Double, to end: Double) {
    forEachHour(from: start, to: end) { tally, h, seconds in
      tally.groupHours[h &* tally.groups &+ group].overtimeAgentSeconds += seconds
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
    guard t < stop else { return }
    var h = hourIndex(of: t)
    while t < stop {
      let hourEnd = Double(h &+ 1) * 3600
      body(&self, h, min(stop, hourEnd) - t)
      t = hourEnd
      h &+= 1
    }
  }

  /// The counts as a ``ReplicationResult``; the tally's hourly stores are moved into it
  /// (not copied: the tables of a long horizon are held once) and left empty here.
  mutating func result(replication: Int, events: UInt64) -> ReplicationResult {
    if hasMessages {
      // Backlog changes by hour → messages waiting at each hour's end (wrapping: a change may be negative).
      for t in 0..<types where channels[t] == .message {
        var level: UInt32 = 0
        for h in 0..<hours {
          level &+= typeHours[cell(hour: h, type: t)].messageBacklog
          typeHours[cell(hour: h, type: t)].messageBacklog = level
        }
      }
    }
    let groupHours = groupHours.take()
    let chatHours = chatHours.take()
    let typeHours = typeHours.take()
    let bins = DurationBins.count
    let waits = typeAnsweredWaits.elements
    var all = [Double](repeating: 0, count: bins)
    var byType: [WaitQuantiles] = []
    // Per channel only with other channels: a phone-only run's channel is the whole run.
    var byChannel = [[Double]](repeating: all, count: hasOtherChannels ? Channel.allCases.count : 0)
    for t in 0..<types {
      let histogram = waits[t * bins..<(t + 1) * bins]
      for (i, c) in histogram.enumerated() { all[i] += c }
      if hasOtherChannels {
        let k = Channel.allCases.firstIndex(of: channels[t])!
        for (i, c) in histogram.enumerated() { byChannel[k][i] += c }
      }
      byType.append(WaitQuantiles(histogram: Array(histogram)))
    }
    return ReplicationResult(
      replication: replication, types: types, groups: groups, firstMeasuredHour: firstMeasuredHour,
      typeHours: typeHours, groupHours: groupHours, chatHours: chatHours,
      answeredWaits: WaitHistogram(counts: answeredWaits.elements),
      abandonedWaits: WaitHistogram(counts: abandonedWaits.elements), answeredWaitQuantiles: WaitQuantiles(histogram: all),
      answeredWaitQuantilesByType: byType, answeredWaitQuantilesByChannel: byChannel.map { WaitQuantiles(histogram: $0) },
      events: events)
  }
}
