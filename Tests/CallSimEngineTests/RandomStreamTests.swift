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

/// Substreams of a family: selected by (item, part, block), whatever the order of draws.
@Suite struct SubstreamFamilyTests {
  static func draws(_ family: SubstreamFamily, item: UInt64, part: UInt64, block: UInt32 = 0, n: Int = 5) -> [Double] {
    let s = family.select(itemKey: family.itemKey(item), part: part, block: block)
    return (0..<n).map { _ in s.uniform() }
  }

  @Test func sameSubstreamSameNumbersInAnyOrder() {
    let set = RandomStreamSet(seed: 9, replication: 2)
    let family = set.substreams("items")
    let first = Self.draws(family, item: 41, part: 3)
    _ = Self.draws(family, item: 40, part: 3, n: 100)
    _ = Self.draws(family, item: 41, part: 4, n: 7)
    #expect(Self.draws(family, item: 41, part: 3) == first)
    let otherSet = RandomStreamSet(seed: 9, replication: 2)
    #expect(Self.draws(otherSet.substreams("items"), item: 41, part: 3) == first)
    withExtendedLifetime((set, otherSet)) {}
  }

  @Test func itemsPartsBlocksSeedsAndReplicationsDiffer() {
    let set = RandomStreamSet(seed: 9, replication: 2)
    let family = set.substreams("items")
    let base = Self.draws(family, item: 1, part: 1)
    #expect(Self.draws(family, item: 2, part: 1) != base)
    #expect(Self.draws(family, item: 1, part: 2) != base)
    #expect(Self.draws(family, item: 1, part: 1, block: 1) != base)
    #expect(Self.draws(set.substreams("other"), item: 1, part: 1) != base)
    let seed10 = RandomStreamSet(seed: 10, replication: 2), replication3 = RandomStreamSet(seed: 9, replication: 3)
    #expect(Self.draws(seed10.substreams("items"), item: 1, part: 1) != base)
    #expect(Self.draws(replication3.substreams("items"), item: 1, part: 1) != base)
    withExtendedLifetime((set, seed10, replication3)) {}
  }

  /// The inline first number of a block is the generator's, and the generator goes on after
  /// it as it would through GSL: over many items, parts and blocks.
  @Test func inlineUniformIsTheGeneratorsFirstNumber() {
    let set = RandomStreamSet(seed: 5, replication: 1)
    let family = set.substreams("items")
    for item in UInt64(0)..<500 {
      let key = family.itemKey(item)
      let part = item % 7, block = UInt32(item % 3)
      let viaGSL = Self.draws(family, item: item, part: part, block: block, n: 3)
      let first = family.uniform(itemKey: key, part: part, block: block)
      let rest = [family.stream.uniform(), family.stream.uniform()]
      #expect([first] + rest == viaGSL)
    }
    withExtendedLifetime(set) {}
  }

  /// The first draw of 200,000 consecutive items (the case of callers: few numbers each)
  /// is uniform: mean 1/2 within 4 standard errors, and 20 equal bins pass a chi-square test
  /// at the 0.1 % level (critical value 43.8 for 19 degrees of freedom). Also a lag-1 serial
  /// correlation between neighbouring items within 4 standard errors of 0.
  @Test func firstDrawsOfNeighbouringItemsAreIndependentUniforms() {
    let set = RandomStreamSet(seed: 1, replication: 0)
    let family = set.substreams("items")
    let n = 200_000
    let u = (0..<n).map { family.select(itemKey: family.itemKey(UInt64($0)), part: 4).uniform() }
    let mean = u.reduce(0, +) / Double(n)
    #expect(abs(mean - 0.5) < 4 * (1.0 / 12 / Double(n)).squareRoot())
    var bins = [Double](repeating: 0, count: 20)
    for x in u { bins[Int(x * 20)] += 1 }
    let expected = Double(n) / 20
    let chi2 = bins.reduce(0) { $0 + ($1 - expected) * ($1 - expected) / expected }
    #expect(chi2 < 43.8)
    var lag = 0.0
    for i in 1..<n { lag += (u[i] - 0.5) * (u[i - 1] - 0.5) }
    let correlation = lag / Double(n - 1) * 12
    #expect(abs(correlation) < 4 / Double(n).squareRoot())
    withExtendedLifetime(set) {}
  }
}
