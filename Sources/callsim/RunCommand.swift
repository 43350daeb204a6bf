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

  @Option(
    help: ArgumentHelp(
      "With --trace: the most the trace files may take together (default 4GiB). A run whose estimate is larger, or larger than half the free space, is refused before simulating; one that passes it while writing stops with an error.",
      valueName: "size: bytes, or e.g. 500MB, 4GiB"))
  var traceLimit: String?

  func run() throws {
    var limit = TraceParts.defaultLimit
    if let traceLimit {
      guard let bytes = TraceBudget.parseSize(traceLimit) else {
        Diagnostics.printError(
          "error: --trace-limit: expected a size from 1 byte to 2^62 bytes such as 1000000, 500MB or 4GiB, found '\(traceLimit)'")
        throw ExitCode(1)
      }
      limit = bytes
    }
    let loaded = try Diagnostics.loadOrExit(scenario, allowOutside: options.allowOutside, set: options.set) { loaded in
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
    let traceFolder: TraceParts?
    do {
      traceFolder =
        trace ? try TraceParts(location: location, model: model, limit: limit, stop: interruption.stop, quiet: options.quiet) : nil
    } catch let refusal as TraceParts.Refusal {
      Diagnostics.printError("error: \(scenario): \(refusal)")
      throw ExitCode(1)
    } catch {
      Diagnostics.printError("error: \(folder): cannot create the trace's scratch folder: \(error.localizedDescription)")
      throw ExitCode(1)
    }
    // Registered after the lock's release, so it runs first: the parts go before the lock.
    defer { traceFolder?.remove() }
    let (run, stopped): (RunResult?, Bool)
    do {
      if let traceFolder {
        (run, stopped) = try SimulationRunner.runAllowingStop(
          model, threads: options.threads, progress: { progress.update(done: $0) }, stop: interruption.stop,
          tracingInto: traceFolder.url, budget: traceFolder.budget)
      } else {
        (run, stopped) = try SimulationRunner.runAllowingStop(
          model, threads: options.threads, progress: { progress.update(done: $0) }, stop: interruption.stop)
      }
    } catch let error as TraceBudget.Exceeded {
      progress.finish()
      Diagnostics.printError("error: \(scenario): \(error); nothing written, the trace's parts removed")
      throw ExitCode(1)
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
    // An interrupted traced run writes nothing: its trace would be cut short, and joining
    // the parts of the finished replications could take minutes after the signal.
    if trace, stopped {
      Diagnostics.printError(
        "interrupted by \(interruption.signalName): a traced run keeps nothing when interrupted; nothing written, the trace's parts removed")
      throw ExitCode(interruption.exitCode)
    }
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
