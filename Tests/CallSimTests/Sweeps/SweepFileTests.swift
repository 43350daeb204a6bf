import CallSim
import Foundation
import Testing

/// The sweep file: grid expansion (lists, ranges, zipped lists, list indices, removed keys)
/// and the catalogue of bad sweep files, each with the exact problems reported.
@Suite struct SweepFileTests {
  static let base = ScenarioErrorCatalogueTests.valid

  static let groupsBase = """
    scenario: groups
    simulation: {days: 1, replications: 2, seed: 7}
    arrivals: {per_hour: 60}
    call_types:
      traffic: {share: 0.6, handle: {dist: exponential, mean: 5m}}
      water: {share: 0.4, handle: {dist: exponential, mean: 4m}}
    agent_groups:
      traffic_team: {skills: [traffic, water], agents: 4}
      water_team: {skills: [water], agents: 3}
    routing: {mode: split}
    targets: {service_level: {within: 20s, share: 0.8}}
    """

  static let valid = """
    sweep: grid
    base: base.yaml
    replications: 3
    parameters:
      agents: [5, 6, 7]
      call_types.call.patience.mean: [1m, 3m]
    metrics: [answer_rate, service_level]
    """

  /// Loads `sweep` beside `base`; the sweep or the problems, one string each.
  struct Problems: Error { var lines: [String] }

  static func load(_ sweep: String, base: String = SweepFileTests.base) throws -> Result<Sweep, Problems> {
    let fixture = try ScenarioFixture()
    try fixture.write("base.yaml", base)
    let path = try fixture.write("sweep.yaml", sweep)
    do {
      return .success(try Sweep.load(path))
    } catch let error as ScenarioError {
      return .failure(Problems(lines: error.issues.map { $0.description.replacingOccurrences(of: fixture.folder.path + "/", with: "") }))
    }
  }

  static func sweep(_ text: String, base: String = SweepFileTests.base) throws -> Sweep {
    switch try load(text, base: base) {
    case .success(let s): return s
    case .failure(let problems): Issue.record("unexpected problems: \(problems.lines)"); throw CancellationError()
    }
  }

  @Test func productInGridOrderLastParameterFastest() throws {
    let s = try Self.sweep(Self.valid)
    #expect(s.name == "grid")
    // A duration parameter: its column says seconds, its labels are seconds.
    #expect(s.parameters == ["agents", "call_types.call.patience.mean_seconds"])
    #expect(s.metrics == [SweepMetric(.answerRate), SweepMetric(.serviceLevel)])
    #expect(s.points.map(\.labels) == [["5", "60"], ["5", "180"], ["6", "60"], ["6", "180"], ["7", "60"], ["7", "180"]])
    #expect(s.points.map(\.number) == Array(1...6))
    #expect(s.points.map { $0.model.agentGroups[0].staffing.peak } == [5, 5, 6, 6, 7, 7])
    #expect(s.points.map { $0.model.callTypes[0].patience?.mean } == [60, 180, 60, 180, 60, 180])
    // The sweep's replications; the base's seed (every point on the same one).
    #expect(s.points.allSatisfy { $0.model.settings.replications == 3 && $0.model.settings.seed == 7 })
  }

  @Test func rangesOfNumbersAndDurations() throws {
    let s = try Self.sweep(Self.valid.replacingOccurrences(of: "[5, 6, 7]", with: "{from: 4, to: 8, step: 2}")
      .replacingOccurrences(of: "[1m, 3m]", with: "{from: 30s, to: 1m30s, step: 30s}"))
    #expect(s.points.map(\.labels).map { $0.joined(separator: "/") } == ["4/30", "4/60", "4/90", "6/30", "6/60", "6/90", "8/30", "8/60", "8/90"])
    #expect(s.parameters == ["agents", "call_types.call.patience.mean_seconds"], "a range of durations is in seconds")
    let fractional = try Self.sweep(Self.valid.replacingOccurrences(of: "agents: [5, 6, 7]", with: "arrivals.per_hour: {from: 0.1, to: 0.3, step: 0.1}"))
    // 0.1 + 2 × 0.1 is 0.30000000000000004 in binary: shown and used as 0.3.
    #expect(Set(fractional.points.map { $0.labels[0] }) == ["0.1", "0.2", "0.3"])
  }

  @Test func zippedListsListIndicesAndRemovedKeys() throws {
    let s = try Self.sweep(
      """
      sweep: modes
      base: base.yaml
      seed: 99
      parameters:
        agent_groups.traffic_team.skills[1]: [water]
        zip:
          routing.mode: [split, overflow, integrated]
          routing.overflow_after: [~, 30s, null]
      metrics: [answer_rate]
      """, base: Self.groupsBase)
    #expect(s.parameters == ["agent_groups.traffic_team.skills[1]", "routing.mode", "routing.overflow_after_seconds"])
    #expect(s.points.map(\.labels) == [["water", "split", ""], ["water", "overflow", "30"], ["water", "integrated", ""]])
    #expect(s.points.map(\.model.routing.mode.rawValue) == ["split", "overflow", "integrated"])
    #expect(s.points.allSatisfy { $0.model.settings.seed == 99 && $0.model.settings.replications == 2 })
  }

  @Test func fingerprintFollowsTheResolvedSweep() throws {
    let a = try Self.sweep(Self.valid)
    let b = try Self.sweep(Self.valid + "\ndescription: same points, another text")
    let c = try Self.sweep(Self.valid.replacingOccurrences(of: "replications: 3", with: "replications: 4"))
    #expect(a.fingerprint.count == 16)
    #expect(a.fingerprint == b.fingerprint)
    #expect(a.fingerprint != c.fingerprint)
  }

  typealias Case = ErrorCatalogue.Case

  static let cases: [Case] = [
    Case(name: "unknown key", replace: ("metrics:", "replication: 2\nmetrics:"),
         expected: ["error: sweep.yaml:7: replication: unknown key; did you mean 'replications'? (expected one of: sweep, description, base, replications, seed, parameters, metrics)"]),
    Case(name: "missing base", replace: ("base: base.yaml\n", ""),
         expected: ["error: sweep.yaml:1: base: missing; expected the base scenario's file, relative to the sweep file"]),
    Case(name: "base not found", replace: ("base: base.yaml", "base: bsae.yaml"),
         expected: ["error: sweep.yaml:2: base: no such file 'bsae.yaml'; expected the base scenario's file, relative to the sweep file"]),
    Case(name: "base outside the folder", replace: ("base: base.yaml", "base: ../base.yaml"),
         expected: ["error: sweep.yaml:2: base: '../base.yaml' is outside the scenario's folder"]),
    Case(name: "unknown metric", replace: ("service_level]", "servce_level]"),
         expected: ["error: sweep.yaml:7: metrics[1]: 'servce_level' is not a metric; did you mean 'service_level'?"]),
    Case(name: "a channel metric misspelt", replace: ("[answer_rate, service_level]", "[answer_rate, phone.answr_rate]"),
         expected: ["error: sweep.yaml:7: metrics[1]: 'phone.answr_rate' is not a metric; did you mean 'phone.answer_rate'?"]),
    Case(name: "agent time per channel", replace: ("[answer_rate, service_level]", "[answer_rate, phone.occupancy]"),
         expected: ["error: sweep.yaml:7: metrics[1]: 'phone.occupancy' is agent time, kept for all contacts, not per channel; use occupancy"]),
    Case(name: "metric twice", replace: ("service_level]", "answer_rate]"),
         expected: ["error: sweep.yaml:7: metrics[1]: 'answer_rate' is listed twice"]),
    Case(name: "replications out of range", replace: ("replications: 3", "replications: 0"),
         expected: ["error: sweep.yaml:3: replications: expected a number of replications per point from 1 to 10000, found '0'"]),
    Case(name: "bad key path", replace: ("agents: [5, 6, 7]", "agents..x: [5]"),
         expected: ["error: sweep.yaml:5: parameters.agents..x: expected a key before each '.' and '[' (such as roster[2].agents)"]),
    Case(name: "bad index", replace: ("agents: [5, 6, 7]", "agents[x]: [5]"),
         expected: ["error: sweep.yaml:5: parameters.agents[x]: expected a list index as [N] with N a whole number ≥ 0 (such as roster[2].agents)"]),
    Case(name: "empty list", replace: ("[5, 6, 7]", "[]"),
         expected: ["error: sweep.yaml:5: parameters.agents: expected at least one value, found a list"]),
    Case(name: "range with a zero step", replace: ("[5, 6, 7]", "{from: 5, to: 7, step: 0}"),
         expected: ["error: sweep.yaml:5: parameters.agents.step: expected a step that leads from 5 to 7 (non-zero, of the same sign as to − from), found '0'"]),
    Case(name: "range without to", replace: ("[5, 6, 7]", "{from: 5, step: 1}"),
         expected: ["error: sweep.yaml:5: parameters.agents.to: missing; expected a number or a duration (range {from, to, step})"]),
    Case(name: "range step far too small", replace: ("[5, 6, 7]", "{from: 1, to: 1000000, step: 1}"),
         expected: ["error: sweep.yaml:5: parameters.agents.step: expected a step giving at most 100000 values, found 1000000 values, found '1'"]),
    Case(name: "grid too large", replace: ("[1m, 3m]", "{from: 1, to: 40000, step: 1}"),
         expected: ["error: sweep.yaml:5: parameters: the grid has 120000 points; expected at most 100000 (check each range's step)"]),
    Case(name: "zip of unequal lists", replace: ("  agents: [5, 6, 7]\n", "  zip:\n    agents: [5, 6, 7]\n    arrivals.per_hour: [60, 70]\n"),
         expected: ["error: sweep.yaml:7: parameters.zip.arrivals.per_hour: has 2 values; expected 3, as many as 'agents' (zipped lists are read side by side)"]),
    Case(name: "same path twice", replace: ("  agents: [5, 6, 7]\n", "  zip:\n    agents: [5, 6, 7]\n    arrivals.per_hour: [60, 70, 80]\n  agents: [1]\n"),
         expected: ["error: sweep.yaml:8: parameters.agents: the key path 'agents' is swept twice"]),
    Case(name: "index past the list", replace: ("agents: [5, 6, 7]", "call_types.call.handle[0]: [1]"),
         expected: ["error: sweep.yaml:5: parameters.call_types.call.handle[0]: point 1 of 2 (call_types.call.handle[0]=1, call_types.call.patience.mean_seconds=60): cannot set 'call_types.call.handle[0]': 'call_types.call.handle' is a mapping in the base scenario, not a list (and 1 other point)"]),
    Case(name: "a value invalid at some points", replace: ("[5, 6, 7]", "[5, -1, 7]"),
         expected: ["error: sweep.yaml:5: agents: point 3 of 6 (agents=-1, call_types.call.patience.mean_seconds=60): expected a number of agents from 0 to 1000000, found '-1' (and 1 other point)"]),
    Case(name: "a misspelt key path", replace: ("call_types.call.patience.mean", "call_types.call.patince.mean"),
         expected: ["error: sweep.yaml:6: call_types.call.patince: point 1 of 6 (agents=5, call_types.call.patince.mean_seconds=60): unknown key; did you mean 'patience'? (expected one of: share, handle, wrap_up, patience, redial, priority, call_cap, targets, callback_offer, channel, deadline, arrivals) (and 5 other points)"]),
  ]

  @Test(arguments: cases) func badSweepFile(_ c: Case) throws {
    precondition(Self.valid.contains(c.replace.0), "case \(c.name): text to replace not found")
    switch try Self.load(Self.valid.replacingOccurrences(of: c.replace.0, with: c.replace.1)) {
    case .success: Issue.record("\(c.name): accepted")
    case .failure(let failure):
      let problems = failure.lines
      #expect(problems.count == c.expected.count, "\(problems)")
      for (got, want) in zip(problems, c.expected) { #expect(got.hasPrefix(want), "\(got)") }
    }
  }

  @Test func invalidBaseIsReportedInTheBase() throws {
    let result = try Self.load(Self.valid, base: Self.base.replacingOccurrences(of: "agents: 6", with: "agents: 6\nagnets: 1"))
    guard case .failure(let failure) = result else { Issue.record("accepted"); return }
    let problems = failure.lines
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("error: base.yaml:9: agnets: point 1 of 6 (agents=5, call_types.call.patience.mean_seconds=60): unknown key") == true, "\(problems)")
    #expect(problems.first?.hasSuffix("(and 5 other points)") == true, "\(problems)")
  }
}
