import CallSimEngine

/// What the event loop asks of misrouting when an agent answers a call of a type its group
/// does not serve (``RoutingPolicy/transfers(group:type:)``). Calls are reported to `tally`
/// and `observer` as the loop reports them.
extension MisroutingPolicy {
  /// Agent `agent` of `group` (`remote` or not) answers the misrouted call in `slot` at `now`
  /// and transfers it: busy for the transfer time (drawn from the caller's transfer
  /// substream), after which the call joins the back of its right queue
  /// (``EventKind/transferEnd``). Time with the wrong agent is not waiting: the wait's start
  /// moves forward by it. Out of line: misrouted calls are few.
  @inline(never)
  func transfer(
    slot: UInt32, group: Int, agent: UInt32, remote: Bool, now: Double, callers: CallerSampler, calls: inout CallTable,
    calendar: inout EventCalendar, tally: inout some CallObserver & ~Copyable, observer: inout some CallObserver
  ) {
    let record = calls.records[Int(slot)]
    let handle = transferTime!.sample(callers.stream(.transfer, of: record))
    calls.report(
      .transferred(group: group, agent: Int(agent), remote: remote, wait: now - record.queuedAt, handle: handle), slot: slot,
      now: now, tally: &tally, observer: &observer)
    calls.records[Int(slot)].state = .inTransfer
    calls.records[Int(slot)].transferGroup = Int16(group)
    calls.records[Int(slot)].queuedAt += handle
    calendar.schedule(at: now + handle, kind: EventKind.agentFree.rawValue, id: agent, tag: UInt32(group))
    calendar.schedule(at: now + handle, kind: EventKind.transferEnd.rawValue, id: slot, tag: record.generation)
  }
}
