import Foundation

/// Combines the folders of a sweep's shards (from `callsim sweep --shard i/N`) into one
/// folder holding the whole sweep, as an unsharded run would have written it.
///
/// Refuses folders of different sweeps (their fingerprints differ), points that differ
/// between two folders, and a merge that lacks points, naming them; nothing is written then.
public enum SweepMerge {
  /// Most missing points named in a message; the rest are counted.
  static let maxNamed = 5

  /// Merges `folders` into `out`; returns the sweep's name and its number of points.
  public static func merge(_ folders: [String], into out: String) throws(ResultsLocation.Problem) -> (sweep: String, points: Int) {
    precondition(!folders.isEmpty)
    var first: (folder: String, identity: SweepIdentity)?
    var records: [Int: (record: PointRecord, folder: String)] = [:]
    for folder in folders {
      let url = URL(fileURLWithPath: folder)
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
        throw ResultsLocation.Problem("\(folder): no such folder; expected the output folder of a sweep or of one of its shards")
      }
      guard let identity = try SweepIdentity.read(in: url) else {
        throw ResultsLocation.Problem("\(folder): no sweep.json; expected the output folder of a sweep or of one of its shards (written by callsim sweep)")
      }
      if let first, first.identity.fingerprint != identity.fingerprint || first.identity.sweep != identity.sweep {
        throw ResultsLocation.Problem(
          "\(folder): holds sweep '\(identity.sweep)' (fingerprint \(identity.fingerprint)), not the sweep of \(first.folder) ('\(first.identity.sweep)', fingerprint \(first.identity.fingerprint)); expected shards of one sweep, run from the same sweep file")
      }
      if first == nil { first = (folder, identity) }
      let found = try SweepFolder.readRecords(url.appendingPathComponent(SweepFolder.jsonlFile), identity: identity, repair: false)
      for r in found {
        if let earlier = records[r.number], earlier.record != r {
          throw ResultsLocation.Problem(
            "\(folder): \(identity.name(ofPoint: r.number)) differs from the same point in \(earlier.folder); expected identical points (the same callsim version on both)")
        }
        records[r.number] = (r, folder)
      }
    }
    guard let (_, identity) = first else { preconditionFailure("no folders") }
    let total = identity.grid.count
    let missing = (1...max(1, total)).filter { total > 0 && records[$0] == nil }
    if !missing.isEmpty {
      let named = missing.prefix(maxNamed).map(identity.name(ofPoint:)).joined(separator: ", ")
      let more = missing.count > maxNamed ? ", and \(missing.count - maxNamed) more" : ""
      let counts = Set(folders.compactMap { try? SweepIdentity.read(in: URL(fileURLWithPath: $0))?.shard.count })
      var shards = ""
      if counts.count == 1, let n = counts.first, n > 1 {
        let indices = Set(missing.map { ($0 - 1) % n + 1 }).sorted()
        shards = " (of shard\(indices.count == 1 ? "" : "s") \(indices.map { "\($0)/\(n)" }.joined(separator: ", ")))"
      }
      throw ResultsLocation.Problem(
        "\(missing.count) of \(total) points of sweep '\(identity.sweep)' are in none of the folders\(shards): \(named)\(more); run those shards to the end (rerun resumes them), then merge again")
    }
    var merged = identity
    merged.shard = .whole
    let outURL = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath()
    for folder in folders where URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath() == outURL {
      throw ResultsLocation.Problem("--out '\(out)': is one of the folders being merged; expected a folder of its own")
    }
    let target = try SweepFolder(
      path: out, what: "--out", identity: merged,
      changed: "not of the shards being merged ('\(identity.sweep)', fingerprint \(identity.fingerprint)); choose another --out")
    defer { target.close() }
    do {
      try target.complete(records.values.map(\.record))
    } catch {
      throw ResultsLocation.Problem("--out '\(out)': cannot write points.csv or points.jsonl: \(error.localizedDescription)")
    }
    return (identity.sweep, total)
  }
}
