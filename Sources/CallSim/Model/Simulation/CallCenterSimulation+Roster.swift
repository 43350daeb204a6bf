import CallSimEngine

/// Rostered agents: shifts starting, pauses, remote log-in gaps and shifts ending, and the
/// timeline's changes at midnight (routing, remote talk factors, call caps).
///
/// An agent takes no new call once a pause, gap or its shift's end is due; one in a call
/// finishes it first, then takes the pause for its full length (a late break ends late), or
/// leaves (the time past the shift's end is overtime). A pause whose planned end has passed
/// when the agent is back (after a long call or a gap) is skipped; one whose planned start
/// has passed starts at once, for its full length.
extension CallCenterSimulation {
  /// Parts of an agent's substream (fixed: they key the draws).
  private enum AgentDraw: UInt64 {
    case absence = 1, loggedInSpell, gapLength
  }

  /// Seconds of talk above which some call type's cap may cut a call; infinite for none.
  static func lowestLimit(_ caps: [CallCap?]) -> Double {
    caps.map { $0?.effectiveLimit ?? .infinity }.min() ?? .infinity
  }

  /// Midnight of day `day`: applies any timeline change and schedules the roster's shifts
  /// starting that day; schedules the next midnight.
  mutating func dayStart(_ day: Int, now: Double) {
    if epoch + 1 < epochStarts.count && epochStarts[epoch + 1] == day {
      epoch += 1
      routing = routings[epoch]
      remoteHandleFactor = staffingEpochs[epoch].remoteHandleFactor
      typeCaps = capsByEpoch[epoch]
      capLimit = CallCenterSimulation.lowestLimit(typeCaps)
      for g in pools.indices { serveWaiting(group: g, now: now) }
    }
    dayDuties = model.duties(day: day)
    let staffing = staffingEpochs[epoch]
    for (i, duty) in dayDuties.enumerated() {
      let g = staffing.lines[duty.line].group
      let r = rosterOffset[g] + duty.agent
      if staffing.absence > 0 {
        let key = agentDraws.itemKey(UInt64(r))
        if agentDraws.select(itemKey: key, part: AgentDraw.absence.rawValue, block: UInt32(day)).uniform() < staffing.absence {
          observer.agentChanged(.absent, group: g, agent: Int(rostered[r].agent), at: duty.start)
          continue
        }
      }
      tally.paid(staffing.lines[duty.line].shift.paidLength, group: g, hour: Int(duty.start / 3600))
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
    let staffing = staffingEpochs[epoch]
    let line = staffing.lines[duty.line]
    let g = line.group
    let r = rosterOffset[g] + duty.agent
    let midnight = Double(day) * 86_400
    let isRemote = staffing.isRemote[g][duty.agent]
    rostered[r].token &+= 1
    rostered[r].end = duty.end
    rostered[r].pauses = line.shift.pauses(agent: duty.index + line.staggerOffset).map {
      ShiftTemplate.Pause(start: midnight + $0.start, length: $0.length, kind: $0.kind)
    }
    rostered[r].nextPause = 0
    rostered[r].meanLoggedInSpell = isRemote ? staffing.remoteWork[g]!.meanLoggedInSpell : .infinity
    rostered[r].pending = .none
    rostered[r].gapsDrawn = 0
    rostered[r].day = day
    let agent = rostered[r].agent
    if rostered[r].onDuty && (pools[g].isBusy(agent) || pools[g].isIdle(agent)) {
      // Still at work from an earlier duty (overtime into a shift of the next day).
      scheduleNextLeave(r, now: now)
      return
    }
    rostered[r].onDuty = true
    rostered[r].isRemote = isRemote
    comeBack(r, now: now)
  }

  /// Agent `r` logs in now, its next leave is scheduled, and it takes waiting calls.
  private mutating func comeBack(_ r: Int, now: Double) {
    skipPassedPauses(r, now: now)
    let next = rostered[r].nextPause
    if next < rostered[r].pauses.count, case let p = rostered[r].pauses[next], p.start <= now {
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

  private mutating func skipPassedPauses(_ r: Int, now: Double) {
    while rostered[r].nextPause < rostered[r].pauses.count && rostered[r].pauses[rostered[r].nextPause].end <= now {
      rostered[r].nextPause += 1
    }
  }

  /// Schedules agent `r`'s next pause, gap or shift end, whichever comes first.
  private mutating func scheduleNextLeave(_ r: Int, now: Double) {
    skipPassedPauses(r, now: now)
    var at = rostered[r].end
    rostered[r].due = .end
    rostered[r].leaveKind = .endOfShift
    let next = rostered[r].nextPause
    if next < rostered[r].pauses.count, case let p = rostered[r].pauses[next], p.start < at {
      at = max(now, p.start)
      rostered[r].due = .pause
      rostered[r].leaveKind = p.kind == .lunch ? .lunch : .shortBreak
      rostered[r].leaveLength = p.length
    }
    if rostered[r].meanLoggedInSpell.isFinite {
      let key = agentDraws.itemKey(UInt64(r))
      let block = UInt32(rostered[r].day) << 10 | (rostered[r].gapsDrawn & 1023)
      rostered[r].gapsDrawn &+= 1
      let spell = agentDraws.select(itemKey: key, part: AgentDraw.loggedInSpell.rawValue, block: block)
        .exponential(mean: rostered[r].meanLoggedInSpell)
      if now + spell < at, let gap = staffingEpochs[epoch].remoteWork[rostered[r].group]?.gap {
        at = now + spell
        rostered[r].due = .gap
        rostered[r].leaveKind = .gap
        rostered[r].leaveLength = gap.sample(agentDraws.select(itemKey: key, part: AgentDraw.gapLength.rawValue, block: block))
      }
    }
    calendar.schedule(at: at, kind: EventKind.agentOff.rawValue, id: UInt32(r), tag: rostered[r].token)
  }

  /// Agent `r`'s scheduled leave is due: it leaves now if idle, else when its call ends.
  mutating func agentOff(_ r: Int, token: UInt32, now: Double) {
    guard rostered[r].token == token, rostered[r].onDuty else { return }
    rostered[r].pending = rostered[r].due
    if !pools[rostered[r].group].isBusy(rostered[r].agent) { leave(r, now: now) }
  }

  /// Agent `r`, not in a call, starts its pending leave now.
  mutating func leave(_ r: Int, now: Double) {
    let g = rostered[r].group
    let pending = rostered[r].pending
    let end = rostered[r].end
    accrueLoggedInTime(group: g, until: now)
    pools[g].logOut(rostered[r].agent)
    rostered[r].pending = .none
    observer.agentChanged(.loggedOut(rostered[r].leaveKind), group: g, agent: Int(rostered[r].agent), at: now)
    switch pending {
    case .pause, .gap:
      if pending == .pause { rostered[r].nextPause += 1 }
      let back = now + rostered[r].leaveLength
      if back < end {
        calendar.schedule(at: back, kind: EventKind.agentOn.rawValue, id: UInt32(r), tag: rostered[r].token)
      } else {
        rostered[r].onDuty = false
      }
    case .end, .none:
      rostered[r].onDuty = false
      if now > end { tally.overtime(group: g, from: end, to: now) }
    }
  }

  /// Agent `r` is back from a pause or gap.
  mutating func agentOn(_ r: Int, token: UInt32, now: Double) {
    guard rostered[r].token == token, rostered[r].onDuty else { return }
    comeBack(r, now: now)
  }
}
