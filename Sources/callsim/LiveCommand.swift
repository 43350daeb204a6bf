#if canImport(CallSimLive)
import ArgumentParser
import CallSim
import CallSimEngine
import CallSimLive
import Dispatch
import Foundation

struct LiveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "live",
    abstract: "Run one replication paced to the wall clock, with a wallboard page, an event stream and what-if controls.",
    discussion: """
      Serves GET / (the wallboard), GET /events (server-sent events, one JSON object a line, about once a second and at every control) and POST /control (JSON: pause, resume, speed, add_agents, remove_agents, routing). Ctrl-C or SIGTERM ends it and writes the results of the simulated time so far, with summary.json's "interventions", to Results/<scenario>-live/ or --out.
      """
  )

  @Argument(help: "The scenario file (YAML).")
  var scenario: String

  @Option(help: "Simulated seconds per real second (0.1 to 100000), or max.")
  var speed: String = "60"

  @Option(help: "Port to listen on (0: any free port, printed at start).")
  var port: Int = 8080

  @Option(help: "Address to bind (loopback unless you say otherwise).")
  var host: String = "127.0.0.1"

  @Option(help: "Folder for the results (default: Results/<scenario name>-live).")
  var out: String?

  @Option(help: "Seed (overrides simulation.seed).")
  var seed: UInt64?

  @Option(help: "Simulate up to this point at once, then pace from there: a clock time of the first day (08:00) or a duration from the start (1d8h).")
  var startAt: String?

  @Flag(help: "Exit once the simulated period is over (results written); by default the page stays up until Ctrl-C.")
  var exitAtEnd = false

  @Flag(help: "Start paused (resume from the page or with a control).")
  var paused = false

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Change a scenario value, as in `callsim run --set` (repeatable).", valueName: "key=value"))
  var set: [String] = []

  @Flag(help: "Allow extends: and data files outside the scenario's folder.")
  var allowOutside = false

  @Flag(name: .shortAndLong, help: "Print only errors and the address.")
  var quiet = false

  func validate() throws {
    if LiveSpeed(speed) == nil { throw ValidationError("--speed must be a number from 0.1 to 100000 or max (got \(speed))") }
    if let startAt, LiveCommand.seconds(ofClock: startAt) == nil {
      throw ValidationError("--start-at must be a clock time HH:MM or a duration such as 1d8h (got \(startAt))")
    }
    if !(0...65_535).contains(port) { throw ValidationError("--port must be from 0 to 65535 (got \(port))") }
  }

  /// Seconds after midnight of `HH:MM`, or the seconds of a duration (`1d8h`).
  static func seconds(ofClock text: String) -> Double? {
    if !text.contains(":") { return DurationParser.seconds(text).flatMap { $0 >= 0 ? $0 : nil } }
    let parts = text.split(separator: ":")
    guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else {
      return nil
    }
    return Double(h * 3600 + m * 60)
  }

  func run() throws {
    let loaded = try Diagnostics.loadOrExit(scenario, allowOutside: allowOutside, set: set) { loaded in
      try loaded.setReplications(1)
      if let seed { loaded.setSeed(seed) }
    }
    Diagnostics.printWarnings(loaded)
    let model = loaded.model
    let folder = out ?? "Results/\(model.name)-live"
    let (location, lock) = try Diagnostics.claimOrExit(folder, what: out == nil ? "results folder (from the scenario name)" : "--out")
    defer { lock.release() }
    let interruption = Interruption()
    let engine = LiveEngine(
      model: model, speed: LiveSpeed(speed)!, paused: paused, startAt: startAt.flatMap(LiveCommand.seconds(ofClock:)) ?? 0)
    let server = LiveServer(engine: engine, host: host, port: port)
    let clock = ContinuousClock.now
    let exitAtEnd = exitAtEnd
    let (host, quiet) = (host, quiet)
    let failure = Locked<Error?>(nil)
    let done = DispatchSemaphore(value: 0)
    engine.start()
    Task {
      do {
        try await server.run(
          onRunning: { port in
            let shown = host.contains(":") ? "[\(host)]" : host
            let line = "Wallboard: http://\(shown):\(port)/ (events: /events, controls: POST /control)\(quiet ? "" : "; Ctrl-C ends and writes the results")\n"
            FileHandle.standardOutput.write(Data(line.utf8))
          },
          shouldStop: { interruption.stop.isStopped || (exitAtEnd && engine.hasEnded) })
      } catch {
        failure.withLock { $0 = error }
      }
      done.signal()
    }
    done.wait()
    engine.stop()
    if let error = failure.withLock({ $0 }) {
      Diagnostics.printError("error: cannot serve on \(host):\(port): \(error)")
      throw ExitCode(1)
    }
    let (result, interventions, reachedEnd, simulated) = try Diagnostics.simulateOrExit(scenario) { try engine.finish() }
    let elapsed = clock.duration(to: .now)
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    do {
      try ResultsFolder(location: location).write(
        result, scenario: loaded, wallSeconds: wall, version: CallSimVersion.current,
        stop: interruption.stopForWriting(simulationStopped: interruption.stop.isStopped),
        summaryExtra: [
          "interventions": interventions.map(\.json),
          "live": ["simulated_seconds": simulated, "reached_end": reachedEnd, "speed": speed] as [String: Any],
        ])
    } catch {
      Diagnostics.printError("error: \(folder): cannot write results: \(error)")
      throw ExitCode(1)
    }
    if !quiet {
      print(SummaryText(result: result, wallSeconds: wall).render())
    }
    print("Results of \(reachedEnd ? "the whole run" : "the simulated time so far") written to \(folder)/")
    if interruption.stop.isStopped { throw ExitCode(interruption.exitCode) }
  }
}
#endif
