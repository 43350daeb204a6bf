import ArgumentParser
import CallSim
import Foundation

struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure simulation speed and memory against the C reference loop and SimPy.",
    discussion: """
      Every case runs `callsim run` on a scenario file in a child process (the real code path), and reads calls and events from its summary.json and peak memory from the operating system. The C reference (bench/c-reference/erlanga.c, built with make when found) and a SimPy model of the same Erlang A queue (bench/simpy_erlanga.py, needs `pip install -r bench/requirements.txt`) run in the same session, so ratios are comparable on a noisy machine. The planner case times `callsim plan Scenarios/seoul-120/plan-4-weeks.yaml` against one `callsim run` of the same scenario, alternating, whole processes.
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

  @Flag(help: "Only the reference case and its comparisons (skip the groups, Seoul, scaling and planner cases).")
  var quick = false

  @Flag(help: "Also count instructions per call with valgrind's callgrind (one replication of the reference case, 70 days, and of the Seoul full model; slow), beside the C loop's for the same calls.")
  var instructions = false

  @Option(help: "Also write the measurements as JSON to this file.")
  var json: String?

  func run() throws {
    let bench = try Benchmark(calls: calls, repetitions: max(1, repetitions))
    var rows: [Benchmark.Row] = []
    var planner: Benchmark.PlannerTiming?
    let cLoop = bench.cReference(folder: cReference)
    let c = cLoop?.callsPerSecond
    let simpy = bench.simpy(calls: simpyCalls)
    let reference = try bench.reference(calls: calls)
    rows.append(reference)
    rows.append(try bench.reference(calls: calls / 10))
    if let baseline {
      guard FileManager.default.isExecutableFile(atPath: baseline) else {
        throw ValidationError("--baseline: '\(baseline)' is not an executable file")
      }
      rows.append(try bench.baseline(executable: baseline, calls: calls))
    }
    if !quick {
      rows.append(try bench.groupsOverflow(calls: calls / 5))
      rows.append(try bench.seoulYear())
      var full = try bench.seoulFullModel()
      if instructions { full.row.instructionsPerCall = bench.instructionsPerCall(file: full.file) }
      rows.append(full.row)
      rows += try bench.seoulRosterWeek()
      rows += try bench.threadScaling()
      planner = try bench.planner()
    }
    var cInstructions: Double?
    if instructions {
      var profiled = try bench.reference(calls: 1_006_000)
      profiled.name = "Erlang A reference, 70 days (callgrind)"
      let file = try bench.referenceFile()
      profiled.instructionsPerCall = bench.instructionsPerCall(file: file)
      if profiled.instructionsPerCall != nil { cInstructions = bench.cInstructionsPerCall(calls: Int(profiled.calls)) }
      rows.append(profiled)
    }
    print(Benchmark.table(rows: rows, c: c, simpy: simpy))
    if let cInstructions, let own = rows.last?.instructionsPerCall {
      print(String(format: "C reference loop: %.0f instructions per call; reference / C: %.2f× (goal ≤ 1.4)", cInstructions, own / cInstructions))
    }
    print(Benchmark.checks(rows: rows, c: c, cProcess: cLoop?.processCallsPerSecond, simpy: simpy, planner: planner))
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
