import CallSimEngine

/// One replication of a ``CallCenterModel``: the event loop and its state.
///
/// All state is in value types owned by this struct (no per-call objects, no dictionaries on
/// the hot path), and every source of randomness has its own named stream, so replication
/// `r` draws the same numbers whatever runs beside it.
public struct CallCenterSimulation: ~Copyable {
  let model: CallCenterModel
  let replication: Int
  let streams: RandomStreamSet
  let horizon: Double

  var calendar = EventCalendar(capacity: 1024)
  var calls = CallTable()
  var queue = CallQueue()
  var agents: AgentPool
  var linesInUse = 0
  /// Time up to which logged-in agent time has been added to the hourly counts.
  var loggedInAccruedUntil = 0.0
  let lineLimit: Int
  var tally: ReplicationTally

  var arrivals: ArrivalGenerator
  let arrivalStream: RandomStream
  let typeStream: RandomStream
  let ivrDurationStream: RandomStream
  let ivrOutcomeStream: RandomStream
  /// Per call type samplers, owned here and freed in `deinit`: reached through a pointer so
  /// the hot loop borrows them in place (copying a sampler out of an array, with its
  /// distributions, measured several per cent of the run time).
  let types: UnsafeMutableBufferPointer<CallTypeSampler>
  /// Cumulative type shares used to pick a call's type at arrival (IVR menu or `share`).
  let typeCumulative: [Double]

  /// Prepares replication `replication` (0-based) of `model`.
  public init(model: CallCenterModel, replication: Int) {
    self.model = model
    self.replication = replication
    let settings = model.settings
    let streams = RandomStreamSet(seed: settings.seed, replication: replication, algorithm: settings.generator)
    self.streams = streams
    horizon = settings.horizon
    agents = AgentPool(capacity: model.staffing.peak)
    lineLimit = model.trunks ?? Int.max
    tally = ReplicationTally(
      hours: settings.hours, callTypes: model.callTypes.count, firstMeasuredHour: settings.firstMeasuredHour,
      horizon: settings.horizon, within: model.targets.serviceLevelWithin)

    arrivalStream = streams.stream("arrivals")
    typeStream = streams.stream("call-type")
    ivrDurationStream = streams.stream("ivr-duration")
    ivrOutcomeStream = streams.stream("ivr-outcome")
    types = .allocate(capacity: model.callTypes.count)
    _ = types.initialize(from: model.callTypes.map { CallTypeSampler($0, streams: streams) })
    let shares = model.ivr?.menuShares ?? model.callTypes.map(\.share)
    var running = 0.0
    typeCumulative = shares.map { running += $0; return running }
    arrivals = ArrivalGenerator(
      profile: model.arrivals, days: settings.days, horizon: horizon,
      dayNoise: streams.stream("day-noise"))
  }

  deinit {
    types.deinitialize().deallocate()
  }

  /// Runs the replication to the horizon and returns its counts; `nil` when `stop` was
  /// requested first (checked every 65,536 events).
  public mutating func run(stop: StopRequest? = nil) -> ReplicationResult? {
    recordScheduledStaffing()
    changeStaffing(hour: 0, now: 0)
    if let first = arrivals.next(after: 0, arrivalStream) {
      calendar.schedule(at: first, kind: EventKind.arrival.rawValue)
    }
    while let event = calendar.next() {
      if event.time > horizon { break }
      if calendar.scheduledCount & 0xffff == 0, let stop, stop.isStopped { return nil }
      let now = event.time
      switch EventKind(rawValue: event.kind).unsafelyUnwrapped {
      case .staffingChange: changeStaffing(hour: Int(event.id), now: now)
      case .agentFree: agentFree(event.id, now: now)
      case .lineRelease: linesInUse -= 1
      case .abandon: abandon(slot: event.id, generation: event.tag, now: now)
      case .ivrEnd: ivrEnd(slot: event.id, now: now)
      case .arrival:
        if let next = arrivals.next(after: now, arrivalStream) {
          calendar.schedule(at: next, kind: EventKind.arrival.rawValue)
        }
        arrive(type: pickType(), isRedial: false, now: now)
      case .redial:
        arrive(type: Int(event.id), isRedial: true, now: now)
      }
    }
    accrueLoggedInTime(until: horizon)
    countCallsLeftAtEnd()
    return tally.result(replication: replication, events: calendar.scheduledCount)
  }

  // MARK: - Call flow

  @inline(__always)
  func pickType() -> Int {
    if typeCumulative.count == 1 { return 0 }
    let u = typeStream.uniform() * typeCumulative[typeCumulative.count - 1]
    for i in 0..<(typeCumulative.count - 1) where u < typeCumulative[i] { return i }
    return typeCumulative.count - 1
  }

  mutating func arrive(type: Int, isRedial: Bool, now: Double) {
    let hour = tally.hour(of: now)
    tally.count(.arrival, hour: hour, type: type)
    if isRedial { tally.count(.redial, hour: hour, type: type) }
    if linesInUse >= lineLimit {
      tally.count(.blocked, hour: hour, type: type)
      maybeRedial(type: type, now: now)
      return
    }
    linesInUse += 1
    let slot = calls.allocate()
    calls.records[Int(slot)].arrival = now
    calls.records[Int(slot)].hour = hour
    calls.records[Int(slot)].type = UInt16(type)
    if let ivr = model.ivr {
      calls.records[Int(slot)].state = .inIVR
      let stay = ivr.duration.sample(ivrDurationStream)
      calendar.schedule(at: now + stay, kind: EventKind.ivrEnd.rawValue, id: slot)
    } else {
      enterQueue(slot: slot, now: now)
    }
  }

  mutating func ivrEnd(slot: UInt32, now: Double) {
    guard let ivr = model.ivr else { return }
    let record = calls.records[Int(slot)]
    let type = Int(record.type)
    let u = ivrOutcomeStream.uniform()
    if u < ivr.hangUp {
      tally.count(.ivrHangUp, hour: record.hour, type: type)
    } else if u < ivr.hangUp + (1 - ivr.hangUp) * ivr.selfService[type] {
      tally.count(.selfServed, hour: record.hour, type: type)
    } else {
      enterQueue(slot: slot, now: now)
      return
    }
    linesInUse -= 1
    calls.release(slot)
  }

  mutating func enterQueue(slot: UInt32, now: Double) {
    let record = calls.records[Int(slot)]
    let type = Int(record.type)
    tally.count(.inflow, hour: record.hour, type: type)
    if agents.hasIdle && queue.waiting == 0 {
      answer(slot: slot, agent: agents.seize(), now: now, wait: 0)
      return
    }
    calls.records[Int(slot)].state = .waiting
    calls.records[Int(slot)].queuedAt = now
    queue.push(slot: slot, generation: record.generation)
    if let patience = types[type].patienceTime() {
      let leave = now + patience
      if leave <= horizon {
        calendar.schedule(at: leave, kind: EventKind.abandon.rawValue, id: slot, tag: record.generation)
      }
    }
  }

  mutating func answer(slot: UInt32, agent: UInt32, now: Double, wait: Double) {
    let record = calls.records[Int(slot)]
    let type = Int(record.type)
    tally.answered(hour: record.hour, type: type, wait: wait)
    let talk = types[type].talk()
    let wrap = types[type].wrap()
    let free = now + talk + wrap
    tally.busy(from: now, to: free, type: type)
    calendar.schedule(at: free, kind: EventKind.agentFree.rawValue, id: agent)
    if lineLimit != Int.max {
      // The line is held until the talk ends; wrap-up happens off the line.
      calendar.schedule(at: now + talk, kind: EventKind.lineRelease.rawValue)
    } else {
      linesInUse -= 1
    }
    calls.release(slot)
  }

  mutating func agentFree(_ agent: UInt32, now: Double) {
    if agents.leaving > 0 { accrueLoggedInTime(until: now) }
    guard agents.finish(agent) else { return }
    if !answerNextWaiting(agent: agent, now: now) { agents.makeIdle(agent) }
  }

  /// Gives the oldest waiting call to `agent`; `false` when nobody waits.
  mutating func answerNextWaiting(agent: UInt32, now: Double) -> Bool {
    while queue.count > 0 {
      let (slot, generation) = queue.popFront()
      let record = calls.records[Int(slot)]
      guard record.generation == generation, record.state == .waiting else { continue }
      queue.waiting -= 1
      answer(slot: slot, agent: agent, now: now, wait: now - record.queuedAt)
      return true
    }
    return false
  }

  mutating func abandon(slot: UInt32, generation: UInt32, now: Double) {
    let record = calls.records[Int(slot)]
    guard record.generation == generation, record.state == .waiting else { return }
    let type = Int(record.type)
    tally.abandoned(hour: record.hour, type: type, wait: now - record.queuedAt)
    queue.waiting -= 1
    linesInUse -= 1
    calls.release(slot)
    if queue.count > 1024 && queue.count > 4 * queue.waiting { compactQueue() }
    maybeRedial(type: type, now: now)
  }

  mutating func maybeRedial(type: Int, now: Double) {
    guard let delay = types[type].redialDelay() else { return }
    let at = now + delay
    if at <= horizon {
      calendar.schedule(at: at, kind: EventKind.redial.rawValue, id: UInt32(type))
    }
  }

  /// Drops the queue's entries for calls that abandoned (they are skipped anyway; this
  /// bounds the ring's memory by the calls really waiting).
  mutating func compactQueue() {
    var ring = queue
    queue = CallQueue()
    ring.compact { slot, generation in
      calls.records[Int(slot)].generation == generation && calls.records[Int(slot)].state == .waiting
    }
    queue = ring
  }

  // MARK: - Agent time

  /// Sets the agents on duty for `hour`, lets new agents take waiting calls, and schedules
  /// the next change of the plan.
  mutating func changeStaffing(hour: Int, now: Double) {
    let plan = model.staffing.agentsByHour
    accrueLoggedInTime(until: now)
    agents.setOnDuty(plan[hour])
    while agents.hasIdle && queue.waiting > 0 {
      let served = answerNextWaiting(agent: agents.seize(), now: now)
      precondition(served, "the queue counts a waiting call it does not hold")
    }
    var next = hour + 1
    while next < plan.count && plan[next] == plan[hour] { next += 1 }
    if next < plan.count {
      calendar.schedule(at: Double(next) * 3600, kind: EventKind.staffingChange.rawValue, id: UInt32(next))
    }
  }

  /// Adds logged-in agent time since the last change to the hour bins.
  mutating func accrueLoggedInTime(until now: Double) {
    tally.loggedIn(agents.loggedIn, from: loggedInAccruedUntil, to: now)
    loggedInAccruedUntil = now
  }

  mutating func recordScheduledStaffing() {
    for (h, n) in model.staffing.agentsByHour.enumerated() { tally.scheduled(n, hour: h) }
  }

  /// Counts calls still waiting or in the IVR at the horizon.
  mutating func countCallsLeftAtEnd() {
    for slot in 0..<calls.records.count {
      let record = calls.records[slot]
      switch record.state {
      case .waiting: tally.count(.inQueueAtEnd, hour: record.hour, type: Int(record.type))
      case .inIVR: tally.count(.inIVRAtEnd, hour: record.hour, type: Int(record.type))
      case .free: break
      }
    }
  }
}
