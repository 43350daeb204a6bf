import CallSimEngine

/// One replication of a ``CallCenterModel``: the event loop and its state. The loop decides
/// when things happen; ``RoutingPolicy``, ``Staffing``, ``CallCapPolicy`` and the callers'
/// samplers decide what happens.
///
/// No per-call objects and no dictionaries on the hot path. Every source of randomness has
/// its own stream, and each caller's attributes come from that caller's substreams
/// (``CallerStreams``), so replication `r` draws the same numbers whatever runs beside it and
/// the same caller behaves the same in every design run on the same seed. Calls are reported
/// to the tally and to `Observer` (a trace, a wallboard), compiled in: ``NoObserver`` costs nothing.
public struct CallCenterSimulation<Observer: CallObserver>: ~Copyable {
  let model: CallCenterModel
  let replication: Int
  let streams: RandomStreamSet
  let horizon: Double

  var calendar = EventCalendar(capacity: 1024)
  var calls = CallTable()
  /// One queue per call type, one agent pool per group, reached through pointers so the hot
  /// loop mutates them in place without copy-on-write checks (stored, not read through
  /// `memory`: a pool mutated beside `&tally` would be an overlapping access to `self`).
  let queues: UnsafeMutableBufferPointer<CallQueue>
  let pools: UnsafeMutableBufferPointer<AgentPool>
  /// Frees `queues` and `pools` with the simulation.
  let memory: ReplicationMemory
  /// The routing in force, and what it is over the run.
  var routing: RoutingPolicy
  var routings: RoutingTimeline
  /// Lines held, counting those released since an arrival last found every line busy: the
  /// release times of those wait in `lineReleases`, counted when an arrival finds the count
  /// at the limit (with unlimited lines, a call frees its line when answered).
  var linesInUse = 0
  var lineReleases = DueTimes()
  let lineLimit: Int
  /// Who is on duty when: groups staffed by the hour, rostered agents, agents added live.
  var staffing: Staffing
  /// Whether the model needs a `dayStart` event each midnight (a roster or a timeline).
  let hasDays: Bool
  var tally: ReplicationTally
  /// The extra observer, readable after ``run(stop:)``.
  public internal(set) var observer: Observer
  var nextCallID: UInt32 = 0
  /// Number of the next first attempt: the caller number that keys its substreams.
  var nextCallerID: UInt32 = 0
  var nextSequence: UInt64 = 0
  /// Seconds from the start up to which events have been processed (``advance(until:stop:)``).
  public internal(set) var now = 0.0
  /// The horizon's length, seconds.
  public var horizonSeconds: Double { horizon }

  var arrivals: ArrivalGenerator
  let arrivalStream: RandomStream
  /// Every caller's type and attributes, from its own substreams.
  let callers: CallerSampler
  var contacts: ContactArrivals
  /// Per group, its agents' chats in progress (empty without chat types).
  var chatLoads: [ChatLoad]
  var caps: CallCapPolicy
  let offers: CallBackOfferPolicy
  let redialTag: RedialTag

  /// Prepares replication `replication` (0-based) of `model`, reporting calls to `observer`.
  public init(model: CallCenterModel, replication: Int, observer: Observer) {
    self.model = model
    self.replication = replication
    self.observer = observer
    let settings = model.settings
    let streams = RandomStreamSet(seed: settings.seed, replication: replication, algorithm: settings.generator)
    self.streams = streams
    horizon = settings.horizon
    routings = RoutingTimeline(model: model)
    routing = routings.first
    queues = CallQueue.allocate(routings.queueCount)
    let hourly = HourlyStaffing(model: model)
    pools = AgentPool.allocate(model, hourly: hourly)
    memory = ReplicationMemory(queues: queues, pools: pools)
    staffing = Staffing(model: model, pools: pools, hourly: hourly, draws: streams.substreams("agents"))
    hasDays = !staffing.roster.isEmpty || !model.timeline.isEmpty
    caps = CallCapPolicy(model: model)
    offers = CallBackOfferPolicy(model: model)
    redialTag = RedialTag(hasCallBacks: caps.hasCallBacks)
    lineLimit = model.trunks ?? Int.max
    tally = ReplicationTally(model: model)

    arrivalStream = streams.stream("arrivals")
    callers = CallerSampler(model: model, streams: streams)
    contacts = ContactArrivals(model: model, streams: streams)
    chatLoads = model.hasChats ? model.agentGroups.map(ChatLoad.init) : []
    arrivals = ArrivalGenerator(
      profile: model.arrivals, days: settings.days, horizon: horizon,
      dayNoise: streams.stream("day-noise"))
  }

  /// Runs the replication to the horizon and returns its counts; `nil` when `stop` was
  /// requested first (checked every 65,536 events). The same as ``start()``,
  /// ``advance(until:stop:)`` to the horizon and ``finish()``.
  public mutating func run(stop: StopRequest? = nil) throws(CountLimitError) -> ReplicationResult? {
    start()
    guard advance(until: horizon, stop: stop) else { return nil }
    return try finish()
  }

  /// Schedules the first events: staffing at hour 0, the first midnight, the first arrival.
  /// Call once, before ``advance(until:stop:)``.
  public mutating func start() {
    staffing.hourly.recordPlanned(model, to: &tally)
    changeStaffing(0, now: 0)
    if hasDays { dayStart(0, now: 0) }
    if let first = arrivals.next(after: 0, arrivalStream) {
      calendar.scheduleNextInSeries(at: first, kind: EventKind.arrival.rawValue)
    }
    contacts.start(in: &calendar)
  }

  /// Processes every event up to `time` seconds (at most the horizon), in event order, and
  /// sets ``now`` to that time. Returns `false` when `stop` was requested first (checked
  /// every 65,536 events). Stepping in pieces gives the same events as one call to the end.
  @discardableResult
  public mutating func advance(until time: Double, stop: StopRequest? = nil) -> Bool {
    let limit = min(time, horizon)
    while let event = calendar.next(notAfter: limit) {
      if calendar.scheduledCount & 0xffff == 0, let stop, stop.isStopped { return false }
      let now = event.time
      // Every event's kind is an ``EventKind`` raw value, and the kinds are numbered from 0 in
      // case order, so the raw value is the case's bits: no range check (with 17 kinds, the
      // checked conversion became a call of its own, 1 % of the reference case).
      let kind = unsafeBitCast(event.kind, to: EventKind.self)
      assert(EventKind(rawValue: event.kind) == kind)
      switch kind {
      case .staffingChange: changeStaffing(Int(event.id), now: now)
      case .dayStart: dayStart(Int(event.id), now: now)
      case .dutyStart, .agentOff, .agentOn:
        if let g = staffing.roster.handle(
          kind, id: event.id, token: event.tag, now: now, pools: pools,
          calendar: &calendar, recorder: &tally, observer: &observer)
        { serveWaiting(group: g, now: now) }
      // After an abusive call, the agent is free when its recovery ends.
      case .agentFree, .recoveryEnd: agentFree(event.id, group: Int(event.tag), now: now)
      case .transferEnd: transferEnd(slot: event.id, generation: event.tag, now: now)
      case .overflow: overflow(slot: CallTimer.slot(event.id), generation: event.tag, now: now)
      case .abandon: abandon(slot: CallTimer.slot(event.id), generation: event.tag, now: now)
      case .callBackOffer:
        offers.offer(
          slot: CallTimer.slot(event.id), generation: event.tag, now: now, horizon: horizon, callers: callers, calls: &calls,
          lines: &linesInUse, calendar: &calendar, tally: &tally, observer: &observer)
      case .ivrEnd: ivrEnd(slot: event.id, now: now)
      case .arrival:
        if let next = arrivals.next(after: now, arrivalStream) {
          calendar.scheduleNextInSeries(at: next, kind: EventKind.arrival.rawValue)
        }
        let caller = nextCallerID
        nextCallerID &+= 1
        arrive(caller: caller, attempt: 0, type: nil, now: now)
      case .redial:
        let tag = event.tag
        arrive(caller: event.id, attempt: redialTag.attempt(tag), type: redialTag.type(tag), now: now, callBack: redialTag.isCallBack(tag))
      case .contactArrival: arriveContact(Int(event.id), now: now)
      case .chatEnd: endChat(slot: CallTimer.slot(event.id), tag: event.tag, now: now)
      }
    }
    self.now = max(self.now, limit)
    return true
  }

  /// Ends the replication at ``now`` (earlier than the horizon for a live run stopped during
  /// the day) and returns its counts, with the calls still in the system counted as such.
  public mutating func finish() throws(CountLimitError) -> ReplicationResult {
    for g in pools.indices {
      pools[g].recordLoggedInTime(group: g, until: now, to: &tally)
      staffing.live.payAll(group: g, until: now, pools: pools, recorder: &tally)
    }
    if !chatLoads.isEmpty { recordChatsInProgress(until: now) }
    calls.reportCallsLeft(at: now, tally: &tally, observer: &observer)
    try tally.checkCountLimits(model: model, replication: replication)
    return tally.result(replication: replication, events: calendar.scheduledCount)
  }

  /// Whether the replication has reached its horizon.
  public var isAtEnd: Bool { now >= horizon }

  /// Tells the tally and the observer what happened to the call in `slot`.
  @inline(__always)
  mutating func report(_ event: CallEvent, slot: UInt32, now: Double) {
    calls.report(event, slot: slot, now: now, tally: &tally, observer: &observer)
  }

  /// Tells the observer alone, for the four events every call has (arrived, queued,
  /// answered, abandoned), which the tally counts directly. Nothing with ``NoObserver``.
  @inline(__always)
  mutating func notify(_ event: CallEvent, slot: UInt32, now: Double) {
    observer.observe(event, call: CallFacts(calls.records[Int(slot)]), at: now)
  }

  /// The tally's hourly cell of the call `record`: its arrival hour and call type.
  @inline(__always)
  func cell(_ record: CallRecord) -> Int { tally.cell(hour: Int(record.hour), type: Int(record.type)) }

  // MARK: - Call flow

  /// Attempt `attempt` of caller `caller` reaches the number: a first call (`type` drawn
  /// here) or a redial (`callBack`: after being cut at the call cap). All its random
  /// attributes are drawn now, whatever becomes of it, so designs compare on the same callers.
  mutating func arrive(caller: UInt32, attempt: UInt16, type knownType: Int?, now: Double, callBack: Bool = false) {
    let key = callers.streams.key(caller: caller)
    let type = knownType ?? callers.type(caller: key)
    let (draws, abusive) = callers.draw(type, caller: key, attempt: attempt)
    let slot = admit(
      CallRecord(
        id: nextCallID, caller: caller, attempt: attempt, type: type, hour: tally.hour(of: now), arrival: now,
        draws: draws, abusive: abusive, callBack: callBack), now: now)
    if linesInUse >= lineLimit { linesInUse -= lineReleases.takeDue(notAfter: now) }
    if linesInUse >= lineLimit {
      report(.blocked, slot: slot, now: now)
      redialTag.scheduleRedial(of: calls.records[Int(slot)], at: now, horizon: horizon, in: &calendar)
      calls.release(slot)
      return
    }
    linesInUse += 1
    if let stay = callers.ivrStay(caller: key, attempt: attempt) {
      calls.records[Int(slot)].state = .inIVR
      calendar.schedule(at: now + stay, kind: EventKind.ivrEnd.rawValue, id: slot)
    } else {
      enterQueue(slot: slot, now: now)
    }
  }

  /// A chat or message arrives from `source` (``ContactArrivals``): no line, no menu,
  /// straight to an agent or its queue.
  mutating func arriveContact(_ source: Int, now: Double) {
    let (type, number, draws) = contacts.arrive(source, now: now, callers: callers, in: &calendar)
    let channel = model.callTypes[type].channel
    let record = CallRecord(
      id: nextCallID, caller: number, attempt: 0, type: type, hour: tally.hour(of: now), arrival: now, draws: draws,
      channel: channel)
    let slot = admit(record, now: now)
    if channel == .chat { return arriveChat(slot: slot, now: now) }
    tally.messageQueued(cell: cell(record))
    enterQueue(slot: slot, now: now)
  }

  /// Puts a call that reached the center in a slot of the call table, numbered and counted.
  @inline(__always)
  mutating func admit(_ record: CallRecord, now: Double) -> UInt32 {
    let slot = calls.allocate()
    let generation = calls.records[Int(slot)].generation
    calls.records[Int(slot)] = record
    calls.records[Int(slot)].generation = generation
    nextCallID &+= 1
    tally.arrived(cell: cell(record), isRedial: record.attempt > 0, isCallBack: record.callBack)
    notify(.arrived, slot: slot, now: now)
    return slot
  }

  mutating func ivrEnd(slot: UInt32, now: Double) {
    guard let left = callers.ivrExit(of: calls.records[Int(slot)]) else {
      enterQueue(slot: slot, now: now)
      return
    }
    report(left, slot: slot, now: now)
    linesInUse -= 1
    calls.release(slot)
  }

  /// The call reaches the agent queue of its type, or of a wrong type when misrouted.
  mutating func enterQueue(slot: UInt32, now: Double) {
    tally.queued(cell: cell(calls.records[Int(slot)]))
    notify(.queued, slot: slot, now: now)
    calls.records[Int(slot)].queuedAt = now
    let call = calls.records[Int(slot)]
    let queue = routing.abuseQueue(for: call) ?? routing.misrouting.queue(for: call, callers: callers)
    calls.records[Int(slot)].queue = UInt16(queue)
    join(slot: slot, now: now)
  }

  /// Gives the call to an idle agent the routing allows, or puts it at the back of its queue.
  mutating func join(slot: UInt32, now: Double) {
    let record = calls.records[Int(slot)]
    let q = Int(record.queue)
    let waited = now - record.queuedAt
    if let g = routing.group(forCallIn: q, waited: waited, pools: pools) ?? routing.messages.group(forMessageIn: q, pools: pools) {
      answer(slot: slot, group: g, agent: pools[g].seize(), now: now)
      return
    }
    wait(record, slot: slot, waited: waited, overflowAfter: routing.overflowAfter)
  }

  /// The call `record` in `slot`, having waited `waited` seconds already, joins the back of
  /// its queue, with its patience (or call-back offer) timer and its `overflowAfter` timer.
  @inline(__always)
  mutating func wait(_ record: CallRecord, slot: UInt32, waited: Double, overflowAfter: Double) {
    calls.records[Int(slot)].state = .waiting
    queues[Int(record.queue)].push(CallQueue.Entry(slot: slot, generation: record.generation, sequence: nextSequence))
    nextSequence &+= 1
    CallTimer.schedule(
      record, slot: slot, waited: waited, limits: offers.waitLimits(record), overflowAfter: overflowAfter,
      horizon: horizon, in: &calendar)
  }

  /// An agent of `group` answers the call: serves it, or transfers it when the routing does
  /// not let the group serve the call's real type (a misrouted caller).
  mutating func answer(slot: UInt32, group g: Int, agent: UInt32, now: Double) {
    let record = calls.records[Int(slot)]
    if record.state == .waiting {
      // Its patience and its wait no longer matter: the timers go, not left to fall due.
      calendar.cancelTimer(id: CallTimer.abandon(slot))
      if routing.overflowAfter < .infinity { calendar.cancelTimer(id: CallTimer.overflow(slot)) }
    }
    if record.offer == .accepted, !offers.callBack(
      slot: slot, group: g, agent: agent, remote: pools[g].remote[Int(agent)], now: now, callers: callers, calls: &calls,
      lines: &linesInUse, calendar: &calendar, tally: &tally, observer: &observer)
    { return }
    let type = Int(record.type)
    let wait = now - record.queuedAt
    if routing.transfers(group: g, type: type) {
      return routing.misrouting.transfer(
        slot: slot, group: g, agent: agent, remote: pools[g].remote[Int(agent)], now: now, callers: callers, calls: &calls,
        calendar: &calendar, tally: &tally, observer: &observer)
    }
    let remote = pools[g].remote[Int(agent)]
    var talk = record.talk * routing.talkFactor(group: g, type: type, now: now)
    if remote { talk *= staffing.roster.epoch.remoteHandleFactor[g] }
    if talk > caps.limit, let limit = caps.cut(type: type, talk: talk, compliance: { callers.stream(.capCompliance, of: calls.records[Int(slot)]) }) {
      talk = limit
      calls.records[Int(slot)].capped = true
      caps.scheduleCallBack(of: record, at: now + talk, callers: callers, redialTag: redialTag, horizon: horizon, in: &calendar)
    }
    tally.answered(
      type: type, hour: Int(record.hour), group: g, remote: remote, wait: wait, talk: talk, wrap: record.wrap,
      capped: calls.records[Int(slot)].capped, abusive: record.abusive, at: now)
    if record.channel != .phone { tally.answeredMessage(type: type, hour: Int(record.hour), wait: wait, at: now) }
    notify(.answered(group: g, agent: Int(agent), remote: remote, wait: wait, talk: talk, wrap: record.wrap), slot: slot, now: now)
    let done = now + talk + record.wrap
    if record.abusive, let recovery = model.abusiveCallers?.recovery {
      let seconds = recovery.sample(callers.stream(.recovery, of: calls.records[Int(slot)]))
      report(.recovery(group: g, start: done, seconds: seconds), slot: slot, now: now)
      calendar.schedule(at: done + seconds, kind: EventKind.recoveryEnd.rawValue, id: agent, tag: UInt32(g))
    } else {
      calendar.schedule(at: done, kind: EventKind.agentFree.rawValue, id: agent, tag: UInt32(g))
    }
    if record.channel != .phone {
      // A message holds no line.
    } else if lineLimit != Int.max {
      // The line is held until the talk ends; wrap-up happens off the line.
      lineReleases.add(now + talk)
    } else {
      linesInUse -= 1
    }
    calls.release(slot)
  }

  /// A misrouted call, transferred, or a call-back that missed its caller, joins the back of its right queue.
  mutating func transferEnd(slot: UInt32, generation: UInt32, now: Double) {
    let record = calls.records[Int(slot)]
    guard record.generation == generation, record.state == .inTransfer || record.state == .betweenCallBacks else { return }
    // A new generation makes the call's earlier queue entry and timers stale.
    calls.records[Int(slot)].generation &+= 1
    calls.records[Int(slot)].queue = record.type
    join(slot: slot, now: now)
  }

  mutating func agentFree(_ agent: UInt32, group g: Int, now: Double) {
    if pools[g].leaving > 0 { pools[g].recordLoggedInTime(group: g, until: now, to: &tally) }
    guard pools[g].finish(agent) else {
      observer.agentChanged(.loggedOut(.staffing), group: g, agent: Int(agent), at: now)
      return
    }
    if Int(agent) >= pools[g].hourlyCapacity && staffing.leavesAfterCall(
      agent, group: g, now: now, pools: pools, calendar: &calendar, recorder: &tally, observer: &observer)
    { return }
    if !answerNextWaiting(group: g, agent: agent, now: now) { pools[g].makeIdle(agent, now: now) }
  }

  /// Gives `agent` of group `g` the waiting call the routing picks; `false` when none may go to it.
  mutating func answerNextWaiting(group g: Int, agent: UInt32, now: Double) -> Bool {
    guard let q = routing.queue(for: g, now: now, queues: queues, calls: calls) else {
      return routing.hasOtherChannels && answerNextContact(group: g, agent: agent, now: now)
    }
    answer(slot: queues[q].popFront().slot, group: g, agent: agent, now: now)
    return true
  }

  /// Gives `agent` of group `g`, with no phone call to take, the waiting chats
  /// ``ChatRouting`` picks (as many as it has room for) or else the waiting message
  /// ``MessageRouting`` picks; `false` when none waits for it. Out of line.
  @inline(never)
  mutating func answerNextContact(group g: Int, agent: UInt32, now: Double) -> Bool {
    if routing.chats.hasChats, let q = routing.chats.queue(for: g, queues: queues, calls: calls) {
      startChat(slot: queues[q].popFront().slot, group: g, agent: agent, now: now)
      takeWaitingChats(group: g, agent: agent, now: now)
      return true
    }
    guard let q = routing.messages.queue(for: g, free: pools[g].idleCount, queues: queues, calls: calls) else { return false }
    answer(slot: queues[q].popFront().slot, group: g, agent: agent, now: now)
    return true
  }

  /// A waiting call has waited `overflowAfter`: any skilled idle agent may take it now.
  mutating func overflow(slot: UInt32, generation: UInt32, now: Double) {
    guard calls.isWaiting(slot, generation: generation) else { return }
    let q = Int(calls.records[Int(slot)].queue)
    guard let g = routing.group(forOverflowIn: q, pools: pools) else { return }
    // Its queue entry goes stale once the call is answered.
    queues[q].waiting -= 1
    answer(slot: slot, group: g, agent: pools[g].seize(), now: now)
    queues[q].dropStaleEntries(calls)
  }

  mutating func abandon(slot: UInt32, generation: UInt32, now: Double) {
    guard calls.isWaiting(slot, generation: generation) else { return }
    let record = calls.records[Int(slot)]
    let q = Int(record.queue)
    let wait = now - record.queuedAt
    tally.abandoned(cell: cell(record), hour: Int(record.hour), wait: wait)
    notify(.abandoned(wait: wait), slot: slot, now: now)
    queues[q].waiting -= 1
    if record.channel == .phone { linesInUse -= 1 }
    redialTag.scheduleRedial(of: calls.records[Int(slot)], at: now, horizon: horizon, in: &calendar)
    calls.release(slot)
    queues[q].dropStaleEntries(calls)
  }

  /// Idle agents of group `g` take the waiting calls the routing gives them: phone calls
  /// first, then chats and messages.
  mutating func serveWaiting(group g: Int, now: Double) {
    while pools[g].hasIdle, let q = routing.queue(for: g, now: now, queues: queues, calls: calls) {
      answer(slot: queues[q].popFront().slot, group: g, agent: pools[g].seize(), now: now)
    }
    if routing.hasOtherChannels { serveWaitingContacts(group: g, now: now) }
  }

  /// Agents of group `g` with room take the waiting chats, then idle ones the waiting messages.
  @inline(never)
  mutating func serveWaitingContacts(group g: Int, now: Double) {
    if routing.chats.hasChats { serveWaitingChats(group: g, now: now) }
    while pools[g].hasIdle, let q = routing.messages.queue(for: g, free: pools[g].idleCount - 1, queues: queues, calls: calls) {
      answer(slot: queues[q].popFront().slot, group: g, agent: pools[g].seize(), now: now)
    }
  }

}

extension CallCenterSimulation where Observer == NoObserver {
  /// Prepares replication `replication` (0-based) of `model`, counted by the tally alone.
  public init(model: CallCenterModel, replication: Int) {
    self.init(model: model, replication: replication, observer: NoObserver())
  }
}
