import CallSimEngine

/// One replication of a ``CallCenterModel``: the event loop and its state.
///
/// All state is in value types owned by this struct (no per-call objects, no dictionaries on
/// the hot path), and every source of randomness has its own named stream, so replication
/// `r` draws the same numbers whatever runs beside it.
public struct CallCenterSimulation {
  let model: CallCenterModel
  let replication: Int
  let streams: RandomStreamSet
  let horizon: Double
  let firstMeasuredHour: Int
  let within: Double

  var calendar = EventCalendar(capacity: 1024)
  var calls = CallTable()
  var queue = CallQueue()
  var agents: AgentPool
  var linesInUse = 0
  /// Time up to which logged-in agent time has been added to the hourly counts.
  var loggedInAccruedUntil = 0.0
  let lineLimit: Int
  var result: ReplicationResult

  var arrivals: ArrivalGenerator
  let arrivalStream: RandomStream
  let typeStream: RandomStream
  let ivrDurationStream: RandomStream
  let ivrOutcomeStream: RandomStream
  let handleStreams: [RandomStream]
  let wrapUpStreams: [RandomStream]
  let patienceStreams: [RandomStream]
  let redialStreams: [RandomStream]
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
    firstMeasuredHour = settings.firstMeasuredHour
    within = model.targets.serviceLevelWithin
    agents = AgentPool(capacity: model.staffing.peak)
    lineLimit = model.trunks ?? Int.max
    result = ReplicationResult(replication: replication, hours: settings.hours, callTypes: model.callTypes.count)

    arrivalStream = streams.stream("arrivals")
    typeStream = streams.stream("call-type")
    ivrDurationStream = streams.stream("ivr-duration")
    ivrOutcomeStream = streams.stream("ivr-outcome")
    handleStreams = model.callTypes.map { streams.stream("handle/\($0.name)") }
    wrapUpStreams = model.callTypes.map { streams.stream("wrap-up/\($0.name)") }
    patienceStreams = model.callTypes.map { streams.stream("patience/\($0.name)") }
    redialStreams = model.callTypes.map { streams.stream("redial/\($0.name)") }
    let shares = model.ivr?.menuShares ?? model.callTypes.map(\.share)
    var running = 0.0
    typeCumulative = shares.map { running += $0; return running }
    arrivals = ArrivalGenerator(
      profile: model.arrivals, days: settings.days, horizon: horizon,
      dayNoise: streams.stream("day-noise"))
  }

  /// Runs the replication to the horizon and returns its counts.
  public mutating func run() -> ReplicationResult {
    recordScheduledStaffing()
    changeStaffing(hour: 0, now: 0)
    if let first = arrivals.next(after: 0, arrivalStream) {
      calendar.schedule(at: first, kind: EventKind.arrival.rawValue)
    }
    while let event = calendar.next() {
      if event.time > horizon { break }
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
    result.events = calendar.scheduledCount
    accrueLoggedInTime(until: horizon)
    countCallsLeftAtEnd()
    return result
  }

  // MARK: - Call flow

  @inline(__always)
  func pickType() -> Int {
    if typeCumulative.count == 1 { return 0 }
    let u = typeStream.uniform() * typeCumulative[typeCumulative.count - 1]
    for i in 0..<(typeCumulative.count - 1) where u < typeCumulative[i] { return i }
    return typeCumulative.count - 1
  }

  @inline(__always)
  func hourBin(_ time: Double) -> Int32 {
    Int32(min(result.hourly.count - 1, Int(time / 3600)))
  }

  @inline(__always)
  func isMeasured(_ hour: Int32) -> Bool { Int(hour) >= firstMeasuredHour }

  mutating func arrive(type: Int, isRedial: Bool, now: Double) {
    let hour = hourBin(now)
    let measured = isMeasured(hour)
    result.hourly[Int(hour)].totalInflow += 1
    if measured { result.byCallType[type].totalInflow += 1 }
    if isRedial {
      result.hourly[Int(hour)].redials += 1
      if measured { result.byCallType[type].redials += 1 }
    }
    if linesInUse >= lineLimit {
      result.hourly[Int(hour)].blocked += 1
      if measured { result.byCallType[type].blocked += 1 }
      maybeRedial(type: type, now: now)
      return
    }
    linesInUse += 1
    let slot = calls.allocate()
    calls.records.withUnsafeMutableBufferPointer { r in
      r[Int(slot)].arrival = now
      r[Int(slot)].hour = hour
      r[Int(slot)].type = UInt16(type)
    }
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
      count(\.ivrHangUps, hour: record.hour, type: type)
    } else if u < ivr.hangUp + (1 - ivr.hangUp) * ivr.selfService[type] {
      count(\.selfServed, hour: record.hour, type: type)
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
    count(\.inflow, hour: record.hour, type: type)
    if agents.hasIdle && queue.waiting == 0 {
      answer(slot: slot, agent: agents.seize(), now: now, wait: 0)
      return
    }
    calls.records[Int(slot)].state = .waiting
    calls.records[Int(slot)].queuedAt = now
    queue.push(slot: slot, generation: record.generation)
    if let patience = model.callTypes[type].patience {
      let leave = now + patience.sample(patienceStreams[type])
      if leave <= horizon {
        calendar.schedule(at: leave, kind: EventKind.abandon.rawValue, id: slot, tag: record.generation)
      }
    }
  }

  mutating func answer(slot: UInt32, agent: UInt32, now: Double, wait: Double) {
    let record = calls.records[Int(slot)]
    let type = Int(record.type)
    let hour = Int(record.hour)
    let callType = model.callTypes[type]
    result.hourly[hour].answered += 1
    result.hourly[hour].answeredWaitSeconds += wait
    if wait <= within { result.hourly[hour].answeredWithinTarget += 1 }
    if isMeasured(record.hour) {
      result.byCallType[type].answered += 1
      result.byCallType[type].answeredWaitSeconds += wait
      if wait <= within { result.byCallType[type].answeredWithinTarget += 1 }
      result.answeredWaits.add(wait)
    }
    let talk = callType.handle.sample(handleStreams[type])
    let wrap = callType.wrapUp?.sample(wrapUpStreams[type]) ?? 0
    let free = now + talk + wrap
    addBusyTime(from: now, to: free, type: type)
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
    let wait = now - record.queuedAt
    count(\.abandoned, hour: record.hour, type: type)
    result.hourly[Int(record.hour)].abandonedWaitSeconds += wait
    if isMeasured(record.hour) {
      result.byCallType[type].abandonedWaitSeconds += wait
      result.abandonedWaits.add(wait)
    }
    queue.waiting -= 1
    linesInUse -= 1
    calls.release(slot)
    if queue.count > 1024 && queue.count > 4 * queue.waiting {
      let records = calls.records
      queue.compact { s, g in records[Int(s)].generation == g && records[Int(s)].state == .waiting }
    }
    maybeRedial(type: type, now: now)
  }

  mutating func maybeRedial(type: Int, now: Double) {
    guard let redial = model.callTypes[type].redial else { return }
    let stream = redialStreams[type]
    guard stream.uniform() < redial.probability else { return }
    let at = now + redial.delay.sample(stream)
    if at <= horizon {
      calendar.schedule(at: at, kind: EventKind.redial.rawValue, id: UInt32(type))
    }
  }

  @inline(__always)
  mutating func count(_ field: WritableKeyPath<CallCounts, Double>, hour: Int32, type: Int) {
    result.hourly[Int(hour)][keyPath: field] += 1
    if isMeasured(hour) { result.byCallType[type][keyPath: field] += 1 }
  }

  // MARK: - Agent time

  /// Adds agent busy time [start, end) to the hour bins it spans, clipped to the horizon.
  mutating func addBusyTime(from start: Double, to end: Double, type: Int) {
    let stop = min(end, horizon)
    var t = start
    var hour = Int(t / 3600)
    while t < stop {
      let hourEnd = Double(hour + 1) * 3600
      let piece = min(stop, hourEnd) - t
      result.hourly[hour].busyAgentSeconds += piece
      if hour >= firstMeasuredHour { result.byCallType[type].busyAgentSeconds += piece }
      t = hourEnd
      hour += 1
    }
  }

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
    let stop = min(now, horizon)
    let count = Double(agents.loggedIn)
    var t = loggedInAccruedUntil
    loggedInAccruedUntil = stop
    guard count > 0 else { return }
    var hour = Int(t / 3600)
    while t < stop {
      let hourEnd = Double(hour + 1) * 3600
      result.hourly[hour].availableAgentSeconds += count * (min(stop, hourEnd) - t)
      t = hourEnd
      hour += 1
    }
  }

  mutating func recordScheduledStaffing() {
    for (h, n) in model.staffing.agentsByHour.enumerated() {
      result.hourly[h].scheduledAgentSeconds = Double(n) * 3600
    }
  }

  /// Counts calls still waiting or in the IVR at the horizon.
  mutating func countCallsLeftAtEnd() {
    for record in calls.records {
      switch record.state {
      case .waiting: count(\.inQueueAtEnd, hour: record.hour, type: Int(record.type))
      case .inIVR: count(\.inIVRAtEnd, hour: record.hour, type: Int(record.type))
      case .free: break
      }
    }
  }
}
