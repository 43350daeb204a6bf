import CallSimEngine

/// One call type's queue: FIFO of references to waiting calls in a ring buffer.
///
/// Abandoned calls (and calls answered by an overflow agent) are not removed at once (that
/// would cost O(n)); their entries go stale when the slot's generation or state moves on and
/// are skipped when they reach the front. The ring is compacted when stale entries outnumber
/// live ones, so memory stays bounded by the waiting calls.
///
/// Non-copyable, its ring an ``OwnedBuffer``: as a `ContiguousArray` every push paid a
/// copy-on-write uniqueness check and a bounds check (the last such checks on the reference
/// case's hot path).
struct CallQueue: ~Copyable {
  /// A reference to a waiting call, with the order in which it joined (any queue).
  struct Entry {
    var slot: UInt32
    var generation: UInt32
    /// Joining order across all queues of the replication: smaller joined earlier.
    var sequence: UInt64
  }

  var ring: OwnedBuffer<Entry>
  var head = 0
  var count = 0
  /// Live (not abandoned) calls in the queue.
  var waiting = 0

  init() {
    ring = OwnedBuffer(repeating: Entry(slot: 0, generation: 0, sequence: 0), count: 16)
  }

  /// `count` empty queues, freed by ``ReplicationMemory``.
  static func allocate(_ count: Int) -> UnsafeMutableBufferPointer<CallQueue> {
    let queues = UnsafeMutableBufferPointer<CallQueue>.allocate(capacity: count)
    for q in 0..<count { (queues.baseAddress! + q).initialize(to: CallQueue()) }
    return queues
  }

  /// Appends a call at the back of the queue.
  @inline(__always)
  mutating func push(_ entry: Entry) {
    if count == ring.count { grow() }
    var tail = head + count
    if tail >= ring.count { tail -= ring.count }
    ring[tail] = entry
    count += 1
    waiting += 1
  }

  /// The oldest live entry, after dropping stale ones from the front; `nil` when none waits.
  @inline(__always)
  mutating func front(isLive: (UInt32, UInt32) -> Bool) -> Entry? {
    guard waiting > 0 else { return nil }
    while count > 0 {
      let e = ring[head]
      if isLive(e.slot, e.generation) { return e }
      dropFront()
    }
    return nil
  }

  /// Removes the live front entry that ``front(isLive:)`` returned and counts it out.
  @inline(__always)
  mutating func popFront() -> Entry {
    let e = ring[head]
    dropFront()
    waiting -= 1
    return e
  }

  /// Removes the front entry (a stale one, or through ``popFront()``).
  @inline(__always)
  mutating func dropFront() {
    head += 1
    if head == ring.count { head = 0 }
    count -= 1
  }

  /// Doubles the ring, unrolling it so the oldest entry is first.
  mutating func grow() {
    var bigger = OwnedBuffer(repeating: Entry(slot: 0, generation: 0, sequence: 0), count: ring.count * 2)
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
      if isLive(e.slot, e.generation) {
        var k = head + kept
        if k >= ring.count { k -= ring.count }
        ring[k] = e
        kept += 1
      }
    }
    count = kept
  }

  /// Whether stale entries are worth compacting away.
  var needsCompaction: Bool { count > 1024 && count > 4 * waiting }

  /// Drops the entries of calls no longer waiting once they outnumber the calls waiting
  /// (they are skipped anyway; this bounds the ring's memory by the calls really waiting).
  mutating func dropStaleEntries(_ calls: borrowing CallTable) {
    if needsCompaction { compact { calls.isWaiting($0, generation: $1) } }
  }
}
