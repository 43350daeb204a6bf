import CallSimEngine

/// A call type's random behaviour: its distributions, drawn from the caller's own substreams.
///
/// A class, reached by the event loop through a reference it does not retain
/// (``CallCenterSimulation``'s `draw`), so drawing a caller copies none of the distributions
/// (copying the struct this was, with its distributions, measured 3–4 % of the run time).
/// Talk, wrap-up and patience are kept compiled (``CompiledDistribution``): no wrap-up is a
/// constant 0 and no patience a constant infinity, so every caller takes the same path.
final class CallTypeSampler {
  let handle: CompiledDistribution
  let wrapUp: CompiledDistribution
  let patience: CompiledDistribution
  /// The redial law's probability (0 for a type without one) and delay: kept apart, so that
  /// a draw copies neither (binding a `Redial?` copied its delay law at every arrival).
  let redialProbability: Double
  let redialDelayLaw: Distribution

  init(_ type: CallType) {
    handle = CompiledDistribution(type.handle)
    wrapUp = CompiledDistribution(type.wrapUp ?? .deterministic(0))
    patience = CompiledDistribution(type.patience ?? .deterministic(.infinity))
    redialProbability = type.redial?.probability ?? 0
    redialDelayLaw = type.redial?.delay ?? .deterministic(0)
  }

  /// Every random attribute of one attempt of a caller of this type, drawn at arrival from
  /// the caller's substreams (in one call, so the sampler is borrowed once per caller).
  @inline(__always)
  func drawCaller(_ streams: CallerStreams, caller key: UInt64, attempt: UInt16) -> CallerDraws {
    let talk = streams.draw(handle, .talk, caller: key, attempt: attempt)
    let wrap = streams.draw(wrapUp, .wrapUp, caller: key, attempt: attempt)
    let wait = streams.draw(patience, .patience, caller: key, attempt: attempt)
    var redialDelay = -1.0
    if redialProbability > 0, streams.uniform(.redial, caller: key, attempt: attempt) < redialProbability {
      redialDelay = redialDelayLaw.sample(streams.family.stream)
    }
    return CallerDraws(talk: talk, wrap: wrap, patience: wait, redialDelay: redialDelay)
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
