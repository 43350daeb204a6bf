import CallSimEngine

/// Where a call is in its life.

enum CallState: UInt8 {
  case free, inIVR, waiting
}

/// One live call. Slots are reused; `generation` tells a stale reference from a live one.

struct CallRecord {
  /// Seconds: arrival at the number, and entry into the agent queue.
  var arrival: Double = 0
  var queuedAt: Double = 0
  /// Hour bin of the arrival.
  var hour: Int32 = 0
  var type: UInt16 = 0
  var state: CallState = .free
  var generation: UInt32 = 0
}

/// Storage for live calls without an allocation per call: a slab of records and a free list.

struct CallTable {
  var records: ContiguousArray<CallRecord> = []
  var freeSlots: ContiguousArray<UInt32> = []

  init() {}

  /// A free slot for a new call; its generation has moved past every earlier occupant.
  @inline(__always)
  mutating func allocate() -> UInt32 {
    if let slot = freeSlots.popLast() { return slot }
    records.append(CallRecord())
    return UInt32(records.count - 1)
  }

  @inline(__always)
  mutating func release(_ slot: UInt32) {
    records[Int(slot)].state = .free
    records[Int(slot)].generation &+= 1
    freeSlots.append(slot)
  }
}
