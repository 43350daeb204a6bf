import ArgumentParser
import CallSim
import Foundation

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Simulate a scenario and write summary.json, hourly tables, waits.csv and scenario.resolved.yaml.",
    discussion: """
      Results go to Results/<scenario name>/ unless --out names a folder. The folder is written only when the run succeeds; each file is replaced atomically.
      """
  )

  @Argument(help: "The scenario file (YAML).")
  var scenario: String

  @Option(help: "Folder for the results (default: Results/<scenario name>).")
  var out: String?

  @Option(help: "Replications (overrides simulation.replications).")
  var replications: Int?

  @Option(help: "Seed (overrides simulation.seed).")
  var seed: UInt64?

  @Option(help: "Threads running replications in parallel (default: all cores). Results do not depend on it.")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Also write calls.csv: one row per call counted (after the warm-up), for your own analysis. Large: about 64 bytes a call.")
  var trace = false

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

  func run() throws {
    let loaded = try Diagnostics.loadOrExit(scenario, allowOutside: allowOutside) { loaded in
      if let replications { try loaded.setReplications(replications) }
      if let seed { loaded.setSeed(seed) }
    }
    Diagnostics.printWarnings(loaded)
    let model = loaded.model
    let folder = out ?? "Results/\(model.name)"
    let progress = ProgressLine(total: model.settings.replications, enabled: !quiet)
    let interruption = Interruption()
    let clock = ContinuousClock.now
    let traceFolder = trace ? try TraceParts(results: folder, model: model, quiet: quiet) : nil
    defer { traceFolder?.remove() }
    let (run, stopped): (RunResult?, Bool)
    do {
      if let traceFolder {
        (run, stopped) = try SimulationRunner.runAllowingStop(
          model, threads: threads, progress: { progress.update(done: $0) }, stop: interruption.stop,
          tracingInto: traceFolder.url)
      } else {
        (run, stopped) = SimulationRunner.runAllowingStop(
          model, threads: threads, progress: { progress.update(done: $0) }, stop: interruption.stop)
      }
    } catch {
      progress.finish()
      Diagnostics.printError("error: \(folder): cannot write calls.csv: \(error.localizedDescription)")
      throw ExitCode(1)
    }
    progress.finish()
    guard let result = run else {
      Diagnostics.printError("interrupted by \(interruption.signalName): no replication had finished; nothing written")
      throw ExitCode(interruption.exitCode)
    }
    let elapsed = clock.duration(to: .now)
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    do {
      try ResultsFolder(path: folder).write(
        result, scenario: loaded, wallSeconds: wall, version: CallSimVersion.current,
        traceParts: traceFolder.map { t in result.replications.map { CallTrace.part($0.replication, in: t.url) } })
    } catch {
      Diagnostics.printError("error: \(folder): cannot write results: \(error.localizedDescription)")
      throw ExitCode(1)
    }
    if stopped {
      Diagnostics.printError(
        "interrupted by \(interruption.signalName): kept the \(result.replications.count) of \(model.settings.replications) replications that had finished, written to \(folder)/ (summary.json says \"interrupted\": true)")
      throw ExitCode(interruption.exitCode)
    }
    if !quiet {
      print(SummaryText(result: result, wallSeconds: wall).render())
      print("Results written to \(folder)/ (\(ResultsFolder.files.joined(separator: ", "))\(trace ? ", calls.csv" : ""))")
    }
  }
}
