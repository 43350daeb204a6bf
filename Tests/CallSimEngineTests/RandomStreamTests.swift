import CallSimEngine
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
}
