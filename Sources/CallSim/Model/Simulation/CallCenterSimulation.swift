import CallSimEngine

/// One replication of a ``CallCenterModel``: the event loop and its state.
///
/// All state is in value types owned by this struct (no per-call objects, no dictionaries on
/// the hot path), and every source of randomness has its own named stream, so replication
/// `r` draws the same numbers whatever runs beside it. Arrival times have their own stream;
/// every attribute of a caller comes from that caller's substreams (``CallerStreams``), so
/// the same caller behaves the same in every scenario run on the same seed. The loop reports what happens to each
/// call to the tally and to `Observer` (a trace, a wallboard), compiled in: ``NoObserver``
/// costs nothing. Which agent takes which call is the ``RoutingPolicy``'s answer alone.
public struct CallCenterSimulation<Observer: CallObserver>: ~Copyable {
  let model: CallCenterModel
  let replication: Int
  let streams: RandomStreamSet
  let horizon: Double

  var calendar = EventCalendar(capacity: 1024)
  var calls = CallTable()
  /// One queue per call type, and one agent pool per group: owned here and freed in
  /// `deinit`, reached through pointers so the hot loop mutates them in place without
  /// copy-on-write checks on an outer array.
  let queues: UnsafeMutableBufferPointer<CallQueue>
  let pools: UnsafeMutableBufferPointer<AgentPool>
  /// The routing in force; `routings[epoch]`.
  var routing: RoutingPolicy
  /// The routing of the base model and of each timeline change.
  let routings: [RoutingPolicy]
  /// The first day of each routing in `routings` (0 for the base model).
  let epochStarts: [Int]
  var epoch = 0
  var linesInUse = 0
  let lineLimit: Int
  /// Per group: time up to which logged-in agent time has been added to the hourly counts.
  var loggedInAccruedUntil: [Double]
  /// Per group: agents on duty in each hour of the horizon, for groups staffed by the hour.
  let hourlyPlan: [[Int]]
  /// Hours at which some group's hourly staffing changes, from hour 0.
  let staffingChanges: [Int]
  /// Rostered agents of every group, from `rosterOffset[g]` for group `g`.
  var rostered: [RosteredAgent]
  let rosterOffset: [Int]
  /// Per group: whether the roster staffs it (its agents are all in `rostered`).
  let isRostered: [Bool]
  /// Today's roster duties (a `dutyStart` event names one by index).
  var dayDuties: [Roster.Duty] = []
  /// The roster, absence and remote work of the base model and of each timeline change
  /// (index `epoch`).
  let staffingEpochs: [StaffingEpoch]
  /// Per group: the talk-time factor of its remote agents today.
  var remoteHandleFactor: [Double]
  /// Whether the model needs a `dayStart` event each midnight (a roster or a timeline).
  let hasDays: Bool
  /// Absence and log-in gap draws, one substream per agent.
  let agentDraws: SubstreamFamily
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
  /// Per group: agents the live controls added to (or, negative, removed from) its hourly
  /// plan; zero outside a live run.
  var liveOffset: [Int]
  /// Seconds: when each agent added live (index: agent − the pool's `fixedCount`) logged in,
  /// -1 once it logged out and its time was paid.
  var liveAddedAt: [[Double]]
  /// The routing mode a live control switched to, and the timeline epoch it was switched in.
  var liveRouting: (mode: RoutingMode, epoch: Int)?

  var arrivals: ArrivalGenerator
  let arrivalStream: RandomStream
  /// Every caller's own substreams, for all of its random attributes.
  let callers: CallerStreams
  /// Per call type samplers (see ``draw(_:caller:attempt:)``).
  let types: [CallTypeSampler]
  /// Cumulative type shares used to pick a call's type at arrival (IVR menu or `share`).
  let typeCumulative: [Double]
  /// Seconds of talk above which a call may be cut at the call cap — the lowest of the call
  /// types' limits; infinite without a cap, so a scenario without one pays a single
  /// comparison per answered call.
  var capLimit: Double
  /// Each call type's cap (its own or the model's), read only past `capLimit`.
  var typeCaps: [CallCap?]
  /// `typeCaps` of the base model and of each timeline change.
  let capsByEpoch: [[CallCap?]]
  /// Share of callers who are known abusive callers; 0 without ``AbusiveCallers``.
  let abusiveShare: Double
  /// The bits of a redial event's tag below the attempt that hold the call type: 15 when
  /// call-backs are on (the 16th flags a call-back; the model then has at most 32767 types),
  /// else all 16.
  let redialTypeMask: UInt32

  /// Prepares replication `replication` (0-based) of `model`, reporting calls to `observer`.
  public init(model: CallCenterModel, replication: Int, observer: Observer) {
    self.model = model
    self.replication = replication
    self.observer = observer
    let settings = model.settings
    let streams = RandomStreamSet(seed: settings.seed, replication: replication, algorithm: settings.generator)
    self.streams = streams
    horizon = settings.horizon
    let routings = [RoutingPolicy(model: model)] + model.timeline.map { RoutingPolicy(model: $0.model) }
    self.routings = routings
    routing = routings[0]
    let queueCount = routings.map(\.queueCount).max()!
    queues = .allocate(capacity: queueCount)
    for q in 0..<queueCount { (queues.baseAddress! + q).initialize(to: CallQueue()) }
    let groupCount = model.agentGroups.count
    let hourlyPlan = (0..<groupCount).map { g in (0..<settings.hours).map { model.hourlyAgents(group: g, hour: $0) } }
    self.hourlyPlan = hourlyPlan
    let rosteredCounts = (0..<groupCount).map { model.rosteredAgents(group: $0) }
    pools = .allocate(capacity: groupCount)
    for g in 0..<groupCount {
      (pools.baseAddress! + g).initialize(to: AgentPool(hourly: hourlyPlan[g].max() ?? 0, rostered: rosteredCounts[g]))
    }
    var offsets: [Int] = []
    var rostered: [RosteredAgent] = []
    for g in 0..<groupCount {
      offsets.append(rostered.count)
      let first = pools[g].hourlyCapacity
      rostered += (0..<rosteredCounts[g]).map { RosteredAgent(group: g, agent: UInt32(first + $0)) }
    }
    self.rostered = rostered
    rosterOffset = offsets
    isRostered = rosteredCounts.map { $0 > 0 }
    staffingEpochs = [StaffingEpoch(model)] + model.timeline.map { StaffingEpoch($0.model) }
    remoteHandleFactor = staffingEpochs[0].remoteHandleFactor
    epochStarts = [0] + model.timeline.map(\.fromDay)
    hasDays = !rostered.isEmpty || !model.timeline.isEmpty
    agentDraws = streams.substreams("agents")
    capsByEpoch = [model.callCaps] + model.timeline.map(\.model.callCaps)
    typeCaps = capsByEpoch[0]
    capLimit = CallCenterSimulation.lowestLimit(capsByEpoch[0])
    abusiveShare = model.abusiveCallers?.share ?? 0
    redialTypeMask =
      capsByEpoch.joined().contains { ($0?.callBack ?? 0) > 0 } ? CallCenterSimulation.callBackBit - 1 : 0xffff
    lineLimit = model.trunks ?? Int.max
    loggedInAccruedUntil = Array(repeating: 0, count: groupCount)
    liveOffset = Array(repeating: 0, count: groupCount)
    liveAddedAt = Array(repeating: [], count: groupCount)
    staffingChanges = (0..<settings.hours).filter { h in
      h == 0 || hourlyPlan.contains { $0[h] != $0[h - 1] }
    }
    tally = ReplicationTally(
      hours: settings.hours, callTypes: model.callTypes.count, groups: model.agentGroups.count,
      firstMeasuredHour: settings.firstMeasuredHour, horizon: settings.horizon,
      within: model.targets.serviceLevelWithin)

    arrivalStream = streams.stream("arrivals")
    callers = CallerStreams(streams: streams)
    types = model.callTypes.map { CallTypeSampler($0) }
    let shares = model.ivr?.menuShares ?? model.callTypes.map(\.share)
    var running = 0.0
    typeCumulative = shares.map { running += $0; return running }
    arrivals = ArrivalGenerator(
      profile: model.arrivals, days: settings.days, horizon: horizon,
      dayNoise: streams.stream("day-noise"))
  }

  deinit {
    queues.deinitialize().deallocate()
    pools.deinitialize().deallocate()
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
    recordScheduledStaffing()
    changeStaffing(0, now: 0)
    if hasDays { dayStart(0, now: 0) }
    if let first = arrivals.next(after: 0, arrivalStream) {
      calendar.scheduleNextInSeries(at: first, kind: EventKind.arrival.rawValue)
    }
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
      switch EventKind(rawValue: event.kind).unsafelyUnwrapped {
      case .staffingChange: changeStaffing(Int(event.id), now: now)
      case .dayStart: dayStart(Int(event.id), now: now)
      case .dutyStart: dutyStart(Int(event.id), now: now)
      case .agentOff: agentOff(Int(event.id), token: event.tag, now: now)
      case .agentOn: agentOn(Int(event.id), token: event.tag, now: now)
      case .agentFree: agentFree(event.id, group: Int(event.tag), now: now)
      // The recovery after an abusive call is over: the agent is free as after any call.
      case .recoveryEnd: agentFree(event.id, group: Int(event.tag), now: now)
      case .lineRelease: linesInUse -= 1
      case .transferEnd: transferEnd(slot: event.id, generation: event.tag, now: now)
      case .overflow: overflow(slot: Self.slot(ofTimer: event.id), generation: event.tag, now: now)
      case .abandon: abandon(slot: Self.slot(ofTimer: event.id), generation: event.tag, now: now)
      case .ivrEnd: ivrEnd(slot: event.id, now: now)
      case .arrival:
        if let next = arrivals.next(after: now, arrivalStream) {
          calendar.scheduleNextInSeries(at: next, kind: EventKind.arrival.rawValue)
        }
        let caller = nextCallerID
        nextCallerID &+= 1
        arrive(caller: caller, attempt: 0, type: nil, now: now)
      case .redial:
        arrive(
          caller: event.id, attempt: UInt16(truncatingIfNeeded: event.tag >> 16), type: Int(event.tag & redialTypeMask),
          now: now, callBack: event.tag & ~redialTypeMask & 0xffff != 0)
      }
    }
    self.now = max(self.now, limit)
    return true
  }

  /// Ends the replication at ``now`` (the horizon after a whole run; earlier for a live run
  /// stopped during the day) and returns its counts: logged-in time is added up to then and
  /// calls still in the system are counted as such.
  public mutating func finish() throws(CountLimitError) -> ReplicationResult {
    for g in pools.indices {
      accrueLoggedInTime(group: g, until: now)
      for i in liveAddedAt[g].indices { payLiveAgent(UInt32(pools[g].fixedCount + i), group: g, until: now) }
    }
    countCallsLeftAtEnd()
    if tally.overflowCell >= 0 {
      let (hour, type) = tally.overflowCell.quotientAndRemainder(dividingBy: model.callTypes.count)
      throw CountLimitError(counted: "calls of type \(model.callTypes[type].name)", hour: hour, replication: replication)
    }
    if tally.overflowGroupCell >= 0 {
      let (hour, group) = tally.overflowGroupCell.quotientAndRemainder(dividingBy: model.agentGroups.count)
      throw CountLimitError(counted: "calls answered by group \(model.agentGroups[group].name)", hour: hour, replication: replication)
    }
    return tally.result(replication: replication, events: calendar.scheduledCount)
  }

  /// Whether the replication has reached its horizon.
  public var isAtEnd: Bool { now >= horizon }

  /// Tells the tally and the observer what happened to the call in `slot`.
  @inline(__always)
  mutating func report(_ event: CallEvent, slot: UInt32, now: Double) {
    let facts = facts(slot)
    tally.observe(event, call: facts, at: now)
    observer.observe(event, call: facts, at: now)
  }

  /// Tells the observer alone: for the four events of every call (arrived, queued, answered,
  /// abandoned), which the loop counts in the tally directly. With ``NoObserver`` this is
  /// nothing at all.
  @inline(__always)
  mutating func notify(_ event: CallEvent, slot: UInt32, now: Double) {
    observer.observe(event, call: facts(slot), at: now)
  }

  /// What the tally and observers know of the call in `slot`.
  @inline(__always)
  func facts(_ slot: UInt32) -> CallFacts {
    let r = calls.records[Int(slot)]
    return CallFacts(
      id: r.id, caller: r.caller, type: Int(r.type), hour: Int(r.hour), isRedial: r.attempt > 0, arrival: r.arrival,
      transferGroup: r.transferGroup < 0 ? nil : Int(r.transferGroup), drawnTalk: r.talk, patience: r.patience,
      isCallBack: r.callBack, isAbusive: r.abusive, capped: r.capped)
  }

  /// The tally's hourly cell of the call `record`: its arrival hour and call type.
  @inline(__always)
  func cell(_ record: CallRecord) -> Int { tally.cell(hour: Int(record.hour), type: Int(record.type)) }

  // MARK: - Call flow

  /// The call type of a first attempt, from the caller's own substream.
  @inline(__always)
  func pickType(caller key: UInt64) -> Int {
    if typeCumulative.count == 1 { return 0 }
    let u = callers.stream(.type, caller: key, attempt: 0).uniform() * typeCumulative[typeCumulative.count - 1]
    for i in 0..<(typeCumulative.count - 1) where u < typeCumulative[i] { return i }
    return typeCumulative.count - 1
  }

  /// Attempt `attempt` of a caller of `type`, drawn without retaining its sampler (`types`
  /// keeps it alive).
  @inline(__always)
  func draw(_ type: Int, caller key: UInt64, attempt: UInt16) -> CallerDraws {
    Unmanaged.passUnretained(types[type])._withUnsafeGuaranteedRef {
      $0.drawCaller(callers, caller: key, attempt: attempt)
    }
  }

  /// Attempt `attempt` of caller `caller` reaches the number: a first call (`type` drawn
  /// here) or a redial of a caller of `type` (`callBack`: after being cut at the call cap).
  /// Its random attributes are drawn here, from the caller's substreams, whatever becomes
  /// of it.
  mutating func arrive(caller: UInt32, attempt: UInt16, type knownType: Int?, now: Double, callBack: Bool = false) {
    let slot = calls.allocate()
    var record = CallRecord()
    record.generation = calls.records[Int(slot)].generation
    record.arrival = now
    record.queuedAt = now
    let key = callers.key(caller: caller)
    let type = knownType ?? pickType(caller: key)
    var draws = draw(type, caller: key, attempt: attempt)
    if abusiveShare > 0 { record.abusive = drawAbusive(caller: key, attempt: attempt, draws: &draws) }
    record.callBack = callBack
    record.talk = draws.talk
    record.wrap = draws.wrap
    record.patience = draws.patience
    record.redialDelay = draws.redialDelay
    record.id = nextCallID
    record.caller = caller
    record.attempt = attempt
    record.hour = tally.hour(of: now)
    record.type = UInt16(type)
    record.queue = UInt16(type)
    calls.records[Int(slot)] = record
    nextCallID &+= 1
    tally.arrived(cell: cell(record), isRedial: attempt > 0, isCallBack: callBack)
    notify(.arrived, slot: slot, now: now)
    if linesInUse >= lineLimit {
      report(.blocked, slot: slot, now: now)
      maybeRedial(slot: slot, now: now)
      calls.release(slot)
      return
    }
    linesInUse += 1
    if let ivr = model.ivr {
      calls.records[Int(slot)].state = .inIVR
      let stay = ivr.duration.sample(callers.stream(.ivrDuration, caller: key, attempt: attempt))
      calendar.schedule(at: now + stay, kind: EventKind.ivrEnd.rawValue, id: slot)
    } else {
      enterQueue(slot: slot, now: now)
    }
  }

  /// Whether the caller is a known abusive caller — drawn from block 0 of its substream, so
  /// every attempt of the caller agrees — and if so, its talk time and patience from the
  /// abusive callers' laws (on the caller's same talk and patience substreams).
  func drawAbusive(caller key: UInt64, attempt: UInt16, draws: inout CallerDraws) -> Bool {
    guard let abusive = model.abusiveCallers,
      callers.stream(.abusive, caller: key, attempt: 0).uniform() < abusive.share
    else { return false }
    draws.talk = abusive.handle.sample(callers.stream(.talk, caller: key, attempt: attempt))
    if let patience = abusive.patience {
      draws.patience = patience.sample(callers.stream(.patience, caller: key, attempt: attempt))
    }
    return true
  }

  mutating func ivrEnd(slot: UInt32, now: Double) {
    guard let ivr = model.ivr else { return }
    let type = Int(calls.records[Int(slot)].type)
    let u = callerStream(.ivrOutcome, slot: slot).uniform()
    if u < ivr.hangUp {
      report(.ivrHangUp, slot: slot, now: now)
    } else if u < ivr.hangUp + (1 - ivr.hangUp) * ivr.selfService[type] {
      report(.selfServed, slot: slot, now: now)
    } else {
      enterQueue(slot: slot, now: now)
      return
    }
    linesInUse -= 1
    calls.release(slot)
  }

  /// The call reaches the agent queue of its type, or of a wrong type when misrouted.
  mutating func enterQueue(slot: UInt32, now: Double) {
    tally.queued(cell: cell(calls.records[Int(slot)]))
    notify(.queued, slot: slot, now: now)
    calls.records[Int(slot)].queuedAt = now
    if routing.abuseQueue >= 0 && calls.records[Int(slot)].abusive {
      calls.records[Int(slot)].queue = UInt16(routing.abuseQueue)
    } else if routing.misrouteShare > 0, case let s = callerStream(.misroute, slot: slot), s.uniform() < routing.misrouteShare {
      let type = Int(calls.records[Int(slot)].type)
      if let wrong = routing.wrongQueue(for: type, u: s.uniform()) {
        calls.records[Int(slot)].queue = UInt16(wrong)
      }
    }
    join(slot: slot, now: now)
  }

  /// Gives the call to an idle agent the routing allows, or puts it at the back of its queue.
  mutating func join(slot: UInt32, now: Double) {
    let record = calls.records[Int(slot)]
    let q = Int(record.queue)
    let waited = now - record.queuedAt
    let overflowed = waited >= routing.overflowAfter
    if let g = routing.group(for: q, overflowed: false, pools: pools)
      ?? (overflowed ? routing.group(for: q, overflowed: true, pools: pools) : nil)
    {
      answer(slot: slot, group: g, agent: pools[g].seize(), now: now)
      return
    }
    calls.records[Int(slot)].state = .waiting
    queues[q].push(CallQueue.Entry(slot: slot, generation: record.generation, sequence: nextSequence))
    nextSequence &+= 1
    let leave = record.queuedAt + record.patience
    if leave <= horizon {
      calendar.scheduleTimer(at: leave, kind: EventKind.abandon.rawValue, id: Self.abandonTimer(slot), tag: record.generation)
    }
    let overflowAt = record.queuedAt + routing.overflowAfter
    if !overflowed && overflowAt < leave && overflowAt <= horizon {
      calendar.scheduleTimer(at: overflowAt, kind: EventKind.overflow.rawValue, id: Self.overflowTimer(slot), tag: record.generation)
    }
  }

  /// The calendar timer ids of the call in `slot`: its patience running out, and its wait
  /// reaching `overflowAfter` (``EventCalendar/scheduleTimer(at:kind:id:tag:)``: one timer
  /// per id, so each call has two).
  @inline(__always) static func abandonTimer(_ slot: UInt32) -> UInt32 { slot &<< 1 }
  @inline(__always) static func overflowTimer(_ slot: UInt32) -> UInt32 { slot &<< 1 | 1 }
  @inline(__always) static func slot(ofTimer id: UInt32) -> UInt32 { id >> 1 }

  /// An agent of `group` answers the call: serves it, or transfers it when the routing does
  /// not let the group serve the call's real type (a misrouted caller).
  mutating func answer(slot: UInt32, group g: Int, agent: UInt32, now: Double) {
    let record = calls.records[Int(slot)]
    if record.state == .waiting {
      // Its patience and its wait no longer matter: the timers go, not left to fall due.
      calendar.cancelTimer(id: Self.abandonTimer(slot))
      if routing.overflowAfter < .infinity { calendar.cancelTimer(id: Self.overflowTimer(slot)) }
    }
    let type = Int(record.type)
    let wait = now - record.queuedAt
    if routing.misrouteShare > 0, !routing.serves(group: g, type: type), let misroute = model.routing.misroute {
      let handle = misroute.transfer.sample(callerStream(.transfer, slot: slot))
      report(.transferred(group: g, agent: Int(agent), remote: pools[g].remote[Int(agent)], wait: wait, handle: handle), slot: slot, now: now)
      calls.records[Int(slot)].state = .inTransfer
      calls.records[Int(slot)].transferGroup = Int16(g)
      // Time with the wrong agent is not waiting: the wait's start moves forward by it.
      calls.records[Int(slot)].queuedAt += handle
      calendar.schedule(at: now + handle, kind: EventKind.agentFree.rawValue, id: agent, tag: UInt32(g))
      calendar.schedule(at: now + handle, kind: EventKind.transferEnd.rawValue, id: slot, tag: record.generation)
      return
    }
    let remote = pools[g].remote[Int(agent)]
    var talk = record.talk * routing.talkFactor(group: g, type: type, now: now)
    if remote { talk *= remoteHandleFactor[g] }
    if talk > capLimit, let limit = cutsAtCap(slot: slot, talk: talk) {
      talk = limit
      calls.records[Int(slot)].capped = true
      maybeCallBack(slot: slot, at: now + talk)
    }
    tally.answered(
      cell: cell(record), hour: Int(record.hour), group: g, remote: remote, wait: wait, talk: talk, wrap: record.wrap,
      capped: calls.records[Int(slot)].capped, abusive: record.abusive, at: now)
    notify(.answered(group: g, agent: Int(agent), remote: remote, wait: wait, talk: talk, wrap: record.wrap), slot: slot, now: now)
    let done = now + talk + record.wrap
    if record.abusive, let recovery = model.abusiveCallers?.recovery {
      let seconds = recovery.sample(callerStream(.recovery, slot: slot))
      report(.recovery(group: g, start: done, seconds: seconds), slot: slot, now: now)
      calendar.schedule(at: done + seconds, kind: EventKind.recoveryEnd.rawValue, id: agent, tag: UInt32(g))
    } else {
      calendar.schedule(at: done, kind: EventKind.agentFree.rawValue, id: agent, tag: UInt32(g))
    }
    if lineLimit != Int.max {
      // The line is held until the talk ends; wrap-up happens off the line.
      calendar.schedule(at: now + talk, kind: EventKind.lineRelease.rawValue)
    } else {
      linesInUse -= 1
    }
    calls.release(slot)
  }

  /// A misrouted call, transferred, joins the back of its right queue.
  mutating func transferEnd(slot: UInt32, generation: UInt32, now: Double) {
    let record = calls.records[Int(slot)]
    guard record.generation == generation, record.state == .inTransfer else { return }
    // A new generation makes the call's earlier queue entry and timers stale.
    calls.records[Int(slot)].generation &+= 1
    calls.records[Int(slot)].queue = record.type
    join(slot: slot, now: now)
  }

  mutating func agentFree(_ agent: UInt32, group g: Int, now: Double) {
    if pools[g].leaving > 0 { accrueLoggedInTime(group: g, until: now) }
    guard pools[g].finish(agent) else {
      observer.agentChanged(.loggedOut(.staffing), group: g, agent: Int(agent), at: now)
      return
    }
    if Int(agent) >= pools[g].fixedCount {
      liveAgentFree(agent, group: g, now: now)
      return
    }
    if isRostered[g], Int(agent) >= pools[g].hourlyCapacity,
      case let r = rosterOffset[g] + Int(agent) - pools[g].hourlyCapacity, rostered[r].pending != .none
    {
      leave(r, now: now)
      return
    }
    if !answerNextWaiting(group: g, agent: agent, now: now) { pools[g].makeIdle(agent, now: now) }
  }

  /// Gives `agent` of group `g` the waiting call the routing picks; `false` when none may go to it.
  mutating func answerNextWaiting(group g: Int, agent: UInt32, now: Double) -> Bool {
    guard let q = routing.queue(for: g, now: now, queues: queues, calls: calls) else { return false }
    let entry = queues[q].popFront()
    answer(slot: entry.slot, group: g, agent: agent, now: now)
    return true
  }

  /// A waiting call has waited `overflowAfter`: any skilled idle agent may take it now.
  mutating func overflow(slot: UInt32, generation: UInt32, now: Double) {
    guard calls.isWaiting(slot, generation: generation) else { return }
    let q = Int(calls.records[Int(slot)].queue)
    guard let g = routing.group(for: q, overflowed: true, pools: pools) else { return }
    // Its queue entry goes stale once the call is answered.
    queues[q].waiting -= 1
    answer(slot: slot, group: g, agent: pools[g].seize(), now: now)
    if queues[q].needsCompaction { compactQueue(q) }
  }

  mutating func abandon(slot: UInt32, generation: UInt32, now: Double) {
    guard calls.isWaiting(slot, generation: generation) else { return }
    let record = calls.records[Int(slot)]
    let q = Int(record.queue)
    let wait = now - record.queuedAt
    tally.abandoned(cell: cell(record), hour: Int(record.hour), wait: wait)
    notify(.abandoned(wait: wait), slot: slot, now: now)
    queues[q].waiting -= 1
    linesInUse -= 1
    maybeRedial(slot: slot, now: now)
    calls.release(slot)
    if queues[q].needsCompaction { compactQueue(q) }
  }

  /// Schedules the caller's redial — the caller's next attempt — if the caller drew one and
  /// it falls in the horizon.
  mutating func maybeRedial(slot: UInt32, now: Double) {
    let record = calls.records[Int(slot)]
    guard record.redialDelay >= 0, record.attempt < UInt16.max else { return }
    let at = now + record.redialDelay
    if at <= horizon {
      calendar.schedule(
        at: at, kind: EventKind.redial.rawValue, id: record.caller,
        tag: UInt32(record.attempt + 1) << 16 | UInt32(record.type))
    }
  }

  /// Tags a redial event as a call-back (the call type, below it, needs at most 15 bits).
  static var callBackBit: UInt32 { 0x8000 }

  /// The limit, seconds, at which the call in `slot` ends if its `talk` seconds run past its
  /// type's cap and it is cut: always when forced; when recommended, with probability
  /// `compliance`, drawn from the caller's own substream (so the same calls comply in every
  /// scenario on the same seed). `nil` when the call talks on.
  func cutsAtCap(slot: UInt32, talk: Double) -> Double? {
    guard let cap = typeCaps[Int(calls.records[Int(slot)].type)], talk > cap.effectiveLimit else { return nil }
    let cut = cap.mode == .forced || callerStream(.capCompliance, slot: slot).uniform() < cap.compliance
    return cut ? cap.limit : nil
  }

  /// Schedules the call-back of the caller in `slot`, cut at the cap at `end` seconds, if
  /// the caller draws one and it falls in the horizon: its next attempt, with the call type.
  mutating func maybeCallBack(slot: UInt32, at end: Double) {
    let record = calls.records[Int(slot)]
    guard let cap = typeCaps[Int(record.type)], cap.callBack > 0, let delay = cap.callBackDelay else { return }
    guard record.attempt < UInt16.max else { return }
    let s = callerStream(.callBack, slot: slot)
    guard s.uniform() < cap.callBack else { return }
    let at = end + delay.sample(s)
    if at <= horizon {
      calendar.schedule(
        at: at, kind: EventKind.redial.rawValue, id: record.caller,
        tag: UInt32(record.attempt + 1) << 16 | CallCenterSimulation.callBackBit | UInt32(record.type))
    }
  }

  /// The substream for `attribute` of the caller and attempt of the call in `slot`: for the
  /// draws made after arrival (IVR outcome, misrouting, transfer time), which are the
  /// caller's all the same.
  @inline(__always)
  func callerStream(_ attribute: CallerAttribute, slot: UInt32) -> RandomStream {
    let r = calls.records[Int(slot)]
    return callers.stream(attribute, caller: callers.key(caller: r.caller), attempt: r.attempt)
  }

  /// Drops queue `q`'s entries for calls no longer waiting (they are skipped anyway; this
  /// bounds the ring's memory by the calls really waiting).
  mutating func compactQueue(_ q: Int) {
    queues[q].compact { calls.isWaiting($0, generation: $1) }
  }

  // MARK: - Agent time

  /// Sets every group's agents on duty for the `index`-th staffing change, lets new agents
  /// take waiting calls, and schedules the next change.
  mutating func changeStaffing(_ index: Int, now: Double) {
    let hour = staffingChanges[index]
    for g in pools.indices where hourlyTarget(group: g, hour: hour) != pools[g].hourlyLoggedIn - pools[g].leaving {
      accrueLoggedInTime(group: g, until: now)
      pools[g].setOnDuty(hourlyTarget(group: g, hour: hour), now: now) { agent, loggedIn in
        observer.agentChanged(loggedIn ? .loggedIn(remote: false) : .loggedOut(.staffing), group: g, agent: Int(agent), at: now)
      }
    }
    for g in pools.indices { serveWaiting(group: g, now: now) }
    if index + 1 < staffingChanges.count {
      calendar.schedule(
        at: Double(staffingChanges[index + 1]) * 3600, kind: EventKind.staffingChange.rawValue, id: UInt32(index + 1))
    }
  }

  /// Agents of group `g`'s hourly plan on duty in `hour`, after the live controls' change.
  @inline(__always)
  func hourlyTarget(group g: Int, hour: Int) -> Int {
    let planned = hourlyPlan[g][hour]
    return liveOffset[g] == 0 ? planned : max(0, min(pools[g].hourlyCapacity, planned + liveOffset[g]))
  }

  /// Idle agents of group `g` take the waiting calls the routing gives them.
  mutating func serveWaiting(group g: Int, now: Double) {
    while pools[g].hasIdle, let q = routing.queue(for: g, now: now, queues: queues, calls: calls) {
      let entry = queues[q].popFront()
      answer(slot: entry.slot, group: g, agent: pools[g].seize(), now: now)
    }
  }

  /// Adds group `g`'s logged-in agent time since its last change to the hour bins.
  mutating func accrueLoggedInTime(group g: Int, until now: Double) {
    tally.loggedIn(pools[g].loggedIn, remote: pools[g].loggedInRemote, group: g, from: loggedInAccruedUntil[g], to: now)
    loggedInAccruedUntil[g] = now
  }

  /// Agents scheduled per hour, and the paid time of hourly plans (rosters add theirs per shift).
  mutating func recordScheduledStaffing() {
    for (g, hours) in model.scheduledAgents().enumerated() {
      for (h, n) in hours.enumerated() { tally.scheduled(n, group: g, hour: h) }
      for (h, n) in hourlyPlan[g].enumerated() where n > 0 { tally.paid(Double(n) * 3600, group: g, hour: h) }
    }
  }

  /// Counts calls still waiting, in transfer or in the IVR at the horizon.
  mutating func countCallsLeftAtEnd() {
    for slot in 0..<calls.records.count {
      switch calls.records[slot].state {
      case .waiting, .inTransfer: report(.inQueueAtEnd, slot: UInt32(slot), now: now)
      case .inIVR: report(.inIVRAtEnd, slot: UInt32(slot), now: now)
      case .free: break
      }
    }
  }
}

extension CallCenterSimulation where Observer == NoObserver {
  /// Prepares replication `replication` (0-based) of `model`, counted by the tally alone.
  public init(model: CallCenterModel, replication: Int) {
    self.init(model: model, replication: replication, observer: NoObserver())
  }
}
