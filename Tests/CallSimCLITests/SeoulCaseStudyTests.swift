import CallSimTestSupport
import Foundation
import Testing

/// The Seoul 120 case study (`Scenarios/seoul-120/README.md`): its scenario files validate, and
/// its regeneration script writes the tables between the README's markers (run on one short
/// variant into a copy of the README, so the test is fast and touches nothing in the tree).
@Suite struct SeoulCaseStudyTests {
  static let folder = CLI.packageRoot.appendingPathComponent("Scenarios/seoul-120")
  static let script = folder.appendingPathComponent("regenerate.py").path

  /// Runs `python3 regenerate.py ARGS` with `CALLSIM` set to the built binary.
  static func regenerate(_ arguments: [String]) throws -> CLI.Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script] + arguments
    process.currentDirectoryURL = CLI.packageRoot
    var environment = ProcessInfo.processInfo.environment
    environment["CALLSIM"] = CLI.binary.path
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLI.Output(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  @Test func everyVariantValidates() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
      .filter { $0.hasSuffix(".yaml") }.sorted()
    for name in ["strike-day.yaml", "strike-none.yaml", "volume-2020.yaml", "reinforcement-weekday.yaml"] {
      #expect(files.contains(name), "\(name) missing")
    }
    let r = try CLI.run(["validate"] + files.map { "Scenarios/seoul-120/\($0)" })
    #expect(r.status == 0, "\(r.stderr)")
  }

  /// The chat section comes from a sweep: the script runs `chat-volume.yaml` afresh and
  /// writes one row per chats a day and where the phones reach 98 %.
  @Test func regenerationWritesTheChatSweepTable() throws {
    let dir = try CLI.temporaryFolder()
    let readme = dir.appendingPathComponent("README.md")
    let original = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
    let begin = "<!-- BEGIN generated: chat-volume -->", end = "<!-- END generated: chat-volume -->"
    let before = original.components(separatedBy: begin)[0], after = original.components(separatedBy: end)[1]
    try (before + begin + "\nstale\n" + end + after).write(to: readme, atomically: true, encoding: .utf8)
    let results = dir.appendingPathComponent("results")
    let r = try Self.regenerate(["--only", "chat-volume", "--no-figures", "--results", results.path, "--readme", readme.path])
    #expect(r.status == 0, "\(r.stderr)")
    let block = try String(contentsOf: readme, encoding: .utf8).components(separatedBy: begin)[1].components(separatedBy: end)[0]
    let rows = block.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| chats") && !$0.hasPrefix("| ---") }
    #expect(rows.count == 9 && rows.first?.hasPrefix("| 0 | ") == true && rows.last?.hasPrefix("| 4,000 | ") == true, "\(block)")
    #expect(block.contains("The phones' answer rate reaches 98 % at about"), "\(block)")
    #expect(block == original.components(separatedBy: begin)[1].components(separatedBy: end)[0], "the README's table is the script's output")
  }

  @Test func regenerationWritesTheTablesBetweenTheMarkers() throws {
    let dir = try CLI.temporaryFolder()
    let readme = dir.appendingPathComponent("README.md")
    let original = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
    let begin = "<!-- BEGIN generated: strike -->", end = "<!-- END generated: strike -->"
    #expect(original.contains(begin) && original.contains(end))
    // Empty the strike block in a copy: the script must fill it again and leave the rest alone.
    let before = original.components(separatedBy: begin)[0], after = original.components(separatedBy: end)[1]
    try (before + begin + "\nstale\n" + end + after).write(to: readme, atomically: true, encoding: .utf8)
    let results = dir.appendingPathComponent("results")
    let r = try Self.regenerate([
      "--only", "strike", "--replications", "2", "--no-figures", "--results", results.path, "--readme", readme.path,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let written = try String(contentsOf: readme, encoding: .utf8)
    #expect(written.hasPrefix(before) && written.hasSuffix(end + after))
    let block = written.components(separatedBy: begin)[1].components(separatedBy: end)[0]
    #expect(!block.contains("stale"))
    #expect(block.contains("| answer rate | ") && block.contains("`strike-day`") && block.contains("2 replications"), "\(block)")
    #expect(block.contains(" pp ± "))

    // --check: the copy matches its results; a changed table does not.
    #expect(try Self.regenerate(["--check", "--only", "strike", "--results", results.path, "--readme", readme.path]).status == 0)
    try written.replacingOccurrences(of: "| answer rate | ", with: "| answer rate | 1").write(
      to: readme, atomically: true, encoding: .utf8)
    let changed = try Self.regenerate(["--check", "--only", "strike", "--results", results.path, "--readme", readme.path])
    #expect(changed.status == 1 && changed.stderr.contains("tables differ"), "\(changed.stderr)")

    // A README without the markers, and results that are not there: one error line each.
    try "no markers\n".write(to: readme, atomically: true, encoding: .utf8)
    // --no-figures: --tables-only redraws the figures, and these are the case study's own.
    let noMarkers = try Self.regenerate([
      "--tables-only", "--no-figures", "--only", "strike", "--results", results.path, "--readme", readme.path,
    ])
    #expect(noMarkers.status == 1 && noMarkers.stderr.hasPrefix("error: README.md must hold `\(begin)`"), "\(noMarkers.stderr)")
    let missing = try Self.regenerate([
      "--tables-only", "--no-figures", "--only", "cap", "--results", dir.appendingPathComponent("none").path, "--readme", readme.path,
    ])
    #expect(missing.status == 1 && missing.stderr.hasPrefix("error: ") && missing.stderr.contains("compare.json is missing"))
    let unknown = try Self.regenerate(["--only", "nope", "--results", results.path, "--readme", readme.path])
    #expect(unknown.status == 1 && unknown.stderr.hasPrefix("error: unknown variant nope"))
  }
}
