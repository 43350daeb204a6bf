import CallSim
import Foundation
import Testing

/// The catalogue of bad inputs for `call_cap`, `abusive_callers` and `callback_offer`: each case is a small
/// change to a valid scenario and the exact problems reported (as in
/// ``ScenarioErrorCatalogueTests``).
@Suite struct PolicyErrorCatalogueTests {
  static let valid = """
    scenario: policies
    simulation: {days: 2, warmup: 1h, replications: 2, seed: 7}
    arrivals: {per_hour: 60}
    call_types:
      traffic: {share: 0.6, handle: {dist: exponential, mean: 5m}}
      water: {share: 0.4, handle: {dist: exponential, mean: 4m}}
    agent_groups:
      generalists: {skills: [traffic, water], agents: 6}
      abuse_team: {skills: [], agents: 1}
    call_cap: {mode: recommended, limit: 20m, compliance: 0.6, call_back: 0.3, call_back_delay: {dist: exponential, mean: 30m}}
    abusive_callers: {share: 0.01, handle: {dist: lognormal, mean: 14m, sd: 10m}, route_to: abuse_team, recovery: 10m}
    callback_offer: {after: 1m, accept: 0.5, reach: 0.8, attempt: 30s, retries: 2}
    """

  static let cases: [ErrorCatalogue.Case] = [
    .init(name: "zero limit", replace: ("limit: 20m", "limit: 0"),
          expected: ["bad.yaml:10: call_cap.limit: expected a duration above 0, found '0'"]),
    .init(name: "negative limit", replace: ("limit: 20m", "limit: -5m"),
          expected: ["call_cap.limit: expected a duration such as 45s, 3m30s, 1h or 2d (a bare number means seconds), found '-5m'"]),
    .init(name: "compliance above 1", replace: ("compliance: 0.6", "compliance: 1.5"),
          expected: ["bad.yaml:10: call_cap.compliance: expected a share between 0 and 1 in 0…1, found '1.5'"]),
    .init(name: "call_back below 0", replace: ("call_back: 0.3", "call_back: -0.1"),
          expected: ["call_cap.call_back: expected a share between 0 and 1 in 0…1, found '-0.1'"]),
    .init(name: "unknown mode", replace: ("mode: recommended", "mode: soft"),
          expected: ["call_cap.mode: expected one of none, recommended, forced, found 'soft'"]),
    .init(name: "recommended without compliance", replace: (", compliance: 0.6", ""),
          expected: ["call_cap.compliance: missing; expected the share of calls longer than the limit that end at it (recommended cap)"]),
    .init(name: "forced with compliance", replace: ("mode: recommended", "mode: forced"),
          expected: ["call_cap.compliance: is used only with mode: recommended (a forced cap ends every call at the limit)"]),
    .init(name: "forced without limit", replace: ("mode: recommended, limit: 20m, compliance: 0.6", "mode: forced"),
          expected: ["call_cap.limit: missing; expected the talk time after which calls end, such as 20m"]),
    .init(name: "call-backs without delay", replace: (", call_back_delay: {dist: exponential, mean: 30m}", ""),
          expected: ["call_cap.call_back_delay: missing; expected a distribution of the time before a cut-off caller calls again (call_back is above 0)"]),
    .init(name: "share above 1", replace: ("share: 0.01", "share: 2"),
          expected: ["bad.yaml:11: abusive_callers.share: expected a share between 0 and 1 in 0…1, found '2'"]),
    .init(name: "route_to naming no group", replace: ("route_to: abuse_team", "route_to: abuse_tem"),
          expected: ["agent_groups.abuse_team.skills: expected at least one call type (a group with no skills could take no call), found a list",
                     "bad.yaml:11: abusive_callers.route_to: 'abuse_tem' is not an agent group; did you mean 'abuse_team'? (expected general or one of: generalists, abuse_team)"]),
    .init(name: "route_to a group with skills", replace: ("abuse_team: {skills: []", "abuse_team: {skills: [water]"),
          expected: ["abusive_callers.route_to: group 'abuse_team' must be declared with skills: [] (its agents take only abusive callers)"]),
    .init(name: "recovery that does not parse", replace: ("recovery: 10m", "recovery: ten minutes"),
          expected: ["abusive_callers.recovery: expected a duration such as 10m (0 for none) or a distribution such as {dist: exponential, mean: 10m}, found 'ten minutes'"]),
    .init(name: "negative recovery", replace: ("recovery: 10m", "recovery: -1m"),
          expected: ["abusive_callers.recovery: expected a duration such as 10m (0 for none) or a distribution such as {dist: exponential, mean: 10m}, found '-1m'"]),
    .init(name: "abusive callers without handle", replace: ("handle: {dist: lognormal, mean: 14m, sd: 10m}, ", ""),
          expected: ["abusive_callers.handle: missing; expected a talk-time distribution of abusive calls"]),
    .init(name: "call type's own cap with a zero limit",
          replace: ("mean: 4m}}", "mean: 4m}, call_cap: {mode: forced, limit: 0s}}"),
          expected: ["bad.yaml:6: call_types.water.call_cap.limit: expected a duration above 0, found '0s'"]),
    .init(name: "unknown abusive key", replace: ("recovery: 10m", "recovery: 10m, recover: 5m"),
          expected: ["abusive_callers.recover: unknown key; did you mean 'recovery'?"]),
    .init(name: "accept above 1", replace: ("accept: 0.5", "accept: 1.5"),
          expected: ["bad.yaml:12: callback_offer.accept: expected a share between 0 and 1 in 0…1, found '1.5'"]),
    .init(name: "accept missing", replace: ("accept: 0.5, ", ""),
          expected: ["bad.yaml:12: callback_offer.accept: missing; expected the share of the callers offered a call-back who accept it"]),
    .init(name: "reach below 0", replace: ("reach: 0.8", "reach: -0.2"),
          expected: ["bad.yaml:12: callback_offer.reach: expected a share between 0 and 1 in 0…1, found '-0.2'"]),
    .init(name: "negative offer wait", replace: ("after: 1m", "after: -1m"),
          expected: ["bad.yaml:12: callback_offer.after: expected a duration such as 45s, 3m30s, 1h or 2d (a bare number means seconds), found '-1m'"]),
    .init(name: "retries past 100", replace: ("retries: 2", "retries: 101"),
          expected: ["bad.yaml:12: callback_offer.retries: expected a whole number of retries from 0 to 100, found '101'"]),
    .init(name: "attempt time without its mean", replace: ("attempt: 30s", "attempt: {dist: exponential}"),
          expected: ["bad.yaml:12: callback_offer.attempt.mean: missing; a exponential distribution needs a mean"]),
    .init(name: "unknown offer key", replace: ("retries: 2", "retry: 2"),
          expected: ["bad.yaml:12: callback_offer.retry: unknown key (expected one of: after, accept, reach, attempt, retries)"]),
    .init(name: "call type's own offer with accept above 1",
          replace: ("mean: 4m}}", "mean: 4m}, callback_offer: {after: 0s, accept: 2}}"),
          expected: ["bad.yaml:6: call_types.water.callback_offer.accept: expected a share between 0 and 1 in 0…1, found '2'"]),
  ]

  @Test(arguments: cases)
  func reportsExactly(_ c: ErrorCatalogue.Case) throws {
    try ErrorCatalogue.check(c, on: Self.valid)
  }

  @Test func theValidScenarioIsValid() throws {
    #expect(try ScenarioFixture().problems(Self.valid).isEmpty)
  }

  /// A group routed nothing may not go without skills; `route_to: general` keeps that rule.
  @Test func routeToGeneralKeepsTheNoSkillsRule() throws {
    let text = Self.valid.replacingOccurrences(of: "route_to: abuse_team", with: "route_to: general")
    let problems = try ScenarioFixture().problems(text)
    #expect(problems.count == 1 && problems[0].contains("agent_groups.abuse_team.skills: expected at least one call type"), "\(problems)")
  }
}
