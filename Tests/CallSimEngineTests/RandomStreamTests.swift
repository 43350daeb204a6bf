import CallSimEngine
import Dispatch
import Synchronization
import Testing

@Suite struct RandomStreamTests {
  @Test func sameNameSameNumbers() {
    let a = RandomStreamSet(seed: 7, replication: 3), b = RandomStreamSet(seed: 7, replication: 3)
    let xa = a.withStream("arrivals") { s in (0..<100).map { _ in s.uniform() } }
    let xb = b.withStream("arrivals") { s in (0..<100).map { _ in s.uniform() } }
    #expect(xa == xb)
  }

  @Test func addingAStreamDoesNotShiftAnother() {
    let first = RandomStreamSet(seed: 7, replication: 0).withStream("handle/call") { s in (0..<50).map { _ in s.uniform() } }
    let b = RandomStreamSet(seed: 7, replication: 0)
    _ = b.stream("new-source")
    let second = b.withStream("handle/call") { s in (0..<50).map { _ in s.uniform() } }
    #expect(first == second)
  }

  @Test func replicationsAndNamesDiffer() {
    let seeds = Set((0..<1000).map { StreamSeed.derive(seed: 7, replication: $0, name: "arrivals") })
    #expect(seeds.count == 1000)
    #expect(StreamSeed.derive(seed: 7, replication: 0, name: "a") != StreamSeed.derive(seed: 7, replication: 0, name: "b"))
    #expect(StreamSeed.derive(seed: 7, replication: 0, name: "a") != StreamSeed.derive(seed: 8, replication: 0, name: "a"))
  }

  @Test(arguments: RandomStreamSet.Algorithm.allCases)
  func everyAlgorithmGivesUniforms(_ algorithm: RandomStreamSet.Algorithm) {
    let tally = RandomStreamSet(seed: 1, replication: 0, algorithm: algorithm).withStream("x") { s in
      Tally((0..<100_000).map { _ in s.uniform() })
    }
    #expect(abs(tally.mean - 0.5) < 0.005)
    #expect(tally.min >= 0 && tally.max < 1)
  }

  /// Streams taken from one set by several threads at once (the set claims `Sendable`): each
  /// gives its name's numbers, and the set records every generator to free (it once appended
  /// to a plain array from any thread, which could lose or double-free generators).
  @Test func streamsTakenFromManyThreadsAtOnce() {
    let set = RandomStreamSet(seed: 7, replication: 0)
    let expected = (0..<10).map { i in RandomStreamSet(seed: 7, replication: 0).withStream("s\(i)") { $0.uniform() } }
    let mismatches = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      for i in 0..<2_000 where set.withStream("s\(i % 10)", { $0.uniform() }) != expected[i % 10] {
        mismatches.add(1, ordering: .relaxed)
      }
    }
    #expect(mismatches.load(ordering: .relaxed) == 0)
  }
}
