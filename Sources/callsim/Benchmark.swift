import ArgumentParser
import CallSim
import Foundation

/// The cases of `callsim bench`, each run as a child `callsim run`.
struct Benchmark {
  /// The groups of cases `--case` selects.
  enum Case: String, CaseIterable, ExpressibleByArgument {
    /// The Erlang A reference (`--calls` and a tenth of them), against the C loop and SimPy.
    case reference
    /// Four call types, three agent groups, overflow.
    case groups
    /// The Seoul cases: a year of the base scenario, the full model, a rostered week.
    case seoul
    /// One thread against two on 8 replications of the reference.
    case scaling
    /// `callsim plan` on `plan-4-weeks.yaml` against one run of it.
    case planner
  }

  struct Row {
    var name: String
    var calls: Double
    var events: Double
    /// Seconds of simulation, from summary.json (excludes start-up and writing).
    var seconds: Double
    /// Seconds of the whole child process (start-up, decoding, simulation, writing the
    /// results), the fastest repetition: the time a user waits.
    var processSeconds: Double
    var threads: Int
    var peakMemoryBytes: Int
    var note = ""
    /// Instructions per call under callgrind (one replication, whole process); `nil` when
    /// not measured (`--instructions`) or valgrind is missing.
    var instructionsPerCall: Double?

    var callsPerSecond: Double { calls / seconds }
    /// Calls per second of the whole process.
    var processCallsPerSecond: Double { calls / processSeconds }
    var eventsPerSecond: Double { events / seconds }

    var dictionary: [String: Any] {
      [
        "case": name, "calls": calls, "events": events, "seconds": seconds, "process_seconds": processSeconds, "threads": threads,
        "calls_per_s": callsPerSecond, "events_per_s": eventsPerSecond, "peak_memory_bytes": peakMemoryBytes,
        "note": note, "instructions_per_call": instructionsPerCall ?? NSNull(),
      ]
    }
  }

  let executable: String
  let folder: URL
  let repetitions: Int

  init(calls: Int, repetitions: Int) throws {
    executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("callsim-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    self.repetitions = repetitions
  }

  /// Removes the folder of the cases' scenarios and outputs.
  func removeFolder() { try? FileManager.default.removeItem(at: folder) }

  /// The Erlang A reference model (600 calls/h, exponential 5 min handle, 48 agents,
  /// exponential 3 min patience) for about `calls` calls, one replication, one thread.
  func reference(calls: Int) throws -> Row {
    let days = max(1, Int((Double(calls) / (600 * 24)).rounded(.up)))
    let file = try write("reference-\(calls).yaml", Benchmark.referenceYAML(days: days, replications: 1))
    return try fastest(name: "Erlang A reference, \(Benchmark.millions(calls)) calls", file: file, threads: 1)
  }

  /// The same reference model run by another build of callsim (`--baseline`), to measure a
  /// change against the code before it in one session.
  func baseline(executable other: String, calls: Int) throws -> Row {
    let days = max(1, Int((Double(calls) / (600 * 24)).rounded(.up)))
    let file = try write("baseline-\(calls).yaml", Benchmark.referenceYAML(days: days, replications: 1))
    return try fastest(name: "Erlang A reference, baseline build", file: file, threads: 1, executable: other)
  }

  /// Four call types, three agent groups, overflow after 30 s, with patience: the routing
  /// work a multi-skill center adds per call, for about `calls` calls on one thread.
  func groupsOverflow(calls: Int) throws -> Row {
    let days = max(1, Int((Double(calls) / (900 * 24)).rounded(.up)))
    let file = try write("groups-\(calls).yaml", Benchmark.groupsYAML(days: days))
    return try fastest(name: "4 types, 3 groups, overflow, \(Benchmark.millions(calls)) calls", file: file, threads: 1)
  }

  /// A simulated year of the Seoul base scenario, 10 replications on 2 threads.
  func seoulYear() throws -> Row {
    let base = URL(fileURLWithPath: "Scenarios/seoul-120/base.yaml").standardizedFileURL.path
    guard FileManager.default.fileExists(atPath: base) else {
      throw ValidationError("run callsim bench from the project folder (Scenarios/seoul-120/base.yaml not found)")
    }
    let file = try write("seoul-year.yaml", "extends: \(base)\nsimulation: {start: 2023-01-01, days: 366, warmup: 1d, replications: 10}\n")
    return try fastest(name: "Seoul base, 1 year × 10 replications", file: file, threads: 2, extra: ["--allow-outside"])
  }

  /// One Seoul week with a roster of about 400 agents in shifts with breaks
  /// (`Scenarios/seoul-120/bench-week.yaml`), then the same week and center with
  /// `agents: {hourly: …}` set to the roster's mean agents on the phones by hour of day:
  /// what rosters, pauses, absence and remote gaps cost per call. 10 replications, 1 thread.
  func seoulRosterWeek() throws -> [Row] {
    let folder = URL(fileURLWithPath: "Scenarios/seoul-120").standardizedFileURL
    let week = folder.appendingPathComponent("bench-week.yaml").path
    guard FileManager.default.fileExists(atPath: week) else {
      throw ValidationError("run callsim bench from the project folder (Scenarios/seoul-120/bench-week.yaml not found)")
    }
    let roster = try fastest(name: "Seoul week, 443 agents in shifts", file: week, threads: 1, extra: ["--allow-outside"])
    let hourly = try Benchmark.meanAgentsByHour(of: self.folder.appendingPathComponent("out-0/hourly.csv"))
    let center = folder.appendingPathComponent("parts/center.yaml").path
    let twin = try write(
      "seoul-week-hourly.yaml",
      "extends: \(center)\nscenario: bench-seoul-week-hourly\nsimulation: {days: 8, replications: 10}\n"
        + "arrivals: {per_day: 21700}\nagents: {hourly: [\(hourly.map(String.init).joined(separator: ", "))]}\n")
    var same = try fastest(name: "same week, agents by the hour", file: twin, threads: 1, extra: ["--allow-outside"])
    same.note = String(format: "roster at %.2f× its calls/s", roster.callsPerSecond / same.callsPerSecond)
    return [roster, same]
  }

  /// The Seoul full model: `bench-week.yaml` (agent groups, 443 rostered agents in shifts
  /// with breaks, absence, remote gaps, reinforcement, IVR, redials) with a recommended
  /// 20-minute call cap and call-backs. Calls that reached the number; 10 replications,
  /// 1 thread. Returns the row and the scenario file (for ``instructionsPerCall(file:)``).
  func seoulFullModel() throws -> (row: Row, file: String) {
    let week = URL(fileURLWithPath: "Scenarios/seoul-120/bench-week.yaml").standardizedFileURL.path
    guard FileManager.default.fileExists(atPath: week) else {
      throw ValidationError("run callsim bench from the project folder (Scenarios/seoul-120/bench-week.yaml not found)")
    }
    let file = try write(
      "seoul-full.yaml",
      "extends: \(week)\nscenario: bench-seoul-full\n"
        + "call_cap: {mode: recommended, limit: 20m, compliance: 0.6, call_back: 0.3, call_back_delay: {dist: exponential, mean: 30m}}\n")
    return (try fastest(name: "Seoul full model (groups, roster, cap)", file: file, threads: 1, extra: ["--allow-outside"]), file)
  }

  /// The planner's time against the simulation's: `callsim plan` on the Seoul center's 4
  /// September weeks (`Scenarios/seoul-120/plan-4-weeks.yaml`) and one `callsim run` of the
  /// same scenario (same replications and threads), both whole processes, run alternately
  /// (plan, run, plan, run, …) and the fastest of each kept, so that a slow spell of the
  /// shared machine falls on both.
  struct PlannerTiming {
    /// Seconds of the whole `callsim plan` process.
    var planSeconds: Double
    /// Seconds of the whole `callsim run` process.
    var runSeconds: Double
    /// Simulation runs the plan made (its iterations).
    var runs: Int

    var ratio: Double { planSeconds / runSeconds }

    var dictionary: [String: Any] {
      ["case": "plan plan-4-weeks.yaml", "plan_seconds": planSeconds, "run_seconds": runSeconds, "runs": runs, "plan_over_run": ratio]
    }
  }

  func planner() throws -> PlannerTiming {
    let file = URL(fileURLWithPath: "Scenarios/seoul-120/plan-4-weeks.yaml").standardizedFileURL.path
    guard FileManager.default.fileExists(atPath: file) else {
      throw ValidationError("run callsim bench from the project folder (Scenarios/seoul-120/plan-4-weeks.yaml not found)")
    }
    let planOut = folder.appendingPathComponent("out-plan").path
    let runOut = folder.appendingPathComponent("out-plan-run").path
    var timing = PlannerTiming(planSeconds: .infinity, runSeconds: .infinity, runs: 0)
    for _ in 0..<repetitions {
      let plan = try ChildProcess.run(executable, ["plan", file, "--out", planOut, "--quiet", "--allow-outside"])
      guard plan.status == 0 else { throw ValidationError("benchmark case 'plan plan-4-weeks.yaml' failed (exit \(plan.status))") }
      let run = try ChildProcess.run(executable, ["run", file, "--out", runOut, "--quiet", "--allow-outside"])
      guard run.status == 0 else { throw ValidationError("benchmark case 'run plan-4-weeks.yaml' failed (exit \(run.status))") }
      timing.planSeconds = min(timing.planSeconds, plan.wallSeconds)
      timing.runSeconds = min(timing.runSeconds, run.wallSeconds)
    }
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planOut + "/plan.json"))) as? [String: Any]
    timing.runs = (summary?["iterations"] as? [Any])?.count ?? 0
    return timing
  }

  /// Instructions per call of `callsim run FILE --replications 1 --threads 1 --quiet`, whole
  /// process, counted by `valgrind --tool=callgrind` on a copy of this binary stripped of its
  /// debug info (callgrind cannot read this toolchain's DWARF 5); `nil` without valgrind.
  /// Counts do not depend on the machine's load, unlike times. Slow (about 50× a plain run).
  func instructionsPerCall(file: String) -> Double? {
    let stripped = folder.appendingPathComponent("callsim-stripped").path
    if !FileManager.default.fileExists(atPath: stripped) {
      guard let strip = try? ChildProcess.run("/usr/bin/env", ["strip", "--strip-debug", "-o", stripped, executable]),
        strip.status == 0
      else { return nil }
    }
    let out = folder.appendingPathComponent("out-callgrind").path
    guard
      let total = callgrindInstructions(
        stripped, ["run", file, "--out", out, "--replications", "1", "--threads", "1", "--quiet", "--allow-outside"],
        counts: "callgrind.out"),
      let data = try? Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")),
      let summary = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let metrics = summary["metrics"] as? [String: [String: Any]],
      let calls = metrics["total_inflow"]?["mean"] as? Double, calls > 0
    else { return nil }
    return total / calls
  }

  /// Instructions per call of the C reference loop for `calls` calls under callgrind; `nil`
  /// when valgrind or the loop is missing (``cReference(folder:)`` builds it).
  func cInstructionsPerCall(calls: Int) -> Double? {
    let loop = folder.appendingPathComponent("c/erlanga").path
    guard FileManager.default.isExecutableFile(atPath: loop),
      let total = callgrindInstructions(loop, ["mt19937", String(calls), "12345"], counts: "c-callgrind.out")
    else { return nil }
    return total / Double(calls)
  }

  /// Instructions of the whole process `program arguments` under `valgrind --tool=callgrind`
  /// (its counts written to the file `counts` of the bench folder); `nil` when valgrind is
  /// missing, the process fails or the counts have no total.
  private func callgrindInstructions(_ program: String, _ arguments: [String], counts: String) -> Double? {
    let file = folder.appendingPathComponent(counts).path
    guard
      let run = try? ChildProcess.run(
        "/usr/bin/env", ["valgrind", "-q", "--tool=callgrind", "--callgrind-out-file=\(file)", program] + arguments),
      run.status == 0, let text = try? String(contentsOfFile: file, encoding: .utf8)
    else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("summary:") || line.hasPrefix("totals:") {
      if let total = Double(line.split(separator: " ").dropFirst().first ?? "") { return total }
    }
    return nil
  }

  /// The reference scenario of `make profile` (70 days, about 1.0 M calls), for callgrind.
  func referenceFile(days: Int = 70) throws -> String {
    try write("reference-profile.yaml", Benchmark.referenceYAML(days: days, replications: 1))
  }

  /// Mean `agents_on_phones` by hour of day in an `hourly.csv`, rounded to whole agents.
  static func meanAgentsByHour(of url: URL) throws -> [Int] {
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    let header = lines[0].split(separator: ",").map(String.init)
    guard let hour = header.firstIndex(of: "hour"), let agents = header.firstIndex(of: "agents_on_phones") else {
      throw ValidationError("\(url.path): no hour or agents_on_phones column")
    }
    var sums = Array(repeating: 0.0, count: 24)
    var counts = Array(repeating: 0.0, count: 24)
    for line in lines.dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      guard let h = Int(cells[hour]), let n = Double(cells[agents]) else { continue }
      sums[h] += n
      counts[h] += 1
    }
    return (0..<24).map { counts[$0] > 0 ? Int((sums[$0] / counts[$0]).rounded()) : 0 }
  }

  /// 8 replications of the reference model on 1 and on 2 threads, run alternately (1, 2, 1,
  /// 2, …), the fastest of each kept: run one case after the other, a slower spell of the
  /// shared machine fell on one of them and moved the ratio by up to 0.25.
  func threadScaling() throws -> [Row] {
    let file = try write("scaling.yaml", Benchmark.referenceYAML(days: 60, replications: 8))
    var one = Fastest(), two = Fastest()
    for i in 0..<repetitions {
      one.add(try measure(name: "reference, 8 replications, 1 thread", file: file, threads: 1, repetition: i))
      two.add(try measure(name: "reference, 8 replications, 2 threads", file: file, threads: 2, repetition: i))
    }
    var twoRow = two.row!
    twoRow.note = String(format: "%.2f× faster than 1 thread", one.row!.seconds / twoRow.seconds)
    return [one.row!, twoRow]
  }

  /// The C reference loop's speed: calls per second of its simulation (as it prints them)
  /// and of its whole process (10 M calls over the process's wall time).
  struct CReference {
    var callsPerSecond: Double
    var processCallsPerSecond: Double
  }

  /// Calls per second of the C reference loop, built with its Makefile (the fastest of the
  /// repetitions, each measure on its own); `nil` when absent.
  func cReference(folder path: String) -> CReference? {
    let source = URL(fileURLWithPath: path).appendingPathComponent("erlanga.c").path
    guard FileManager.default.fileExists(atPath: source) else { return nil }
    let out = folder.appendingPathComponent("c").path
    guard let make = try? ChildProcess.run("/usr/bin/make", ["-s", "-C", path, "OUT=\(out)"]), make.status == 0 else { return nil }
    var best: CReference?
    for _ in 0..<repetitions {
      guard let run = try? ChildProcess.run(out + "/erlanga", ["mt19937", "10000000", "12345"]), run.status == 0,
        let rate = Benchmark.value(of: "calls_per_s", in: run.output)
      else { return best }
      let process = 10_000_000 / run.wallSeconds
      best = CReference(
        callsPerSecond: max(best?.callsPerSecond ?? 0, rate), processCallsPerSecond: max(best?.processCallsPerSecond ?? 0, process))
    }
    return best
  }

  /// Calls per second of the SimPy model; `nil` when Python or SimPy is missing.
  func simpy(calls: Int) -> Double? {
    let script = URL(fileURLWithPath: "bench/simpy_erlanga.py").path
    guard FileManager.default.fileExists(atPath: script),
      let run = try? ChildProcess.run("/usr/bin/env", ["python3", script, String(calls)], discardingErrors: true), run.status == 0,
      let object = try? JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
    else { return nil }
    return object["calls_per_s"] as? Double
  }

  private func fastest(name: String, file: String, threads: Int, extra: [String] = [], executable: String? = nil) throws -> Row {
    var best = Fastest()
    for i in 0..<repetitions {
      best.add(try measure(name: name, file: file, threads: threads, extra: extra, executable: executable, repetition: i))
    }
    return best.row!
  }

  /// One `callsim run` of a case.
  private func measure(
    name: String, file: String, threads: Int, extra: [String] = [], executable: String? = nil, repetition: Int
  ) throws -> Row {
    let out = folder.appendingPathComponent("out-\(repetition)").path
    let run = try ChildProcess.run(executable ?? self.executable, ["run", file, "--out", out, "--threads", String(threads), "--quiet"] + extra)
    guard run.status == 0 else { throw ValidationError("benchmark case '\(name)' failed (exit \(run.status))") }
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
    let metrics = summary["metrics"] as! [String: [String: Any]]
    let replications = Double(summary["replications"] as! Int)
    let calls = (metrics["total_inflow"]!["mean"] as! Double) * replications
    return Row(
      name: name, calls: calls, events: Double(summary["events"] as! Int), seconds: summary["wall_time_seconds"] as! Double,
      processSeconds: run.wallSeconds, threads: threads, peakMemoryBytes: run.peakMemoryBytes)
  }

  /// The repetitions of a case: the fastest by simulation time, with the highest peak memory
  /// and the shortest whole process of them all.
  struct Fastest {
    private(set) var row: Row?

    mutating func add(_ run: Row) {
      guard var best = row else {
        row = run
        return
      }
      let peak = max(best.peakMemoryBytes, run.peakMemoryBytes)
      let process = min(best.processSeconds, run.processSeconds)
      if run.seconds < best.seconds { best = run }
      best.peakMemoryBytes = peak
      best.processSeconds = process
      row = best
    }
  }

  private func write(_ name: String, _ text: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  static func referenceYAML(days: Int, replications: Int) -> String {
    """
    scenario: bench-reference
    simulation: {days: \(days), replications: \(replications), seed: 12345}
    arrivals: {per_hour: 600}
    call_types:
      call:
        handle: {dist: exponential, mean: 5m}
        patience: {dist: exponential, mean: 3m}
    agents: 48

    """
  }

  static func groupsYAML(days: Int) -> String {
    """
    scenario: bench-groups
    simulation: {days: \(days), replications: 1, seed: 12345}
    arrivals: {per_hour: 900}
    call_types:
      traffic: {share: 0.4, handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}
      water: {share: 0.2, handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 3m}}
      general: {share: 0.3, handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}
      foreign: {share: 0.1, handle: {dist: exponential, mean: 8m}, patience: {dist: exponential, mean: 4m}, priority: 1}
    agent_groups:
      traffic_team: {skills: [traffic, general], agents: 30}
      water_team: {skills: [water, general, traffic], agents: 14}
      general_team: {skills: [general, foreign, traffic, water], agents: 33}
    routing: {mode: overflow, overflow_after: 30s}

    """
  }

  static func value(of key: String, in text: String) -> Double? {
    for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) where token.hasPrefix(key + "=") {
      return Double(token.dropFirst(key.count + 1))
    }
    return nil
  }

  static func millions(_ n: Int) -> String {
    n >= 1_000_000 ? "\(n / 1_000_000)M" : "\(n / 1000)k"
  }

  static func table(rows: [Row], c: Double?, simpy: Double?) -> String {
    func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s + " " : s + String(repeating: " ", count: w - s.count) }
    var lines = [
      pad("case", 42) + pad("calls/s", 12) + pad("events/s", 12) + pad("× C", 7) + pad("× SimPy", 9) + pad("peak MiB", 10) + pad("seconds", 9) + "instr/call"
    ]
    for r in rows {
      let perThread = r.callsPerSecond / Double(r.threads)
      lines.append(
        pad(r.name, 42) + pad(String(format: "%.3gM", r.callsPerSecond / 1e6), 12)
          + pad(String(format: "%.3gM", r.eventsPerSecond / 1e6), 12)
          + pad(c.map { String(format: "%.2f", perThread / $0) } ?? "–", 7)
          + pad(simpy.map { String(format: "%.0f", perThread / $0) } ?? "–", 9)
          + pad(String(format: "%.1f", Double(r.peakMemoryBytes) / 1_048_576), 10)
          + pad(String(format: "%.2f", r.seconds), 9) + (r.instructionsPerCall.map { String(format: "%.0f", $0) } ?? "–")
          + (r.note.isEmpty ? "" : "  (\(r.note))"))
    }
    lines.append("C reference (one core): " + (c.map { String(format: "%.3gM calls/s", $0 / 1e6) } ?? "not found"))
    lines.append("SimPy (one core): " + (simpy.map { String(format: "%.0f calls/s", $0) } ?? "not available (pip install -r bench/requirements.txt)"))
    lines.append("Ratios are per thread. Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB.")
    return lines.joined(separator: "\n")
  }

  /// The performance goals, each with its measured value.
  static func checks(rows: [Row], c: Double?, cProcess: Double?, simpy: Double?, planner: PlannerTiming? = nil) -> String {
    var lines: [String] = []
    // The reference case's two lengths: `--calls` and a tenth of them.
    let references = rows.filter { $0.name.hasPrefix("Erlang A reference, ") && $0.name.hasSuffix(" calls") }
    if let reference = references.first {
      if let c { lines.append(String(format: "reference / C, simulation time: %.2f (goal ≥ 0.9)", reference.callsPerSecond / c)) }
      if let cProcess {
        lines.append(String(format: "reference / C, whole processes: %.2f (goal ≥ 1.0)", reference.processCallsPerSecond / cProcess))
      }
      if let simpy { lines.append(String(format: "reference / SimPy: %.0f (goal ≥ 40)", reference.callsPerSecond / simpy)) }
    }
    if references.count > 1 {
      let (long, short) = (references[0], references[1])
      lines.append(String(format: "peak memory, %@ / %@ calls: %.2f (goal ≤ 1.1)", millions(Int(long.calls)), millions(Int(short.calls)), Double(long.peakMemoryBytes) / Double(short.peakMemoryBytes)))
    }
    if let reference = references.first, let base = rows.first(where: { $0.name.hasSuffix("baseline build") }) {
      lines.append(String(format: "reference / baseline build: %.3f (goal ≥ 0.95)", reference.callsPerSecond / base.callsPerSecond))
    }
    if let c, let full = rows.first(where: { $0.name.hasPrefix("Seoul full model") }) {
      lines.append(String(format: "Seoul full model / C: %.2f (goal ≥ 0.8)", full.callsPerSecond / c))
    }
    if let seoul = rows.first(where: { $0.name.hasPrefix("Seoul base") }) {
      lines.append(String(format: "Seoul year × 10: %.1f s (goal < 30 s)", seoul.seconds))
    }
    if let roster = rows.first(where: { $0.name.hasPrefix("Seoul week") }),
      let same = rows.first(where: { $0.name.hasPrefix("same week") })
    {
      lines.append(String(format: "Seoul week, roster / agents by the hour: %.2f (goal ≥ 0.8)", roster.callsPerSecond / same.callsPerSecond))
    }
    if let one = rows.first(where: { $0.name.hasSuffix("1 thread") }), let two = rows.first(where: { $0.name.hasSuffix("2 threads") }) {
      lines.append(String(format: "2 threads / 1 thread on 8 replications: %.2f× (goal ≥ 1.9)", one.seconds / two.seconds))
    }
    if let planner {
      lines.append(
        String(
          format: "plan plan-4-weeks.yaml / one run of it: %.1f× (goal ≤ 4; %.2f s against %.2f s, %d runs)", planner.ratio,
          planner.planSeconds, planner.runSeconds, planner.runs))
    }
    return lines.joined(separator: "\n")
  }
}
