import CallSimTestSupport
import CallSim
import Foundation
import Testing

/// The results folder: checked before the simulation, locked against a second run, and
/// replaced whole, so that it never mixes two runs' files.
@Suite(.serialized) struct OutputFolderTests {
  /// A scenario whose simulation takes minutes: a check that answers in a second surely came
  /// before it.
  static let slow = InterruptionTests.scenario(days: 3000, replications: 4)

  struct Case: CustomStringConvertible, Sendable {
    var name: String
    /// The `--out` argument, relative to the test's folder (which holds `file.txt` and
    /// `notes/notes.txt`); nil for the default folder named after the scenario.
    var out: String?
    var scenarioName = "long"
    /// Substrings the single error line must contain.
    var expect: [String]
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(name: "empty --out", out: "", expect: ["error: --out: expected a folder path, found an empty string"]),
    Case(name: "--out names a file", out: "file.txt", expect: ["--out 'file.txt': is a file; expected a folder"]),
    Case(name: "--out below a file", out: "file.txt/sub", expect: ["cannot create the folder", "file.txt': it is a file"]),
    Case(
      name: "--out name over NAME_MAX", out: String(repeating: "n", count: 256),
      expect: ["the folder name is 256 bytes long; expected at most 249"]),
    Case(
      name: "scenario name over NAME_MAX", out: nil, scenarioName: String(repeating: "s", count: 300),
      expect: ["results folder (from the scenario name) 'Results/sss", "300 bytes long; expected at most 249"]),
    Case(name: "--out is the root", out: "/", expect: ["--out '/': expected a folder inside another folder"]),
    Case(
      name: "--out holds other files", out: "notes",
      expect: ["--out 'notes': the folder holds 'notes.txt', which callsim did not write"]),
  ]

  @Test(arguments: cases)
  func badLocationIsRefusedBeforeSimulating(_ c: Case) throws {
    let dir = try CLI.temporaryFolder()
    _ = try CLI.write("keep me\n", to: "file.txt", in: dir)
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("notes"), withIntermediateDirectories: false)
    _ = try CLI.write("keep me\n", to: "notes/notes.txt", in: dir)
    let yaml = Self.slow.replacingOccurrences(of: "scenario: long", with: "scenario: \(c.scenarioName)")
    let file = try CLI.write(yaml, to: "s.yaml", in: dir)
    let before = Self.listing(dir)
    let started = Date()
    let r = try CLI.run(["run", file, "--quiet"] + (c.out.map { ["--out", $0] } ?? []), in: dir)
    #expect(Date().timeIntervalSince(started) < 5, "the check came after the simulation")
    #expect(r.status == 1)
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1 && lines[0].hasPrefix("error: "), "\(r.stderr)")
    for part in c.expect { #expect(r.stderr.contains(part), "'\(part)' not in: \(r.stderr)") }
    #expect(r.stdout.isEmpty)
    #expect(Self.listing(dir) == before, "the run left something behind")
  }

  /// Every path under `dir`, hidden files included.
  static func listing(_ dir: URL) -> [String] {
    (FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String] ?? []).sorted()
  }

  /// Two runs into one folder at once: the second is refused at once, naming the first's
  /// process; the first completes and the folder holds its files only.
  @Test func secondRunIntoALockedFolderIsRefused() throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("out")
    let first = try CLI.launch(["run", try CLI.write(Self.slow, to: "slow.yaml", in: dir), "--out", out.path, "--threads", "1"])
    #expect(CLI.wait(upTo: 30) { CLI.exists(CLI.sibling(out, "lock")) })
    let quick = try CLI.write(RunCommandTests.minimal, to: "s.yaml", in: dir)
    let second = try CLI.run(["run", quick, "--out", dir.path + "/./out", "-q"])
    #expect(second.status == 1)
    #expect(second.stderr == "error: --out '\(dir.path)/./out': the folder is in use by another callsim run (process \(first.pid)); wait for it to end or choose another --out\n")
    first.send(SIGTERM)
    let r = first.finish()
    #expect(r.status == 143, "\(r.stderr)")
    #expect(!CLI.exists(out), "the first run had finished no replication")
    #expect(Self.listing(dir) == ["s.yaml", "slow.yaml"])
    let third = try CLI.run(["run", quick, "--out", out.path, "-q"])
    #expect(third.status == 0, "\(third.stderr)")
  }

  /// The lock is the operating system's and dies with its process: a run killed with SIGKILL
  /// (which no handler sees) does not block the next, which also clears what it left.
  @Test func killedRunDoesNotBlockTheNext() throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("out")
    let killed = try CLI.launch(["run", try CLI.write(InterruptionTests.longWrite, to: "long.yaml", in: dir), "--out", out.path, "--threads", "1"])
    #expect(CLI.wait(upTo: 120) { CLI.exists(CLI.sibling(out, "new")) })
    killed.send(SIGKILL)
    _ = killed.finish()
    #expect(CLI.exists(CLI.sibling(out, "lock")) && CLI.exists(CLI.sibling(out, "new")))
    let next = try CLI.run(["run", try CLI.write(RunCommandTests.minimal, to: "s.yaml", in: dir), "--out", out.path, "-q"])
    #expect(next.status == 0, "\(next.stderr)")
    #expect(try CLI.json(out.appendingPathComponent("summary.json"))["scenario"] as? String == "mmc-check")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["long.yaml", "out", "s.yaml"])
  }

  /// A run killed at any moment while overwriting a folder leaves it whole: the previous
  /// run's four files, or the new run's, never some of each.
  @Test(arguments: [0.0, 0.3, 0.8])
  func killedOverwriteNeverLeavesAMixedFolder(after delay: Double) throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("out")
    let file = try CLI.write(RunCommandTests.minimal, to: "s.yaml", in: dir)
    #expect(try CLI.run(["run", file, "--out", out.path, "-q", "--seed", "1"]).status == 0)
    let old = try Self.contents(out)
    let longFile = try CLI.write(InterruptionTests.longWrite, to: "long.yaml", in: dir)
    let killed = try CLI.launch(["run", longFile, "--out", out.path, "--threads", "1", "-q"])
    #expect(CLI.wait(upTo: 120) { CLI.exists(CLI.sibling(out, "new")) })
    Thread.sleep(forTimeInterval: delay)
    killed.send(SIGKILL)
    let r = killed.finish()
    let now = try Self.contents(out)
    #expect(now.keys.sorted() == ResultsFolder.files.sorted())
    // The kill may land after the new folder was swapped in but before the process ended
    // (status 137 with the new results in place): whole either way, never mixed.
    if now != old {
      #expect(String(decoding: now["scenario.resolved.yaml"]!, as: UTF8.self).contains("scenario: long"))
      #expect(now["hourly.csv"]!.count > 1_000_000, "the new run's ten years of hours")
    } else {
      #expect(r.status != 0, "a run that finished left the old folder")
    }
  }

  static func contents(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
  }

  /// A finished run's results, with plots drawn from them, are replaced by the next run: the
  /// stale plots go with them.
  @Test func earlierResultsAreReplacedWhole() throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("out")
    let file = try CLI.write(RunCommandTests.minimal, to: "s.yaml", in: dir)
    #expect(try CLI.run(["run", file, "--out", out.path, "-q", "--seed", "1"]).status == 0)
    try FileManager.default.createDirectory(at: out.appendingPathComponent("plots"), withIntermediateDirectories: false)
    #expect(try CLI.run(["run", file, "--out", out.path, "-q", "--seed", "2"]).status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ResultsFolder.files.sorted())
    #expect(try CLI.json(out.appendingPathComponent("summary.json"))["seed"] as? Int == 2)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["out", "s.yaml"])
  }
}
