import CallSim
import CallSimEngine
import Foundation
import Testing

/// The call cap against exact theory: with as many lines as agents (no queue) the blocked
/// share is Erlang B, which depends on the talk-time law only through its mean, so under a
/// forced cap at `L` it is Erlang B at the load λ·E[min(talk, L)]. Statistical: run it in
/// release (`swift test -c release --filter PolicyValidationTests`). The seed is fixed, so
/// the outcome is deterministic; the tolerance is the 99.9 % band of the simulated mean.
@Suite(.serialized) struct PolicyValidationTests {
  static let agents = 20
  static let perHour = 260.0
  /// Lognormal talk time: mean 5 min, sd 6 min.
  static let mean = 300.0, sd = 360.0
  static let limit = 480.0

  /// Φ, the standard normal distribution function.
  static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

  /// E[min(X, L)] for X lognormal with log-mean `mu` and log-sd `sigma`:
  /// E[X; X < L] + L·P(X ≥ L) = e^(μ+σ²/2)·Φ((ln L − μ − σ²)/σ) + L·(1 − Φ((ln L − μ)/σ)).
  static func cappedMean(mu: Double, sigma: Double, limit: Double) -> Double {
    let z = (log(limit) - mu) / sigma
    return exp(mu + sigma * sigma / 2) * normalCDF(z - sigma) + limit * (1 - normalCDF(z))
  }

  static func scenario(cap: String) -> String {
    """
    scenario: cap-erlang-b
    simulation: {days: 30, warmup: 6h, replications: 10, seed: 20251126}
    arrivals: {per_hour: \(perHour)}
    trunks: \(agents)
    call_types:
      calls: {handle: {dist: lognormal, mean: \(Int(mean))s, sd: \(Int(sd))s}}
    agents: \(agents)
    call_cap: \(cap)
    """
  }

  @Test func forcedCapBlocksAsErlangBAtTheCappedMean() throws {
    let model = try Scenario.parse(text: Self.scenario(cap: "{mode: forced, limit: \(Int(Self.limit))s}"), file: "cap.yaml").model
    let result = try #require(try SimulationRunner.run(model, threads: 2))
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(3))")
    let sigma2 = log(1 + (Self.sd / Self.mean) * (Self.sd / Self.mean))
    let mu = log(Self.mean) - sigma2 / 2
    let capped = Self.cappedMean(mu: mu, sigma: sigma2.squareRoot(), limit: Self.limit)
    let exact = ErlangQueue.erlangB(agents: Self.agents, load: Self.perHour / 3600 * capped)
    let blocked = try #require(result.estimates()[.blockedShare])
    let (m, ci) = (try #require(blocked.mean), try #require(blocked.ci95))
    let n = Double(result.replications.count)
    let widening = StudentT.quantile(0.9995, degreesOfFreedom: n - 1) / StudentT.quantile(0.975, degreesOfFreedom: n - 1)
    #expect(abs(m - exact) <= widening * ci, "blocked share \(m) ± \(ci), Erlang B at the capped load \(exact)")
    #expect(ci < 0.05 * exact, "half-width \(ci) is not under 5 % of \(exact): the check would lack power")
    // Without the cap the load, and the blocking, would be much higher: the check can fail.
    let uncapped = ErlangQueue.erlangB(agents: Self.agents, load: Self.perHour / 3600 * Self.mean)
    #expect(abs(m - uncapped) > 10 * ci, "the capped run blocks like the uncapped load \(uncapped)")
    #expect(try #require(result.estimates()[.capped]?.mean) > 0)
  }

  /// The closed form against a direct numerical integration of min(x, L)·f(x).
  @Test func cappedMeanMatchesNumericalIntegration() {
    let (mu, sigma, limit) = (5.2, 0.9, 480.0)
    var sum = 0.0
    let steps = 200_000
    for i in 0..<steps {
      let z = -10 + 20 * (Double(i) + 0.5) / Double(steps)
      let density = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
      sum += min(exp(mu + sigma * z), limit) * density * 20 / Double(steps)
    }
    #expect(abs(Self.cappedMean(mu: mu, sigma: sigma, limit: limit) - sum) < 1e-6 * sum)
  }
}
