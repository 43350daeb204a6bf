import CallSimEngine

/// The random attributes a caller draws, each from its own substream of the caller.
///
/// The raw values are fixed: they key the substreams, so changing one would change every
/// caller's numbers.
enum CallerAttribute: UInt64 {
  case type = 1, ivrDuration, ivrOutcome, talk, wrapUp, patience, redial, misroute, transfer
  /// Whether a call over a recommended cap ends at it, and whether a cut caller calls back
  /// (with the call-back delay).
  case capCompliance, callBack
  /// Whether the caller is a known abusive caller: always block 0, so every attempt of the
  /// caller has the first attempt's flag; and the abusive caller's recovery-time draw.
  case abusive, recovery
  /// Whether a caller offered a call-back in the queue accepts it; whether each call-back
  /// attempt reaches the caller (the `k`-th number for the `k`-th attempt), and the agent's
  /// time on the attempts that do not.
  case callBackAccept, callBackReach, callBackAttempt
}

/// Caller `n`'s substreams in one replication: common random numbers across scenarios.
///
/// Caller `n` is the `n`-th first attempt of the replication (from 0), a number that depends
/// only on the arrival stream, not on routing or staffing. Each attribute of the caller has
/// its own substream of the family, and attempt `k` (0 for the first call, then each redial)
/// draws from block `k` of it. So caller `n` gets the same type, IVR path, talk time,
/// patience and redial decision in every scenario run on the same seed, whenever and however
/// often the numbers are drawn, and however many numbers another attribute used.
struct CallerStreams {
  let family: SubstreamFamily

  /// The phone callers' substreams, or with `family` another family's (a message type's:
  /// ``ContactArrivals``).
  init(streams: RandomStreamSet, family name: String = "callers") {
    family = streams.substreams(name)
  }

  /// Caller `caller`'s key: computed once per call, passed to ``stream(_:caller:attempt:)``.
  @inline(__always)
  func key(caller: UInt32) -> UInt64 { family.itemKey(UInt64(caller)) }

  /// The generator, moved to attempt `attempt` of the caller's substream for `attribute`.
  @inline(__always)
  func stream(_ attribute: CallerAttribute, caller key: UInt64, attempt: UInt16) -> RandomStream {
    family.select(itemKey: key, part: attribute.rawValue, block: UInt32(attempt))
  }

  /// The first uniform on [0, 1) of attempt `attempt` of the caller's substream for
  /// `attribute`: the same number as `stream(attribute, caller:attempt:).uniform()`, drawn
  /// inline, with the generator (`family.stream`) left after it to draw on from.
  @inline(__always)
  func uniform(_ attribute: CallerAttribute, caller key: UInt64, attempt: UInt16) -> Double {
    family.uniform(itemKey: key, part: attribute.rawValue, block: UInt32(attempt))
  }

  /// A draw of `distribution` for `attribute` of attempt `attempt` of the caller: the same
  /// number as `distribution.sample(stream(attribute, caller:attempt:))`, drawn inline for
  /// the common laws.
  @inline(__always)
  func draw(_ distribution: CompiledDistribution, _ attribute: CallerAttribute, caller key: UInt64, attempt: UInt16) -> Double {
    distribution.sample(family, itemKey: key, part: attribute.rawValue, block: UInt32(attempt))
  }
}
