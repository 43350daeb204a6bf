import CallSim
import Foundation
import Testing

@Suite struct ExtendsTests {
  static let base = """
    scenario: base
    simulation: {days: 2, replications: 2, seed: 7}
    arrivals: {per_hour: 60}
    call_types:
      call: {handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}
    agents: 6
    """

  @Test func childOverridesAndMergesDeeply() throws {
    let fixture = try ScenarioFixture()
    try fixture.write("base.yaml", Self.base)
    let child = try fixture.load("child.yaml", """
      extends: base.yaml
      scenario: child
      simulation: {seed: 9}
      call_types: {call: {patience: {dist: exponential, mean: 1m}}}
      """)
    #expect(child.model.name == "child")
    #expect(child.model.settings.seed == 9)
    #expect(child.model.settings.days == 2)
    #expect(child.model.staffing.peak == 6)
    #expect(child.model.callTypes[0].patience == .exponential(mean: 60))
    #expect(child.model.callTypes[0].handle == .exponential(mean: 300))
    let yaml = try child.resolved.yaml()
    #expect(!yaml.contains("extends"))
    #expect(yaml.contains("scenario: child"))
  }

  @Test func problemsPointAtTheFileThatHasThem() throws {
    let fixture = try ScenarioFixture()
    try fixture.write("base.yaml", Self.base.replacingOccurrences(of: "agents: 6", with: "agents: -6"))
    let problems = try fixture.problems("extends: base.yaml\nscenario: child\n")
    #expect(problems.count == 1 && problems[0].contains("base.yaml:6: agents:"), "\(problems)")
  }

  @Test func cyclesAreRefused() throws {
    let fixture = try ScenarioFixture()
    try fixture.write("a.yaml", "extends: b.yaml\nscenario: a\n")
    try fixture.write("b.yaml", "extends: a.yaml\nscenario: b\n")
    let problems = try fixture.problems("extends: a.yaml\nscenario: c\n")
    #expect(problems.count == 1 && problems[0].contains("makes a cycle"), "\(problems)")
  }

  @Test func pathsOutsideTheFolderNeedPermission() throws {
    let fixture = try ScenarioFixture()
    let problems = try fixture.problems("extends: ../elsewhere.yaml\nscenario: c\n")
    #expect(problems.count == 1 && problems[0].contains("outside the scenario's folder") && problems[0].contains("--allow-outside"), "\(problems)")
    let csv = try fixture.problems(Self.base.replacingOccurrences(of: "per_hour: 60", with: "rates: /etc/passwd"))
    #expect(csv.count == 1 && csv[0].contains("outside the scenario's folder"), "\(csv)")
  }

  @Test func missingParentIsNamed() throws {
    let problems = try ScenarioFixture().problems("extends: nowhere.yaml\nscenario: c\n")
    #expect(problems.count == 1 && problems[0].contains("nowhere.yaml: no such scenario file"), "\(problems)")
  }
}
