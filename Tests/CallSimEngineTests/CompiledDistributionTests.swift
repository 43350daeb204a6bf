import CallSimEngine
import Testing

/// A compiled distribution draws exactly the numbers of the distribution it was made from,
/// on the same substream, and leaves the generator where GSL would (a constant does not move
/// it): inline for the
/// exponential, the lognormal and the constant, through GSL for the rest.
@Suite struct CompiledDistributionTests {
  static let laws: [Distribution] = [
    .exponential(mean: 300), .exponential(mean: 0.5), .deterministic(42), .deterministic(.infinity),
    .lognormal(mu: 5, sigma: 0.8), .lognormal(mu: -1, sigma: 3), .gamma(shape: 2, scale: 150), .uniform(min: 10, max: 20),
    .mixture(weights: [0.3, 0.7], components: [.exponential(mean: 60), .deterministic(5)]),
  ]

  @Test(arguments: laws)
  func sameNumbersAsTheDistribution(_ law: Distribution) {
    let set = RandomStreamSet(seed: 11, replication: 4)
    let family = set.substreams("callers")
    let compiled = CompiledDistribution(law)
    for item in UInt64(0)..<2_000 {
      let key = family.itemKey(item)
      let block = UInt32(item % 4)
      let expected = law.sample(family.select(itemKey: key, part: 4, block: block))
      let expectedNext = family.stream.uniform()
      let got = compiled.sample(family, itemKey: key, part: 4, block: block)
      #expect(got == expected || (got.isNaN && expected.isNaN), "item \(item)")
      // A constant draws nothing: whoever draws next selects a substream first.
      if case .deterministic = law { continue }
      #expect(family.stream.uniform() == expectedNext, "item \(item): the generator is not left where GSL leaves it")
    }
    withExtendedLifetime(set) {}
  }
}
