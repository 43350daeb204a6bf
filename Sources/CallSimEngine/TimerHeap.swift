/// A min-heap of events that knows where each event is, so that one can be taken out before
/// it is due: the timers of an ``EventCalendar`` (``EventCalendar/scheduleTimer(at:kind:id:tag:)``).
///
/// Each `id` has at most one timer. `position[id]` is the index of its event in `events`, or
/// -1; every move in the heap updates it, which costs a store per level but lets
/// ``remove(id:)`` take a timer out in O(log n) instead of leaving it to be taken, as a stale
/// event, when it falls due.
@usableFromInline
struct TimerHeap: ~Copyable {
  @usableFromInline var events: OwnedBuffer<Event>
  @usableFromInline var position: OwnedBuffer<Int32>

  @usableFromInline init() {
    events = OwnedBuffer(capacity: 64)
    position = OwnedBuffer(repeating: -1, count: 64)
  }

  @inlinable var count: Int { events.count }

  /// The earliest timer; the heap must not be empty.
  @inlinable var top: Event { events[0] }

  /// Adds `event` as the timer of `event.id`, replacing the pending one of that id if any.
  @inlinable @inline(__always)
  mutating func insert(_ event: Event) {
    let id = Int(event.id)
    if id >= position.count { growPosition(toInclude: id) }
    let at = Int(position[id])
    if at >= 0 {
      replace(at: at, with: event)
    } else {
      events.append(event)
      siftUp(event, from: events.count &- 1)
    }
  }

  /// Puts `event` in the place of the timer at index `at` (of the same id, or removed).
  /// Inlined: cancelling a waiting call's timer when it is answered moves the heap's last
  /// timer here (a third of the reference case's calls); a call across modules cost about 11
  /// instructions a call with its spills.
  @inlinable @inline(__always)
  mutating func replace(at: Int, with event: Event) {
    if event.runsBefore(events[at]) { siftUp(event, from: at) } else { siftDown(event, from: at) }
  }

  /// Takes out the timer of `id`, if one is pending.
  @inlinable @inline(__always)
  mutating func remove(id: UInt32) {
    guard Int(id) < position.count else { return }
    let at = Int(position[Int(id)])
    guard at >= 0 else { return }
    position[Int(id)] = -1
    let last = events.removeLast()
    guard at < events.count else { return }
    replace(at: at, with: last)
  }

  /// Removes and returns the earliest timer; the heap must not be empty.
  @inlinable
  mutating func removeTop() -> Event {
    let top = events[0]
    position[Int(top.id)] = -1
    let last = events.removeLast()
    if events.count > 0 { siftDown(last, from: 0) }
    return top
  }

  @usableFromInline
  mutating func growPosition(toInclude id: Int) {
    while id >= position.count { position.append(-1) }
  }

  /// Removes every timer.
  @usableFromInline
  mutating func removeAll() {
    for i in 0..<events.count { position[Int(events[i].id)] = -1 }
    events.removeAll()
  }

  /// Puts `event` at index `i` or above it, moving later events down.
  @inlinable @inline(__always)
  mutating func siftUp(_ event: Event, from i: Int) {
    var i = i
    while i > 0 {
      let parent = (i &- 1) >> 1
      if !event.runsBefore(events[parent]) { break }
      place(events[parent], at: i)
      i = parent
    }
    place(event, at: i)
  }

  /// Puts `event` at index `i` or below it, moving earlier children up.
  @inlinable @inline(__always)
  mutating func siftDown(_ event: Event, from i: Int) {
    var i = i
    let n = events.count
    while true {
      let left = 2 &* i &+ 1
      if left >= n { break }
      let right = left &+ 1
      let child = (right < n && events[right].runsBefore(events[left])) ? right : left
      if !events[child].runsBefore(event) { break }
      place(events[child], at: i)
      i = child
    }
    place(event, at: i)
  }

  @inlinable @inline(__always)
  mutating func place(_ event: Event, at i: Int) {
    events[i] = event
    position[Int(event.id)] = Int32(truncatingIfNeeded: i)
  }
}
