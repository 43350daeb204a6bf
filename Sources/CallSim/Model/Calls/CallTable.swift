import CallSimEngine

/// Where a call is in its life.
enum CallState: UInt8 {
  case free, inIVR, waiting
  /// With an agent of a wrong group, about to be transferred to the right queue.
  case inTransfer
  /// A call-back that did not reach its caller, back in the queue when the agent's attempt
  /// ends (``CallBackOffer``).
  case betweenCallBacks
  /// A chat in progress: it keeps its slot until it ends (``ChatTimer``).
  case chatting
}

/// Storage for live calls without an allocation per call: a slab of records and a free list.
///
/// Non-copyable, in ``OwnedBuffer``s: the event loop reads and writes records several times
/// per call, and `Array`'s copy-on-write uniqueness checks on those writes measured about
/// 2 % of the reference case's instructions.
struct CallTable: ~Copyable {
  var records = OwnedBuffer<CallRecord>(capacity: 256)
  var freeSlots = OwnedBuffer<UInt32>(capacity: 256)

  init() {}

  /// Tells `tally` and `observer` what happened to the call in `slot` at `now`, for the
  /// policies that handle a call out of the event loop (as the loop's own `report` does).
  func report(
    _ event: CallEvent, slot: UInt32, now: Double, tally: inout some CallObserver & ~Copyable, observer: inout some CallObserver
  ) {
    let facts = CallFacts(records[Int(slot)])
    tally.observe(event, call: facts, at: now)
    observer.observe(event, call: facts, at: now)
  }

  /// Reports each call still waiting, in transfer or in the IVR at `time` (the end).
  func reportCallsLeft(at time: Double, tally: inout some CallObserver & ~Copyable, observer: inout some CallObserver) {
    for slot in 0..<records.count {
      switch records[slot].state {
      case .waiting, .inTransfer, .betweenCallBacks: report(.inQueueAtEnd, slot: UInt32(slot), now: time, tally: &tally, observer: &observer)
      case .inIVR: report(.inIVRAtEnd, slot: UInt32(slot), now: time, tally: &tally, observer: &observer)
      case .free, .chatting: break
      }
    }
  }

  /// A free slot for a new call; its generation has moved past every earlier occupant.
  @inline(__always)
  mutating func allocate() -> UInt32 {
    if freeSlots.count > 0 { return freeSlots.removeLast() }
    records.append(CallRecord())
    return UInt32(records.count - 1)
  }

  @inline(__always)
  mutating func release(_ slot: UInt32) {
    records[Int(slot)].state = .free
    records[Int(slot)].generation &+= 1
    freeSlots.append(slot)
  }

  /// Whether a (slot, generation) reference still names a waiting call.
  @inline(__always)
  func isWaiting(_ slot: UInt32, generation: UInt32) -> Bool {
    let r = records[Int(slot)]
    return r.generation == generation && r.state == .waiting
  }
}
