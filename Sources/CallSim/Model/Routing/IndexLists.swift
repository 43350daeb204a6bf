/// Several short lists of small indices in one array (lists of groups per call type, of
/// queues per group), so the event loop reads them without touching nested arrays.
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
  func range(_ i: Int) -> Range<Int> { starts[i]..<starts[i + 1] }

  @inline(__always)
  func item(_ position: Int) -> Int { Int(items[position]) }
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
