import CallSimEngine

/// Agents a live control added to groups beyond their plans and rosters. Such an agent has
/// no shift: it is paid from when it logged in until it logs out or the run ends. Sent home
/// while in a call, it finishes the call first.
struct LiveAgents {
  /// Per group: seconds at which each agent added live (index: agent − the pool's
  /// `fixedCount`) logged in; -1 once it logged out and its time was paid.
  private var addedAt: [[Double]]

  init(groups: Int) { addedAt = Array(repeating: [], count: groups) }

  /// Keeps up to `count` of group `g`'s agents added live and sent home, still in a call, at
  /// work instead; returns how many it kept.
  func keep(_ count: Int, group g: Int, pools: UnsafeMutableBufferPointer<AgentPool>) -> Int {
    var kept = 0
    for a in UInt32(pools[g].fixedCount)..<UInt32(pools[g].capacity) where kept < count && pools[g].sentHome[Int(a)] {
      pools[g].setSentHome(a, false)
      kept += 1
    }
    return kept
  }

  /// Adds `count` new agents to group `g` at `now` seconds, logged in and idle.
  mutating func add(
    _ count: Int, group g: Int, now: Double, pools: UnsafeMutableBufferPointer<AgentPool>, observer: inout some CallObserver
  ) {
    for a in pools[g].addAgents(count) {
      pools[g].logIn(a, remote: false, now: now)
      addedAt[g].append(now)
      observer.agentChanged(.loggedIn(remote: false), group: g, agent: Int(a), at: now)
    }
  }

  /// Removes up to `count` of group `g`'s agents added live: idle ones now, the most
  /// recently idle first, then those in a call when it ends. Returns how many it removed.
  mutating func remove(
    _ count: Int, group g: Int, now: Double, pools: UnsafeMutableBufferPointer<AgentPool>,
    recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) -> Int {
    var left = count
    for a in pools[g].idleAgentsNewestFirst where left > 0 && Int(a) >= pools[g].fixedCount {
      pools[g].logOut(a)
      pay(a, group: g, until: now, pools: pools, recorder: &recorder)
      observer.agentChanged(.loggedOut(.staffing), group: g, agent: Int(a), at: now)
      left -= 1
    }
    for a in UInt32(pools[g].fixedCount)..<UInt32(pools[g].capacity)
    where left > 0 && pools[g].isBusy(a) && !pools[g].sentHome[Int(a)] {
      pools[g].setSentHome(a, true)
      left -= 1
    }
    return count - left
  }

  /// Agent `a` of group `g`, added live, has finished its call: if it was sent home it logs
  /// out now and this returns `true`.
  mutating func leavesAfterCall(
    _ a: UInt32, group g: Int, now: Double, pools: UnsafeMutableBufferPointer<AgentPool>,
    recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) -> Bool {
    guard pools[g].sentHome[Int(a)] else { return false }
    pools[g].recordLoggedInTime(group: g, until: now, to: &recorder)
    pools[g].setSentHome(a, false)
    pools[g].logOut(a)
    pay(a, group: g, until: now, pools: pools, recorder: &recorder)
    observer.agentChanged(.loggedOut(.staffing), group: g, agent: Int(a), at: now)
    return true
  }

  /// Pays every agent of group `g` added live and still logged in up to `time` seconds (the
  /// end of the run).
  mutating func payAll(group g: Int, until time: Double, pools: UnsafeMutableBufferPointer<AgentPool>, recorder: inout some AgentTimeRecorder & ~Copyable) {
    for i in addedAt[g].indices {
      pay(UInt32(pools[g].fixedCount + i), group: g, until: time, pools: pools, recorder: &recorder)
    }
  }

  /// Pays agent `a` of group `g` for its time logged in up to `time` seconds, once.
  private mutating func pay(
    _ a: UInt32, group g: Int, until time: Double, pools: UnsafeMutableBufferPointer<AgentPool>,
    recorder: inout some AgentTimeRecorder & ~Copyable
  ) {
    let i = Int(a) - pools[g].fixedCount
    let since = addedAt[g][i]
    guard since >= 0 else { return }
    recorder.paid(group: g, from: since, to: time)
    addedAt[g][i] = -1
  }
}
