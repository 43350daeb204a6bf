import CallSim
import Foundation
import Testing

/// Common random numbers: each caller draws every attribute from its own substreams, so a
/// scenario that changes only the routing meets the same callers — first calls and redials.
@Suite struct CommonRandomNumbersTests {
  /// Three fields with an IVR, redials and heavy load, so routing changes who abandons and
  /// when callers call again.
  static func scenario(routing: String) -> String {
    """
    scenario: crn
    simulation: {days: 1, replications: 2, seed: 23}
    arrivals: {per_hour: 700}
    ivr:
      duration: {dist: lognormal, mean: 30s, sd: 10s}
      menu: {traffic: 0.5, water: 0.3, general: 0.2}
      hang_up: 0.05
      self_service: {traffic: 0.1}
    call_types:
      traffic:
        handle: {dist: gamma, mean: 5m, cv: 0.8}
        patience: {dist: exponential, mean: 2m}
        redial: {probability: 0.5, delay: {dist: exponential, mean: 5m}}
      water:
        handle: {dist: lognormal, mean: 6m, sd: 3m}
        wrap_up: {dist: exponential, mean: 20s}
        patience: {dist: weibull, mean: 3m, shape: 0.8}
        redial: {probability: 0.4, delay: {dist: exponential, mean: 8m}}
      general:
        handle: {dist: exponential, mean: 4m}
        patience: {dist: exponential, mean: 2m}
    agent_groups:
      traffic_team: {skills: [traffic, water, general], agents: 24}
      water_team: {skills: [water, traffic, general], agents: 14}
      general_team: {skills: [general, traffic, water], agents: 9}
    routing: \(routing)
    """
  }

  struct Attempt: Equatable {
    var type: String, talk: Double, patience: Double?
  }

  /// Each traced call keyed by (replication, caller, attempt), the attempt counted in
  /// arrival order within the caller.
  static func attempts(_ rows: [RoutingBehaviourTests.Row]) -> [[Int]: (arrival: Double, attempt: Attempt)] {
    var out: [[Int]: (Double, Attempt)] = [:]
    let byCaller = Dictionary(grouping: rows) { [$0.replication, $0.caller] }
    for (caller, calls) in byCaller {
      let ordered = calls.sorted { $0.arrival < $1.arrival }
      #expect(ordered.first?.isRedial == false, "caller \(caller) starts with a redial")
      #expect(ordered.dropFirst().allSatisfy { $0.isRedial })
      for (k, r) in ordered.enumerated() {
        out[caller + [k]] = (r.arrival, Attempt(type: r.type, talk: r.talkDrawn, patience: r.patience))
      }
    }
    return out
  }

  @Test func changingOnlyTheRoutingKeepsEveryCaller() throws {
    let (_, splitResult, splitRows) = try RoutingBehaviourTests.traced(
      Self.scenario(routing: "{mode: split, misroute: {share: 0.1, transfer: {dist: exponential, mean: 40s}}}"))
    let (_, integratedResult, integratedRows) = try RoutingBehaviourTests.traced(
      Self.scenario(routing: "{mode: integrated, generalist: {handle_factor: 1.2}}"))
    let split = Self.attempts(splitRows), integrated = Self.attempts(integratedRows)

    // The two designs differ: other outcomes, other redials.
    #expect(splitResult.estimates()[.abandoned]!.mean != integratedResult.estimates()[.abandoned]!.mean)
    let firstSplit = split.filter { $0.key[2] == 0 }, firstIntegrated = integrated.filter { $0.key[2] == 0 }
    #expect(Set(firstSplit.keys) == Set(firstIntegrated.keys), "the same callers call")
    #expect(firstSplit.count > 20_000)
    for (key, s) in firstSplit {
      let i = try #require(firstIntegrated[key])
      #expect(s.arrival == i.arrival, "caller \(key): arrival")
      #expect(s.attempt == i.attempt, "caller \(key): type, talk or patience")
    }
    // Redials: those made in both designs arrive at other times but are the same caller.
    let redials = split.filter { $0.key[2] > 0 }
    var shared = 0, movedInTime = 0
    for (key, s) in redials {
      guard let i = integrated[key] else { continue }
      shared += 1
      if s.arrival != i.arrival { movedInTime += 1 }
      #expect(s.attempt == i.attempt, "caller \(key[1]) attempt \(key[2]): type, talk or patience")
    }
    #expect(shared > 500)
    // (Most redials follow an abandonment at the same instant in both designs: arrival plus
    // IVR plus patience; those that waited differently arrive at other times.)
    #expect(movedInTime > 50, "redials should arrive at other times under other routing")
  }
}
