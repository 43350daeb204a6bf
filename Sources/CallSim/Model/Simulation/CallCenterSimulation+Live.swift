import CallSimEngine

/// Interventions at the current simulated instant (``CallCenterSimulation/now``), for a live
/// run: agents added to or removed from a group, and the routing mode switched. They act as a
/// timeline change does at midnight — the routing policy is rebuilt, staffing changes and
/// waiting calls are offered to the agents now free — but now, not at a date.
extension CallCenterSimulation {
  /// Adds `count` agents to group `g` now, logged in and idle; they take waiting calls at
  /// once and stay until the end of the run or until removed. Agents this run removed from
  /// the group's hourly plan come back first.
  public mutating func addAgents(_ count: Int, group g: Int) {
    precondition(count >= 0 && pools.indices.contains(g), "bad add-agents request")
    accrueLoggedInTime(group: g, until: now)
    var left = count
    // Agents added earlier and sent home, still finishing a call, stay instead.
    for a in UInt32(pools[g].fixedCount)..<UInt32(pools[g].capacity) where left > 0 && pools[g].sentHome[Int(a)] {
      pools[g].setSentHome(a, false)
      left -= 1
    }
    if left > 0 && liveOffset[g] < 0 {
      let back = min(left, -liveOffset[g])
      liveOffset[g] += back
      left -= back
      applyHourlyTarget(group: g)
    }
    if left > 0 {
      for a in pools[g].addAgents(left) {
        pools[g].logIn(a, remote: false, now: now)
        liveAddedAt[g].append(now)
        observer.agentChanged(.loggedIn(remote: false), group: g, agent: Int(a), at: now)
      }
    }
    serveWaiting(group: g, now: now)
  }

  /// Removes up to `count` logged-in agents of group `g` now: agents added live first, then
  /// the hourly plan's, then rostered agents (sent home for the rest of their shift; they
  /// come back with their next shift). Idle agents leave at once, agents in a call when it
  /// ends. Returns how many were removed (fewer when the group has fewer logged in).
  @discardableResult
  public mutating func removeAgents(_ count: Int, group g: Int) -> Int {
    precondition(count >= 0 && pools.indices.contains(g), "bad remove-agents request")
    accrueLoggedInTime(group: g, until: now)
    var left = count
    // Added live: idle ones, newest idle first, then those in a call.
    for a in pools[g].idleAgentsNewestFirst where left > 0 && Int(a) >= pools[g].fixedCount {
      pools[g].logOut(a)
      payLiveAgent(a, group: g, until: now)
      observer.agentChanged(.loggedOut(.staffing), group: g, agent: Int(a), at: now)
      left -= 1
    }
    for a in UInt32(pools[g].fixedCount)..<UInt32(pools[g].capacity)
    where left > 0 && pools[g].isBusy(a) && !pools[g].sentHome[Int(a)] {
      pools[g].setSentHome(a, true)
      left -= 1
    }
    // The hourly plan: fewer on duty from now on (busy ones leave when their call ends).
    let hour = min(Int(tally.hour(of: now)), hourlyPlan[g].count - 1)
    let onDuty = pools[g].hourlyLoggedIn - pools[g].leaving
    if left > 0 && onDuty > 0 && hour >= 0 {
      let cut = min(left, onDuty)
      liveOffset[g] = hourlyTarget(group: g, hour: hour) - cut - hourlyPlan[g][hour]
      left -= cut
      applyHourlyTarget(group: g)
    }
    // Rostered agents: idle ones first, then those in a call.
    if left > 0 && isRostered[g] {
      let range = rosterOffset[g]..<(rosterOffset[g] + pools[g].fixedCount - pools[g].hourlyCapacity)
      for busyPass in [false, true] {
        for r in range where left > 0 && rostered[r].onDuty && rostered[r].pending == .none {
          let a = rostered[r].agent
          guard busyPass ? pools[g].isBusy(a) : pools[g].isIdle(a) else { continue }
          rostered[r].token &+= 1  // its pauses and shift end are cancelled
          rostered[r].pending = .end
          rostered[r].leaveKind = .staffing
          if !busyPass { leave(r, now: now) }
          left -= 1
        }
      }
    }
    return count - left
  }

  /// Switches the routing to `mode` now: the routing policy is rebuilt as for a timeline
  /// change, and idle agents take the waiting calls it now gives them. Calls already waiting
  /// keep their timers (a switch to overflow lets only calls joining from now on overflow). A
  /// timeline change at a later midnight replaces it.
  /// `overflowAfter` (seconds) is the overflow wait for `.overflow` (ignored otherwise);
  /// ``LiveSimulation/switchRouting(to:overflowAfter:)`` checks it first.
  public mutating func switchRouting(to mode: RoutingMode, overflowAfter: Double = .infinity) {
    var changed = routingModelInForce
    changed.routing.mode = mode
    if mode.usesOverflowWait { changed.routing.overflowAfter = overflowAfter }
    let policy = RoutingPolicy(model: changed)
    precondition(policy.queueCount <= queues.count, "a routing switch cannot add queues")
    routing = policy
    liveRouting = (mode, epoch)
    for g in pools.indices { serveWaiting(group: g, now: now) }
  }

  /// The model of the current timeline epoch (its routing as the scenario gives it).
  var routingModelInForce: CallCenterModel { epoch == 0 ? model : model.timeline[epoch - 1].model }

  /// The routing mode in force.
  public var routingMode: RoutingMode {
    if let live = liveRouting, live.epoch == epoch { return live.mode }
    return epoch == 0 ? model.routing.mode : model.timeline[epoch - 1].model.routing.mode
  }

  /// Sets group `g`'s hourly agents on duty to its plan for this hour plus the live change.
  private mutating func applyHourlyTarget(group g: Int) {
    let hour = min(Int(tally.hour(of: now)), hourlyPlan[g].count - 1)
    guard hour >= 0 else { return }
    let now = now
    pools[g].setOnDuty(hourlyTarget(group: g, hour: hour), now: now) { agent, loggedIn in
      observer.agentChanged(loggedIn ? .loggedIn(remote: false) : .loggedOut(.staffing), group: g, agent: Int(agent), at: now)
    }
    serveWaiting(group: g, now: now)
  }

  /// Agent `a` of group `g`, added live, has finished its work: it leaves if sent home,
  /// else takes the next waiting call or becomes idle.
  mutating func liveAgentFree(_ a: UInt32, group g: Int, now: Double) {
    if pools[g].sentHome[Int(a)] {
      accrueLoggedInTime(group: g, until: now)
      pools[g].setSentHome(a, false)
      pools[g].logOut(a)
      payLiveAgent(a, group: g, until: now)
      observer.agentChanged(.loggedOut(.staffing), group: g, agent: Int(a), at: now)
      return
    }
    if !answerNextWaiting(group: g, agent: a, now: now) { pools[g].makeIdle(a, now: now) }
  }

  /// Pays agent `a` of group `g`, added live, for its time logged in up to `time` seconds
  /// (spread over the hours it spans), once: an agent added live has no shift, so it is paid
  /// from when it was added until it logged out or the run ended.
  mutating func payLiveAgent(_ a: UInt32, group g: Int, until time: Double) {
    let i = Int(a) - pools[g].fixedCount
    let since = liveAddedAt[g][i]
    guard since >= 0 else { return }
    tally.paid(group: g, from: since, to: time)
    liveAddedAt[g][i] = -1
  }
}
