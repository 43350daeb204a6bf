import CallSimEngine

/// Who calls: a first call's type and every attempt's random attributes, each drawn from the
/// caller's own substreams (``CallerStreams``), so the same caller behaves the same in every
/// scenario run on the same seed.
struct CallerSampler {
  let streams: CallerStreams
  /// One sampler per call type.
  let types: [CallTypeSampler]
  /// Cumulative type shares of first calls (the IVR menu's, or the call types' `share`).
  let typeCumulative: [Double]
  /// The abusive callers' laws; `nil` when the model has none, or a share of 0 of them. Boxed,
  /// so that the sampler stays a few words: the event loop copies a larger one (the laws are
  /// about 110 bytes) at every arrival, around the random draws' opaque calls.
  private let abusive: Box<AbusiveCallers>?
  /// The IVR menu's laws (`nil` without a menu), kept alive by `menuOwner` and reached
  /// through `menu`, which binding does not retain (binding the class reference did, twice per call).
  private let menuOwner: IVRSampler?
  private let menu: Unmanaged<IVRSampler>?

  private final class Box<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
  }

  init(model: CallCenterModel, streams: RandomStreamSet) {
    self.streams = CallerStreams(streams: streams)
    types = model.callTypes.map { CallTypeSampler($0) }
    let shares = model.ivr?.menuShares ?? model.callTypes.map(\.share)
    var running = 0.0
    typeCumulative = shares.map { running += $0; return running }
    abusive = model.abusiveCallers.flatMap { $0.share > 0 ? Box($0) : nil }
    menuOwner = model.ivr.map(IVRSampler.init)
    menu = menuOwner.map { Unmanaged.passUnretained($0) }
  }

  /// Seconds attempt `attempt` of the caller with key `key` spends in the IVR menu; `nil`
  /// without a menu. The menu's sampler is borrowed, not retained.
  @inline(__always)
  func ivrStay(caller key: UInt64, attempt: UInt16) -> Double? {
    guard let menu else { return nil }
    return menu._withUnsafeGuaranteedRef {
      streams.draw($0.duration, .ivrDuration, caller: key, attempt: attempt)
    }
  }

  /// How the call `call` leaves the IVR menu: hangs up, is self-served, or `nil` to go on to
  /// the agents (always `nil` without a menu).
  @inline(__always)
  func ivrExit(of call: CallRecord) -> CallEvent? {
    guard let menu else { return nil }
    let u = streams.uniform(.ivrOutcome, caller: streams.key(caller: call.caller), attempt: call.attempt)
    return menu._withUnsafeGuaranteedRef { $0.leaves(u, type: Int(call.type)) }
  }

  /// The call type of the first attempt of the caller with key `key`.
  @inline(__always)
  func type(caller key: UInt64) -> Int {
    if typeCumulative.count == 1 { return 0 }
    let u = streams.uniform(.type, caller: key, attempt: 0) * typeCumulative[typeCumulative.count - 1]
    for i in 0..<(typeCumulative.count - 1) where u < typeCumulative[i] { return i }
    return typeCumulative.count - 1
  }

  /// Attempt `attempt` of a caller of `type`, and whether the caller is a known abusive
  /// caller (whose talk and patience then follow the abusive callers' laws). The type's
  /// sampler is borrowed, not retained (`types` keeps it alive).
  @inline(__always)
  func draw(_ type: Int, caller key: UInt64, attempt: UInt16) -> (CallerDraws, abusive: Bool) {
    // Bound apart from `self`: with the whole sampler in the calls below, the event loop copied
    // all seven of its words to the stack at every arrival.
    let streams = streams
    var draws = Unmanaged.passUnretained(types[type])._withUnsafeGuaranteedRef {
      $0.drawCaller(streams, caller: key, attempt: attempt)
    }
    guard let abusive else { return (draws, false) }
    let isAbusive = Self.drawAbusive(abusive, streams, caller: key, attempt: attempt, draws: &draws)
    return (draws, isAbusive)
  }

  /// Whether the caller is a known abusive caller, with its draws then following their laws.
  @inline(never)
  private static func drawAbusive(
    _ abusive: Box<AbusiveCallers>, _ streams: CallerStreams, caller key: UInt64, attempt: UInt16, draws: inout CallerDraws
  ) -> Bool {
    abusive.value.drawCaller(streams, caller: key, attempt: attempt, draws: &draws)
  }

  /// The substream for `attribute` of the caller and attempt of `call`, a phone call (a
  /// message's substreams are its type's, drawn at arrival by ``ContactArrivals``).
  @inline(__always)
  func stream(_ attribute: CallerAttribute, of call: CallRecord) -> RandomStream {
    streams.stream(attribute, caller: streams.key(caller: call.caller), attempt: call.attempt)
  }
}
