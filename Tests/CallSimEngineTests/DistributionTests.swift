import CallSimEngine
import Foundation
import Testing

/// Each family is sampled 200,000 times and checked against its analytic mean and variance and,
/// through a Kolmogorov–Smirnov test, against its CDF. Tolerances: the sample mean must lie
/// within 5 standard errors (a false alarm about once in 3 million runs); the variance within
/// 6 % (the samples are fixed by the seed, so the test is deterministic); the KS statistic
/// below the 0.1 % critical value 1.95/√n.
@Suite struct DistributionTests {
  static let cases: [(String, Distribution)] = [
    ("exponential", try! .exponential(withMean: 300)),
    ("lognormal", try! .lognormal(mean: 190, sd: 150)),
    ("gamma sd", try! .gamma(mean: 360, sd: 240)),
    ("gamma shape", try! .gamma(mean: 100, shape: 0.7)),
    ("weibull shape", try! .weibull(mean: 180, shape: 0.8)),
    ("weibull sd", try! .weibull(mean: 180, sd: 90)),
    ("erlang", try! .erlang(mean: 300, phases: 3)),
    ("uniform", try! .uniform(from: 10, to: 50)),
    ("uniform mean sd", try! .uniform(mean: 60, sd: 10)),
    ("triangular", try! .triangular(from: 10, peak: 20, to: 60)),
    ("mixture", try! .mixture(weighted: [3, 1], of: [.exponential(mean: 60), .lognormal(mu: 6, sigma: 0.5)])),
  ]

  @Test(arguments: cases.map(\.0))
  func momentsAndShape(_ name: String) {
    let d = DistributionTests.cases.first { $0.0 == name }!.1
    let n = 200_000
    var xs = RandomStreamSet(seed: 2024, replication: 0).withStream(name) { s in (0..<n).map { _ in d.sample(s) } }
    let tally = Tally(xs)
    let se = (d.variance / Double(n)).squareRoot()
    #expect(abs(tally.mean - d.mean) < 5 * se, "mean \(tally.mean) vs \(d.mean)")
    #expect(abs(tally.variance! / d.variance - 1) < 0.06, "variance \(tally.variance!) vs \(d.variance)")
    #expect(tally.min >= 0)
    xs.sort()
    var ks = 0.0
    for (i, x) in xs.enumerated() {
      let f = d.cdf(x)
      ks = max(ks, abs(f - Double(i) / Double(n)), abs(f - Double(i + 1) / Double(n)))
    }
    #expect(ks < 1.95 / Double(n).squareRoot(), "KS statistic \(ks)")
  }

  @Test func parameterConversions() throws {
    let ln = try Distribution.lognormal(mean: 100, sd: 50)
    #expect(abs(ln.mean - 100) < 1e-9 && abs(ln.variance.squareRoot() - 50) < 1e-9)
    let g = try Distribution.gamma(mean: 100, sd: 50)
    #expect(g == .gamma(shape: 4, scale: 25))
    let w = try Distribution.weibull(mean: 100, sd: 50)
    #expect(abs(w.mean - 100) < 1e-6 && abs(w.variance.squareRoot() - 50) < 1e-6)
    let w1 = try Distribution.weibull(mean: 100, shape: 1)
    #expect(abs(w1.mean - 100) < 1e-9 && abs(w1.variance - 10_000) < 1e-6)
    let u = try Distribution.uniform(mean: 60, sd: 10)
    #expect(abs(u.mean - 60) < 1e-12 && abs(u.variance - 100) < 1e-9)
    #expect(try Distribution.erlang(mean: 300, phases: 3).variance == 30_000)
  }

  @Test func impossibleParametersAreRejected() {
    #expect(throws: DistributionParameterError.self) { try Distribution.exponential(withMean: -1) }
    #expect(throws: DistributionParameterError.self) { try Distribution.exponential(withMean: .nan) }
    #expect(throws: DistributionParameterError.self) { try Distribution.lognormal(mean: 10, sd: 0) }
    #expect(throws: DistributionParameterError.self) { try Distribution.uniform(from: 10, to: 5) }
    #expect(throws: DistributionParameterError.self) { try Distribution.uniform(mean: 10, sd: 10) }
    #expect(throws: DistributionParameterError.self) { try Distribution.triangular(from: 5, peak: 1, to: 9) }
    #expect(throws: DistributionParameterError.self) { try Distribution.erlang(mean: 5, phases: 0) }
    #expect(throws: DistributionParameterError.self) { try Distribution.empirical(values: []) }
    #expect(throws: DistributionParameterError.self) { try Distribution.empirical(values: [1, -2]) }
  }

  @Test func empiricalResamplesObservedValues() throws {
    let d = try Distribution.empirical(values: [30, 60, 60, 240])
    let draws = RandomStreamSet(seed: 1, replication: 0).withStream("e") { s in (0..<40_000).map { _ in d.sample(s) } }
    #expect(Set(draws) == [30, 60, 240])
    #expect(abs(Tally(draws).mean - 97.5) < 2)
    #expect(d.cdf(60) == 0.75)
  }

  @Test func deterministicIsConstant() throws {
    let d = try Distribution.deterministic(value: 42)
    let draws = RandomStreamSet(seed: 1, replication: 0).withStream("d") { s in (0..<10).map { _ in d.sample(s) } }
    #expect(draws.allSatisfy { $0 == 42 })
  }
}
