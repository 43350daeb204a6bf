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
