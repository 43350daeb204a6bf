import CallSim
import CallSimTestSupport
import Foundation
import Testing

/// SIGTERM and Ctrl-C during a long `callsim run`, while simulating and while writing: the
/// process stops within a second, leaves no half-written or temporary file, every file it
/// leaves parses, and a folder is either replaced whole or left as it was.
@Suite(.serialized) struct InterruptionTests {
  static func scenario(days: Int, replications: Int, perHour: Int = 600, agents: Int = 48) -> String {
    """
    scenario: long
    simulation: {days: \(days), replications: \(replications), seed: 1}
    arrivals: {per_hour: \(perHour)}
    call_types: {call: {handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}}
    agents: \(agents)
    """
  }

  /// A quick simulation with a long write: ten years of hourly rows (87,840 of them).
  static let longWrite = scenario(days: 3660, replications: 4, perHour: 1, agents: 1)

  /// Starts `callsim run` on `yaml` into `out` on one thread.
  static func start(_ yaml: String, out: URL, in dir: URL) throws -> CLI.Running {
    let file = try CLI.write(yaml, to: "long.yaml", in: dir)
    return try CLI.launch(["run", file, "--out", out.path, "--threads", "1"])
  }

  /// Sends `signal` and expects the run to exit 143 (the first signal of every test here is
  /// SIGTERM) within a second of it (more under a sanitizer, which slows the event loop
  /// between its checks of the stop request); returns what the run printed.
  static func expectPromptStop(
    after signal: Int32, _ running: CLI.Running, sourceLocation: SourceLocation = #_sourceLocation
  ) -> CLI.Output {
    let signalled = Date()
    running.send(signal)
    let output = running.finish()
    let seconds = Date().timeIntervalSince(signalled)
    #expect(output.status == 143, "\(output.stderr)", sourceLocation: sourceLocation)
    #expect(seconds < SanitizerBuild.allowing(1), "took \(seconds) s to stop", sourceLocation: sourceLocation)
    return output
  }

  @Test func stopsPromptlyAndWritesNothingWhenNoReplicationFinished() throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("out")
    let running = try Self.start(Self.scenario(days: 3000, replications: 2), out: out, in: dir)
    Thread.sleep(forTimeInterval: 1)
    let r = Self.expectPromptStop(after: SIGTERM, running)
    #expect(r.stderr.contains("interrupted by SIGTERM: no replication had finished; nothing written"), "\(r.stderr)")
    #expect(!CLI.exists(out))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["long.yaml"])
  }

  /// With --trace, SIGTERM stops the run within a second even when replications had finished
  /// (joining their parts could take minutes): exit 143, nothing written, no part left.
  @Test func tracedRunStopsPromptlyAndLeavesNoParts() throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("out")
    // 600 one-day replications: a few seconds in release with the trace, so the signal comes
    // while replications are still running (some finished), a trace of about 0.8 GB estimated.
    let file = try CLI.write(Self.scenario(days: 1, replications: 600), to: "long.yaml", in: dir)
    let running = try CLI.launch(["run", file, "--out", out.path, "--threads", "1", "--trace"])
    let scratch = CLI.sibling(out, "trace")
    #expect(CLI.wait(upTo: 5) { ((try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) ?? []).count > 4 })
    let r = Self.expectPromptStop(after: SIGTERM, running)
    #expect(r.stderr.contains("interrupted by SIGTERM: a traced run keeps nothing when interrupted"), "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["long.yaml"])
  }

  @Test func keepsFinishedReplicationsInFilesThatParse() throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("out")
    let running = try Self.start(Self.scenario(days: 2, replications: 2000), out: out, in: dir)
    Thread.sleep(forTimeInterval: 1.5)
    let r = Self.expectPromptStop(after: SIGTERM, running)
    #expect(r.stderr.contains("interrupted by SIGTERM: kept the"), "\(r.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(files == ResultsFolder.files.sorted(), "\(files)")
    let summary = try CLI.json(out.appendingPathComponent("summary.json"))
    #expect(summary["interrupted"] as? Bool == true)
    let kept = try #require(summary["replications"] as? Int)
    #expect(kept > 0 && kept < 2000)
    for csv in ResultsFolder.files where csv.hasSuffix(".csv") {
      let lines = try String(contentsOf: out.appendingPathComponent(csv), encoding: .utf8).split(separator: "\n")
      let columns = lines[0].split(separator: ",", omittingEmptySubsequences: false).count
      #expect(lines.count > 1 && lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == columns }, "\(csv)")
    }
    let resolved = try String(contentsOf: out.appendingPathComponent("scenario.resolved.yaml"), encoding: .utf8)
    #expect(resolved.contains("scenario: long"))
  }

  /// A signal while the results are being written (the run had simulated everything) stops
  /// the writing at once: exit 143, and the earlier results in the folder stay as they were.
  @Test func signalWhileWritingStopsAtOnceAndLeavesTheFolderAsItWas() throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("out")
    let earlier = try CLI.run(["run", try CLI.write(RunCommandTests.minimal, to: "s.yaml", in: dir), "--out", out.path, "-q"])
    #expect(earlier.status == 0, "\(earlier.stderr)")
    let before = try Data(contentsOf: out.appendingPathComponent("hourly.csv"))
    let running = try Self.start(Self.longWrite, out: out, in: dir)
    #expect(CLI.wait(upTo: 120) { CLI.exists(CLI.sibling(out, "new")) }, "the write phase never began")
    let r = Self.expectPromptStop(after: SIGTERM, running)
    #expect(r.stderr.contains("interrupted by SIGTERM while writing the results: nothing written"), "\(r.stderr)")
    #expect(try Data(contentsOf: out.appendingPathComponent("hourly.csv")) == before)
    let summary = try CLI.json(out.appendingPathComponent("summary.json"))
    #expect(summary["scenario"] as? String == "mmc-check" && summary["interrupted"] as? Bool == false)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["long.yaml", "out", "s.yaml"])
  }

  /// SIGTERM stops the simulation and the finished replications begin to be written; Ctrl-C
  /// during that write stops it too (it used to be ignored, and the run ended 0).
  @Test func secondSignalWhileWritingKeptReplicationsStops() throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("out")
    let running = try Self.start(Self.scenario(days: 3660, replications: 60, perHour: 20, agents: 4), out: out, in: dir)
    // A replication (1.8 M calls) takes about 0.3 s in release, 0.6 s under ASan and 3 s under
    // TSan: a few have finished by the signal, far from all 60 (with 50 lighter replications,
    // an ASan build once finished them all before it), and writing their 87,840 hourly rows
    // takes long enough to be seen.
    Thread.sleep(forTimeInterval: SanitizerBuild.allowing(3))
    running.send(SIGTERM)
    #expect(CLI.wait(upTo: 60) { CLI.exists(CLI.sibling(out, "new")) }, "the kept replications were not written")
    let r = Self.expectPromptStop(after: SIGINT, running)
    #expect(r.stderr.contains("interrupted by SIGTERM while writing the results: nothing written"), "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["long.yaml"])
  }

  /// `plan` and `plan --place` on a long horizon (each simulation run takes minutes) stop
  /// within 3 s of SIGTERM, whichever step they are in, and leave no output folder.
  @Test(arguments: [[String](), ["--place", "10", "--iterations", "2"]])
  func planStopsWithinSecondsOfSigterm(extra: [String]) throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(PlanCommandTests.peakDay(simulation: "{days: 400, replications: 4, seed: 1}"), to: "long.yaml", in: dir)
    let out = dir.appendingPathComponent("plan")
    let running = try CLI.launch(["plan", file, "--out", out.path, "--threads", "1"] + extra)
    Thread.sleep(forTimeInterval: 3)
    let signalled = Date()
    running.send(SIGTERM)
    let r = running.finish()
    let seconds = Date().timeIntervalSince(signalled)
    #expect(r.status == 143, "\(r.stderr)")
    #expect(seconds < SanitizerBuild.allowing(3), "took \(seconds) s to stop")
    #expect(r.stderr.contains("interrupted by SIGTERM: nothing written"), "\(r.stderr)")
    #expect(!CLI.exists(out))
  }
}
