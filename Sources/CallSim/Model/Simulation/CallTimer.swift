import CallSimEngine

/// The two calendar timers of a waiting call (``EventCalendar/scheduleTimer(at:kind:id:tag:)``
/// keeps one timer per id): its patience running out (or a call-back offer before it), and its
/// wait reaching the routing's `overflowAfter`. The timer id is the call's slot and one bit for which.
enum CallTimer {
  @inline(__always) static func abandon(_ slot: UInt32) -> UInt32 { slot &<< 1 }
  @inline(__always) static func overflow(_ slot: UInt32) -> UInt32 { slot &<< 1 | 1 }
  @inline(__always) static func slot(_ id: UInt32) -> UInt32 { id >> 1 }

  /// Schedules the timers of `record`, joining its queue in `slot` after `waited` seconds:
  /// its `patience` — or, when it comes first, its call-back offer after `offerAfter` seconds
  /// of waiting, on the same timer (``scheduleAbandon(_:slot:patience:horizon:in:)`` follows a
  /// declined offer) — and the overflow wait `overflowAfter` unless it would abandon first;
  /// none beyond the `horizon` (all seconds).
  @inline(__always)
  static func schedule(
    _ record: CallRecord, slot: UInt32, waited: Double, limits: (offerAfter: Double, patience: Double),
    overflowAfter: Double, horizon: Double, in calendar: inout EventCalendar
  ) {
    let (offerAfter, patience) = limits
    let leave = record.queuedAt + patience
    let offerAt = record.queuedAt + offerAfter
    if offerAt < leave {
      let at = max(offerAt, record.queuedAt + waited)
      if at <= horizon {
        calendar.scheduleTimer(at: at, kind: EventKind.callBackOffer.rawValue, id: abandon(slot), tag: record.generation)
      }
    } else {
      scheduleAbandon(record, slot: slot, patience: patience, horizon: horizon, in: &calendar)
    }
    let overflowAt = record.queuedAt + overflowAfter
    if waited < overflowAfter && overflowAt < leave && overflowAt <= horizon {
      calendar.scheduleTimer(at: overflowAt, kind: EventKind.overflow.rawValue, id: overflow(slot), tag: record.generation)
    }
  }

  /// Schedules the timer of `record` in `slot` running out of `patience` seconds of waiting,
  /// unless beyond the `horizon` (also alone, after a declined call-back offer).
  @inline(__always)
  static func scheduleAbandon(
    _ record: CallRecord, slot: UInt32, patience: Double, horizon: Double, in calendar: inout EventCalendar
  ) {
    let leave = record.queuedAt + patience
    if leave <= horizon {
      calendar.scheduleTimer(at: leave, kind: EventKind.abandon.rawValue, id: abandon(slot), tag: record.generation)
    }
  }
}
