import ArgumentParser
import CallSim
import CallSimEngine
import Foundation

struct SweepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Run a grid of scenario variants (a sweep file) and write points.csv and points.jsonl.",
    discussion: """
      Every point is validated before any runs. Points run in parallel, each on the sweep's seed (common random numbers). Finished points are kept as they finish: rerun the same command into the same folder to resume. When all are in, points.csv is rewritten in grid order. --shard i/N runs every N-th point from the i-th, for a job array; `callsim merge` combines the shards' folders.
      """
  )

  @Argument(help: "The sweep file (YAML): sweep, base, replications, parameters, metrics.")
  var sweep: String

  @Option(help: "Folder for points.csv and points.jsonl (default: Results/<sweep name>, or Results/<sweep name>-shard-I-of-N).")
  var out: String?

  @Option(help: "Threads running points in parallel (default: all cores). Results do not depend on it.")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Run only shard i of N (1 ≤ i ≤ N): points i, i+N, i+2N, … of the grid.")
  var shard: String?

  @Flag(help: "Allow base: and the base's files outside the sweep file's folder.")
  var allowOutside = false

  @Flag(name: .shortAndLong, help: "Print only errors.")
  var quiet = false

  func validate() throws {
    if threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads))") }
    if let shard, case .failure(let problem) = Shard.parse(shard) { throw ValidationError("--shard: \(problem)") }
  }

  func run() throws {
    let shard = try shard.map { try Shard.parse($0).get() } ?? .whole
    let loaded: Sweep
    do {
      loaded = try Sweep.load(sweep, allowOutside: allowOutside)
    } catch let error as ScenarioError {
      for issue in error.issues { Diagnostics.printError(issue.description) }
      throw ExitCode(1)
    }
    for w in loaded.warnings { Diagnostics.printError(w.description) }
    let defaultFolder = "Results/\(loaded.name)" + (shard == .whole ? "" : "-shard-\(shard.index)-of-\(shard.count)")
    let folder: SweepFolder
    do {
      folder = try SweepFolder(path: out ?? defaultFolder, what: out == nil ? "sweep folder (from the sweep name)" : "--out", sweep: loaded, shard: shard)
    } catch {
      Diagnostics.printError("error: \(error)")
      throw ExitCode(1)
    }
    defer { folder.close() }
    let display = out ?? defaultFolder
    let mine = loaded.points.filter { shard.contains($0.number) }
    let pending = mine.filter { folder.finished[$0.number] == nil }
    if !quiet && folder.finished.count > 0 {
      Diagnostics.printError("resuming: \(folder.finished.count) of \(mine.count) points already finished in \(display)/")
    }
    let interruption = Interruption()
    let progress = SweepProgress(total: pending.count, enabled: !quiet)
    let records = RecordList(folder.finished.values)
    let outcome: SweepRunner.Outcome
    do {
      outcome = try SweepRunner.run(pending, metrics: loaded.metrics, threads: threads, stop: interruption.stop) { record, replications in
        try folder.append(record)
        records.add(record)
        progress.pointFinished(replications: replications)
      }
    } catch {
      progress.finish()
      Diagnostics.printError("error: \(display): \(error)")
      throw ExitCode(1)
    }
    progress.finish()
    let done = records.all
    guard outcome == .completed, done.count == mine.count else {
      Diagnostics.printError(
        "interrupted by \(interruption.signalName): \(done.count) of \(mine.count) points finished and kept in \(display)/; run the same command again to resume")
      throw ExitCode(interruption.exitCode)
    }
    do {
      try folder.complete(done)
    } catch {
      Diagnostics.printError("error: \(display): cannot write points.csv: \(error.localizedDescription)")
      throw ExitCode(1)
    }
    if !quiet {
      let part = shard == .whole ? "" : " (shard \(shard) of \(loaded.points.count))"
      print("\(loaded.name): \(mine.count) points\(part) × \(loaded.points.first?.model.settings.replications ?? 0) replications, \(String(format: "%.2f", progress.elapsed)) s")
      print("Results written to \(display)/ (points.csv, points.jsonl, sweep.json)")
    }
  }
}

/// The records of a sweep's points, gathered from the worker threads.
private final class RecordList: Sendable {
  private let records: Locked<[PointRecord]>
  init(_ initial: some Sequence<PointRecord>) { records = Locked(Array(initial)) }
  func add(_ r: PointRecord) { records.withLock { $0.append(r) } }
  var all: [PointRecord] { records.withLock { $0 } }
}
