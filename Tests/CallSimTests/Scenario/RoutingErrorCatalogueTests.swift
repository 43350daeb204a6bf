import CallSim
import Foundation
import Testing

/// The catalogue of bad inputs for agent groups and routing: each case is a small change to
/// a valid scenario and the exact problems reported (as in ``ScenarioErrorCatalogueTests``).
@Suite struct RoutingErrorCatalogueTests {
  static let valid = """
    scenario: groups
    simulation: {days: 2, warmup: 1h, replications: 2, seed: 7}
    arrivals: {per_hour: 60}
    call_types:
      traffic: {share: 0.6, handle: {dist: exponential, mean: 5m}}
      water: {share: 0.4, handle: {dist: exponential, mean: 4m}, priority: 1}
    agent_groups:
      traffic_team: {skills: [traffic, water], agents: 4}
      water_team: {skills: [water], agents: 3}
    routing: {mode: split}
    """

  static let cases: [ErrorCatalogue.Case] = [
    .init(name: "skill naming no call type", replace: ("skills: [water]", "skills: [watr]"),
          expected: ["bad.yaml:9: agent_groups.water_team.skills[0]: 'watr' is not a call type; did you mean 'water'? (call types: traffic, water)"]),
    .init(name: "group with no skills", replace: ("skills: [water]", "skills: []"),
          expected: ["agent_groups.water_team.skills: expected at least one call type (a group with no skills could take no call), found a list"]),
    .init(name: "skill listed twice", replace: ("skills: [water]", "skills: [water, water]"),
          expected: ["agent_groups.water_team.skills[1]: 'water' is listed twice"]),
    .init(name: "type no group can serve under split", replace: ("skills: [water]", "skills: [traffic]"),
          expected: ["agent_groups: no group can serve call type 'water': list it as its home type (the first skill; split routing)"]),
    .init(name: "type without any skilled group, integrated",
          replace: ("skills: [traffic, water], agents: 4}\n  water_team: {skills: [water], agents: 3}\nrouting: {mode: split}", "skills: [traffic], agents: 4}\nrouting: {mode: integrated}"),
          expected: ["agent_groups: no group can serve call type 'water': list it among its skills"]),
    .init(name: "overflow_after without overflow", replace: ("{mode: split}", "{mode: split, overflow_after: 30s}"),
          expected: ["bad.yaml:10: routing.overflow_after: is used only with mode: overflow (mode is split)"]),
    .init(name: "overflow without overflow_after", replace: ("{mode: split}", "{mode: overflow}"),
          expected: ["routing.overflow_after: missing; expected the wait after which any skilled agent may take a call, such as 30s (mode: overflow)"]),
    .init(name: "misroute under integrated",
          replace: ("{mode: split}", "{mode: integrated, misroute: {share: 0.1, transfer: {dist: exponential, mean: 30s}}}"),
          expected: ["routing.misroute: is used only with mode: split or overflow (under integrated every agent takes every field, so no call is misrouted)"]),
    .init(name: "misroute share above 1",
          replace: ("{mode: split}", "{mode: split, misroute: {share: 1.5, transfer: {dist: exponential, mean: 30s}}}"),
          expected: ["routing.misroute.share: expected a share between 0 and 1 in 0…1, found '1.5'"]),
    .init(name: "unknown mode", replace: ("{mode: split}", "{mode: pooled}"),
          expected: ["routing.mode: expected one of split, integrated, overflow, found 'pooled'"]),
    .init(name: "negative handle factor", replace: ("{mode: split}", "{mode: split, generalist: {handle_factor: -1}}"),
          expected: ["routing.generalist.handle_factor: expected a positive factor, found '-1'"]),
    .init(name: "non-numeric start factor",
          replace: ("{mode: split}", "{mode: split, generalist: {learning: {start_factor: slow, half_life: 21d}}}"),
          expected: ["routing.generalist.learning.start_factor: expected a positive factor, found 'slow'"]),
    .init(name: "zero half-life",
          replace: ("{mode: split}", "{mode: split, generalist: {learning: {start_factor: 1.3, half_life: 0d}}}"),
          expected: ["routing.generalist.learning.half_life: expected a duration above 0, found '0d'"]),
    .init(name: "agents beside agent_groups", replace: ("routing: {mode: split}", "routing: {mode: split}\nagents: 5"),
          expected: ["agents: use either agents (one pool of generalists) or agent_groups, not both"]),
    .init(name: "fractional priority", replace: ("priority: 1", "priority: 1.5"),
          expected: ["call_types.water.priority: expected a whole-number priority (lower is served first) from -1000000 to 1000000, found '1.5'"]),
    .init(name: "bad group name", replace: ("water_team:", "water team!:"),
          expected: ["agent_groups.water team!: group names may use letters, digits, '_' and '-' only"]),
    .init(name: "misroute with one call type",
          replace: (
            "traffic: {share: 0.6, handle: {dist: exponential, mean: 5m}}\n  water: {share: 0.4, handle: {dist: exponential, mean: 4m}, priority: 1}\nagent_groups:\n  traffic_team: {skills: [traffic, water], agents: 4}\n  water_team: {skills: [water], agents: 3}\nrouting: {mode: split}",
            "traffic: {handle: {dist: exponential, mean: 5m}}\nagent_groups:\n  traffic_team: {skills: [traffic], agents: 4}\nrouting: {mode: split, misroute: {share: 0.1, transfer: {dist: exponential, mean: 30s}}}"),
          expected: ["routing.misroute: needs at least two call types (a caller can only pick a wrong field if there is one)"]),
  ]

  @Test(arguments: cases)
  func reportsExactly(_ c: ErrorCatalogue.Case) throws {
    try ErrorCatalogue.check(c, on: Self.valid)
  }

  @Test func theValidScenarioIsValid() throws {
    #expect(try ScenarioFixture().problems(Self.valid).isEmpty)
  }
}
