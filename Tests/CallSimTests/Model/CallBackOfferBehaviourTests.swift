import CallSim
import Foundation
import Testing

/// What call-back offers do, read from the counts and the `--trace` rows of `calls.csv`:
/// unreached call-backs are retried and then lost, reached ones are answered, offers follow
/// each call type's own setting, and offering call-backs changes no caller's draws. Every
/// call still ends in exactly one outcome (checked in each traced run).
@Suite(.serialized) struct CallBackOfferBehaviourTests {
  static func scenario(offer: String, typeOffer: String = "") -> String {
    """
    scenario: callback-behaviour
    simulation: {days: 3, warmup: 2h, replications: 3, seed: 41}
    arrivals: {per_hour: 320}
    trunks: 40
    call_types:
      traffic: {share: 0.6, handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 4m}, redial: {probability: 0.4, delay: {dist: exponential, mean: 10m}}}
      water: {share: 0.4, handle: {dist: lognormal, mean: 5m, sd: 4m}, patience: {dist: exponential, mean: 3m}\(typeOffer)}
    agent_groups:
      traffic_team: {skills: [traffic, water], agents: 16}
      water_team: {skills: [water, traffic], agents: 10}
    routing: {mode: overflow, overflow_after: 30s}
    \(offer)
    """
  }

  static func mean(_ result: RunResult, _ metric: Metric, type: Int? = nil) throws -> Double {
    let e = type.map { result.estimates(callType: $0) } ?? result.estimates()
    return try #require(e[metric]?.mean, "\(metric)")
  }

  @Test func unreachedCallBacksAreRetriedThenLost() throws {
    let (_, result, rows) = try RoutingBehaviourTests.traced(
      Self.scenario(offer: "callback_offer: {after: 20s, accept: 1, reach: 0, attempt: 30s, retries: 2}"))
    let accepted = try Self.mean(result, .callBackAccepted), lost = try Self.mean(result, .callBackLost)
    #expect(accepted > 200, "too few call-backs for the check")
    #expect(try Self.mean(result, .callBackCompleted) == 0)
    // Every accepted call-back is lost after three attempts, but for the few still queued at the end.
    #expect(lost <= accepted && lost > 0.98 * accepted, "lost \(lost) of \(accepted)")
    let lostRows = rows.filter { $0.outcome == "callback_lost" }
    #expect(Double(lostRows.count) == lost * Double(result.replications.count))
    #expect(lostRows.allSatisfy { $0.group.isEmpty && $0.handle == nil })
  }

  @Test func reachedCallBacksAreAnsweredAndTheirDelayIsMeasured() throws {
    let (_, result, _) = try RoutingBehaviourTests.traced(
      Self.scenario(offer: "callback_offer: {after: 20s, accept: 0.7, reach: 1}"))
    let offered = try Self.mean(result, .callBackOffered), accepted = try Self.mean(result, .callBackAccepted)
    let completed = try Self.mean(result, .callBackCompleted)
    #expect(offered > 300 && accepted < offered && accepted > 0.6 * offered, "offered \(offered), accepted \(accepted)")
    #expect(try Self.mean(result, .callBackLost) == 0)
    #expect(completed <= accepted && completed > 0.98 * accepted)
    #expect(try Self.mean(result, .callBackDelaySeconds) > 0)
    let inTime = try Self.mean(result, .callBackDelayWithinTarget)
    #expect(inTime > 0 && inTime < 1)
  }

  @Test func aCallTypesOwnOfferReplacesTheModels() throws {
    let (_, result, _) = try RoutingBehaviourTests.traced(
      Self.scenario(offer: "", typeOffer: ", callback_offer: {after: 0s, accept: 1}"))
    #expect(try Self.mean(result, .callBackOffered, type: 0) == 0, "traffic has no offer")
    #expect(try Self.mean(result, .callBackOffered, type: 1) > 100)
    // Offered as they join, accepted by all: no water caller abandons.
    #expect(try Self.mean(result, .abandoned, type: 1) == 0)
    #expect(try Self.mean(result, .abandoned, type: 0) > 0)
  }

  /// The offer's draws come from substreams of their own: every caller arrives with the same
  /// type and talk time with or without offers.
  @Test func offeringCallBacksKeepsEveryCaller() throws {
    let (_, withOffers, offerRows) = try RoutingBehaviourTests.traced(
      Self.scenario(offer: "callback_offer: {after: 10s, accept: 0.5, reach: 0.6, attempt: 20s, retries: 1}"))
    let (_, without, plainRows) = try RoutingBehaviourTests.traced(Self.scenario(offer: ""))
    #expect(try Self.mean(withOffers, .abandoned) < Self.mean(without, .abandoned))
    let first = { (rows: [RoutingBehaviourTests.Row]) in
      Dictionary(uniqueKeysWithValues: rows.filter { !$0.isRedial }.map { ([$0.replication, $0.caller], $0) })
    }
    let a = first(offerRows), b = first(plainRows)
    #expect(Set(a.keys) == Set(b.keys) && a.count > 2_000)
    for (key, r) in a {
      let s = try #require(b[key])
      #expect(r.type == s.type && r.talkDrawn == s.talkDrawn && r.arrival == s.arrival, "caller \(key)")
    }
  }

  /// Without `callback_offer` no output names the call-back metrics.
  @Test func scenariosWithoutOffersReportNoCallBackMetrics() throws {
    let model = try Scenario.parse(text: Self.scenario(offer: ""), file: "plain.yaml").model
    let result = try #require(try SimulationRunner.run(model, threads: 2))
    #expect(result.estimates().keys.allSatisfy { $0.reportedWith == nil })
    #expect(Metric.reported(for: model) == Metric.allCases.filter { $0.reportedWith == nil })
    #expect(Metric.allCases.filter { $0.reportedWith == .callBackOffers }.count == 6)
  }
}
