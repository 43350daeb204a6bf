@testable import CallSim
import CallSimTestSupport
import Foundation
import Testing

/// Inputs built to exhaust time, memory or the stack (issue 19): each is refused quickly with
/// one problem that names the limit, instead of running for hours or crashing.
@Suite struct HostileInputTests {
  /// Seconds a refusal may take. Generous for a loaded debug build (and more under a
  /// sanitizer); the files below took hours (or crashed) before the limits were enforced.
  static let quick = SanitizerBuild.allowing(5)

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

extension HostileInputTests {
  /// "Did you mean" compares bounded lengths: a 30,000-character key took seconds.
  @Test func aHugeUnknownKeyIsReportedQuicklyWithoutASuggestion() throws {
    let key = String(repeating: "patience", count: 4_000)
    let text = ScenarioErrorCatalogueTests.valid.replacingOccurrences(of: "agents: 6", with: "agents: 6\n? \(key)\n: 1")
    let (problems, seconds) = try timedProblems(text)
    #expect(problems.count == 1 && problems[0].hasPrefix("error: bad.yaml:10: \(key): unknown key (expected one of:"), "\(problems.map { $0.prefix(200) })")
    #expect(seconds < Self.quick)
  }

  /// Many unknown keys against many call type names stay quick (an index, capped lists).
  @Test func manyUnknownMenuEntriesAreReportedQuickly() throws {
    let types = (0..<2_000).map { "t\($0): {handle: {dist: exponential, mean: 1m}}" }.joined(separator: ", ")
    let menu = (0..<2_000).map { "u\($0)x: 0.0005" }.joined(separator: ", ")
    let text = """
      scenario: many
      simulation: {days: 1, replications: 1}
      arrivals: {per_hour: 60}
      call_types: {\(types)}
      ivr: {duration: {dist: exponential, mean: 30s}, menu: {\(menu)}}
      agents: 6
      """
    let (problems, seconds) = try timedProblems(text)
    #expect(problems.count == 2_000)
    #expect(problems.first?.contains("(call types: t0, t1, t2, t3, t4, t5, t6, t7, t8, t9 and 1990 more)") == true, "\(problems.first ?? "")")
    #expect(seconds < Self.quick)
  }

  /// Data files have the scenario file's size limit (a 64 MiB empirical file took 137 s).
  @Test func dataFilesOverTheSizeLimitAreRefused() throws {
    let fixture = try ScenarioFixture()
    let line = "300\n"
    try fixture.write("big.csv", String(repeating: line, count: ScenarioSource.maxFileBytes / line.utf8.count + 1))
    let bytes = (ScenarioSource.maxFileBytes / line.utf8.count + 1) * line.utf8.count
    let text = ScenarioErrorCatalogueTests.valid.replacingOccurrences(of: "dist: exponential, mean: 5m", with: "dist: empirical, file: big.csv")
    let problems = try fixture.problems(text)
    #expect(problems.count == 1 && problems[0].contains("call_types.call.handle.file: data file is \(bytes) bytes, more than the limit of \(ScenarioSource.maxFileBytes) bytes for scenario and data files"), "\(problems)")
    try fixture.write("rates.csv", String(repeating: "#\n", count: ScenarioSource.maxFileBytes / 2 + 1))
    let rates = try fixture.problems(ScenarioErrorCatalogueTests.valid.replacingOccurrences(of: "per_hour: 60", with: "rates: rates.csv"))
    #expect(rates.count == 1 && rates[0].contains("arrivals.rates: rate table is \(ScenarioSource.maxFileBytes + 2) bytes, more than the limit"), "\(rates)")
  }
}

extension HostileInputTests {
  /// What the redial rule still allows ends: with probability below 1, redials at the same
  /// instant form a geometric chain, so a run with no agent, patience 0 and delay 0 finishes.
  @Test func sameInstantRedialsWithProbabilityBelowOneEnd() throws {
    let scenario = try ScenarioFixture().load("loop.yaml", """
      scenario: loop
      simulation: {days: 1, replications: 1}
      arrivals: {per_hour: 60}
      call_types:
        call:
          handle: {dist: exponential, mean: 5m}
          patience: {dist: deterministic, mean: 0}
          redial: {probability: 0.9, delay: {dist: deterministic, mean: 0}}
      agents: 0
      """)
    let run = try #require(try SimulationRunner.run(scenario.model))
    let redials = run.replications[0].hourly.reduce(0) { $0 + $1.redials }
    #expect(redials > 0)
  }
}

extension HostileInputTests {
  /// The memory check counts every call type's totals: 10,000 types × 10,000 replications
  /// of one day was estimated from the hourly rows alone and ran.
  @Test func callTypesCountInTheMemoryEstimate() throws {
    let types = (0..<10_000).map { "t\($0): {share: 0.0001, handle: {dist: exponential, mean: 1m}}" }.joined(separator: ", ")
    let text = """
      scenario: many
      simulation: {days: 1, replications: 10000}
      arrivals: {per_hour: 60}
      call_types: {\(types)}
      agents: 6
      """
    let (problems, seconds) = try timedProblems(text)
    #expect(problems == ["error: bad.yaml:2: simulation: 1 day × 10000 call types × 10000 replications would keep about 324.85 GB of counts in memory (hourly rows per type and group, totals, wait histograms), more than the limit of 2.56 GB; use fewer days, call types, groups or replications"])
    #expect(seconds < Self.quick)
  }

  @Test func theEstimateGrowsWithEveryStore() {
    let base = RunMemoryEstimate(hours: 24, callTypes: 1, replications: 1)
    let typeHourBytes = Double(MemoryLayout<TypeHourCounts>.stride), groupHourBytes = Double(MemoryLayout<GroupHourCounts>.stride)
    let recordBytes = Double(MemoryLayout<CallCounts>.stride), groupBytes = Double(MemoryLayout<GroupCounts>.stride)
    let chatHourBytes = Double(MemoryLayout<ChatHourCounts>.stride), quantilesBytes = Double(RunMemoryEstimate.waitQuantilesBytes)
    #expect(typeHourBytes == 120 && groupHourBytes == 88 && recordBytes == 272 && groupBytes == 120 && chatHourBytes == 16)
    #expect(RunMemoryEstimate(hours: 48, callTypes: 1, replications: 1).bytes == base.bytes + 24 * (typeHourBytes + groupHourBytes))
    // A second type adds its hours, its total and its wait quantiles; each group its hours and total.
    #expect(RunMemoryEstimate(hours: 24, callTypes: 2, replications: 1).bytes == base.bytes + 24 * typeHourBytes + recordBytes + quantilesBytes)
    #expect(RunMemoryEstimate(hours: 24, callTypes: 1, groups: 3, replications: 1).bytes == base.bytes + 2 * (24 * groupHourBytes + groupBytes))
    // Chat types add each group's chat time per hour.
    #expect(RunMemoryEstimate(hours: 24, callTypes: 1, groups: 3, chats: true, replications: 1).bytes
      == RunMemoryEstimate(hours: 24, callTypes: 1, groups: 3, replications: 1).bytes + 3 * 24 * chatHourBytes)
    #expect(RunMemoryEstimate(hours: 24, callTypes: 1, replications: 3).bytes == 3 * base.bytes)
    #expect(RunMemoryEstimate(hours: .max / 2, callTypes: .max, replications: .max).problem != nil)
  }
}
