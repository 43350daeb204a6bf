import CallSimTestSupport
import Foundation
import Testing

/// `callsim sweep --shard i/N` and `callsim merge`: shards merged give the unsharded sweep,
/// row for row; shards of different sweeps and missing points are refused, naming them.
@Suite(.serialized) struct MergeCommandTests {
  static let sweep = SweepCommandTests.sweep(agents: "{from: 40, to: 46, step: 1}")

  /// Runs `callsim sweep` with `arguments`, expecting success.
  static func sweep(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let r = try CLI.run(["sweep"] + arguments + ["-q"])
    #expect(r.status == 0, "\(r.stderr)", sourceLocation: sourceLocation)
  }

  static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  /// Done-when 2: two shards merged equal the unsharded sweep.
  @Test func twoShardsMergedEqualTheUnshardedSweep() throws {
    let (dir, file) = try SweepCommandTests.setUp(Self.sweep)
    let whole = dir.appendingPathComponent("whole"), merged = dir.appendingPathComponent("merged")
    let s1 = dir.appendingPathComponent("s1"), s2 = dir.appendingPathComponent("s2")
    try Self.sweep([file, "--out", whole.path])
    try Self.sweep([file, "--out", s1.path, "--shard", "1/2"])
    try Self.sweep([file, "--out", s2.path, "--shard", "2/2", "--threads", "1"])
    // Round-robin: shard 1 holds points 1, 3, 5, 7 (agents 40, 42, 44, 46).
    let shardRows = try Self.text(s1.appendingPathComponent("points.csv")).split(separator: "\n").dropFirst()
    #expect(shardRows.map { $0.split(separator: ",")[0] } == ["40", "42", "44", "46"])
    let r = try CLI.run(["merge", s2.path, s1.path, "--out", merged.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "small: 7 points from 2 folders, written to \(merged.path)/ (points.csv, points.jsonl, sweep.json)\n")
    let wholeRows = try Self.text(whole.appendingPathComponent("points.csv")).split(separator: "\n")
    let mergedRows = try Self.text(merged.appendingPathComponent("points.csv")).split(separator: "\n")
    #expect(mergedRows.count == 8)
    for (m, w) in zip(mergedRows, wholeRows) { #expect(m == w) }
    #expect(try Self.text(merged.appendingPathComponent("points.jsonl")) == (try Self.text(whole.appendingPathComponent("points.jsonl"))))
    #expect(try Self.text(merged.appendingPathComponent("sweep.json")) == (try Self.text(whole.appendingPathComponent("sweep.json"))))
  }

  @Test func refusesMissingPointsNamingThem() throws {
    let (dir, file) = try SweepCommandTests.setUp(Self.sweep)
    let s1 = dir.appendingPathComponent("s1"), out = dir.appendingPathComponent("out")
    try Self.sweep([file, "--out", s1.path, "--shard", "1/3"])
    let r = try CLI.run(["merge", s1.path, "--out", out.path])
    #expect(r.status == 1)
    #expect(
      r.stderr
        == "error: 4 of 7 points of sweep 'small' are in none of the folders (of shards 2/3, 3/3): point 2 (agents=41, call_types.call.patience.mean_seconds=180), point 3 (agents=42, call_types.call.patience.mean_seconds=180), point 5 (agents=44, call_types.call.patience.mean_seconds=180), point 6 (agents=45, call_types.call.patience.mean_seconds=180); run those shards to the end (rerun resumes them), then merge again\n")
    #expect(!CLI.exists(out))
  }

  @Test func refusesShardsOfDifferentSweeps() throws {
    let (dir, file) = try SweepCommandTests.setUp(Self.sweep)
    let s1 = dir.appendingPathComponent("s1"), s2 = dir.appendingPathComponent("s2"), out = dir.appendingPathComponent("out")
    try Self.sweep([file, "--out", s1.path, "--shard", "1/2"])
    _ = try CLI.write(SweepCommandTests.sweep(agents: "{from: 40, to: 46, step: 2}"), to: "sweep.yaml", in: dir)
    try Self.sweep([file, "--out", s2.path, "--shard", "2/2"])
    let r = try CLI.run(["merge", s1.path, s2.path, "--out", out.path])
    #expect(r.status == 1)
    #expect(r.stderr.hasPrefix("error: \(s2.path): holds sweep 'small' (fingerprint "), "\(r.stderr)")
    #expect(r.stderr.hasSuffix("expected shards of one sweep, run from the same sweep file\n"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(!CLI.exists(out))
    // The same grid under another name: not the same sweep either.
    let s3 = dir.appendingPathComponent("s3")
    _ = try CLI.write(Self.sweep.replacingOccurrences(of: "sweep: small", with: "sweep: renamed"), to: "sweep.yaml", in: dir)
    try Self.sweep([file, "--out", s3.path, "--shard", "2/2"])
    let renamed = try CLI.run(["merge", s1.path, s3.path, "--out", out.path])
    #expect(renamed.status == 1)
    #expect(renamed.stderr.hasPrefix("error: \(s3.path): holds sweep 'renamed' (fingerprint "), "\(renamed.stderr)")
    #expect(!CLI.exists(out))
    let notSweep = try CLI.run(["merge", dir.path, "--out", out.path])
    #expect(notSweep.stderr == "error: \(dir.path): no sweep.json; expected the output folder of a sweep or of one of its shards (written by callsim sweep)\n")
  }
}
