import ArgumentParser
import CallSim
import Foundation

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Simulate a scenario and write summary.json, hourly tables, waits.csv and scenario.resolved.yaml.",
    discussion: """
      Results go to Results/<scenario name>/ unless --out names a folder. The folder is checked and locked before the simulation (a second run into it is refused), written beside it and swapped into place whole, so it always holds one complete run.
      """
  )

  @Argument(help: "The scenario file (YAML).")
  var scenario: String

  @Option(help: "Folder for the results (default: Results/<scenario name>); replaced whole, so it must be new, empty, or an earlier run's.")
  var out: String?

  @OptionGroup var options: SimulationOptions

  @Flag(help: "Also write calls.csv (one row per call counted after the warm-up; about 96 bytes a call) and agents.csv (every agent's log-ins and log-outs), for your own analysis.")
  var trace = false

  func run() throws {
    let loaded = try Diagnostics.loadOrExit(scenario, allowOutside: options.allowOutside) { loaded in
      if let replications = options.replications { try loaded.setReplications(replications) }
      if let seed = options.seed { loaded.setSeed(seed) }
    }
    Diagnostics.printWarnings(loaded)
    let model = loaded.model
    let folder = out ?? "Results/\(model.name)"
    let interruption = Interruption()
    // Checked and locked before simulating: a bad or busy folder must not cost the run.
    let (location, lock) = try Diagnostics.claimOrExit(folder, what: out == nil ? "results folder (from the scenario name)" : "--out")
    defer { lock.release() }
    let progress = ProgressLine(total: model.settings.replications, enabled: !options.quiet)
    let clock = ContinuousClock.now
    let traceFolder = trace ? try TraceParts(results: location.url, model: model, quiet: options.quiet) : nil
    defer { traceFolder?.remove() }
    let (run, stopped): (RunResult?, Bool)
    do {
      if let traceFolder {
        (run, stopped) = try SimulationRunner.runAllowingStop(
          model, threads: options.threads, progress: { progress.update(done: $0) }, stop: interruption.stop,
          tracingInto: traceFolder.url)
      } else {
        (run, stopped) = try SimulationRunner.runAllowingStop(
          model, threads: options.threads, progress: { progress.update(done: $0) }, stop: interruption.stop)
      }
    } catch let error as CountLimitError {
      progress.finish()
      Diagnostics.printError("error: \(scenario): \(error)")
      throw ExitCode(1)
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
      try ResultsFolder(location: location).write(
        result, scenario: loaded, wallSeconds: wall, version: CallSimVersion.current,
        traceParts: traceFolder.map { t in result.replications.map { CallTrace.part($0.replication, in: t.url) } },
        stop: interruption.stopForWriting(simulationStopped: stopped))
    } catch is StopRequest.Stopped {
      Diagnostics.printError(
        "interrupted by \(interruption.signalName) while writing the results: nothing written; \(folder)/ is as it was before the run")
      throw ExitCode(interruption.exitCode)
    } catch {
      Diagnostics.printError("error: \(folder): cannot write results: \(error.localizedDescription)")
      throw ExitCode(1)
    }
    if stopped {
      Diagnostics.printError(
        "interrupted by \(interruption.signalName): kept the \(result.replications.count) of \(model.settings.replications) replications that had finished, written to \(folder)/ (summary.json says \"interrupted\": true)")
      throw ExitCode(interruption.exitCode)
    }
    if !options.quiet {
      print(SummaryText(result: result, wallSeconds: wall).render())
      print("Results written to \(folder)/ (\(ResultsFolder.files.joined(separator: ", "))\(trace ? ", " + ResultsFolder.traceFiles.joined(separator: ", ") : ""))")
    }
  }
}
