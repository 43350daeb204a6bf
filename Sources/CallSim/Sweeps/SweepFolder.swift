import CallSimEngine
import Foundation

/// A sweep's output folder: `sweep.json` (which sweep and shard), `points.jsonl` and
/// `points.csv`, locked for the life of the process that opened it.
///
/// Finished points are appended to both files as they finish (`points.jsonl` flushed to
/// disk with `fsync` first: it is the record a resume reads), each line in one `write`, so
/// a kill loses at most the points in flight. A line torn by a power loss is cut off when
/// the folder is opened again. When every point of the shard is in, both files are
/// rewritten in grid order, each in one atomic rename.
public final class SweepFolder: Sendable {
  public let url: URL
  /// The records already in the folder when it was opened, by point number.
  public let finished: [Int: PointRecord]
  private let identity: SweepIdentity
  private let lock: Locked<(jsonl: FileHandle, csv: FileHandle, folderLock: FolderLock?)>

  static let jsonlFile = "points.jsonl"
  static let csvFile = "points.csv"

  /// Checks and locks `path` for `sweep`'s shard `shard`: creates it if missing, refuses a
  /// folder of another sweep (another name in its `sweep.json`, or another fingerprint: a
  /// changed grid, base, metrics or parameters) or shard or one holding other files, reads
  /// what an earlier run of the same sweep finished.
  public convenience init(path: String, what: String, sweep: Sweep, shard: Shard) throws(ResultsLocation.Problem) {
    try self.init(
      path: path, what: what, identity: SweepIdentity(sweep: sweep, shard: shard),
      changed: "not of \(sweep.file) as it is now (fingerprint \(sweep.fingerprint)); the sweep file or its base changed since, so choose another --out or delete the folder")
  }

  /// Checks and locks `path` for the points of `wanted`; `changed` ends the message that
  /// refuses a folder of another sweep.
  init(path: String, what: String, identity wanted: SweepIdentity, changed: String) throws(ResultsLocation.Problem) {
    let shard = wanted.shard
    let location = try ResultsLocation(path: path, what: what)
    do {
      try FileManager.default.createDirectory(at: location.parent, withIntermediateDirectories: true)
    } catch {
      throw ResultsLocation.Problem("\(location.display): cannot create the folder '\(location.parent.path)'; expected a folder callsim can write in")
    }
    let folderLock = try FolderLock.acquire(at: location.lockURL, guarding: location.display)
    url = location.url
    let fm = FileManager.default
    try? fm.createDirectory(at: url, withIntermediateDirectories: false)
    if let existing = try SweepIdentity.read(in: url) {
      // The name is not in the fingerprint (that covers what is simulated): checked on its
      // own, so that a renamed sweep does not resume into, and mix its points with, the old one's folder.
      guard existing.sweep == wanted.sweep else {
        throw ResultsLocation.Problem(
          "\(location.display): holds points of sweep '\(existing.sweep)', not of sweep '\(wanted.sweep)'; a sweep folder belongs to one sweep: choose another --out (or delete the folder, or give the sweep its old name)")
      }
      guard existing.fingerprint == wanted.fingerprint else {
        throw ResultsLocation.Problem(
          "\(location.display): holds points of another sweep ('\(existing.sweep)', fingerprint \(existing.fingerprint)), \(changed)")
      }
      guard existing.shard == shard else {
        throw ResultsLocation.Problem(
          "\(location.display): holds shard \(existing.shard) of this sweep, not \(shard == .whole ? "the whole sweep" : "shard \(shard)"); choose another --out")
      }
    } else {
      let entries = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
      guard entries.isEmpty else {
        throw ResultsLocation.Problem(
          "\(location.display): holds files but no sweep.json (\(entries.sorted().prefix(3).joined(separator: ", "))); expected a new or empty folder, or an earlier run of this sweep")
      }
      do { try AtomicFile.write(wanted.json(), to: url.appendingPathComponent(SweepIdentity.file)) } catch {
        throw ResultsLocation.Problem("\(location.display): cannot write sweep.json: \(error.localizedDescription)")
      }
    }
    identity = wanted
    let jsonlURL = url.appendingPathComponent(Self.jsonlFile)
    let records = try Self.readRecords(jsonlURL, identity: wanted, repair: true)
    finished = Dictionary(uniqueKeysWithValues: records.map { ($0.number, $0) })
    do {
      // Rebuilt from points.jsonl, the file of record, in the order the points finished.
      try AtomicFile.write(to: url.appendingPathComponent(Self.csvFile)) {
        try PointsTable(parameters: wanted.parameters, metrics: wanted.metrics, records: records).write(to: &$0)
      }
      let jsonl = try Self.appending(jsonlURL)
      let csv = try Self.appending(url.appendingPathComponent(Self.csvFile))
      lock = Locked((jsonl, csv, folderLock))
    } catch {
      throw ResultsLocation.Problem("\(location.display): cannot write points.csv or points.jsonl: \(error.localizedDescription)")
    }
  }

  /// Appends a finished point to both files; `points.jsonl` reaches the disk before this returns.
  /// Safe to call from any thread.
  public func append(_ record: PointRecord) throws {
    let jsonLine = record.jsonLine(parameters: identity.parameters, metrics: identity.metrics) + "\n"
    try lock.withLock { files in
      try files.jsonl.write(contentsOf: Data(jsonLine.utf8))
      try files.jsonl.synchronize()
      try files.csv.write(contentsOf: Data((record.csvRow + "\n").utf8))
    }
  }

  /// Rewrites both files in grid order, from every record of the shard: call when all are in.
  public func complete(_ records: [PointRecord]) throws {
    let sorted = records.sorted { $0.number < $1.number }
    try Self.writeAll(sorted, identity: identity, into: url)
  }

  /// Releases the folder's lock (also released when the process ends, however it ends).
  public func close() {
    lock.withLock { files in
      try? files.jsonl.close()
      try? files.csv.close()
      files.folderLock?.release()
      files.folderLock = nil
    }
  }

  /// Writes `points.jsonl` and `points.csv` of `records` (in the order given), each atomically.
  static func writeAll(_ records: [PointRecord], identity: SweepIdentity, into folder: URL) throws {
    try AtomicFile.write(to: folder.appendingPathComponent(jsonlFile)) { sink in
      for r in records { try sink.append(r.jsonLine(parameters: identity.parameters, metrics: identity.metrics) + "\n") }
    }
    try AtomicFile.write(to: folder.appendingPathComponent(csvFile)) {
      try PointsTable(parameters: identity.parameters, metrics: identity.metrics, records: records).write(to: &$0)
    }
  }

  private static func appending(_ url: URL) throws -> FileHandle {
    // A file that cannot be created makes FileHandle's open below throw.
    if !FileManager.default.fileExists(atPath: url.path) { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    return handle
  }

  /// The records of `points.jsonl`, in file order. A last line without its line end, or that
  /// does not parse, was torn by a kill or power loss: it is skipped, and cut off the file
  /// when `repair`. Any other bad line, a point of another shard, or a point twice, is refused.
  static func readRecords(_ url: URL, identity: SweepIdentity, repair: Bool) throws(ResultsLocation.Problem) -> [PointRecord] {
    let shard = identity.shard
    guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else { return [] }
    let text = String(decoding: data, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    var records: [PointRecord] = []
    var seen: Set<Int> = []
    var goodBytes = 0
    for (i, line) in lines.enumerated() {
      let last = i == lines.count - 1
      let complete = !last || text.hasSuffix("\n")
      guard complete, let r = PointRecord.parse(jsonLine: line, parameters: identity.parameters, metrics: identity.metrics) else {
        if last { break }
        throw ResultsLocation.Problem("\(url.path):\(i + 1): not a point record of this sweep; expected one JSON object per line as callsim writes them")
      }
      guard r.number >= 1, r.number <= identity.grid.count, shard.contains(r.number), r.labels == identity.grid[r.number - 1] else {
        throw ResultsLocation.Problem("\(url.path):\(i + 1): point \(r.number) is not a point of shard \(shard) of this sweep")
      }
      guard seen.insert(r.number).inserted else {
        throw ResultsLocation.Problem("\(url.path):\(i + 1): point \(r.number) appears twice")
      }
      records.append(r)
      goodBytes += line.utf8.count + 1
    }
    if repair && goodBytes < data.count {
      guard truncate(url.path, off_t(goodBytes)) == 0 else {
        throw ResultsLocation.Problem("\(url.path): cannot cut off its torn last line: \(String(cString: strerror(errno)))")
      }
    }
    return records
  }
}
