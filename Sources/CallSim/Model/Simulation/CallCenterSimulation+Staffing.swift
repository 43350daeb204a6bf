import CallSimEngine

/// The staffing changes of the hourly plans, and midnight: the timeline's changes and the roster's day.
extension CallCenterSimulation {
  /// Midnight of day `day`: applies any timeline change (routing, caps, staffing), draws
  /// the roster's duties of the day and schedules the next midnight.
  mutating func dayStart(_ day: Int, now: Double) {
    if let next = routings.enter(day: day) {
      routing = next
      staffing.roster.enter(epoch: routings.epoch)
      caps.enter(epoch: routings.epoch)
      for g in pools.indices { serveWaiting(group: g, now: now) }
    }
    staffing.roster.startDay(day, calendar: &calendar, recorder: &tally, observer: &observer)
    if day + 1 < model.settings.days {
      calendar.schedule(at: Double(day + 1) * 86_400, kind: EventKind.dayStart.rawValue, id: UInt32(day + 1))
    }
  }

  /// Sets every group's hourly agents on duty for the `index`-th staffing change, lets new
  /// agents take waiting calls, and schedules the next change.
  mutating func changeStaffing(_ index: Int, now: Double) {
    let next = staffing.hourly.apply(change: index, now: now, pools: pools, recorder: &tally, observer: &observer)
    for g in pools.indices { serveWaiting(group: g, now: now) }
    if let next {
      calendar.schedule(at: next, kind: EventKind.staffingChange.rawValue, id: UInt32(index + 1))
    }
  }
}
