/// One live call. Slots are reused; `generation` tells a stale reference from a live one.
///
/// Every random attribute of the caller is drawn at arrival and kept here, so scenarios run
/// on common random numbers see the same callers whatever routing or staffing does to them.
struct CallRecord {
  /// Seconds: arrival at the number.
  var arrival: Double = 0
  /// Seconds: when the current wait began, moved back by any earlier wait of the same call
  /// (after a transfer), so `now - queuedAt` is the call's total wait.
  var queuedAt: Double = 0
  /// Seconds of talk and after-call work (before any generalist factor).
  var talk: Double = 0
  var wrap: Double = 0
  /// Seconds of waiting the caller accepts in all; `.infinity` for callers who never abandon.
  var patience: Double = .infinity
  /// Seconds before calling again after abandoning or being blocked; negative for no redial.
  var redialDelay: Double = -1
  /// Seconds: when the caller hung up to wait for a call-back (``CallBackOffer``).
  var hungUpAt: Double = 0
  /// Number of the call in its replication, from 0 (for the trace).
  var id: UInt32 = 0
  /// The caller: number of the caller's first attempt among first attempts, from 0. Keys the
  /// caller's substreams (``CallerStreams``), so a redial continues the caller's numbers. For
  /// a message: its number among its type's messages, keying that type's family
  /// (``ContactArrivals``), which draws everything at arrival.
  var caller: UInt32 = 0
  /// Hour bin of the arrival.
  var hour: Int32 = 0
  var generation: UInt32 = 0
  /// The caller's real call type.
  var type: UInt16 = 0
  /// The queue the call waits in: its type, or a wrong one when the caller was misrouted.
  var queue: UInt16 = 0
  /// The group whose agent transferred the call, or -1.
  var transferGroup: Int16 = -1
  var state: CallState = .free
  /// 0 for the caller's first call, then 1, 2, … for each redial.
  var attempt: UInt16 = 0
  /// A known abusive caller (``AbusiveCallers``).
  var abusive = false
  /// A call-back of a caller cut at the call cap (a redial of another cause otherwise).
  var callBack = false
  /// The talk was cut at the call cap (set when answered).
  var capped = false
  /// Whether the caller was offered a call-back in the queue, and its answer.
  var offer: CallBackOfferState = .none
  /// Call-back attempts that did not reach the caller so far.
  var callBackTries: UInt8 = 0
  /// A message holds no line (``Channel``); its `caller` numbers it within its type.
  var channel: Channel = .phone

  /// The caller accepts a call-back at `time` seconds: it hangs up and keeps its place in
  /// the queue (and no longer abandons: ``CallBackOfferPolicy/waitLimits(_:)``).
  mutating func acceptCallBack(at time: Double) {
    offer = .accepted
    hungUpAt = time
  }
}

/// A waiting caller's call-back offer (``CallBackOffer``): not made (yet), declined,
/// accepted (the caller hung up), and reached (called back: on the line again).
enum CallBackOfferState: UInt8 {
  case none, declined, accepted, reached
}

extension CallRecord {
  /// Attempt `attempt` of `caller`, number `id` of the replication, arriving at `arrival`
  /// seconds in hour bin `hour`, with the attributes drawn for it; it queues for its own type.
  /// Its slot's generation is set when it takes the slot.
  init(
    id: UInt32, caller: UInt32, attempt: UInt16, type: Int, hour: Int32, arrival: Double,
    draws: CallerDraws, abusive: Bool = false, callBack: Bool = false, channel: Channel = .phone
  ) {
    self.arrival = arrival
    queuedAt = arrival
    talk = draws.talk
    wrap = draws.wrap
    patience = draws.patience
    redialDelay = draws.redialDelay
    self.id = id
    self.caller = caller
    self.hour = hour
    self.channel = channel
    self.type = UInt16(type)
    queue = UInt16(type)
    self.attempt = attempt
    self.abusive = abusive
    self.callBack = callBack
  }
}
