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

  /// A copy of the case study's README in a new temporary folder, and a results folder beside it.
  static func readmeCopy() throws -> (readme: URL, results: URL) {
    let dir = try CLI.temporaryFolder()
    let readme = dir.appendingPathComponent("README.md")
    try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
      .write(to: readme, atomically: true, encoding: .utf8)
    return (readme, dir.appendingPathComponent("results"))
  }

  /// `text` with every generated block's contents left out (its markers kept).
  static func outsideBlocks(_ text: String) -> String {
    text.replacing(/(<!-- BEGIN generated: [\w-]+ -->)(?s:.*?)(<!-- END generated: [\w-]+ -->)/) { "\($0.1)\($0.2)" }
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
      "--only", "strike", "--replications", "3", "--no-figures", "--results", results.path, "--readme", readme.path,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let written = try String(contentsOf: readme, encoding: .utf8)
    // Outside the generated blocks (the strike's table and its answer sentence) nothing changed.
    #expect(Self.outsideBlocks(written) == Self.outsideBlocks(original))
    let block = written.components(separatedBy: begin)[1].components(separatedBy: end)[0]
    #expect(!block.contains("stale"))
    #expect(block.contains("| answer rate | ") && block.contains("`strike-day`") && block.contains("3 replications"), "\(block)")
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

  /// The studies on the calibrated model (integration, rollout, remote work, caps): the script
  /// writes the week-by-week table and the same first-week sentence in both places that state
  /// it, and it checks the prose's claims (the September 2023 split baseline within 0.5 points
  /// of the published 98.0 %, integration gaining from its first week, …): results that
  /// contradict one fail the regeneration and `--check`, naming the claim.
  @Test func rolloutTableAndItsClaims() throws {
    let (readme, results) = try Self.readmeCopy()
    let r = try Self.regenerate([
      "--only", "integration,rollout,afternoon-lunch,afternoon,remote,cap,abusive,strike,strike-week,callback", "--replications", "3", "--no-figures", "--results", results.path, "--readme", readme.path,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let written = try String(contentsOf: readme, encoding: .utf8)
    func block(_ name: String) -> String {
      written.components(separatedBy: "<!-- BEGIN generated: \(name) -->")[1].components(separatedBy: "<!-- END generated: \(name) -->")[0]
    }
    let weeks = block("rollout").split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| week") && !$0.hasPrefix("| ---") }
    #expect(weeks.count == 14 && weeks.first?.hasPrefix("| 08-01 – 08-04 (4 days) |") == true, "\(block("rollout"))")
    #expect(block("rollout-first-week").contains("In its first week (09-02 – 09-08)"))
    #expect(block("rollout-first-week") == block("rollout-first-week-2024"))

    // The first integrated week turned into a loss: the prose's claim no longer holds.
    let weekly = results.appendingPathComponent("rollout/weekly.csv")
    let rows = try String(contentsOf: weekly, encoding: .utf8).split(separator: "\n").map(String.init)
    let target = try #require(rows.firstIndex { $0.hasPrefix("2024-09-02,2024-09-08,7,") && $0.contains(",overall,,answer_rate,") })
    var fields = rows[target].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    fields[9] = "-0.01"
    var tampered = rows
    tampered[target] = fields.joined(separator: ",")
    try (tampered.joined(separator: "\n") + "\n").write(to: weekly, atomically: true, encoding: .utf8)
    let check = try Self.regenerate(["--check", "--only", "rollout", "--results", results.path, "--readme", readme.path])
    #expect(check.status == 1 && check.stderr.hasPrefix("error: the results of `rollout` contradict README.md's prose"), "\(check.stderr)")
  }

  /// The answers in people: the script reads one plan a design (`people/STEM/plan.json`, here
  /// the plot tests' plan fixture with its paid hours set) and writes each design's paid hours,
  /// FTE and change against 2023's center; plans that no longer show integration saving about
  /// a tenth of the hours contradict the prose and fail the regeneration.
  @Test func peopleTableFromThePlans() throws {
    let (readme, results) = try Self.readmeCopy()
    let fixture = CLI.packageRoot.appendingPathComponent("plot-scripts/testdata/plan-groups-example/plan.json")
    func plans(_ hours: [String: Double]) throws {
      for (stem, paid) in hours {
        var plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: fixture)) as? [String: Any])
        plan["paid_hours"] = paid
        plan["fte"] = paid / 160
        let folder = results.appendingPathComponent("people/\(stem)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: plan).write(to: folder.appendingPathComponent("plan.json"))
      }
    }
    let stems = ["september-2023", "september-2023-integrated-steady", "september-2023-afternoon-13-22", "september-2023-remote-none"]
    try plans(Dictionary(uniqueKeysWithValues: zip(stems, [10_000, 9_000, 10_100, 9_900])))
    let arguments = ["--tables-only", "--no-figures", "--only", "people", "--results", results.path, "--readme", readme.path]
    let r = try Self.regenerate(arguments)
    #expect(r.status == 0, "\(r.stderr)")
    let block = try String(contentsOf: readme, encoding: .utf8)
      .components(separatedBy: "<!-- BEGIN generated: people -->")[1].components(separatedBy: "<!-- END generated: people -->")[0]
    #expect(block.contains("| integrated consultation, once learned | — | 9,000 | 56.2 | −1,000 h, −6.2 FTE (−10.0 %) |"), "\(block)")
    #expect(block.contains("| no remote work | — | 9,900 | 61.9 | −100 h, −0.6 FTE (−1.0 %) |"), "\(block)")

    try plans(["september-2023-integrated-steady": 10_000])
    let contradicted = try Self.regenerate(arguments)
    #expect(contradicted.status == 1 && contradicted.stderr.hasPrefix("error: the results of `people` contradict"), "\(contradicted.stderr)")
  }

  /// Every link of the case study's page is a file of the repository (no `../../../shared`,
  /// no web address), and every `#anchor` link names a heading of the page.
  @Test func linksStayInTheRepository() throws {
    let text = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
    let root = CLI.packageRoot.standardizedFileURL.path
    let anchors = Set(text.split(separator: "\n").filter { $0.hasPrefix("#") }.map { line in
      String(line.drop { $0 == "#" }.dropFirst()).lowercased()
        .filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }.replacingOccurrences(of: " ", with: "-")
    })
    var links = 0
    for match in text.matches(of: /\]\(([^)\s]+)\)/) {
      let target = String(match.1)
      links += 1
      #expect(!target.contains("://"), "\(target) leaves the repository")
      if target.hasPrefix("#") {
        #expect(anchors.contains(String(target.dropFirst())), "\(target): no such heading")
        continue
      }
      let path = String(target.split(separator: "#", maxSplits: 1)[0])
      let file = Self.folder.appendingPathComponent(path).standardizedFileURL.path
      #expect(file.hasPrefix(root + "/") && FileManager.default.fileExists(atPath: file), "\(target) is not a file of the repository")
    }
    #expect(links > 20)
  }
}
