import CallSim
import CallSimEngine
import Foundation
import Testing

/// Call-backs offered in the queue against exact theory. Offered as the caller joins the
/// queue (`after: 0s`), always accepted and always reached, with callers who never abandon,
/// the queue is M/M/c in order of arrival, whether a caller holds or hangs up: the share of
/// callers offered is Erlang C's probability of waiting, and the call-back delay (hang-up to
/// call-back) is the wait of those who wait, exponential with mean 1 / (cμ − λ). Two sizes.
/// Statistical: run in release (`swift test -c release --filter CallBackOfferValidationTests`);
/// the seeds are fixed and the tolerance is the 99.9 % band of the simulated mean.
@Suite(.serialized) struct CallBackOfferValidationTests {
  struct Case: CustomStringConvertible, Sendable {
    let agents: Int
    let perHour: Double
    /// Mean handle time, seconds.
    let handle: Double
    var description: String { "\(agents) agents, \(perHour) calls/h" }
  }

  static let cases = [
    Case(agents: 6, perHour: 60, handle: 300),
    Case(agents: 55, perHour: 600, handle: 300),
  ]

  static func scenario(_ c: Case) -> String {
    """
    scenario: callback-erlang-c
    simulation: {days: 40, warmup: 1d, replications: 10, seed: 20261206}
    arrivals: {per_hour: \(c.perHour)}
    call_types:
      calls: {handle: {dist: exponential, mean: \(Int(c.handle))s}}
    agents: \(c.agents)
    callback_offer: {after: 0s, accept: 1}
    """
  }

  /// `estimate` agrees with `exact` within the 99.9 % band, and the band is narrow enough
  /// (under `power` of `exact`) for the check to be able to fail.
  static func agrees(_ estimate: Estimate?, _ exact: Double, power: Double, _ what: String, replications: Int) throws {
    let e = try #require(estimate)
    let (m, ci) = (try #require(e.mean), try #require(e.ci95))
    let n = Double(replications)
    let widening = StudentT.quantile(0.9995, degreesOfFreedom: n - 1) / StudentT.quantile(0.975, degreesOfFreedom: n - 1)
    #expect(abs(m - exact) <= widening * ci, "\(what): \(m) ± \(ci), exact \(exact)")
    #expect(ci < power * exact, "\(what): half-width \(ci) is not under \(power) of \(exact)")
  }

  @Test(arguments: cases) func offersAndDelayAreErlangC(_ c: Case) throws {
    let model = try Scenario.parse(text: Self.scenario(c), file: "callback.yaml").model
    let result = try #require(try SimulationRunner.run(model, threads: 2))
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(3))")
    let load = c.perHour / 3600 * c.handle
    let waitProbability = ErlangQueue.erlangC(agents: c.agents, load: load)
    let meanDelay = 1 / (Double(c.agents) / c.handle - c.perHour / 3600)
    // The share offered, in each replication.
    let offeredShares = result.replications.map { r in
      let t = r.total(fromHour: model.settings.firstMeasuredHour)
      return t.callBackOffered / t.inflow
    }
    let e = result.estimates()
    try Self.agrees(Estimate(offeredShares), waitProbability, power: 0.05, "share offered", replications: result.replications.count)
    try Self.agrees(e[.callBackDelaySeconds], meanDelay, power: 0.06, "call-back delay", replications: result.replications.count)
    // Everyone offered accepts and is reached: nothing is lost, and every call is answered.
    #expect(e[.callBackAccepted]?.mean == e[.callBackOffered]?.mean)
    #expect(e[.callBackLost]?.mean == 0)
    #expect(e[.abandoned]?.mean == 0)
  }
}
