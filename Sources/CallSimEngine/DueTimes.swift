/// Times at which held resources come free, counted only when someone asks how many are free.
///
/// A resource that is only checked at a limit (a center's phone lines: only an arrival that
/// finds every line busy asks) need not have an event of its own when it comes free: the
/// release time is kept here, and the releases due by the time of the check are counted then
/// (``takeDue(notAfter:)``). It is the same count the events would have given, for a check made
/// after every release due at that time, at a fraction of the cost: a push onto a small heap
/// of times instead of a step of the whole event calendar, which stays smaller too.
///
/// - Complexity: ``add(_:)`` O(log n); ``takeDue(notAfter:)`` O(k log n) for k times taken.
public struct DueTimes: ~Copyable {
  @usableFromInline var heap: OwnedBuffer<Double>

  public init(capacity: Int = 64) { heap = OwnedBuffer(capacity: capacity) }

  /// Number of times kept (releases not yet counted).
  @inlinable public var count: Int { heap.count }

  /// Keeps `time` (seconds), a release to count once it is due.
  @inlinable
  public mutating func add(_ time: Double) {
    precondition(time == time, "release time is NaN")
    var i = heap.count
    heap.append(time)
    while i > 0 {
      let parent = (i &- 1) >> 1
      if !(time < heap[parent]) { break }
      heap[i] = heap[parent]
      i = parent
    }
    heap[i] = time
  }

  /// Removes the times at or before `limit` and returns how many there were.
  @inlinable
  public mutating func takeDue(notAfter limit: Double) -> Int {
    var taken = 0
    while heap.count > 0 && heap[0] <= limit {
      taken &+= 1
      let last = heap.removeLast()
      let n = heap.count
      if n == 0 { break }
      var i = 0
      while true {
        let left = 2 &* i &+ 1
        if left >= n { break }
        let right = left &+ 1
        let child = right < n && heap[right] < heap[left] ? right : left
        if !(heap[child] < last) { break }
        heap[i] = heap[child]
        i = child
      }
      heap[i] = last
    }
    return taken
  }
}
