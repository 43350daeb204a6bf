import ArgumentParser
import Foundation

/// The options of every command that simulates scenarios (`run`, `compare`, `plan`):
/// replications, seed, changed values, threads, where scenario files may reach, and how
/// much to print.
struct SimulationOptions: ParsableArguments {
  @Option(help: "Replications (overrides simulation.replications; compare: of every scenario, default the baseline's).")
  var replications: Int?

  @Option(help: "Seed (overrides simulation.seed; compare: of every scenario, default the baseline's).")
  var seed: UInt64?

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Change a scenario value: KEY a key path as in sweep files (arrivals.per_hour, call_types.call.patience.mean, agent_groups.team.agents), VALUE read as YAML (700, 5m, {dist: exponential, mean: 3m}; null removes the key). Repeatable; compare: applied to every scenario.",
      valueName: "key=value"))
  var set: [String] = []

  @Option(help: "Threads running replications in parallel (default: all cores). Results do not depend on it.")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Allow extends: and data files outside the scenario's folder.")
  var allowOutside = false

  @Flag(name: .shortAndLong, help: "Print only errors.")
  var quiet = false

  func validate() throws {
    if let replications, !(1...10_000).contains(replications) {
      throw ValidationError("--replications must be between 1 and 10000 (got \(replications))")
    }
    if threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads))") }
  }
}
