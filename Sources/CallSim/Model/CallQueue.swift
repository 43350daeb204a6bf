/// The agent queue: FIFO of (slot, generation) references in a ring buffer.
///
/// Abandoned calls are not removed at once (that would cost O(n)); their entries go stale
/// when the slot's generation moves on and are skipped when they reach the front. The ring
/// is compacted when stale entries outnumber live ones, so memory stays bounded by the
/// waiting calls.

struct CallQueue {
  var ring: ContiguousArray<UInt64>
  var head = 0
  var count = 0
  /// Live (not abandoned) calls in the queue.
  var waiting = 0

  init() {
    ring = ContiguousArray(repeating: 0, count: 64)
  }

  @inline(__always)
  static func entry(slot: UInt32, generation: UInt32) -> UInt64 {
    UInt64(generation) << 32 | UInt64(slot)
  }

  /// Appends a call at the back of the queue.
  mutating func push(slot: UInt32, generation: UInt32) {
    if count == ring.count { grow() }
    var tail = head + count
    if tail >= ring.count { tail -= ring.count }
    ring[tail] = CallQueue.entry(slot: slot, generation: generation)
    count += 1
    waiting += 1
  }

  /// Removes and returns the oldest entry (possibly stale).
  @inline(__always)
  mutating func popFront() -> (slot: UInt32, generation: UInt32) {
    let e = ring[head]
    head += 1
    if head == ring.count { head = 0 }
    count -= 1
    return (UInt32(truncatingIfNeeded: e), UInt32(truncatingIfNeeded: e >> 32))
  }

  /// Doubles the ring, unrolling it so the oldest entry is first.
  mutating func grow() {
    var bigger = ContiguousArray<UInt64>(repeating: 0, count: ring.count * 2)
    for i in 0..<count {
      var j = head + i
      if j >= ring.count { j -= ring.count }
      bigger[i] = ring[j]
    }
    ring = bigger
    head = 0
  }

  /// Drops stale entries, keeping order; `isLive` says whether an entry still waits.
  mutating func compact(isLive: (UInt32, UInt32) -> Bool) {
    var kept = 0
    for i in 0..<count {
      var j = head + i
      if j >= ring.count { j -= ring.count }
      let e = ring[j]
      if isLive(UInt32(truncatingIfNeeded: e), UInt32(truncatingIfNeeded: e >> 32)) {
        var k = head + kept
        if k >= ring.count { k -= ring.count }
        ring[k] = e
        kept += 1
      }
    }
    count = kept
  }
}
