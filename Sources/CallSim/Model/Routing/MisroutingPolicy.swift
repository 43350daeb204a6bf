import CallSimEngine

/// Callers who choose a field in the voice menu and pick a wrong one (``Misrouting``, in a
/// mode where ``RoutingMode/callersChooseAField``): they wait in that field's queue, and the agent who
/// answers transfers them to their own (``RoutingPolicy/transfer(group:type:)``).
///
/// Kept apart from ``RoutingPolicy`` so that the event loop, asking where a call goes,
/// copies this small value and not the whole policy around the caller's random draws.
struct MisroutingPolicy {
  /// Share of callers who pick a wrong field; 0 without misrouting (nothing is drawn then).
  let share: Double
  /// Per call type: cumulative weights of the wrong types a misrouted caller picks (by
  /// inflow share among the other types that have a home group), with those types.
  let wrongTypes: [[(type: Int, cumulative: Double)]]
  /// Agent time on a misrouted call before its transfer; `nil` without misrouting.
  let transferTime: Distribution?

  /// `homed`: per call type, whether some group has it as home type (only those are picked).
  init(model: CallCenterModel, share: Double, homed: [Bool]) {
    self.share = share
    transferTime = share > 0 ? model.routing.misroute?.transfer : nil
    let shares = model.callTypes.map(\.share)
    let n = shares.count
    wrongTypes = (0..<n).map { t in
      var running = 0.0
      return (0..<n).filter { $0 != t && homed[$0] && shares[$0] > 0 }.map { w in
        running += shares[w]
        return (w, running)
      }
    }
  }

  /// The queue `call` joins: a wrong type's for a caller who misroutes (never a message) (drawn from the
  /// caller's misrouting substream in `callers`, so the same callers misroute in every
  /// design), else its own type's.
  @inline(__always)
  func queue(for call: CallRecord, callers: CallerSampler) -> Int {
    let type = Int(call.type)
    guard share > 0, call.channel == .phone, case let s = callers.stream(.misroute, of: call), s.uniform() < share else {
      return type
    }
    return wrongQueue(for: type, u: s.uniform()) ?? type
  }

  /// The wrong queue a caller of `type` joins with uniform draw `u` in [0, 1); `nil` when no
  /// other field could take it.
  private func wrongQueue(for type: Int, u: Double) -> Int? {
    let choices = wrongTypes[type]
    guard let total = choices.last?.cumulative else { return nil }
    let x = u * total
    return choices.first { x < $0.cumulative }?.type ?? choices.last!.type
  }
}
