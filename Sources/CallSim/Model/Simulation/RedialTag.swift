import CallSimEngine

/// What a redial event carries in its 32-bit tag: the attempt (the high 16 bits), whether it
/// is a call-back of a caller cut at the call cap, and the call type.
///
/// The type takes the low 16 bits, or 15 when the model has call-backs (the 16th flags a
/// call-back; the model then has at most 32,767 types, which ``CallCenterModel`` checks).
struct RedialTag {
  static let callBackBit: UInt32 = 0x8000
  /// The bits of the type.
  let typeMask: UInt32

  init(hasCallBacks: Bool) {
    typeMask = hasCallBacks ? RedialTag.callBackBit - 1 : 0xffff
  }

  @inline(__always)
  func tag(attempt: UInt16, type: UInt16, callBack: Bool) -> UInt32 {
    UInt32(attempt) << 16 | (callBack ? RedialTag.callBackBit : 0) | UInt32(type)
  }

  @inline(__always) func attempt(_ tag: UInt32) -> UInt16 { UInt16(truncatingIfNeeded: tag >> 16) }
  @inline(__always) func type(_ tag: UInt32) -> Int { Int(tag & typeMask) }
  @inline(__always) func isCallBack(_ tag: UInt32) -> Bool { tag & ~typeMask & 0xffff != 0 }

  /// Schedules the next attempt of the caller of `record`, of the same call type, at `time`
  /// seconds if within the `horizon` (seconds).
  func scheduleNextAttempt(
    of record: CallRecord, at time: Double, callBack: Bool, horizon: Double, in calendar: inout EventCalendar
  ) {
    guard record.attempt < UInt16.max, time <= horizon else { return }
    calendar.schedule(
      at: time, kind: EventKind.redial.rawValue, id: record.caller,
      tag: tag(attempt: record.attempt + 1, type: record.type, callBack: callBack))
  }

  /// Schedules the redial of the caller of `record`, who abandoned or was blocked at `time`
  /// seconds, if the caller drew one.
  @inline(__always)
  func scheduleRedial(of record: CallRecord, at time: Double, horizon: Double, in calendar: inout EventCalendar) {
    guard record.redialDelay >= 0 else { return }
    scheduleNextAttempt(of: record, at: time + record.redialDelay, callBack: false, horizon: horizon, in: &calendar)
  }
}
