import CallSimTestSupport
import Foundation
import Testing

/// `callsim sweep` as a user runs it: the output files, independence from threads and
/// interruptions (SIGKILL, then a resume), torn lines, a changed sweep, a busy folder.
@Suite(.serialized) struct SweepCommandTests {
  /// A point of this base simulates in about 0.05 s on one core.
  static let base = """
    scenario: small
    simulation: {days: 6, replications: 2, seed: 3}
    arrivals: {per_hour: 600}
    call_types:
      call: {handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}
    agents: 48
    """

  static func sweep(agents: String = "{from: 40, to: 63, step: 1}") -> String {
    """
    sweep: small
    base: base.yaml
    parameters:
      agents: \(agents)
      call_types.call.patience.mean: [3m]
    metrics: [answer_rate, service_level, occupancy]
    """
  }

  /// A folder with base.yaml and sweep.yaml; the sweep file's path.
  static func setUp(_ sweep: String = SweepCommandTests.sweep()) throws -> (dir: URL, file: String) {
    let dir = try CLI.temporaryFolder()
    _ = try CLI.write(base, to: "base.yaml", in: dir)
    return (dir, try CLI.write(sweep, to: "sweep.yaml", in: dir))
  }

  static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  /// Lines in a file another process may be appending to. Read through a file handle:
  /// Foundation's whole-file read leaks its buffer when the file grows under it
  /// (LeakSanitizer saw it in `make asan`).
  static func lines(_ url: URL) -> Int {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return 0 }
    defer { try? handle.close() }
    let data = (try? handle.readToEnd()) ?? Data()
    return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).count - 1
  }

  /// The base with a text-message type on the calls' team (52 agents), written to a new
  /// folder as `base.yaml`; the folder.
  static func setUpTexts() throws -> URL {
    let base = Self.base.replacingOccurrences(
      of: "call_types:\n",
      with: "call_types:\n  texts: {channel: message, arrivals: {per_hour: 20}, handle: {dist: exponential, mean: 3m}, deadline: 1h}\n")
      .replacingOccurrences(of: "agents: 48", with: "agent_groups: {team: {skills: [call, texts], agents: 52}}")
    let dir = try CLI.temporaryFolder()
    _ = try CLI.write(base, to: "base.yaml", in: dir)
    return dir
  }

  /// A message type's volume and a group's reserve are sweepable like any key: more texts
  /// or a larger reserve leave more of them waiting.
  @Test func sweepsMessageVolumeAndReserve() throws {
    let dir = try Self.setUpTexts()
    let file = try CLI.write(
      """
      sweep: texts
      base: base.yaml
      parameters:
        call_types.texts.arrivals.per_hour: [10, 40]
        agent_groups.team.reserve: [0, 3]
      metrics: [response_seconds, on_time_share, backlog]
      """, to: "sweep.yaml", in: dir)
    let out = dir.appendingPathComponent("out")
    let r = try CLI.run(["sweep", file, "--out", out.path, "--threads", "2", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let points = try CSVFile(contentsOf: out.appendingPathComponent("points.csv"))
    let backlog = points.rows.compactMap { $0.number("backlog_mean") }
    #expect(points.rows.map { $0["call_types.texts.arrivals.per_hour"] } == ["10", "10", "40", "40"])
    #expect(backlog.count == 4 && backlog[0] < backlog[1] && backlog[2] < backlog[3] && backlog[0] < backlog[2], "\(backlog)")
  }

  /// A metric over one channel (`phone.answer_rate`, `texts`' `message.asa_seconds`) is the
  /// run's `channels.NAME` value, in `points.csv` under its own name.
  @Test func keepsMetricsOfOneChannel() throws {
    let dir = try Self.setUpTexts()
    let file = try CLI.write(
      """
      sweep: channels
      base: base.yaml
      parameters:
        call_types.texts.arrivals.per_hour: [10, 40]
      metrics: [answer_rate, phone.answer_rate, message.asa_seconds]
      """, to: "sweep.yaml", in: dir)
    let out = dir.appendingPathComponent("out")
    let r = try CLI.run(["sweep", file, "--out", out.path, "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let points = try CSVFile(contentsOf: out.appendingPathComponent("points.csv"))
    #expect(points.header == ["call_types.texts.arrivals.per_hour", "answer_rate_mean", "answer_rate_ci95", "phone.answer_rate_mean",
      "phone.answer_rate_ci95", "message.asa_seconds_mean", "message.asa_seconds_ci95"])
    let run = dir.appendingPathComponent("run")
    let single = try CLI.run(["run", dir.appendingPathComponent("base.yaml").path, "--set", "call_types.texts.arrivals.per_hour=40", "--out", run.path, "--quiet"])
    #expect(single.status == 0, "\(single.stderr)")
    let channels = try #require(CLI.json(run.appendingPathComponent("summary.json"))["channels"] as? [String: [String: [String: Any]]])
    let row = try #require(points.rows.last)
    // summary.json's numbers come through JSONSerialization, which may round the last digit.
    let phone = try #require(channels["phone"]?["answer_rate"]?["mean"] as? Double)
    let message = try #require(channels["message"]?["asa_seconds"]?["mean"] as? Double)
    #expect(abs(try #require(row.number("phone.answer_rate_mean")) - phone) <= 1e-12 * phone)
    #expect(abs(try #require(row.number("message.asa_seconds_mean")) - message) <= 1e-12 * message)
    #expect(row.number("phone.answer_rate_mean") != row.number("answer_rate_mean"), "the phones alone, not every contact")
  }

  @Test func writesPointsInGridOrderWhateverTheThreads() throws {
    let (dir, file) = try Self.setUp()
    let one = try CLI.run(["sweep", file, "--out", dir.appendingPathComponent("one").path, "--threads", "1", "-q"])
    let two = try CLI.run(["sweep", file, "--out", dir.appendingPathComponent("two").path, "--threads", "2"])
    #expect(one.status == 0, "\(one.stderr)")
    #expect(two.status == 0, "\(two.stderr)")
    #expect(two.stdout.contains("small: 24 points × 2 replications"), "\(two.stdout)")
    let csv = try Self.text(dir.appendingPathComponent("one/points.csv"))
    #expect(csv == (try Self.text(dir.appendingPathComponent("two/points.csv"))))
    #expect(try Self.text(dir.appendingPathComponent("one/points.jsonl")) == (try Self.text(dir.appendingPathComponent("two/points.jsonl"))))
    let rows = csv.split(separator: "\n")
    #expect(rows.first == "agents,call_types.call.patience.mean_seconds,answer_rate_mean,answer_rate_ci95,service_level_mean,service_level_ci95,occupancy_mean,occupancy_ci95")
    #expect(rows.count == 25)
    #expect(rows.dropFirst().map { $0.split(separator: ",")[0] } == (40...63).map { Substring(String($0)) })
    // More agents, more calls answered: the common random numbers make the curve smooth.
    let rates = rows.dropFirst().map { Double($0.split(separator: ",")[2])! }
    #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 <= $1 }, "\(rates)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("one").path).sorted() == ["points.csv", "points.jsonl", "sweep.json"])
    #expect(!CLI.exists(CLI.sibling(dir.appendingPathComponent("one"), "lock")))
  }

  /// Done-when 1: SIGKILL after some points finished and before all, then a resume, gives
  /// the points.csv of an uninterrupted run, byte for byte.
  @Test func resumesAfterSIGKILLToTheSameBytes() throws {
    let (dir, file) = try Self.setUp()
    let whole = dir.appendingPathComponent("whole"), killed = dir.appendingPathComponent("killed")
    #expect(try CLI.run(["sweep", file, "--out", whole.path, "-q"]).status == 0)
    let running = try CLI.launch(["sweep", file, "--out", killed.path, "--threads", "1", "-q"])
    let jsonl = killed.appendingPathComponent("points.jsonl")
    #expect(CLI.wait(upTo: 30) { Self.lines(jsonl) >= 3 })
    running.send(SIGKILL)
    _ = running.finish()
    let kept = Self.lines(jsonl)
    #expect(kept >= 3 && kept < 24, "\(kept) points kept")
    #expect(try Self.text(jsonl).hasSuffix("\n"))
    let resumed = try CLI.run(["sweep", file, "--out", killed.path, "--threads", "2"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("resuming: \(kept) of 24 points already finished"), "\(resumed.stderr)")
    #expect(try Self.text(killed.appendingPathComponent("points.csv")) == (try Self.text(whole.appendingPathComponent("points.csv"))))
    #expect(try Self.text(jsonl) == (try Self.text(whole.appendingPathComponent("points.jsonl"))))
    // A complete folder reruns nothing and stays as it is.
    let again = try CLI.run(["sweep", file, "--out", killed.path, "-q"])
    #expect(again.status == 0)
    #expect(try Self.text(killed.appendingPathComponent("points.csv")) == (try Self.text(whole.appendingPathComponent("points.csv"))))
  }

  /// SIGTERM stops within a second, keeps the finished points, and says how to resume.
  @Test func stopsOnSIGTERMKeepingFinishedPoints() throws {
    let (dir, file) = try Self.setUp()
    let out = dir.appendingPathComponent("out")
    let running = try CLI.launch(["sweep", file, "--out", out.path, "--threads", "1", "-q"])
    let jsonl = out.appendingPathComponent("points.jsonl")
    #expect(CLI.wait(upTo: 30) { Self.lines(jsonl) >= 2 })
    let signalled = Date()
    running.send(SIGTERM)
    let r = running.finish()
    #expect(Date().timeIntervalSince(signalled) < SanitizerBuild.allowing(1))
    #expect(r.status == 143, "\(r.stderr)")
    let kept = Self.lines(jsonl)
    #expect(r.stderr == "interrupted by SIGTERM: \(kept) of 24 points finished and kept in \(out.path)/; run the same command again to resume\n")
    #expect(Self.lines(out.appendingPathComponent("points.csv")) == kept + 1)
    #expect(!CLI.exists(CLI.sibling(out, "lock")))
  }

  @Test func cutsOffATornLastLineOnResume() throws {
    let (dir, file) = try Self.setUp(Self.sweep(agents: "[44, 48, 52]"))
    let out = dir.appendingPathComponent("out")
    #expect(try CLI.run(["sweep", file, "--out", out.path, "-q"]).status == 0)
    let complete = try Self.text(out.appendingPathComponent("points.csv"))
    let jsonl = out.appendingPathComponent("points.jsonl")
    let lines = try Self.text(jsonl).split(separator: "\n")
    // The first point whole, the second torn in the middle (as a power loss may leave it).
    try (lines[0] + "\n" + lines[1].prefix(40)).write(to: jsonl, atomically: true, encoding: .utf8)
    let resumed = try CLI.run(["sweep", file, "--out", out.path])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("resuming: 1 of 3 points"), "\(resumed.stderr)")
    #expect(try Self.text(out.appendingPathComponent("points.csv")) == complete)
  }

  @Test func refusesAChangedSweepInTheSameFolder() throws {
    let (dir, file) = try Self.setUp(Self.sweep(agents: "[44, 48]"))
    let out = dir.appendingPathComponent("out")
    #expect(try CLI.run(["sweep", file, "--out", out.path, "-q"]).status == 0)
    let before = try Self.text(out.appendingPathComponent("points.csv"))
    _ = try CLI.write(Self.sweep(agents: "[44, 49]"), to: "sweep.yaml", in: dir)
    let r = try CLI.run(["sweep", file, "--out", out.path, "-q"])
    #expect(r.status == 1)
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1 && lines[0].hasPrefix("error: --out '\(out.path)': holds points of another sweep ('small', fingerprint "), "\(r.stderr)")
    #expect(r.stderr.contains("the sweep file or its base changed since"))
    #expect(try Self.text(out.appendingPathComponent("points.csv")) == before)
  }

  /// The same grid under another name: it resumed into the old sweep's folder (the name is
  /// not in the fingerprint), mixing two sweeps' points. Refused, the folder left as it was.
  @Test func refusesARenamedSweepInTheSameFolder() throws {
    let (dir, file) = try Self.setUp(Self.sweep(agents: "[44, 48]"))
    let out = dir.appendingPathComponent("out")
    #expect(try CLI.run(["sweep", file, "--out", out.path, "-q"]).status == 0)
    let before = try Self.text(out.appendingPathComponent("points.csv"))
    let identity = try Self.text(out.appendingPathComponent("sweep.json"))
    _ = try CLI.write(Self.sweep(agents: "[44, 48]").replacingOccurrences(of: "sweep: small", with: "sweep: renamed"), to: "sweep.yaml", in: dir)
    let r = try CLI.run(["sweep", file, "--out", out.path, "-q"])
    #expect(r.status == 1)
    let lines = r.stderr.split(separator: "\n")
    #expect(
      lines.count == 1
        && lines[0] == "error: --out '\(out.path)': holds points of sweep 'small', not of sweep 'renamed'; a sweep folder belongs to one sweep: choose another --out (or delete the folder, or give the sweep its old name)",
      "\(r.stderr)")
    #expect(try Self.text(out.appendingPathComponent("points.csv")) == before)
    #expect(try Self.text(out.appendingPathComponent("sweep.json")) == identity)
    // Its old name resumes (nothing left to run).
    _ = try CLI.write(Self.sweep(agents: "[44, 48]"), to: "sweep.yaml", in: dir)
    #expect(try CLI.run(["sweep", file, "--out", out.path, "-q"]).status == 0)
  }

  @Test func refusesAFolderWithOtherFilesAndABusyFolder() throws {
    let (dir, file) = try Self.setUp()
    let other = dir.appendingPathComponent("other")
    try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
    _ = try CLI.write("x", to: "notes.txt", in: other)
    let r = try CLI.run(["sweep", file, "--out", other.path, "-q"])
    #expect(r.status == 1)
    #expect(r.stderr == "error: --out '\(other.path)': holds files but no sweep.json (notes.txt); expected a new or empty folder, or an earlier run of this sweep\n")

    let out = dir.appendingPathComponent("busy")
    let first = try CLI.launch(["sweep", file, "--out", out.path, "--threads", "1", "-q"])
    #expect(CLI.wait(upTo: 30) { Self.lines(out.appendingPathComponent("points.jsonl")) >= 1 })
    let second = try CLI.run(["sweep", file, "--out", out.path, "-q"])
    first.send(SIGKILL)
    _ = first.finish()
    #expect(second.status == 1)
    #expect(second.stderr.hasPrefix("error: --out '\(out.path)': the folder is in use by another callsim run (process \(first.pid))"), "\(second.stderr)")
    // The lock died with the killed process: the next run resumes at once.
    #expect(try CLI.run(["sweep", file, "--out", out.path, "-q"]).status == 0)
  }

  @Test func badSweepFileWritesNothing() throws {
    let (dir, file) = try Self.setUp(Self.sweep(agents: "[44, -1]"))
    let out = dir.appendingPathComponent("out")
    let r = try CLI.run(["sweep", file, "--out", out.path])
    #expect(r.status == 1)
    #expect(r.stderr.hasPrefix("error: \(file):4: agents: point 2 of 2 (agents=-1, call_types.call.patience.mean_seconds=180): expected a number of agents"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(!CLI.exists(out))
    let shard = try CLI.run(["sweep", file, "--shard", "3/2"])
    #expect(shard.status != 0)
    #expect(shard.stderr.contains("--shard: expected i/N with 1 ≤ i ≤ N ≤ 100000, such as 2/8 (N shards, this one the i-th), found '3/2'"), "\(shard.stderr)")
  }
}
