import CallSimEngine
import Testing

@Suite struct EventCalendarTests {
  @Test func popsInTimeOrder() {
    var calendar = EventCalendar()
    let times = [5.0, 1.0, 3.0, 2.0, 4.0, 0.5, 10.0]
    for (i, t) in times.enumerated() { calendar.schedule(at: t, kind: 0, id: UInt32(i)) }
    var popped: [Double] = []
    while let e = calendar.next() { popped.append(e.time) }
    #expect(popped == times.sorted())
  }

  @Test func equalTimesRunByKindThenSchedulingOrder() {
    var calendar = EventCalendar()
    calendar.schedule(at: 1, kind: 5, id: 0)
    calendar.schedule(at: 1, kind: 1, id: 1)
    calendar.schedule(at: 1, kind: 5, id: 2)
    calendar.schedule(at: 1, kind: 1, id: 3)
    calendar.schedule(at: 0.5, kind: 9, id: 4)
    var ids: [UInt32] = []
    while let e = calendar.next() { ids.append(e.id) }
    #expect(ids == [4, 1, 3, 0, 2])
  }

  @Test func manyRandomEventsComeOutSortedAndStable() {
    var calendar = EventCalendar()
    var expected: [(Double, UInt8, UInt64)] = []
    var x: UInt64 = 42
    for _ in 0..<5000 {
      x = StreamSeed.splitMix(x)
      let t = Double(x % 100)  // many ties
      let kind = UInt8(x >> 60)
      expected.append((t, kind, calendar.scheduledCount))
      calendar.schedule(at: t, kind: kind)
    }
    expected.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
    var got: [(Double, UInt8, UInt64)] = []
    while let e = calendar.next() { got.append((e.time, e.kind, e.sequence)) }
    #expect(got.count == expected.count)
    #expect(zip(got, expected).allSatisfy { $0 == $1 })
  }

  /// A series' events held beside the heap come out in the same order, with the same
  /// sequence numbers, as when every event is in the heap — ties included.
  @Test func seriesEventsKeepTheOrderOfTheHeap() {
    var inHeap = EventCalendar()
    var beside = EventCalendar()
    var x: UInt64 = 7
    var seriesTime = 0.0
    var popped = 0
    // Each round: schedule a few ordinary events, the series' next one, and take two events.
    var a: [(Double, UInt8, UInt64, UInt32)] = []
    var b: [(Double, UInt8, UInt64, UInt32)] = []
    var seriesPending = false
    for round in 0..<3000 {
      for _ in 0..<Int(x % 3) {
        x = StreamSeed.splitMix(x)
        let t = seriesTime + Double(x % 40)
        inHeap.schedule(at: t, kind: UInt8(x >> 61), id: UInt32(round))
        beside.schedule(at: t, kind: UInt8(x >> 61), id: UInt32(round))
      }
      if !seriesPending {
        x = StreamSeed.splitMix(x)
        seriesTime += Double(x % 5)  // ties with ordinary events are common
        inHeap.schedule(at: seriesTime, kind: 3, id: 99_999)
        beside.scheduleNextInSeries(at: seriesTime, kind: 3, id: 99_999)
        seriesPending = true
      }
      for _ in 0..<2 {
        guard let e = inHeap.next(), let f = beside.next() else { break }
        a.append((e.time, e.kind, e.sequence, e.id))
        b.append((f.time, f.kind, f.sequence, f.id))
        if f.id == 99_999 { seriesPending = false }
        popped += 1
      }
    }
    while let e = inHeap.next() { a.append((e.time, e.kind, e.sequence, e.id)) }
    while let f = beside.next() { b.append((f.time, f.kind, f.sequence, f.id)) }
    #expect(popped > 5000)
    #expect(a.count == b.count)
    #expect(zip(a, b).allSatisfy { $0 == $1 })
  }

  @Test func nextNotAfterTakesOnlyDueEvents() {
    var calendar = EventCalendar()
    calendar.schedule(at: 5, kind: 0)
    calendar.scheduleNextInSeries(at: 3, kind: 1)
    let count = calendar.count, nextTime = calendar.nextTime
    #expect(count == 2)
    #expect(nextTime == 3)
    #expect(calendar.next(notAfter: 2) == nil)
    #expect(calendar.next(notAfter: 3)?.time == 3)
    #expect(calendar.next(notAfter: 4.9) == nil)
    calendar.scheduleNextInSeries(at: 6, kind: 1)
    #expect(calendar.next(notAfter: 10)?.time == 5)
    #expect(calendar.next(notAfter: 10)?.time == 6)
    let isEmpty = calendar.isEmpty
    #expect(isEmpty)
  }

  /// Timers, some cancelled and some replaced, come out in the same order, with the same
  /// sequence numbers, as when every event is in the heap and the cancelled ones are skipped
  /// when they fall due (what the model did before timers could be cancelled) — ties included.
  @Test func timersKeepTheOrderOfTheHeapWithoutTheCancelledOnes() {
    var inHeap = EventCalendar()
    var withTimers = EventCalendar()
    // Per timer id: the sequence number of its live timer in `inHeap`, or nil.
    var live: [UInt32: UInt64] = [:]
    var x: UInt64 = 11
    var now = 0.0
    var a: [(Double, UInt8, UInt64, UInt32)] = []
    var b: [(Double, UInt8, UInt64, UInt32)] = []
    func take(_ n: Int) {
      for _ in 0..<n {
        var e = inHeap.next()
        // Skip the events of cancelled or replaced timers (ids from 1,000).
        while let s = e, s.id >= 1000, live[s.id] != s.sequence { e = inHeap.next() }
        let f = withTimers.next()
        guard let e, let f else {
          #expect(e == nil && f == nil)
          return
        }
        if e.id >= 1000 { live[e.id] = nil }
        now = e.time
        a.append((e.time, e.kind, e.sequence, e.id))
        b.append((f.time, f.kind, f.sequence, f.id))
      }
    }
    for round in 0..<4000 {
      x = StreamSeed.splitMix(x)
      let t = now + Double(x % 30)  // many ties
      let kind = UInt8(x >> 61)
      switch x % 5 {
      case 0, 1:
        inHeap.schedule(at: t, kind: kind, id: UInt32(round % 1000))
        withTimers.schedule(at: t, kind: kind, id: UInt32(round % 1000))
      case 2, 3:
        let id = 1000 + UInt32(x >> 32 % 40)
        live[id] = inHeap.scheduledCount
        inHeap.schedule(at: t, kind: kind, id: id)
        withTimers.scheduleTimer(at: t, kind: kind, id: id)
      default:
        let id = 1000 + UInt32(x >> 32 % 40)
        live[id] = nil
        withTimers.cancelTimer(id: id)
      }
      #expect(inHeap.scheduledCount == withTimers.scheduledCount)
      if x % 3 == 0 { take(2) }
    }
    take(.max)
    #expect(a.count > 2000)
    #expect(a.count == b.count)
    #expect(zip(a, b).allSatisfy { $0 == $1 })
  }

  @Test func aCancelledTimerIsGoneAndAReplacedOneMoves() {
    var calendar = EventCalendar()
    calendar.schedule(at: 4, kind: 0, id: 1)
    calendar.scheduleTimer(at: 2, kind: 0, id: 7)
    calendar.scheduleTimer(at: 3, kind: 0, id: 8)
    calendar.scheduleTimer(at: 9, kind: 0, id: 8)  // replaces 3
    calendar.scheduleTimer(at: 500, kind: 0, id: 300)  // an id beyond the first table
    let count = calendar.count, nextTime = calendar.nextTime
    #expect(count == 4)
    #expect(nextTime == 2)
    calendar.cancelTimer(id: 7)
    calendar.cancelTimer(id: 7)  // no timer left: nothing happens
    calendar.cancelTimer(id: 5_000)  // never had one
    #expect(calendar.next()?.time == 4)
    #expect(calendar.next()?.id == 8)
    #expect(calendar.next(notAfter: 499) == nil)
    #expect(calendar.next()?.id == 300)
    #expect(calendar.next() == nil)
    calendar.scheduleTimer(at: 1, kind: 0, id: 2)
    calendar.removeAll()
    let isEmpty = calendar.isEmpty
    #expect(isEmpty)
    calendar.scheduleTimer(at: 1, kind: 0, id: 2)  // its old place was cleared
    #expect(calendar.next()?.id == 2)
  }

  @Test func interleavedScheduleAndNext() {
    var calendar = EventCalendar()
    calendar.schedule(at: 10, kind: 0)
    calendar.schedule(at: 2, kind: 0)
    #expect(calendar.next()?.time == 2)
    calendar.schedule(at: 5, kind: 0)
    calendar.schedule(at: 1, kind: 0)
    #expect(calendar.next()?.time == 1)
    #expect(calendar.next()?.time == 5)
    #expect(calendar.next()?.time == 10)
    #expect(calendar.next() == nil)
  }
}

/// An infinite event time means a sample overflowed; a debug build stops on it (the check
/// is an `assert`, kept out of release builds' hot path).
@Suite struct EventCalendarNonFiniteTimeTests {
  #if DEBUG
  @Test func anInfiniteTimeStopsADebugBuild() async {
    await #expect(processExitsWith: .failure) {
      var calendar = EventCalendar()
      calendar.schedule(at: .infinity, kind: 0)
    }
  }
  #endif

  @Test func aNaNTimeStopsEveryBuild() async {
    await #expect(processExitsWith: .failure) {
      var calendar = EventCalendar()
      calendar.schedule(at: .nan, kind: 0)
    }
  }
}
