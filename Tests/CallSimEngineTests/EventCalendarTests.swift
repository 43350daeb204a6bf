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
