import CallSimTestSupport
import Foundation
import Testing

/// `callsim run --trace`: calls.csv beside the other results, one row per counted call, the
/// same file for any thread count, its size announced, no scratch folder left behind.
@Suite struct TraceCommandTests {
  static let scenario = """
    scenario: traced
    simulation: {days: 2, warmup: 6h, replications: 3, seed: 5}
    arrivals: {per_hour: 300}
    call_types:
      traffic: {share: 0.6, handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 2m}}
      water: {share: 0.4, handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 2m}}
    agent_groups:
      traffic_team: {skills: [traffic, water], agents: 12}
      water_team: {skills: [water], agents: 8}
    routing: {mode: split, misroute: {share: 0.05, transfer: {dist: exponential, mean: 30s}}}
    """

  @Test func writesOneRowPerCountedCallWhateverTheThreads() throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(Self.scenario, to: "traced.yaml", in: dir)
    var traces: [String] = []
    for threads in ["1", "3"] {
      let out = dir.appendingPathComponent("out-\(threads)")
      let r = try CLI.run(["run", file, "--out", out.path, "--trace", "--threads", threads])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stderr.contains("Tracing about") && r.stderr.contains("MB"), "\(r.stderr)")
      let csv = try String(contentsOf: out.appendingPathComponent("calls.csv"), encoding: .utf8)
      let lines = csv.split(separator: "\n")
      #expect(
        lines[0] == "replication,call_id,type,is_redial,arrival,outcome,group,transferred_by,wait_seconds,handle_seconds,"
          + "caller,talk_drawn_seconds,patience_seconds,agent,remote")
      let summary = try CLI.json(out.appendingPathComponent("summary.json"))
      let metrics = try #require(summary["metrics"] as? [String: [String: Any]])
      let calls = try #require(metrics["total_inflow"]?["mean"] as? Double) * 3
      #expect(Double(lines.count - 1) == calls)
      #expect(CSVFile(text: csv).rows.contains { $0["transferred_by"] != "" }, "no transfer traced")
      let groups = try #require(summary["agent_groups"] as? [String: Any])
      #expect(Set(groups.keys) == ["traffic_team", "water_team"])
      // agents.csv: the hourly plans' log-ins and log-outs, in replication order.
      let agents = try String(contentsOf: out.appendingPathComponent("agents.csv"), encoding: .utf8)
      let agentLines = agents.split(separator: "\n")
      #expect(agentLines[0] == "replication,time_seconds,group,agent,change,remote")
      #expect(agentLines.dropFirst().map { $0.prefix(2) } == agentLines.dropFirst().map { $0.prefix(2) }.sorted())
      traces.append(csv + agents)
      let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
      #expect(left.isEmpty, "scratch left behind: \(left)")
    }
    #expect(traces[0] == traces[1], "calls.csv depends on --threads")
  }

  /// With a forced cap and abusive callers, calls.csv gains `capped` and `abusive`; no
  /// answered call talks past the limit; the counts reach summary.json and the hourly tables.
  @Test func capAndAbusiveColumnsInTheTrace() throws {
    let dir = try CLI.temporaryFolder()
    let scenario = """
      scenario: traced-policies
      simulation: {days: 2, warmup: 6h, replications: 2, seed: 5}
      arrivals: {per_hour: 200}
      call_types:
        traffic: {share: 0.6, handle: {dist: lognormal, mean: 5m, sd: 6m}, patience: {dist: exponential, mean: 2m}}
        water: {share: 0.4, handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 2m}}
      agent_groups:
        general: {skills: [traffic, water], agents: 20}
        abuse_team: {skills: [], agents: 2}
      call_cap: {mode: forced, limit: 10m, call_back: 0.5, call_back_delay: {dist: exponential, mean: 20m}}
      abusive_callers: {share: 0.03, handle: {dist: exponential, mean: 12m}, route_to: abuse_team, recovery: 5m}
      """
    let file = try CLI.write(scenario, to: "policies.yaml", in: dir)
    let out = dir.appendingPathComponent("out")
    let r = try CLI.run(["run", file, "--out", out.path, "--trace"])
    #expect(r.status == 0, "\(r.stderr)")
    let calls = try CSVFile(contentsOf: out.appendingPathComponent("calls.csv"))
    #expect(calls.header.suffix(5) == ["patience_seconds", "agent", "remote", "capped", "abusive"], "\(calls.header)")
    let answered = calls.rows.filter { $0["outcome"] == "answered" }
    #expect(answered.allSatisfy { $0.number("handle_seconds")! <= 600 })
    #expect(
      answered.contains { $0["capped"] == "true" }
        && answered.allSatisfy { ($0["capped"] == "true") == ($0.number("handle_seconds")! == 600 && $0.number("talk_drawn_seconds")! > 600) })
    #expect(answered.allSatisfy { ($0["group"] == "abuse_team") == ($0["abusive"] == "true") })
    let summary = try CLI.json(out.appendingPathComponent("summary.json"))
    let metrics = try #require(summary["metrics"] as? [String: [String: Any]])
    let capped = try #require(metrics["capped"]?["mean"] as? Double)
    #expect(capped * 2 == Double(answered.filter { $0["capped"] == "true" }.count))
    #expect(try #require(metrics["call_backs"]?["mean"] as? Double) > 0)
    #expect(try #require(metrics["recovery_hours"]?["mean"] as? Double) > 0)
    let groups = try #require(summary["agent_groups"] as? [String: [String: [String: Any]]])
    #expect(groups["abuse_team"]?["abusive_answered"]?["mean"] as? Double == metrics["abusive_answered"]?["mean"] as? Double)
    let hourly = try String(contentsOf: out.appendingPathComponent("hourly.csv"), encoding: .utf8)
    #expect(hourly.hasPrefix("date,") && hourly.split(separator: "\n")[0].hasSuffix(",occupancy,capped,call_backs,abusive_answered,recovery_hours"))
    let byGroup = try String(contentsOf: out.appendingPathComponent("hourly_groups.csv"), encoding: .utf8)
    #expect(byGroup.split(separator: "\n")[0].hasSuffix(",mean_talk_seconds,overtime_hours,capped,abusive_answered,recovery_hours"))
    let byType = try String(contentsOf: out.appendingPathComponent("hourly_types.csv"), encoding: .utf8)
    #expect(byType.split(separator: "\n")[0].hasSuffix(",mean_wait_seconds,capped,call_backs,abusive_answered"))
  }
  /// With a roster: every answered call in `calls.csv` starts inside one of its agent's
  /// logged-in spells in `agents.csv` — never off shift, on a pause, in a log-in gap or absent.
  @Test func answersFallInsideTheAgentsLoggedInSpells() throws {
    let scenario = """
      scenario: roster-trace
      simulation: {start: 2024-09-06, days: 3, replications: 2, seed: 11, holidays: [2024-09-09]}
      arrivals: {per_hour: 50, weekday: {holiday: 0.5}}
      call_types:
        call: {handle: {dist: exponential, mean: 6m}, patience: {dist: exponential, mean: 4m}}
      agent_groups:
        team: {skills: [call]}
      shifts:
        day: {start: "08:00", end: "16:00", lunch: {window: "11:00-13:00", length: 1h}, breaks: {every: 2h, length: 10m}}
        late: {start: "15:00", end: "02:00", breaks: {every: 2h, length: 15m}}
      roster:
        - {group: team, shift: day, agents: 6, days: all}
        - {group: team, shift: late, agents: 3, days: weekdays}
      remote: {agents: 3, availability: 0.8, gap: {dist: exponential, mean: 5m}}
      absence: 0.2
      """
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(scenario, to: "roster.yaml", in: dir)
    let out = dir.appendingPathComponent("out")
    let r = try CLI.run(["run", file, "--out", out.path, "--trace"])
    #expect(r.status == 0, "\(r.stderr)")
    var spells: [String: [(Double, Double)]] = [:]
    var since: [String: Double] = [:]
    var changes: Set<String> = []
    for row in try CSVFile(contentsOf: out.appendingPathComponent("agents.csv")).rows {
      let key = row["replication"] + "/" + row["group"] + "/" + row["agent"]
      let time = row.number("time_seconds")!
      changes.insert(row["change"])
      if row["change"] == "logged_in" {
        #expect(since[key] == nil, "\(key) logged in twice at \(time)")
        since[key] = time
      } else if row["change"] != "absent", let start = since.removeValue(forKey: key) {
        spells[key, default: []].append((start, time))
      }
    }
    for (key, start) in since { spells[key, default: []].append((start, .infinity)) }
    #expect(changes.isSuperset(of: ["logged_in", "lunch", "break", "gap", "end_of_shift", "absent"]), "\(changes)")
    let answered = try CSVFile(contentsOf: out.appendingPathComponent("calls.csv")).rows.filter { $0["outcome"] == "answered" }
    #expect(answered.count > 500)
    for call in answered {
      let key = call["replication"] + "/" + call["group"] + "/" + call["agent"]
      // Times are written to 6 decimals: arrival + wait may fall 1e-6 s either side.
      let at = call.number("arrival")! + call.number("wait_seconds")!
      let inside = spells[key]?.contains { $0.0 - 1e-5 <= at && at < $0.1 - 1e-5 } ?? false
      #expect(inside, "call \(call["call_id"]) answered by \(key) at \(at) s outside its logged-in spells")
    }
  }

  /// A trace whose estimate passes `--trace-limit` is refused before simulating: one
  /// `error:` line naming the option, the estimate and the limit; exit 1; nothing left.
  @Test func refusedUpFrontWhenTheEstimatePassesTheLimit() throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(Self.scenario, to: "traced.yaml", in: dir)
    let out = dir.appendingPathComponent("out")
    let r = try CLI.run(["run", file, "--out", out.path, "--trace", "--trace-limit", "100kB"])
    #expect(r.status == 1, "\(r.stderr)")
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1 && lines[0].hasPrefix("error: \(file): --trace: calls.csv would take about "), "\(r.stderr)")
    #expect(r.stderr.contains("expected at most --trace-limit 100 kB (100000 bytes)"), "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["traced.yaml"])
    // The same scenario within the limit runs.
    let ok = try CLI.run(["run", file, "--out", out.path, "--trace", "--trace-limit", "10 MiB", "-q"])
    #expect(ok.status == 0, "\(ok.stderr)")
  }

  @Test(arguments: ["abc", "0", "-5MB", "12 parsecs", "1e30GB", "5XB"])
  func aBadTraceLimitIsOneErrorLine(limit: String) throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(Self.scenario, to: "traced.yaml", in: dir)
    let r = try CLI.run(["run", file, "--out", dir.appendingPathComponent("out").path, "--trace", "--trace-limit=\(limit)"])
    #expect(r.status != 0)
    #expect(r.stderr.hasPrefix("error: --trace-limit: expected a size") && r.stderr.contains("found '\(limit)'"), "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["traced.yaml"])
  }

  /// The estimate counts first attempts; callers who redial again and again write more. The
  /// limit holds while writing too: the run stops with one `error:` line, exit 1, no
  /// results and no parts.
  @Test func passingTheLimitWhileWritingStopsTheRun() throws {
    let dir = try CLI.temporaryFolder()
    let scenario = """
      scenario: redials
      simulation: {days: 2, replications: 2, seed: 3}
      arrivals: {per_hour: 100}
      call_types:
        call:
          handle: {dist: deterministic, mean: 20m}
          patience: {dist: deterministic, mean: 1s}
          redial: {probability: 0.95, delay: {dist: exponential, mean: 1m}}
      agents: 1
      """
    let file = try CLI.write(scenario, to: "redials.yaml", in: dir)
    let out = dir.appendingPathComponent("out")
    let r = try CLI.run(["run", file, "--out", out.path, "--trace", "--trace-limit", "2MB"])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stderr.contains("error: \(file): the trace passed --trace-limit 2 MB while being written"), "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["redials.yaml"])
  }

  /// Parts left by a killed run (`kill -9`: no clean-up ran) are removed by the next traced
  /// run in the same folder; the scratch folder of a run still holding its lock is not, nor
  /// a folder so named that holds anything but part files.
  @Test func partsLeftByAKilledRunAreRemovedNextTime() throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(Self.scenario, to: "traced.yaml", in: dir)
    for name in [".gone.trace", ".busy.trace", ".mine.trace"] {
      let folder = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
      try Data(count: 1000).write(to: folder.appendingPathComponent("calls-0.part"))
      try Data(count: 10).write(to: folder.appendingPathComponent("agents-0.part"))
    }
    // Not a trace's scratch folder: a user's file in it.
    try Data(count: 10).write(to: dir.appendingPathComponent(".mine.trace/notes.txt"))
    // Another run's lock on `busy` (an flock, as callsim takes it).
    let fd = open(dir.appendingPathComponent(".busy.lock").path, O_RDWR | O_CREAT, 0o644)
    #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
    defer { close(fd) }
    let r = try CLI.run(["run", file, "--out", dir.appendingPathComponent("out").path, "--trace", "-q"])
    #expect(r.status == 0, "\(r.stderr)")
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(left == [".busy.lock", ".busy.trace", ".mine.trace", "out", "traced.yaml"], "\(left)")
  }
}
