/// The future event list: a binary min-heap ordered by (time, kind, sequence).
///
/// Equal-time events run in a defined order — lower `kind` first, then first scheduled first —
/// so runs are reproducible even with deterministic durations that make ties common.
/// A plain heap is used rather than swift-collections' `Heap`, which is not stable for equal
/// keys and measured 20–25 % slower on this workload. The calendar is non-copyable and keeps
/// its heap in a ``OwnedBuffer``, so the hot path pays no copy-on-write uniqueness checks.
///
/// One recurring source — a series with at most one event pending at a time, such as a
/// Poisson arrival process — may keep its next event beside the heap
/// (``scheduleNextInSeries(at:kind:)``). It is the soonest event most of the time, so in the
/// heap it would sift to the top and back down every time; beside it, it costs one comparison
/// per event taken. The order of events is the same either way.
///
/// Timers — events that are often called off before they are due, such as a waiting caller's
/// patience running out — may be scheduled with ``scheduleTimer(at:kind:id:tag:)`` and
/// cancelled with ``cancelTimer(id:)``: one per `id`, kept in a heap of their own that knows
/// where each is (``TimerHeap``). A timer left in the main heap after it stopped mattering
/// would cost a full heap step when it fell due, and would make every other step deeper while
/// it waited. Timers run in the same order among all events.
///
/// - Complexity: `schedule`, `scheduleTimer`, `cancelTimer` and `next` are O(log n) in the
///   number of pending events; `scheduleNextInSeries` is O(1).
public struct EventCalendar: ~Copyable {
  @usableFromInline var heap: OwnedBuffer<Event>
  @usableFromInline var sequence: UInt64 = 0
  /// The series' pending event, when `hasSeriesEvent`.
  @usableFromInline var seriesEvent = Event(time: 0, order: 0, id: 0, tag: 0)
  @usableFromInline var hasSeriesEvent = false
  @usableFromInline var timers = TimerHeap()

  /// Creates an empty calendar with room for `capacity` pending events (it grows as needed).
  public init(capacity: Int = 256) {
    heap = OwnedBuffer(capacity: capacity)
  }

  /// Number of pending events.
  @inlinable public var count: Int { heap.count + timers.count + (hasSeriesEvent ? 1 : 0) }
  @inlinable public var isEmpty: Bool { count == 0 }

  /// Time of the earliest pending event, in seconds, or `nil` when empty.
  @inlinable public var nextTime: Double? {
    switch earliest {
    case .series: seriesEvent.time
    case .heap: heap[0].time
    case .timers: timers.top.time
    case .none: nil
    }
  }

  /// Where the earliest pending event is held.
  @usableFromInline enum Source { case series, heap, timers, none }

  @inlinable var earliest: Source {
    @inline(__always) get {
      let fromTimers = timers.count > 0 && (heap.count == 0 || timers.top.runsBefore(heap[0]))
      if hasSeriesEvent {
        if fromTimers { return seriesEvent.runsBefore(timers.top) ? .series : .timers }
        return heap.count == 0 || seriesEvent.runsBefore(heap[0]) ? .series : .heap
      }
      if fromTimers { return .timers }
      return heap.count > 0 ? .heap : .none
    }
  }

  /// Number of events scheduled so far (a measure of the work done).
  @inlinable public var scheduledCount: UInt64 { sequence }

  /// Schedules an event at `time` seconds. `kind` (0–255) breaks ties at equal time: lower first.
  ///
  /// `time` must be finite: a NaN compares false with everything and would corrupt the heap
  /// order, an infinity means a sample overflowed. A NaN stops every build; any non-finite
  /// time stops a debug build (the full check is kept out of the release hot path — the
  /// scenario decoder refuses the parameters that produced such samples).
  @inlinable
  public mutating func schedule(at time: Double, kind: UInt8, id: UInt32 = 0, tag: UInt32 = 0) {
    precondition(time == time, "event time is NaN")
    assert(time.isFinite, "event time is not finite")
    let event = Event(time: time, order: UInt64(kind) << 56 | sequence, id: id, tag: tag)
    sequence &+= 1
    var i = heap.count
    heap.append(event)
    while i > 0 {
      let parent = (i &- 1) >> 1
      if !event.runsBefore(heap[parent]) { break }
      heap[i] = heap[parent]
      i = parent
    }
    heap[i] = event
  }

  /// Schedules the next event of the calendar's one series (see ``EventCalendar``): like
  /// ``schedule(at:kind:id:tag:)``, in the same order among all events, but held beside the
  /// heap. The series' previous event must have been taken already.
  @inlinable
  public mutating func scheduleNextInSeries(at time: Double, kind: UInt8, id: UInt32 = 0, tag: UInt32 = 0) {
    precondition(time == time, "event time is NaN")
    assert(time.isFinite, "event time is not finite")
    precondition(!hasSeriesEvent, "the series already has a pending event")
    seriesEvent = Event(time: time, order: UInt64(kind) << 56 | sequence, id: id, tag: tag)
    sequence &+= 1
    hasSeriesEvent = true
  }

  /// Schedules the timer of `id` at `time` seconds, replacing its pending timer if it has one:
  /// like ``schedule(at:kind:id:tag:)``, in the same order among all events, but it can be
  /// cancelled (``cancelTimer(id:)``). Ids index a table: keep them small (slot numbers).
  @inlinable @inline(__always)
  public mutating func scheduleTimer(at time: Double, kind: UInt8, id: UInt32, tag: UInt32 = 0) {
    precondition(time == time, "event time is NaN")
    assert(time.isFinite, "event time is not finite")
    timers.insert(Event(time: time, order: UInt64(kind) << 56 | sequence, id: id, tag: tag))
    sequence &+= 1
  }

  /// Cancels the pending timer of `id`, if any.
  @inlinable @inline(__always)
  public mutating func cancelTimer(id: UInt32) {
    timers.remove(id: id)
  }

  /// Removes and returns the earliest event, or `nil` when none is pending.
  @inlinable
  public mutating func next() -> Event? { next(notAfter: .infinity) }

  /// Removes and returns the earliest event if it is due at `limit` seconds or before;
  /// `nil` otherwise (or when none is pending). The event loop's one step.
  @inlinable
  public mutating func next(notAfter limit: Double) -> Event? {
    switch earliest {
    case .series:
      guard seriesEvent.time <= limit else { return nil }
      hasSeriesEvent = false
      return seriesEvent
    case .heap:
      guard heap[0].time <= limit else { return nil }
      return popHeap()
    case .timers:
      guard timers.top.time <= limit else { return nil }
      return timers.removeTop()
    case .none:
      return nil
    }
  }

  /// Removes and returns the heap's top; the heap must not be empty.
  ///
  /// Floyd's bottom-up deletion: the hole left at the top moves down along the smaller
  /// children to a leaf (one comparison per level), and the last element is sifted up from
  /// there (it belongs near the bottom, so this is short) — about half the comparisons of
  /// sifting the last element down from the top. The order of events is the same.
  @inlinable
  mutating func popHeap() -> Event {
    let top = heap[0]
    let last = heap.removeLast()
    let n = heap.count
    if n == 0 { return top }
    var i = 0
    while true {
      let left = 2 &* i &+ 1
      if left >= n { break }
      let right = left &+ 1
      let child = (right < n && heap[right].runsBefore(heap[left])) ? right : left
      heap[i] = heap[child]
      i = child
    }
    while i > 0 {
      let parent = (i &- 1) >> 1
      if !last.runsBefore(heap[parent]) { break }
      heap[i] = heap[parent]
      i = parent
    }
    heap[i] = last
    return top
  }

  /// Removes every pending event.
  public mutating func removeAll() {
    heap.removeAll()
    timers.removeAll()
    hasSeriesEvent = false
  }
}
