import CallSimEngine

/// Interventions at the current simulated instant (``CallCenterSimulation/now``), for a live
/// run: agents added to or removed from a group, and the routing mode switched. They act as a
/// timeline change does at midnight — the routing policy is rebuilt, staffing changes and
/// waiting calls are offered to the agents now free — but now, not at a date.
extension CallCenterSimulation {
  /// Adds `count` agents to group `g` now (``Staffing/add(_:group:now:hour:pools:recorder:observer:)``
  /// says which); they take waiting calls at once and stay until the end or until removed.
  public mutating func addAgents(_ count: Int, group g: Int) {
    precondition(count >= 0 && pools.indices.contains(g), "bad add-agents request")
    staffing.add(count, group: g, now: now, hour: Int(tally.hour(of: now)), pools: pools, recorder: &tally, observer: &observer)
    serveWaiting(group: g, now: now)
  }

  /// Removes up to `count` logged-in agents of group `g` now (``Staffing`` says which); rostered
  /// agents come back with their next shift. Returns how many were removed.
  @discardableResult
  public mutating func removeAgents(_ count: Int, group g: Int) -> Int {
    precondition(count >= 0 && pools.indices.contains(g), "bad remove-agents request")
    return staffing.remove(
      count, group: g, now: now, hour: Int(tally.hour(of: now)), pools: pools, calendar: &calendar, recorder: &tally, observer: &observer)
  }

  /// Switches the routing to `mode` now: the routing policy is rebuilt as for a timeline
  /// change, and idle agents take the waiting calls it now gives them. Calls already waiting
  /// keep their timers (a switch to overflow lets only calls joining from now on overflow). A
  /// timeline change at a later midnight replaces it.
  /// `overflowAfter` (seconds) is the overflow wait for `.overflow` (ignored otherwise);
  /// ``LiveSimulation/switchRouting(to:overflowAfter:)`` checks it first.
  public mutating func switchRouting(to mode: RoutingMode, overflowAfter: Double = .infinity) {
    let policy = routings.switched(to: mode, overflowAfter: overflowAfter)
    precondition(policy.queueCount <= queues.count, "a routing switch cannot add queues")
    routing = policy
    for g in pools.indices { serveWaiting(group: g, now: now) }
  }

  /// The model of the current timeline epoch (its routing as the scenario gives it).
  var routingModelInForce: CallCenterModel { routings.modelInForce }

  /// The routing mode in force.
  public var routingMode: RoutingMode { routings.mode }
}
