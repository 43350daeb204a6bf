import ArgumentParser
import CallSim
import Foundation

struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure simulation speed and memory against the C reference loop and SimPy.",
    discussion: """
      Every case runs `callsim run` on a scenario file in a child process (the real code path), and reads calls and events from its summary.json and peak memory from the operating system. The C reference (bench/c-reference/erlanga.c, built with make when found) and a SimPy model of the same Erlang A queue (bench/simpy_erlanga.py, needs `pip install -r bench/requirements.txt`) run in the same session, so ratios are comparable on a noisy machine. The planner case times `callsim plan Scenarios/seoul-120/plan-4-weeks.yaml` against one `callsim run` of the same scenario, alternating, whole processes. `--case` runs some cases only; the scenarios and outputs of the cases go to a temporary folder, removed at the end.
      """
  )

  @Option(help: "Calls in the reference case.")
  var calls: Int = 10_000_000

  @Option(help: "Folder holding the C reference (erlanga.c and its Makefile).")
  var cReference: String = "bench/c-reference"

  @Option(help: "Calls simulated by SimPy (it is slow; its rate does not depend on the count).")
  var simpyCalls: Int = 200_000

  @Option(help: "Repetitions of each timed case; the fastest is reported.")
  var repetitions: Int = 3

  @Option(help: "Another callsim binary (an earlier build) to run the reference case with, for a before/after ratio in one session.")
  var baseline: String?

  @Flag(help: "Only the reference case and its comparisons (the same as --case reference).")
  var quick = false

  @Option(
    name: .customLong("case"),
    help: ArgumentHelp("Run only this case (repeat the option for several); all of them by default.", valueName: "name"))
  var cases: [Benchmark.Case] = []

  @Flag(help: "Also count instructions per call with valgrind's callgrind (one replication of the reference case, 70 days, and of the Seoul full model; slow), beside the C loop's for the same calls.")
  var instructions = false

  @Option(help: "Also write the measurements as JSON to this file.")
  var json: String?

  func validate() throws {
    if quick && !cases.isEmpty { throw ValidationError("--quick and --case: give one of them (--quick is --case reference)") }
    if baseline != nil && !selected.contains(.reference) { throw ValidationError("--baseline compares the reference case: add --case reference") }
  }

  /// The cases to run: `--case`, or the reference case alone with `--quick`, or all.
  var selected: Set<Benchmark.Case> { quick ? [.reference] : cases.isEmpty ? Set(Benchmark.Case.allCases) : Set(cases) }

  func run() throws {
    let bench = try Benchmark(calls: calls, repetitions: max(1, repetitions))
    defer { bench.removeFolder() }
    let selected = self.selected
    var rows: [Benchmark.Row] = []
    var planner: Benchmark.PlannerTiming?
    // The C loop's rate is the scale of the reference and full-model cases, SimPy's of the reference.
    let cLoop = selected.contains(.reference) || selected.contains(.seoul) ? bench.cReference(folder: cReference) : nil
    let c = cLoop?.callsPerSecond
    let simpy = selected.contains(.reference) ? bench.simpy(calls: simpyCalls) : nil
    if selected.contains(.reference) {
      rows.append(try bench.reference(calls: calls))
      rows.append(try bench.reference(calls: calls / 10))
    }
    if let baseline {
      guard FileManager.default.isExecutableFile(atPath: baseline) else {
        throw ValidationError("--baseline: '\(baseline)' is not an executable file")
      }
      rows.append(try bench.baseline(executable: baseline, calls: calls))
    }
    if selected.contains(.groups) { rows.append(try bench.groupsOverflow(calls: calls / 5)) }
    if selected.contains(.seoul) {
      rows.append(try bench.seoulYear())
      var full = try bench.seoulFullModel()
      if instructions { full.row.instructionsPerCall = bench.instructionsPerCall(file: full.file) }
      rows.append(full.row)
      rows += try bench.seoulRosterWeek()
    }
    if selected.contains(.scaling) { rows += try bench.threadScaling() }
    if selected.contains(.planner) { planner = try bench.planner() }
    var cInstructions: Double?
    if instructions && selected.contains(.reference) {
      var profiled = try bench.reference(calls: 1_006_000)
      profiled.name = "Erlang A reference, 70 days (callgrind)"
      let file = try bench.referenceFile()
      profiled.instructionsPerCall = bench.instructionsPerCall(file: file)
      if profiled.instructionsPerCall != nil { cInstructions = bench.cInstructionsPerCall(calls: Int(profiled.calls)) }
      rows.append(profiled)
    }
    if !rows.isEmpty { print(Benchmark.table(rows: rows, c: c, simpy: simpy)) }
    if let cInstructions, let own = rows.last?.instructionsPerCall {
      print(String(format: "C reference loop: %.0f instructions per call; reference / C: %.2f× (goal ≤ 1.4)", cInstructions, own / cInstructions))
    }
    let checks = Benchmark.checks(rows: rows, c: c, cProcess: cLoop?.processCallsPerSecond, simpy: simpy, planner: planner)
    if !checks.isEmpty { print(checks) }
    if let json {
      let object: [String: Any] = [
        "cases": rows.map(\.dictionary),
        "c_reference_calls_per_s": c ?? NSNull(),
        "c_reference_process_calls_per_s": cLoop?.processCallsPerSecond ?? NSNull(),
        "simpy_calls_per_s": simpy ?? NSNull(),
        "planner": planner?.dictionary ?? NSNull(),
      ]
      try AtomicFile.write(try JSONText.text(object, pretty: true) + "\n", to: URL(fileURLWithPath: json))
    }
  }
}
