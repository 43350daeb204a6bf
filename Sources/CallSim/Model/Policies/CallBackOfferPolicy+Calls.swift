import CallSimEngine

/// What the event loop asks of the call-back offers when an offer falls due and when an
/// agent takes a call whose caller accepted one. Calls are reported to `tally` and
/// `observer` as the loop reports them.
extension CallBackOfferPolicy {
  /// The offer timer of the call in `slot` fell due at `now` (stale when `generation`
  /// differs or the call no longer waits): the caller accepts — hangs up, keeps its place,
  /// no longer abandons, and frees its line (`lines` in use) — or declines and waits on with
  /// its patience timer. Out of line: inlined, it would crowd the event loop's registers.
  @inline(never)
  func offer(
    slot: UInt32, generation: UInt32, now: Double, horizon: Double, callers: CallerSampler, calls: inout CallTable,
    lines: inout Int, calendar: inout EventCalendar, tally: inout some CallObserver & ~Copyable,
    observer: inout some CallObserver
  ) {
    guard calls.isWaiting(slot, generation: generation) else { return }
    let call = calls.records[Int(slot)]
    let accepted = accepts(call, stream: callers.stream(.callBackAccept, of: call))
    if accepted {
      calls.records[Int(slot)].acceptCallBack(at: now)
      lines -= 1
    } else {
      calls.records[Int(slot)].offer = .declined
      CallTimer.scheduleAbandon(call, slot: slot, patience: call.patience, horizon: horizon, in: &calendar)
    }
    calls.report(.callBackOffered(accepted: accepted), slot: slot, now: now, tally: &tally, observer: &observer)
  }

  /// Agent `agent` of `group` (`remote` or not) calls back the caller of the call in `slot`
  /// at `now`. Returns `true` when the caller is reached: the call-back then holds a line
  /// (`lines` in use) while it talks, as a call does, and the loop answers it. Otherwise the
  /// agent is busy for the attempt, and the call-back goes to the back of its queue when the
  /// attempt ends (``EventKind/transferEnd``) or, its retries spent, is lost. Out of line,
  /// as ``offer(slot:generation:now:horizon:callers:calls:lines:calendar:tally:observer:)``.
  @inline(never)
  func callBack(
    slot: UInt32, group: Int, agent: UInt32, remote: Bool, now: Double, callers: CallerSampler, calls: inout CallTable,
    lines: inout Int, calendar: inout EventCalendar, tally: inout some CallObserver & ~Copyable,
    observer: inout some CallObserver
  ) -> Bool {
    let call = calls.records[Int(slot)]
    func report(_ event: CallEvent) {
      calls.report(event, slot: slot, now: now, tally: &tally, observer: &observer)
    }
    guard let seconds = missedAttempt(call, callers: callers) else {
      calls.records[Int(slot)].offer = .reached
      lines += 1
      report(.callBackReached(delay: now - call.hungUpAt))
      return true
    }
    report(.callBackMissed(group: group, agent: Int(agent), remote: remote, seconds: seconds))
    calendar.schedule(at: now + seconds, kind: EventKind.agentFree.rawValue, id: agent, tag: UInt32(group))
    if retries(call) {
      calls.records[Int(slot)].callBackTries += 1
      calls.records[Int(slot)].state = .betweenCallBacks
      calendar.schedule(at: now + seconds, kind: EventKind.transferEnd.rawValue, id: slot, tag: call.generation)
    } else {
      report(.callBackLost)
      calls.release(slot)
    }
    return false
  }

}
