import CallSimEngine

/// The call caps in force over a run (the model's, then each timeline change's), as the
/// event loop asks them when an agent answers: is this call cut, and does its caller call
/// back?
struct CallCapPolicy {
  /// Seconds of talk above which some call type's cap may cut a call — the lowest of the
  /// types' limits; infinite without a cap, so a scenario without one pays a single
  /// comparison per answered call.
  private(set) var limit: Double
  /// Each call type's cap (its own or the model's), read only past `limit`.
  private var byType: [CallCap?]
  /// `byType` of the base model and of each timeline change.
  private let epochs: [[CallCap?]]
  /// Whether some cap in the run has call-backs.
  let hasCallBacks: Bool

  init(model: CallCenterModel) {
    epochs = [model.callCaps] + model.timeline.map(\.model.callCaps)
    byType = epochs[0]
    limit = Self.lowestLimit(byType)
    hasCallBacks = epochs.joined().contains { ($0?.callBack ?? 0) > 0 }
  }

  /// Puts the caps of timeline epoch `index` in force (0: the base model).
  mutating func enter(epoch index: Int) {
    byType = epochs[index]
    limit = Self.lowestLimit(byType)
  }

  /// The limit, seconds, at which a call of `type` that would talk `talk` seconds (more than
  /// `limit`) ends: always when its cap is forced; when recommended, if a uniform draw from
  /// `compliance` falls below the cap's compliance (the caller's own substream, so the same
  /// calls comply in every scenario on the same seed). `nil` when the call talks on.
  func cut(type: Int, talk: Double, compliance: () -> RandomStream) -> Double? {
    guard let cap = byType[type], talk > cap.effectiveLimit else { return nil }
    let cut = cap.mode == .forced || compliance().uniform() < cap.compliance
    return cut ? cap.limit : nil
  }

  /// Seconds from the end of a cut call of `type` to its caller's call-back, if the caller
  /// calls back (both drawn from `stream`, the caller's call-back substream); `nil` if not.
  func callBackDelay(type: Int, stream: () -> RandomStream) -> Double? {
    guard let cap = byType[type], cap.callBack > 0, let delay = cap.callBackDelay else { return nil }
    let s = stream()
    guard s.uniform() < cap.callBack else { return nil }
    return delay.sample(s)
  }

  /// Schedules the call-back of the caller of `record`, cut at the cap at `end` seconds, if
  /// drawn (from the caller's call-back substream).
  func scheduleCallBack(
    of record: CallRecord, at end: Double, callers: CallerSampler, redialTag: RedialTag, horizon: Double,
    in calendar: inout EventCalendar
  ) {
    guard record.attempt < UInt16.max,
      let delay = callBackDelay(type: Int(record.type), stream: { callers.stream(.callBack, of: record) })
    else { return }
    redialTag.scheduleNextAttempt(of: record, at: end + delay, callBack: true, horizon: horizon, in: &calendar)
  }

  private static func lowestLimit(_ caps: [CallCap?]) -> Double {
    caps.map { $0?.effectiveLimit ?? .infinity }.min() ?? .infinity
  }
}
