import CallSimEngine

/// What the event loop asks of the abusive callers policy at a call's arrival and answer.
extension AbusiveCallers {
  /// Whether the caller is a known abusive caller — drawn from block 0 of its substream, so
  /// every attempt of the caller agrees — and if so, its talk time and patience drawn from
  /// the abusive callers' laws (on the caller's same talk and patience substreams) into
  /// `draws`.
  func drawCaller(_ callers: CallerStreams, caller key: UInt64, attempt: UInt16, draws: inout CallerDraws) -> Bool {
    guard callers.stream(.abusive, caller: key, attempt: 0).uniform() < share else { return false }
    draws.talk = handle.sample(callers.stream(.talk, caller: key, attempt: attempt))
    if let patience {
      draws.patience = patience.sample(callers.stream(.patience, caller: key, attempt: attempt))
    }
    return true
  }
}
