import CallSimEngine

/// Groups staffed by the hour: how many of each group's agents are on duty in each hour of
/// the horizon (its hourly counts after reinforcement, strike and timeline changes), the
/// hours at which some group's number changes, and the live controls' change to it.
///
/// Which agents log in or out is ``AgentPool/setOnDuty(_:now:report:)``'s choice; nobody is
/// cut off mid-call.
struct HourlyStaffing {
  /// Per group: agents on duty in each hour of the horizon.
  let plan: [[Int]]
  /// Hours at which some group's number changes, from hour 0.
  let changes: [Int]
  /// Per group: agents the live controls added to (or, negative, removed from) its plan;
  /// zero outside a live run.
  private var liveOffset: [Int]

  init(model: CallCenterModel) {
    let hours = model.settings.hours
    let plan = model.agentGroups.indices.map { g in (0..<hours).map { model.hourlyAgents(group: g, hour: $0) } }
    self.plan = plan
    changes = (0..<hours).filter { h in h == 0 || plan.contains { $0[h] != $0[h - 1] } }
    liveOffset = Array(repeating: 0, count: plan.count)
  }

  /// The plan's hour for the hour bin `bin` of the horizon (the last hour after its end);
  /// `nil` before it starts.
  func planHour(_ bin: Int) -> Int? {
    let hour = min(bin, (plan.first?.count ?? 0) - 1)
    return hour >= 0 ? hour : nil
  }

  /// Agents of group `g`'s plan on duty in `hour`, after the live controls' change, within
  /// the pool's `capacity`.
  @inline(__always)
  func target(group g: Int, hour: Int, capacity: Int) -> Int {
    let planned = plan[g][hour]
    return liveOffset[g] == 0 ? planned : max(0, min(capacity, planned + liveOffset[g]))
  }

  /// Sets every group's agents on duty for change `index` (of `changes`) at `now` seconds.
  /// Returns the time of the next change, if any.
  func apply(
    change index: Int, now: Double, pools: UnsafeMutableBufferPointer<AgentPool>,
    recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) -> Double? {
    let hour = changes[index]
    for g in pools.indices {
      setOnDuty(group: g, hour: hour, now: now, pools: pools, recorder: &recorder, observer: &observer)
    }
    return index + 1 < changes.count ? Double(changes[index + 1]) * 3600 : nil
  }

  /// Sets group `g`'s agents on duty to its target for `hour`, if they differ.
  func setOnDuty(
    group g: Int, hour: Int, now: Double, pools: UnsafeMutableBufferPointer<AgentPool>,
    recorder: inout some AgentTimeRecorder & ~Copyable, observer: inout some CallObserver
  ) {
    let target = target(group: g, hour: hour, capacity: pools[g].hourlyCapacity)
    guard target != pools[g].hourlyLoggedIn - pools[g].leaving else { return }
    pools[g].recordLoggedInTime(group: g, until: now, to: &recorder)
    pools[g].setOnDuty(target, now: now) { agent, loggedIn in
      observer.agentChanged(loggedIn ? .loggedIn(remote: false) : .loggedOut(.staffing), group: g, agent: Int(agent), at: now)
    }
  }

  /// Records the agents scheduled per hour (every kind of staffing, from the model) and the
  /// paid time of the hourly plans (rosters record theirs per shift).
  func recordPlanned(_ model: CallCenterModel, to recorder: inout some AgentTimeRecorder & ~Copyable) {
    for (g, hours) in model.scheduledAgents().enumerated() {
      for (h, n) in hours.enumerated() { recorder.scheduled(n, group: g, hour: h) }
      for (h, n) in plan[g].enumerated() where n > 0 { recorder.paid(Double(n) * 3600, group: g, hour: h) }
    }
  }

  // MARK: - Live changes

  /// Takes back up to `count` agents the live controls removed from group `g`'s plan;
  /// returns how many it took back.
  mutating func restore(_ count: Int, group g: Int) -> Int {
    let back = min(count, max(0, -liveOffset[g]))
    liveOffset[g] += back
    return back
  }

  /// Removes up to `count` of group `g`'s planned agents on duty in `hour` from now on;
  /// returns how many it removed.
  mutating func cut(_ count: Int, group g: Int, hour: Int, pools: UnsafeMutableBufferPointer<AgentPool>) -> Int {
    let onDuty = pools[g].hourlyLoggedIn - pools[g].leaving
    guard count > 0 && onDuty > 0 else { return 0 }
    let cut = min(count, onDuty)
    liveOffset[g] = target(group: g, hour: hour, capacity: pools[g].hourlyCapacity) - cut - plan[g][hour]
    return cut
  }
}
