/// What a wallboard shows at one simulated instant: each queue and each agent group.
/// Cheap to take (it walks the groups' agents and the queues' fronts, not the calls).
public struct WallboardSnapshot: Sendable {
  /// One call type's queue (or the abusive callers' queue).
  public struct QueueTile: Sendable {
    public var name: String
    public var waiting: Int
    /// Seconds the longest-waiting call has waited; 0 when none waits.
    public var longestWait: Double
    public var today: WallboardObserver.Counts
    public var lastQuarterHour: WallboardObserver.Counts
  }

  /// One agent group's agents by state.
  public struct GroupTile: Sendable {
    public var name: String
    public var talking: Int
    public var wrapUp: Int
    public var idle: Int
    /// On lunch, a short break or a remote log-in gap.
    public var onBreak: Int
    /// Every other agent the group has (off shift, absent, removed).
    public var loggedOff: Int
    public var answeredToday: Int
  }

  /// Seconds from the start of the run.
  public var time: Double
  public var queues: [QueueTile]
  public var groups: [GroupTile]
  public var routing: RoutingMode
}

extension CallCenterSimulation where Observer == WallboardObserver {
  /// The wallboard at ``now``.
  public func snapshot() -> WallboardSnapshot {
    let now = now
    let lastQuarter = observer.lastQuarterHour(at: now)
    var tiles: [WallboardSnapshot.QueueTile] = []
    for q in 0..<routing.queueCount {
      let isType = q < model.callTypes.count
      var longest = 0.0
      var i = 0
      while i < queues[q].count {
        var j = queues[q].head + i
        if j >= queues[q].ring.count { j -= queues[q].ring.count }
        let e = queues[q].ring[j]
        if calls.isWaiting(e.slot, generation: e.generation) {
          longest = now - calls.records[Int(e.slot)].queuedAt
          break
        }
        i += 1
      }
      tiles.append(
        .init(
          name: isType ? model.callTypes[q].name : "abusive callers", waiting: queues[q].waiting, longestWait: max(0, longest),
          today: isType ? observer.today[q] : .init(), lastQuarterHour: isType ? lastQuarter[q] : .init()))
    }
    var groups: [WallboardSnapshot.GroupTile] = []
    for g in pools.indices {
      var talking = 0
      var busy = 0
      for a in 0..<pools[g].capacity where pools[g].isBusy(UInt32(a)) {
        busy += 1
        if observer.isTalking(group: g, agent: a, at: now) { talking += 1 }
      }
      let onBreak = observer.onBreakCount[g]
      groups.append(
        .init(
          name: model.agentGroups[g].name, talking: talking, wrapUp: busy - talking, idle: pools[g].idleCount, onBreak: onBreak,
          loggedOff: max(0, pools[g].capacity - pools[g].loggedIn - onBreak), answeredToday: observer.answeredToday[g]))
    }
    return WallboardSnapshot(time: now, queues: tiles, groups: groups, routing: routingMode)
  }
}
