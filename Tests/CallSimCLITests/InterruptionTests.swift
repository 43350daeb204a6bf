import CallSim
import Foundation
import Testing

/// SIGTERM during a long `callsim run`: the process stops promptly, leaves no half-written or
/// temporary file, and every file it leaves parses.
@Suite(.serialized) struct InterruptionTests {
  static func scenario(days: Int, replications: Int) -> String {
    """
    scenario: long
    simulation: {days: \(days), replications: \(replications), seed: 1}
    arrivals: {per_hour: 600}
    call_types: {call: {handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}}
    agents: 48
    """
  }

  /// Runs the scenario, sends SIGTERM after `after` seconds, and returns the exit status,
  /// standard error and seconds from the signal to the exit.
  static func interrupt(_ yaml: String, after: Double, out: URL, in dir: URL) throws -> (Int32, String, Double) {
    let file = try CLI.write(yaml, to: "long.yaml", in: dir)
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["run", file, "--out", out.path, "--threads", "1"]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = Pipe()
    try process.run()
    Thread.sleep(forTimeInterval: after)
    let signalled = Date()
    process.terminate()  // SIGTERM
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: errData, as: UTF8.self), Date().timeIntervalSince(signalled))
  }

  @Test func stopsPromptlyAndWritesNothingWhenNoReplicationFinished() throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("out")
    let (status, stderr, seconds) = try Self.interrupt(Self.scenario(days: 3000, replications: 2), after: 1, out: out, in: dir)
    #expect(status == 143)
    #expect(seconds < 2, "took \(seconds) s to stop")
    #expect(stderr.contains("interrupted by SIGTERM: no replication had finished; nothing written"), "\(stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func keepsFinishedReplicationsInFilesThatParse() throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("out")
    let (status, stderr, seconds) = try Self.interrupt(Self.scenario(days: 2, replications: 2000), after: 1.5, out: out, in: dir)
    #expect(status == 143)
    #expect(seconds < 2, "took \(seconds) s to stop")
    #expect(stderr.contains("interrupted by SIGTERM: kept the"), "\(stderr)")
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
}
