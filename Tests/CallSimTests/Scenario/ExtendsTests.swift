import CallSim
import CallSimEngine
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
    #expect(child.model.agentGroups[0].staffing.peak == 6)
    #expect(child.model.callTypes[0].patience == .exponential(mean: 60))
    #expect(child.model.callTypes[0].handle == .exponential(mean: 300))
    let yaml = try child.resolved.yaml()
    #expect(!yaml.contains("extends"))
    #expect(yaml.contains("scenario: child"))
  }

  /// `~` (YAML null) under `extends:` removes the inherited key: it was refused as "expected a
  /// share". Every spelling of null, nested keys and whole sections, through a chain.
  @Test func nullRemovesAnInheritedKey() throws {
    let fixture = try ScenarioFixture()
    try fixture.write("base.yaml", Self.base + """

      ivr: {duration: {dist: exponential, mean: 30s}, menu: {call: 1}, hang_up: 0.1}
      targets: {answer_rate: 0.9, service_level: {within: 20s, share: 0.8}, max_occupancy: 0.9}
      """)
    let inherited = try fixture.load("plain.yaml", "extends: base.yaml\nscenario: plain\n")
    #expect(inherited.model.targets.answerRate == 0.9)
    #expect(inherited.model.ivr != nil)
    for null in ["~", "null", "Null", ""] {
      let child = try fixture.load("child.yaml", """
        extends: base.yaml
        scenario: child
        targets: {answer_rate: \(null), max_occupancy: \(null)}
        call_types: {call: {patience: \(null)}}
        ivr: \(null)
        """)
      #expect(child.model.targets.answerRate == nil, "\(null)")
      #expect(child.model.targets.maxOccupancy == nil, "\(null)")
      #expect(child.model.targets.serviceLevelShare == 0.8, "the other targets stay")
      #expect(child.model.callTypes[0].patience == nil)
      #expect(child.model.ivr == nil)
      let yaml = try child.resolved.yaml()
      #expect(!yaml.contains("answer_rate") && !yaml.contains("ivr") && !yaml.contains("patience"), "\(yaml)")
    }
    // Through a chain, and for a key the base does not have.
    try fixture.write("middle.yaml", "extends: base.yaml\nscenario: middle\ntargets: {answer_rate: ~}\ntrunks: ~\n")
    let last = try fixture.load("last.yaml", "extends: middle.yaml\nscenario: last\n")
    #expect(last.model.targets.answerRate == nil && last.model.targets.maxOccupancy == 0.9)
    // A quoted "~" is a string, not null: still refused as a share.
    let problems = try fixture.problems("extends: base.yaml\nscenario: q\ntargets: {answer_rate: \"~\"}\n")
    #expect(problems.count == 1 && problems[0].contains("targets.answer_rate"), "\(problems)")
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

/// Paths are checked on their real location, and resolved beside the file that names them.
@Suite struct ScenarioPathTests {
  static let secret = "top-secret-line"

  /// A folder outside the fixture holding a file whose content must never be printed.
  func outsideFile(_ name: String) throws -> String {
    let outside = try ScenarioFixture()
    return try outside.write(name, "\(Self.secret)\n\(Self.secret)\n")
  }

  @Test func symbolicLinksLeadingOutsideAreRefusedWithoutPrintingTheTarget() throws {
    let fixture = try ScenarioFixture()
    let target = try outsideFile("target.yaml")
    for link in ["link.yaml", "link.csv"] {
      try FileManager.default.createSymbolicLink(atPath: fixture.folder.appendingPathComponent(link).path, withDestinationPath: target)
    }
    let cases = [
      "extends: link.yaml\nscenario: c\n",
      ExtendsTests.base.replacingOccurrences(of: "per_hour: 60", with: "rates: link.csv"),
      ExtendsTests.base.replacingOccurrences(of: "dist: exponential, mean: 5m", with: "dist: empirical, file: link.csv"),
    ]
    for text in cases {
      let problems = try fixture.problems(text)
      #expect(problems.count == 1 && problems[0].contains("is outside the scenario's folder") && problems[0].contains("(symbolic links followed)"), "\(problems)")
      #expect(!problems.joined().contains(Self.secret), "\(problems)")
    }
    // With permission the link is followed (and the file read: it is no rate table).
    let path = try fixture.write("ok.yaml", ExtendsTests.base.replacingOccurrences(of: "per_hour: 60", with: "rates: link.csv"))
    #expect { try Scenario.load(path, allowOutside: true) } throws: { "\($0)".contains("the header must be") }
  }

  @Test func aDataFileNamedInABaseIsFoundBesideTheBase() throws {
    let fixture = try ScenarioFixture()
    try FileManager.default.createDirectory(at: fixture.folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
    var csv = "weekday,hour,calls_per_hour\n"
    for d in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] { for h in 0..<24 { csv += "\(d),\(h),42\n" } }
    try fixture.write("sub/rates.csv", csv)
    try fixture.write("sub/durations.csv", "seconds\n100\n200\n")
    try fixture.write("sub/base.yaml", ExtendsTests.base.replacingOccurrences(of: "per_hour: 60", with: "rates: rates.csv")
      .replacingOccurrences(of: "dist: exponential, mean: 5m", with: "dist: empirical, file: durations.csv"))
    let child = try fixture.load("child.yaml", "extends: sub/base.yaml\nscenario: child\n")
    #expect(child.model.arrivals.callsPerHour.allSatisfy { $0 == 42 })
    #expect(child.model.callTypes[0].handle == .empirical(EmpiricalSample(values: [100, 200])))
  }

  /// The files `callsim fit durations` reads: comment lines, then a header, blank lines
  /// anywhere; an error names the line as an editor numbers it.
  @Test func anEmpiricalFileMayOpenWithCommentsBeforeItsHeader() throws {
    let fixture = try ScenarioFixture()
    try fixture.write("durations.csv", "# observed in March\n# seconds, whole\n\nhandle_seconds\n100\n\n200\n")
    let text = ExtendsTests.base.replacingOccurrences(of: "dist: exponential, mean: 5m", with: "dist: empirical, file: durations.csv")
    #expect(try fixture.load("s.yaml", text).model.callTypes[0].handle == .empirical(EmpiricalSample(values: [100, 200])))
    try fixture.write("durations.csv", "# observed in March\nhandle_seconds\n100\n\nlong\n")
    let problems = try fixture.problems(text)
    #expect(problems.count == 1 && problems[0].hasSuffix("durations.csv:5: expected a duration ≥ 0, found 'long'"), "\(problems)")
  }
}
