import CallSimEngine
import Testing

/// Release times counted when due give the count a sorted list of them gives, whatever the
/// order they were added in and however the checks fall.
@Suite struct DueTimesTests {
  @Test func countsTheTimesDueAtEachCheck() {
    var generator = SplitMix(state: 2026)
    var due = DueTimes(capacity: 2)
    var kept: [Double] = []
    var now = 0.0
    for step in 0..<20_000 {
      now += generator.unit() * 2
      // Times ahead of now, some equal to it and some repeated, as deterministic talk times give.
      let time = step % 7 == 0 ? now : (step % 11 == 0 ? (kept.last ?? now) : now + generator.unit() * 300)
      due.add(time)
      kept.append(time)
      if step % 3 == 0 {
        let expected = kept.filter { $0 <= now }.count
        kept.removeAll { $0 <= now }
        #expect(due.takeDue(notAfter: now) == expected, "step \(step)")
        #expect(due.count == kept.count)
      }
    }
    #expect(due.takeDue(notAfter: .infinity) == kept.count && due.count == 0)
    #expect(due.takeDue(notAfter: .infinity) == 0)
  }
}

/// A small deterministic generator for the test's times.
private struct SplitMix {
  var state: UInt64
  mutating func unit() -> Double {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return Double((z ^ (z >> 31)) >> 11) * 0x1p-53
  }
}
