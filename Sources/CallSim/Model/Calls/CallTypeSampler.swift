import CallSimEngine

/// A call type's random behaviour in one replication: its distributions beside their streams.
///
/// A class, reached by the event loop through a reference it does not retain
/// (``CallCenterSimulation``'s `draw`), so drawing a caller copies none of the distributions
/// (copying the struct this was, with its distributions, measured 3–4 % of the run time).
final class CallTypeSampler {
  let handle: Distribution
  let wrapUp: Distribution?
  let patience: Distribution?
  let redial: Redial?
  let handleStream: RandomStream
  let wrapUpStream: RandomStream
  let patienceStream: RandomStream
  let redialStream: RandomStream

  init(_ type: CallType, streams: RandomStreamSet) {
    handle = type.handle
    wrapUp = type.wrapUp
    patience = type.patience
    redial = type.redial
    handleStream = streams.stream("handle/\(type.name)")
    wrapUpStream = streams.stream("wrap-up/\(type.name)")
    patienceStream = streams.stream("patience/\(type.name)")
    redialStream = streams.stream("redial/\(type.name)")
  }

  /// Every random attribute of one caller of this type, drawn at arrival (in one call, so
  /// the sampler is borrowed once per caller).
  @inline(__always) func drawCaller() -> CallerDraws {
    CallerDraws(talk: talk(), wrap: wrap(), patience: patienceTime() ?? .infinity, redialDelay: redialDelay() ?? -1)
  }

  /// Talk time, seconds.
  @inline(__always) func talk() -> Double { handle.sample(handleStream) }

  /// After-call work, seconds (0 without wrap-up).
  @inline(__always) func wrap() -> Double { wrapUp?.sample(wrapUpStream) ?? 0 }

  /// Time before hanging up in queue, seconds; `nil` for callers who never abandon.
  @inline(__always) func patienceTime() -> Double? { patience?.sample(patienceStream) }

  /// Delay before a failed caller calls again, seconds; `nil` when they do not.
  @inline(__always) func redialDelay() -> Double? {
    guard let redial, redialStream.uniform() < redial.probability else { return nil }
    return redial.delay.sample(redialStream)
  }
}

/// A caller's random attributes, drawn at arrival so that scenarios compared on common random
/// numbers see the same callers whatever routing or staffing does. Seconds.
struct CallerDraws {
  var talk: Double
  var wrap: Double
  /// `.infinity` for a caller who never abandons.
  var patience: Double
  /// Negative for a caller who does not call again.
  var redialDelay: Double
}
