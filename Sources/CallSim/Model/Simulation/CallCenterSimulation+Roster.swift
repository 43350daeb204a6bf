import CallSimEngine

/// Rostered agents: shifts starting, pauses, remote log-in gaps and shifts ending, and the
/// timeline's changes at midnight.
///
/// An agent takes no new call once a pause, gap or its shift's end is due; one in a call
/// finishes it first, then takes the pause for its full length (a late break ends late), or
/// leaves (the time past the shift's end is overtime). A pause whose planned end has passed
/// when the agent is back (after a long call or a gap) is skipped.
extension CallCenterSimulation {
  /// Parts of an agent's substream (fixed: they key the draws).
  private enum AgentDraw: UInt64 {
    case absence = 1, loggedInSpell, gapLength
  }

  /// Midnight of day `day`: applies any timeline change and schedules the roster's shifts
  /// starting that day; schedules the next midnight.
  mutating func dayStart(_ day: Int, now: Double) {
    if epoch + 1 < epochStarts.count && epochStarts[epoch + 1] == day {
      epoch += 1
      routing = routings[epoch]
      remoteHandleFactor = model.timeline[epoch - 1].model.agentGroups.map { $0.remote?.handleFactor ?? 1 }
      for g in pools.indices { serveWaiting(group: g, now: now) }
    }
    dayDuties = model.duties(day: day)
    let dayModel = model.model(onDay: day)
    for (i, duty) in dayDuties.enumerated() {
      let line = dayModel.roster.lines[duty.line]
      let r = rosterOffset[line.group] + duty.agent
      let absence = dayModel.roster.absence
      if absence > 0 {
        let key = agentDraws.itemKey(UInt64(r))
        if agentDraws.select(itemKey: key, part: AgentDraw.absence.rawValue, block: UInt32(day)).uniform() < absence {
          observer.agentChanged(.absent, group: line.group, agent: Int(rostered[r].agent), at: duty.start)
          continue
        }
      }
      tally.paid(line.shift.paidLength, group: line.group, hour: Int(duty.start / 3600))
      calendar.schedule(at: duty.start, kind: EventKind.dutyStart.rawValue, id: UInt32(i))
    }
    if day + 1 < model.settings.days {
      calendar.schedule(at: Double(day + 1) * 86_400, kind: EventKind.dayStart.rawValue, id: UInt32(day + 1))
    }
  }

  /// Duty `index` of today starts: its agent logs in (or stays, if still finishing an earlier duty).
  mutating func dutyStart(_ index: Int, now: Double) {
    let duty = dayDuties[index]
    let day = Int(now / 86_400)
    let dayModel = model.model(onDay: day)
    let line = dayModel.roster.lines[duty.line]
    let g = line.group
    let r = rosterOffset[g] + duty.agent
    let midnight = Double(day) * 86_400
    let remoteWork = dayModel.agentGroups[g].remote
    let total = dayModel.roster.agents(group: g)
    let isRemote = remoteWork.map { RemoteWork.isRemote(agent: duty.agent, remote: $0.remoteAgents(of: total), total: total) } ?? false
    rostered[r].token &+= 1
    rostered[r].end = duty.end
    rostered[r].pauses = line.shift.pauses(agent: duty.index).map {
      ShiftTemplate.Pause(start: midnight + $0.start, length: $0.length, kind: $0.kind)
    }
    rostered[r].nextPause = 0
    rostered[r].meanLoggedInSpell = isRemote ? remoteWork!.meanLoggedInSpell : .infinity
    rostered[r].pending = .none
    rostered[r].gapsDrawn = 0
    rostered[r].day = day
    let agent = rostered[r].agent
    if rostered[r].onDuty && (pools[g].isBusy(agent) || pools[g].isIdle(agent)) {
      // Still at work from an earlier duty (a shift longer than a day apart, or overtime).
      scheduleNextLeave(r, now: now)
      return
    }
    rostered[r].onDuty = true
    rostered[r].isRemote = isRemote
    comeBack(r, now: now)
  }

  /// Agent `r` logs in now and takes waiting calls, then its next leave is scheduled. A pause
  /// already due (its planned start passed during a late pause or a gap) starts at once
  /// instead, for its full length.
  private mutating func comeBack(_ r: Int, now: Double) {
    while rostered[r].nextPause < rostered[r].pauses.count && rostered[r].pauses[rostered[r].nextPause].end <= now {
      rostered[r].nextPause += 1
    }
    if rostered[r].nextPause < rostered[r].pauses.count, case let p = rostered[r].pauses[rostered[r].nextPause], p.start <= now {
      rostered[r].nextPause += 1
      if now + p.length < rostered[r].end {
        calendar.schedule(at: now + p.length, kind: EventKind.agentOn.rawValue, id: UInt32(r), tag: rostered[r].token)
      } else {
        rostered[r].onDuty = false
      }
      return
    }
    let g = rostered[r].group
    let agent = rostered[r].agent
    accrueLoggedInTime(group: g, until: now)
    pools[g].logIn(agent, remote: rostered[r].isRemote, now: now)
    observer.agentChanged(.loggedIn(remote: rostered[r].isRemote), group: g, agent: Int(agent), at: now)
    scheduleNextLeave(r, now: now)
    serveWaiting(group: g, now: now)
  }

  /// Schedules agent `r`'s next pause, gap or shift end, whichever comes first.
  private mutating func scheduleNextLeave(_ r: Int, now: Double) {
    var a = rostered[r]
    while a.nextPause < a.pauses.count && a.pauses[a.nextPause].end <= now { a.nextPause += 1 }
    var at = a.end
    a.due = .end
    a.leaveKind = .endOfShift
    if a.nextPause < a.pauses.count, case let p = a.pauses[a.nextPause], p.start < at {
      at = max(now, p.start)
      a.due = .pause
      a.leaveKind = p.kind == .lunch ? .lunch : .shortBreak
      a.leaveLength = p.length
    }
    if a.meanLoggedInSpell.isFinite {
      let key = agentDraws.itemKey(UInt64(r))
      let block = UInt32(a.day) << 10 | (a.gapsDrawn & 1023)
      a.gapsDrawn &+= 1
      let spell = agentDraws.select(itemKey: key, part: AgentDraw.loggedInSpell.rawValue, block: block).exponential(mean: a.meanLoggedInSpell)
      if now + spell < at {
        at = now + spell
        a.due = .gap
        a.leaveKind = .gap
        let gap = model.model(onDay: a.day).agentGroups[a.group].remote!.gap
        a.leaveLength = gap.sample(agentDraws.select(itemKey: key, part: AgentDraw.gapLength.rawValue, block: block))
      }
    }
    rostered[r] = a
    calendar.schedule(at: at, kind: EventKind.agentOff.rawValue, id: UInt32(r), tag: a.token)
  }

  /// Agent `r`'s scheduled leave is due: it leaves now if idle, else when its call ends.
  mutating func agentOff(_ r: Int, token: UInt32, now: Double) {
    guard rostered[r].token == token, rostered[r].onDuty else { return }
    let g = rostered[r].group
    rostered[r].pending = rostered[r].due
    if !pools[g].isBusy(rostered[r].agent) { leave(r, now: now) }
  }

  /// Agent `r`, not in a call, starts its pending leave now.
  mutating func leave(_ r: Int, now: Double) {
    let a = rostered[r]
    let g = a.group
    accrueLoggedInTime(group: g, until: now)
    pools[g].logOut(a.agent)
    rostered[r].pending = .none
    observer.agentChanged(.loggedOut(a.leaveKind), group: g, agent: Int(a.agent), at: now)
    switch a.pending {
    case .pause, .gap:
      if a.pending == .pause { rostered[r].nextPause += 1 }
      if now + a.leaveLength < a.end {
        calendar.schedule(at: now + a.leaveLength, kind: EventKind.agentOn.rawValue, id: UInt32(r), tag: a.token)
      } else {
        rostered[r].onDuty = false
      }
    case .end, .none:
      rostered[r].onDuty = false
      if now > a.end { tally.overtime(group: g, from: a.end, to: now) }
    }
  }

  /// Agent `r` is back from a pause or gap.
  mutating func agentOn(_ r: Int, token: UInt32, now: Double) {
    guard rostered[r].token == token, rostered[r].onDuty else { return }
    comeBack(r, now: now)
  }
}
