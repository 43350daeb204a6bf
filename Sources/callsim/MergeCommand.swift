import ArgumentParser
import CallSim

struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Combine the folders of a sweep's shards into one folder with the whole sweep's points.csv.",
    discussion: """
      The merged points.csv and points.jsonl are those an unsharded run of the sweep writes, byte for byte. Refuses folders of different sweeps and a merge missing points (naming them); nothing is written then.
      """
  )

  @Argument(help: "The shards' output folders (from callsim sweep --shard i/N).")
  var folders: [String]

  @Option(help: "Folder for the merged points.csv, points.jsonl and sweep.json.")
  var out: String

  @Flag(name: .shortAndLong, help: "Print only errors.")
  var quiet = false

  func validate() throws {
    if folders.isEmpty { throw ValidationError("expected at least one shard folder to merge") }
  }

  func run() throws {
    do {
      let merged = try SweepMerge.merge(folders, into: out)
      if !quiet {
        print("\(merged.sweep): \(merged.points) points from \(folders.count) folder\(folders.count == 1 ? "" : "s"), written to \(out)/ (points.csv, points.jsonl, sweep.json)")
      }
    } catch {
      Diagnostics.printError("error: \(error)")
      throw ExitCode(1)
    }
  }
}
