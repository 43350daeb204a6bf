import CallSimEngine

/// The call-back offers of a model (``CallBackOffer``), as the event loop asks them: when a
/// waiting call is offered one, whether its caller accepts, and whether a call-back attempt
/// reaches the caller. Every draw comes from the caller's own substreams, so the same callers
/// accept and are reached in every scenario run on the same seed.
struct CallBackOfferPolicy {
  /// Per call type: seconds of waiting before the offer; infinite for types without one.
  private let after: [Double]
  private let offers: [CallBackOffer?]
  /// Whether some type has an offer: without, the loop pays one test per waiting call.
  private let hasOffers: Bool

  init(model: CallCenterModel) {
    offers = model.callBackOffers
    after = offers.map { $0?.after ?? .infinity }
    hasOffers = model.hasCallBackOffers
  }

  /// Seconds of waiting after which `call`, joining the queue, is offered a call-back
  /// (infinite when its type has no offer or it has had one), and after which it abandons
  /// (its patience; infinite once it accepted a call-back: it hung up, and a call-back that
  /// reached it and is transferred waits on the line to the end).
  @inline(__always)
  func waitLimits(_ call: CallRecord) -> (offerAfter: Double, patience: Double) {
    guard hasOffers else { return (.infinity, call.patience) }
    switch call.offer {
    case .none: return (after[Int(call.type)], call.patience)
    case .declined: return (.infinity, call.patience)
    case .accepted, .reached: return (.infinity, .infinity)
    }
  }

  /// Whether the caller of `call`, offered a call-back, accepts it (a draw from `stream`).
  func accepts(_ call: CallRecord, stream: RandomStream) -> Bool {
    guard let offer = offers[Int(call.type)] else { return false }
    return stream.uniform() < offer.accept
  }

  /// For a call-back attempt on `call` (after `callBackTries` unreached ones): `nil` when the
  /// caller is reached; otherwise the agent's seconds on the attempt. Attempt `k` takes the
  /// `k`-th draws of the caller's reach and attempt-time substreams.
  func missedAttempt(_ call: CallRecord, callers: CallerSampler) -> Double? {
    guard let offer = offers[Int(call.type)] else { return nil }
    let reach = callers.stream(.callBackReach, of: call)
    var u = 0.0
    for _ in 0...Int(call.callBackTries) { u = reach.uniform() }
    guard u >= offer.reach else { return nil }
    guard let time = offer.attempt else { return 0 }
    // The caller's substreams share one generator: select the attempt-time one only now.
    let attempt = callers.stream(.callBackAttempt, of: call)
    var seconds = 0.0
    for _ in 0...Int(call.callBackTries) { seconds = time.sample(attempt) }
    return seconds
  }

  /// Whether `call`, after an unreached attempt, is tried again (else it is lost).
  func retries(_ call: CallRecord) -> Bool {
    Int(call.callBackTries) < (offers[Int(call.type)]?.retries ?? 0)
  }
}
