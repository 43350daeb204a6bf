import CallSimEngine
import Testing

@Suite struct RandomStreamTests {
  @Test func sameNameSameNumbers() {
    let a = RandomStreamSet(seed: 7, replication: 3), b = RandomStreamSet(seed: 7, replication: 3)
    let sa = a.stream("arrivals"), sb = b.stream("arrivals")
    #expect((0..<100).map { _ in sa.uniform() } == (0..<100).map { _ in sb.uniform() })
  }

  @Test func addingAStreamDoesNotShiftAnother() {
    let a = RandomStreamSet(seed: 7, replication: 0)
    let first = a.stream("handle/call")
    let b = RandomStreamSet(seed: 7, replication: 0)
    _ = b.stream("new-source")
    let second = b.stream("handle/call")
    #expect((0..<50).map { _ in first.uniform() } == (0..<50).map { _ in second.uniform() })
  }

  @Test func replicationsAndNamesDiffer() {
    let seeds = Set((0..<1000).map { StreamSeed.derive(seed: 7, replication: $0, name: "arrivals") })
    #expect(seeds.count == 1000)
    #expect(StreamSeed.derive(seed: 7, replication: 0, name: "a") != StreamSeed.derive(seed: 7, replication: 0, name: "b"))
    #expect(StreamSeed.derive(seed: 7, replication: 0, name: "a") != StreamSeed.derive(seed: 8, replication: 0, name: "a"))
  }

  @Test(arguments: RandomStreamSet.Algorithm.allCases)
  func everyAlgorithmGivesUniforms(_ algorithm: RandomStreamSet.Algorithm) {
    let s = RandomStreamSet(seed: 1, replication: 0, algorithm: algorithm).stream("x")
    let tally = Tally((0..<100_000).map { _ in s.uniform() })
    #expect(abs(tally.mean - 0.5) < 0.005)
    #expect(tally.min >= 0 && tally.max < 1)
  }
}
