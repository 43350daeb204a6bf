import CallSim
import Foundation
import Testing

/// Inputs built to exhaust time, memory or the stack (issue 19): each is refused quickly with
/// one problem that names the limit, instead of running for hours or crashing.
@Suite struct HostileInputTests {
  /// Seconds a refusal may take. Generous for a loaded debug build; the files below took
  /// hours (or crashed) before the limits were enforced.
  static let quick = 5.0

  /// The problems reported for `text`, and the seconds it took.
  func timedProblems(_ text: String) throws -> (problems: [String], seconds: Double) {
    let fixture = try ScenarioFixture()
    let start = Date()
    let problems = try fixture.problems(text).map { $0.replacingOccurrences(of: fixture.folder.path + "/", with: "") }
    return (problems, Date().timeIntervalSince(start))
  }

  @Test func chainedAliasesNestedHundredsOfLevelsAreRefusedWithTheDepthLimit() throws {
    var text = "a0: &a0 [x]\n"
    for i in 1..<2000 { text += "a\(i): &a\(i) [*a\(i - 1)]\n" }
    let (problems, seconds) = try timedProblems(text)
    #expect(problems == ["error: bad.yaml:64: YAML nested more than \(ScenarioSource.maxDepth) levels deep after expanding aliases; refusing it"])
    #expect(seconds < Self.quick)
  }

  @Test func plainNestingPastTheLimitIsRefused() throws {
    let depth = ScenarioSource.maxDepth + 1
    let text = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
    let (problems, _) = try timedProblems(text)
    #expect(problems.count == 1 && problems[0].contains("nested more than \(ScenarioSource.maxDepth) levels"), "\(problems)")
  }

  /// A mapping key that is an alias: Yams's duplicate-key check would hash every expanded
  /// node of it; the values are counted before Yams composes anything.
  @Test func aliasExpandedMappingKeysAreCountedBeforeYamsSeesThem() throws {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x]\n"
    for i in 1...4 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 8).joined(separator: ", ") + "]\n" }
    text += "? [*a4, *a4, *a4, *a4, *a4, *a4, *a4]\n: 1\n? [*a4, *a4, *a4, *a4, *a4, *a4, *a3]\n: 2\n"
    #expect(text.utf8.count < 700)
    let (problems, seconds) = try timedProblems(text)
    #expect(problems == ["error: bad.yaml:6: more than \(ScenarioSource.maxNodes) YAML values after expanding aliases; refusing a file this large"])
    #expect(seconds < Self.quick)
  }

  @Test func aNulByteIsReportedWithItsLine() throws {
    let text = ScenarioErrorCatalogueTests.valid.replacingOccurrences(of: "agents: 6", with: "agents: 6\0")
    let (problems, _) = try timedProblems(text)
    #expect(problems == ["error: bad.yaml:8: YAML syntax error: control characters are not allowed (character code 0)"])
  }
}
