import CallSimEngine

/// Who is on duty when, in every group: agents staffed by the hour (``HourlyStaffing``),
/// rostered agents (``RosterStaffing``) and agents a live control added (``LiveAgents``).
///
/// The event loop asks it at staffing events and when an agent's call ends; it sets agents
/// on and off duty in the pools and records their time. The loop then lets agents who came
/// on duty take waiting calls.
struct Staffing {
  var hourly: HourlyStaffing
  var roster: RosterStaffing
  var live: LiveAgents

  init(model: CallCenterModel, pools: UnsafeMutableBufferPointer<AgentPool>, hourly: HourlyStaffing, draws: SubstreamFamily) {
    self.hourly = hourly
    roster = RosterStaffing(model: model, pools: pools, draws: draws)
    live = LiveAgents(groups: pools.count)
  }

  /// Whether `agent` of group `g` — rostered with a leave due, or added live and sent home —
  /// leaves now that its call has ended. Inlined where calls end: most agents have no leave
  /// due, and the call and its frame cost more than the test (the leave itself stays out of line).
  @inline(__always)
  mutating func leavesAfterCall(
    _ agent: UInt32, group g: Int, now: Double, pools: UnsafeMutableBufferPointer<AgentPool>, calendar: inout EventCalendar,
    recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) -> Bool {
    Int(agent) >= pools[g].fixedCount
      ? live.leavesAfterCall(agent, group: g, now: now, pools: pools, recorder: &recorder, observer: &observer)
      : roster.leavesAfterCall(
        agent, group: g, now: now, pools: pools, calendar: &calendar, recorder: &recorder, observer: &observer)
  }

  /// Whether `agent` of group `g`, busy, leaves when its work ends and so takes no more chats:
  /// the hourly plan has agents to log out (the first busy ones to finish), or it is rostered
  /// with a leave due, or added live and sent home.
  func isLeaving(_ agent: UInt32, group g: Int, pools: UnsafeMutableBufferPointer<AgentPool>) -> Bool {
    if Int(agent) < pools[g].hourlyCapacity { return pools[g].leaving > 0 }
    if Int(agent) >= pools[g].fixedCount { return pools[g].sentHome[Int(agent)] }
    return roster.isLeaving(agent, group: g, pools: pools)
  }

  /// A live control adds `count` agents to group `g` at `now` seconds, in hour bin `hour` of
  /// the horizon: agents added live and sent home while in a call stay
  /// first, then agents removed from the group's hourly plan come back, then new agents log in.
  mutating func add(
    _ count: Int, group g: Int, now: Double, hour: Int, pools: UnsafeMutableBufferPointer<AgentPool>,
    recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) {
    pools[g].recordLoggedInTime(group: g, until: now, to: &recorder)
    var left = count - live.keep(count, group: g, pools: pools)
    if left > 0, case let back = hourly.restore(left, group: g), back > 0 {
      left -= back
      if let hour = hourly.planHour(hour) {
        hourly.setOnDuty(group: g, hour: hour, now: now, pools: pools, recorder: &recorder, observer: &observer)
      }
    }
    if left > 0 { live.add(left, group: g, now: now, pools: pools, observer: &observer) }
  }

  /// A live control removes up to `count` logged-in agents of group `g` at `now` seconds, in
  /// hour bin `hour`:
  /// agents added live first, then the hourly plan's, then rostered agents (sent home for the
  /// rest of their shift). Idle agents leave at once, agents in a call when it ends. Returns
  /// how many were removed.
  mutating func remove(
    _ count: Int, group g: Int, now: Double, hour: Int, pools: UnsafeMutableBufferPointer<AgentPool>,
    calendar: inout EventCalendar, recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) -> Int {
    pools[g].recordLoggedInTime(group: g, until: now, to: &recorder)
    var left = count - live.remove(count, group: g, now: now, pools: pools, recorder: &recorder, observer: &observer)
    if left > 0, let hour = hourly.planHour(hour), case let cut = hourly.cut(left, group: g, hour: hour, pools: pools), cut > 0 {
      left -= cut
      hourly.setOnDuty(group: g, hour: hour, now: now, pools: pools, recorder: &recorder, observer: &observer)
    }
    if left > 0 {
      left -= roster.sendHome(
        left, group: g, now: now, pools: pools, calendar: &calendar, recorder: &recorder, observer: &observer)
    }
    return count - left
  }
}
