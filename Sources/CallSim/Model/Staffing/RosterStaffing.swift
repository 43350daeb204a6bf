import CallSimEngine

/// Rostered agents over the run: shifts starting, pauses, remote log-in gaps and shifts
/// ending, by the roster, absence and remote work of the timeline epoch in force.
///
/// An agent takes no new call once a pause, gap or its shift's end is due; one in a call
/// finishes it first, then takes the pause for its full length (a late break ends late), or
/// leaves (the time past the shift's end is overtime). A pause whose planned end has passed
/// when the agent is back (after a long call or a gap) is skipped; one whose planned start
/// has passed starts at once, for its full length.
///
/// The event loop owns the calendar, the agent pools and the tally, and hands them to each
/// call; a call that returns a group has logged agents of it in, and the loop then lets that
/// group's idle agents take waiting calls.
struct RosterStaffing {
  /// Parts of an agent's substream (fixed: they key the draws).
  private enum AgentDraw: UInt64 {
    case absence = 1, loggedInSpell, gapLength
  }

  /// Every group's rostered agents, group `g`'s from `first[g]` (an event names one by index).
  private var agents: [RosteredAgent] = []
  private var first: [Int] = []
  /// Today's duties (a `dutyStart` event names one by index).
  private var duties: [Roster.Duty] = []
  /// The roster, absence and remote work of the base model and of each timeline change.
  private let epochs: [StaffingEpoch]
  /// The one in force.
  private(set) var epoch: StaffingEpoch
  /// Absence and log-in gap draws, one substream per agent.
  private let draws: SubstreamFamily
  private let model: CallCenterModel

  /// The roster of `model` and its timeline, for pools whose agents from `hourlyCapacity`
  /// to `fixedCount` are rostered.
  init(model: CallCenterModel, pools: UnsafeMutableBufferPointer<AgentPool>, draws: SubstreamFamily) {
    for g in pools.indices {
      first.append(agents.count)
      agents += (pools[g].hourlyCapacity..<pools[g].fixedCount).map { RosteredAgent(group: g, agent: UInt32($0)) }
    }
    epochs = [StaffingEpoch(model)] + model.timeline.map { StaffingEpoch($0.model) }
    epoch = epochs[0]
    self.draws = draws
    self.model = model
  }

  var isEmpty: Bool { agents.isEmpty }

  /// Puts the staffing of timeline epoch `index` in force (0: the base model).
  mutating func enter(epoch index: Int) { epoch = epochs[index] }

  /// Midnight of `day`: draws who of today's duties is absent, records the others' paid time
  /// and schedules their starts.
  mutating func startDay(
    _ day: Int, calendar: inout EventCalendar, recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) {
    duties = model.duties(day: day)
    for (i, duty) in duties.enumerated() {
      let g = epoch.lines[duty.line].group
      let r = first[g] + duty.agent
      if epoch.absence > 0 {
        let key = draws.itemKey(UInt64(r))
        if draws.select(itemKey: key, part: AgentDraw.absence.rawValue, block: UInt32(day)).uniform() < epoch.absence {
          observer.agentChanged(.absent, group: g, agent: Int(agents[r].agent), at: duty.start)
          continue
        }
      }
      recorder.paid(epoch.lines[duty.line].shift.paidLength, group: g, hour: Int(duty.start / 3600))
      calendar.schedule(at: duty.start, kind: EventKind.dutyStart.rawValue, id: UInt32(i))
    }
  }

  /// A rostered agent's event is due: duty `id` of today starts (``EventKind/dutyStart``),
  /// or agent `id`'s leave (``EventKind/agentOff``) or return (``EventKind/agentOn``),
  /// scheduled in the duty `token`. Returns the group of an agent who logged in. Not inlined:
  /// rare beside calls, it would crowd the event loop's registers.
  @inline(never)
  mutating func handle(
    _ kind: EventKind, id: UInt32, token: UInt32, now: Double, pools: UnsafeMutableBufferPointer<AgentPool>,
    calendar: inout EventCalendar, recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) -> Int? {
    switch kind {
    case .dutyStart:
      return startDuty(Int(id), now: now, pools: pools, calendar: &calendar, recorder: &recorder, observer: &observer)
    case .agentOn:
      return back(Int(id), token: token, now: now, pools: pools, calendar: &calendar, recorder: &recorder, observer: &observer)
    default:
      leaveDue(Int(id), token: token, now: now, pools: pools, calendar: &calendar, recorder: &recorder, observer: &observer)
      return nil
    }
  }

  /// Duty `index` of today starts: its agent logs in (or stays, if still finishing an
  /// earlier duty). Returns the agent's group when it logged in.
  private mutating func startDuty(
    _ index: Int, now: Double, pools: UnsafeMutableBufferPointer<AgentPool>, calendar: inout EventCalendar,
    recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) -> Int? {
    let duty = duties[index]
    let day = Int(now / 86_400)
    let line = epoch.lines[duty.line]
    let g = line.group
    let r = first[g] + duty.agent
    let midnight = Double(day) * 86_400
    let isRemote = epoch.isRemote[g][duty.agent]
    agents[r].token &+= 1
    agents[r].end = duty.end
    agents[r].pauses = line.shift.pauses(agent: duty.index + line.staggerOffset).map {
      ShiftTemplate.Pause(start: midnight + $0.start, length: $0.length, kind: $0.kind)
    }
    agents[r].nextPause = 0
    agents[r].meanLoggedInSpell = isRemote ? epoch.remoteWork[g]!.meanLoggedInSpell : .infinity
    agents[r].pending = .none
    agents[r].gapsDrawn = 0
    agents[r].day = day
    let agent = agents[r].agent
    if agents[r].onDuty && (pools[g].isBusy(agent) || pools[g].isIdle(agent)) {
      // Still at work from an earlier duty (overtime into a shift of the next day).
      scheduleNextLeave(r, now: now, calendar: &calendar)
      return nil
    }
    agents[r].onDuty = true
    agents[r].isRemote = isRemote
    return comeBack(r, now: now, pools: pools, calendar: &calendar, recorder: &recorder, observer: &observer)
  }

  /// Agent `r`'s scheduled leave is due (`token`: the duty it was scheduled in): it leaves
  /// now if idle, else when its call ends.
  private mutating func leaveDue(
    _ r: Int, token: UInt32, now: Double, pools: UnsafeMutableBufferPointer<AgentPool>, calendar: inout EventCalendar,
    recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) {
    guard agents[r].token == token, agents[r].onDuty else { return }
    agents[r].pending = agents[r].due
    if !pools[agents[r].group].isBusy(agents[r].agent) {
      leave(r, now: now, pools: pools, calendar: &calendar, recorder: &recorder, observer: &observer)
    }
  }

  /// Agent `r` is back from a pause or gap. Returns its group when it logged in.
  private mutating func back(
    _ r: Int, token: UInt32, now: Double, pools: UnsafeMutableBufferPointer<AgentPool>, calendar: inout EventCalendar,
    recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) -> Int? {
    guard agents[r].token == token, agents[r].onDuty else { return nil }
    return comeBack(r, now: now, pools: pools, calendar: &calendar, recorder: &recorder, observer: &observer)
  }

  /// Agent `agent` of group `g` has just finished a call: if a leave is pending it starts
  /// now, and this returns `true` (the agent takes no call).
  @inline(__always)
  mutating func leavesAfterCall(
    _ agent: UInt32, group g: Int, now: Double, pools: UnsafeMutableBufferPointer<AgentPool>,
    calendar: inout EventCalendar, recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) -> Bool {
    guard Int(agent) >= pools[g].hourlyCapacity, Int(agent) < pools[g].fixedCount else { return false }
    let r = first[g] + Int(agent) - pools[g].hourlyCapacity
    guard agents[r].pending != .none else { return false }
    leave(r, now: now, pools: pools, calendar: &calendar, recorder: &recorder, observer: &observer)
    return true
  }

  /// Whether rostered agent `agent` of group `g` has a leave due (it takes no new work).
  func isLeaving(_ agent: UInt32, group g: Int, pools: UnsafeMutableBufferPointer<AgentPool>) -> Bool {
    agents[first[g] + Int(agent) - pools[g].hourlyCapacity].pending != .none
  }

  /// Sends up to `count` rostered agents of group `g` on duty home now, for the rest of their
  /// shift (a live control): idle ones first, who leave at once, then those in a call, who
  /// leave when it ends. Returns how many were sent.
  mutating func sendHome(
    _ count: Int, group g: Int, now: Double, pools: UnsafeMutableBufferPointer<AgentPool>,
    calendar: inout EventCalendar, recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) -> Int {
    var left = count
    let range = first[g]..<(first[g] + pools[g].fixedCount - pools[g].hourlyCapacity)
    for busyPass in [false, true] {
      for r in range where left > 0 && agents[r].onDuty && agents[r].pending == .none {
        let a = agents[r].agent
        guard busyPass ? pools[g].isBusy(a) : pools[g].isIdle(a) else { continue }
        agents[r].token &+= 1  // its pauses and shift end are cancelled
        agents[r].pending = .end
        agents[r].leaveKind = .staffing
        if !busyPass { leave(r, now: now, pools: pools, calendar: &calendar, recorder: &recorder, observer: &observer) }
        left -= 1
      }
    }
    return count - left
  }

  /// Agent `r` logs in now (unless a pause is due already) and its next leave is scheduled.
  private mutating func comeBack(
    _ r: Int, now: Double, pools: UnsafeMutableBufferPointer<AgentPool>, calendar: inout EventCalendar,
    recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) -> Int? {
    skipPassedPauses(r, now: now)
    let next = agents[r].nextPause
    if next < agents[r].pauses.count, case let p = agents[r].pauses[next], p.start <= now {
      agents[r].nextPause += 1
      if now + p.length < agents[r].end {
        calendar.schedule(at: now + p.length, kind: EventKind.agentOn.rawValue, id: UInt32(r), tag: agents[r].token)
      } else {
        agents[r].onDuty = false
      }
      return nil
    }
    let g = agents[r].group
    let agent = agents[r].agent
    pools[g].recordLoggedInTime(group: g, until: now, to: &recorder)
    pools[g].logIn(agent, remote: agents[r].isRemote, now: now)
    observer.agentChanged(.loggedIn(remote: agents[r].isRemote), group: g, agent: Int(agent), at: now)
    scheduleNextLeave(r, now: now, calendar: &calendar)
    return g
  }

  private mutating func skipPassedPauses(_ r: Int, now: Double) {
    while agents[r].nextPause < agents[r].pauses.count && agents[r].pauses[agents[r].nextPause].end <= now {
      agents[r].nextPause += 1
    }
  }

  /// Schedules agent `r`'s next pause, gap or shift end, whichever comes first.
  private mutating func scheduleNextLeave(_ r: Int, now: Double, calendar: inout EventCalendar) {
    skipPassedPauses(r, now: now)
    var at = agents[r].end
    agents[r].due = .end
    agents[r].leaveKind = .endOfShift
    let next = agents[r].nextPause
    if next < agents[r].pauses.count, case let p = agents[r].pauses[next], p.start < at {
      at = max(now, p.start)
      agents[r].due = .pause
      agents[r].leaveKind = p.kind == .lunch ? .lunch : .shortBreak
      agents[r].leaveLength = p.length
    }
    if agents[r].meanLoggedInSpell.isFinite {
      let key = draws.itemKey(UInt64(r))
      let block = UInt32(agents[r].day) << 10 | (agents[r].gapsDrawn & 1023)
      agents[r].gapsDrawn &+= 1
      let spell = draws.select(itemKey: key, part: AgentDraw.loggedInSpell.rawValue, block: block)
        .exponential(mean: agents[r].meanLoggedInSpell)
      if now + spell < at, let gap = epoch.remoteWork[agents[r].group]?.gap {
        at = now + spell
        agents[r].due = .gap
        agents[r].leaveKind = .gap
        agents[r].leaveLength = gap.sample(draws.select(itemKey: key, part: AgentDraw.gapLength.rawValue, block: block))
      }
    }
    calendar.schedule(at: at, kind: EventKind.agentOff.rawValue, id: UInt32(r), tag: agents[r].token)
  }

  /// Agent `r`, not in a call, starts its pending leave now.
  @inline(never)
  private mutating func leave(
    _ r: Int, now: Double, pools: UnsafeMutableBufferPointer<AgentPool>, calendar: inout EventCalendar,
    recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) {
    let g = agents[r].group
    let pending = agents[r].pending
    let end = agents[r].end
    pools[g].recordLoggedInTime(group: g, until: now, to: &recorder)
    pools[g].logOut(agents[r].agent)
    agents[r].pending = .none
    observer.agentChanged(.loggedOut(agents[r].leaveKind), group: g, agent: Int(agents[r].agent), at: now)
    switch pending {
    case .pause, .gap:
      if pending == .pause { agents[r].nextPause += 1 }
      let back = now + agents[r].leaveLength
      if back < end {
        calendar.schedule(at: back, kind: EventKind.agentOn.rawValue, id: UInt32(r), tag: agents[r].token)
      } else {
        agents[r].onDuty = false
      }
    case .end, .none:
      agents[r].onDuty = false
      if now > end { recorder.overtime(group: g, from: end, to: now) }
    }
  }
}
