/// Several short lists of small indices in one array (lists of groups per call type, of
/// queues per group), so the event loop reads them without touching nested arrays. Read
/// without bounds checks (asserted in debug builds): both arrays are fixed at `init`, and the
/// loop asks for lists of the model's own queues and groups at every call that joins a queue
/// and every agent freed (the checks were about 20 instructions a call).
struct IndexLists {
  private var starts: [Int]
  private var items: [Int32]

  init(_ lists: [[Int]]) {
    starts = [0]
    items = []
    for list in lists {
      items += list.map(Int32.init)
      starts.append(items.count)
    }
  }

  /// The positions in ``item(_:)`` of list `i`.
  @inline(__always)
  func range(_ i: Int) -> Range<Int> {
    assert(i >= 0 && i + 1 < starts.count, "list \(i) of \(starts.count - 1)")
    return starts.withUnsafeBufferPointer { Range(uncheckedBounds: ($0[i], $0[i &+ 1])) }
  }

  @inline(__always)
  func item(_ position: Int) -> Int {
    assert(position >= 0 && position < items.count, "position \(position) of \(items.count)")
    return items.withUnsafeBufferPointer { Int($0[position]) }
  }
}

extension IndexLists {
  /// Among the queues of list `list`, the one whose live front call comes first: the lowest
  /// `priority` number, then the earliest to join; `nil` when all are empty. The rule for
  /// chats and messages (phone calls have ``RoutingPolicy``'s, with its overflow gates).
  func firstFront(
    of list: Int, priority: [Int], queues: UnsafeMutableBufferPointer<CallQueue>, calls: borrowing CallTable
  ) -> Int? {
    var best: Int?
    var bestPriority = Int.max
    var bestSequence = UInt64.max
    for p in range(list) {
      let q = item(p)
      guard let front = queues[q].front(isLive: { calls.isWaiting($0, generation: $1) }) else { continue }
      if priority[q] < bestPriority || (priority[q] == bestPriority && front.sequence < bestSequence) {
        best = q
        bestPriority = priority[q]
        bestSequence = front.sequence
      }
    }
    return best
  }
}
