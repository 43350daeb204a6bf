import CallSimTestSupport
import Foundation
import Testing

/// `callsim plan` end to end: the three files, the analytic requirement as the calculator
/// gives it, a roster.yaml that runs and meets the targets, and one-line errors with nothing
/// written.
@Suite struct PlanCommandTests {
  /// CONTRACT's minimal scenario, shortened: only `agents` and `targets` about staffing.
  static let minimal = """
    scenario: plan-minimal
    simulation: {days: 3, warmup: 1d, replications: 3, seed: 7}
    arrivals: {per_hour: 600}
    call_types:
      call:
        handle: {dist: exponential, mean: 5m}
        patience: {dist: exponential, mean: 3m}
    agents: 48
    targets: {service_level: {within: 20s, share: 0.8}}
    """

  /// One team on two 8-hour shifts against a day with a late-morning peak (8:00–20:00).
  static func peakDay(simulation: String) -> String {
    """
    scenario: peak-day
    simulation: \(simulation)
    arrivals: {per_day: 4800, hourly: [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0]}
    call_types: {call: {handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 2m}}}
    agent_groups:
      team: {skills: [call]}
    shifts:
      early: {start: "08:00", end: "16:00"}
      late: {start: "12:00", end: "20:00"}
    roster:
      - {group: team, shift: early, agents: 20, days: all}
      - {group: team, shift: late, agents: 20, days: all}
    targets: {service_level: {within: 20s, share: 0.8}}
    """
  }

  @Test func aScenarioWithOnlyAgentsAndTargetsIsPlanned() throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(Self.minimal, to: "minimal.yaml", in: dir)
    let out = dir.appendingPathComponent("plan")
    let r = try CLI.plan([file, "--out", out.path, "--interval", "60m", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    for name in ["plan.json", "requirement.csv", "roster.yaml"] {
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
    }
    // The calculator's answer for this load: `callsim erlang --rate 600 --handle 5m --patience 3m --target-sl 0.8`.
    let erlang = try CLI.run(["erlang", "--rate", "600", "--handle", "5m", "--patience", "3m", "--target-sl", "0.8", "--json"])
    let agents = try #require((try JSONSerialization.jsonObject(with: Data(erlang.stdout.utf8)) as? [String: Any])?["agents"] as? Int)
    let table = try CSVFile(contentsOf: out.appendingPathComponent("requirement.csv"))
    for column in ["interval_start", "required_analytic", "required", "scheduled", "predicted_service_level", "required_staff"] {
      #expect(table.header.contains(column), "\(column)")
    }
    #expect(table.rows.count == 72)
    #expect(table.rows.allSatisfy { Int($0["required_analytic"]) == agents })
    // The schedule covers the corrected requirement in every interval after the first day's
    // first hours (shifts cannot start before the horizon).
    #expect(table.rows.dropFirst(24).allSatisfy { $0.number("scheduled")! >= $0.number("required")! - 1e-6 })
    let plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as? [String: Any])
    #expect(plan["met"] as? Bool == true)
    #expect((plan["paid_hours"] as? Double ?? 0) > 0)
    #expect(((plan["iterations"] as? [Any])?.count ?? 0) >= 2)

    // roster.yaml runs as a scenario and meets the target over the run.
    let run = dir.appendingPathComponent("run")
    let r2 = try CLI.run(["run", out.appendingPathComponent("roster.yaml").path, "--out", run.path, "--quiet"])
    #expect(r2.status == 0, "\(r2.stderr)")
    let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("summary.json"))) as? [String: Any])
    let sl = try #require((summary["metrics"] as? [String: Any])?["service_level"] as? [String: Any])
    #expect((sl["mean"] as! Double) - (sl["ci95"] as! Double) >= 0.8)
  }

  /// Done-when of the planner on the Seoul center, shortened to one measured week: the
  /// planned roster, run on other callers (another seed), clears every target over the week
  /// with its 95 % interval, and no hour's mean misses a target by more than 5 points.
  @Test func thePlannedSeoulRosterMeetsTheTargetsOnOtherCallers() throws {
    let dir = try CLI.temporaryFolder()
    let scenario = CLI.packageRoot.appendingPathComponent("Scenarios/seoul-120/plan-4-weeks.yaml").path
    let file = try CLI.write("extends: \(scenario)\nsimulation: {days: 8}\n", to: "week.yaml", in: dir)
    let out = dir.appendingPathComponent("plan")
    let r = try CLI.plan([file, "--out", out.path, "--replications", "4", "--allow-outside", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let run = dir.appendingPathComponent("run")
    let r2 = try CLI.run(["run", out.appendingPathComponent("roster.yaml").path, "--out", run.path, "--seed", "99", "--replications", "5", "--allow-outside", "--quiet"])
    #expect(r2.status == 0, "\(r2.stderr)")
    let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("summary.json"))) as? [String: Any])
    let metrics = try #require(summary["metrics"] as? [String: [String: Any]])
    func bound(_ name: String, _ sign: Double) -> Double { (metrics[name]!["mean"] as! Double) + sign * (metrics[name]!["ci95"] as! Double) }
    #expect(bound("answer_rate", -1) >= 0.98)
    #expect(bound("service_level", -1) >= 0.80)
    #expect(bound("occupancy", 1) <= 0.88)
    let table = try CSVFile(contentsOf: run.appendingPathComponent("hourly.csv"))
    #expect(table.rows.count == 7 * 24)
    for row in table.rows {
      if let v = row.number("answer_rate") { #expect(v >= 0.98 - 0.05, "\(row.fields)") }
      if let v = row.number("service_level") { #expect(v >= 0.80 - 0.05, "\(row.fields)") }
      if let v = row.number("occupancy") { #expect(v <= 0.88 + 0.05, "\(row.fields)") }
    }
    // Paid hours below the hand-made roster's in plan.json.
    let plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as? [String: Any])
    #expect((plan["paid_hours"] as! Double) < (plan["base_paid_hours"] as! Double))

    // The search's runs: corrections until one moves at most one staffed interval in twenty,
    // and no schedule check repeated — a raise after a check changes the schedule.
    let iterations = try #require(plan["iterations"] as? [[String: Any]])
    let staffed = try CSVFile(contentsOf: out.appendingPathComponent("requirement.csv")).rows.filter { $0.number("required_analytic")! > 0 }.count
    func moved(_ i: [String: Any]) -> Int { (i["raised_intervals"] as! Int) + (i["lowered_intervals"] as! Int) }
    let corrections = iterations.filter { $0["stage"] as? String == "correction" }
    let checks = iterations.filter { $0["stage"] as? String == "schedule" }
    #expect(!corrections.isEmpty && !checks.isEmpty)
    #expect(corrections.dropLast().allSatisfy { moved($0) > staffed / 20 }, "\(corrections.map(moved)) of \(staffed)")
    #expect(moved(corrections.last!) <= staffed / 20 || corrections.count == 5, "\(corrections.map(moved)) of \(staffed)")
    for (a, b) in zip(checks, checks.dropFirst()) where moved(a) > 0 {
      #expect((a["paid_hours"] as! Double) != (b["paid_hours"] as! Double), "\(checks.map { $0["paid_hours"]! })")
    }
  }

  @Test(arguments: [
    ("targets: {service_level: {within: 20s, share: 0.8}}", ["--interval", "20m"], "--interval"),
    ("targets: {service_level: {within: 20s, share: 0.8}}", ["--iterations", "1"], "--iterations"),
    ("description: none", [], "no targets"),
    ("targets: {answer_rate: 1}", [], "targets.answer_rate"),
    ("targets: {service_level: {within: 20s, share: 1}}", [], "targets.service_level.share"),
  ])
  func badInputIsOneLineAndWritesNothing(targets: String, options: [String], mentions: String) throws {
    let dir = try CLI.temporaryFolder()
    let text = Self.minimal.replacingOccurrences(of: "targets: {service_level: {within: 20s, share: 0.8}}", with: targets)
    let file = try CLI.write(text, to: "bad.yaml", in: dir)
    let out = dir.appendingPathComponent("plan")
    let r = try CLI.plan([file, "--out", out.path, "--quiet"] + options)
    #expect(r.status != 0)
    let lines = r.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") || $0.hasPrefix("Error:") }
    #expect(lines.count == 1, "\(r.stderr)")
    #expect(r.stderr.contains(mentions), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  /// Placement: two workers, a window with calls waiting (10:00, the peak) and one with no
  /// calls at all (02:00): the greedy search must put both at 10:00, and placement.yaml runs.
  @Test func placementPutsWorkersWhereTheyRaiseTheAnswerRate() throws {
    let dir = try CLI.temporaryFolder()
    let text = PlacementScenario.text(replications: 3, seed: 5, targets: "{answer_rate: 0.9}")
    let file = try CLI.write(text, to: "place.yaml", in: dir)
    let out = dir.appendingPathComponent("plan")
    let r = try CLI.plan([
      file, "--out", out.path, "--quiet", "--interval", "60m", "--place", "2", "--place-length", "2h", "--place-starts", "02:00,10:00",
      "--place-days", "all", "--place-batch", "1",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as? [String: Any])
    let placement = try #require(plan["placement"] as? [String: Any])
    let windows = try #require(placement["windows"] as? [[String: Any]])
    #expect(windows.map { $0["workers"] as? Int } == [0, 2])
    #expect((placement["answer_rate"] as! Double) > (placement["base_answer_rate"] as! Double))
    let rounds = try #require(placement["rounds"] as? [[String: Any]])
    #expect(rounds.map { $0["chosen_window"] as? Int } == [1, 1])
    #expect(rounds.map { $0["chosen_start"] as? String } == ["10:00", "10:00"])
    let run = dir.appendingPathComponent("run")
    let r2 = try CLI.run(["run", out.appendingPathComponent("placement.yaml").path, "--out", run.path, "--quiet"])
    #expect(r2.status == 0, "\(r2.stderr)")
    let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("summary.json"))) as? [String: Any])
    let ar = try #require((summary["metrics"] as? [String: Any])?["answer_rate"] as? [String: Any])
    #expect(abs((ar["mean"] as! Double) - (placement["answer_rate"] as! Double)) < 1e-12)
  }

  /// Three teams sharing calls (`Scenarios/three-fields.yaml`, shortened to two measured
  /// days) plan under each routing mode; each plan's roster, run on other callers (20
  /// replications, so that an hour's mean of one call type is within about a point of its
  /// expectation), meets every call type's targets in at least 95 % of the hours with calls
  /// (means within the tolerance) and over the whole run by its 95 % interval.
  @Test(arguments: ["split", "overflow", "integrated"])
  func threeTeamsPlanUnderEveryRoutingMode(mode: String) throws {
    let dir = try CLI.temporaryFolder()
    let base = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Scenarios/three-fields.yaml"), encoding: .utf8)
    let routing = mode == "overflow" ? "mode: overflow\n  overflow_after: 30s" : "mode: \(mode)"
    let text = base.replacingOccurrences(of: "mode: overflow\n  overflow_after: 30s", with: routing)
      .replacingOccurrences(of: "days: 14, warmup: 1d, replications: 10", with: "days: 3, warmup: 1d, replications: 10")
      .replacingOccurrences(of: "targets: {service_level: {within: 20s, share: 0.8}}", with: "targets: {service_level: {within: 20s, share: 0.8}, answer_rate: 0.95}")
      .replacingOccurrences(of: mode == "integrated" ? "  misroute: {share: 0.05, transfer: {dist: exponential, mean: 40s}}\n" : "\u{0}", with: "")
    let file = try CLI.write(text, to: "\(mode).yaml", in: dir)
    let out = dir.appendingPathComponent("plan")
    let r = try CLI.plan([file, "--out", out.path, "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let table = try CSVFile(contentsOf: out.appendingPathComponent("requirement.csv"))
    #expect(Set(table.column("group")) == ["traffic_team", "water_team", "general_team"])
    #expect(table.rows.count == 3 * 3 * 48)
    let plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as? [String: Any])
    let groups = try #require(plan["groups"] as? [[String: Any]])
    #expect(groups.count == 3)
    #expect(groups.allSatisfy { ($0["paid_hours"] as? Double ?? 0) > 0 })
    #expect((plan["fte"] as? Double ?? 0) > 0 && (plan["cost"] as? Double ?? 0) > 0)

    let run = dir.appendingPathComponent("run")
    let r2 = try CLI.run(["run", out.appendingPathComponent("roster.yaml").path, "--out", run.path, "--seed", "99", "--replications", "20", "--quiet"])
    #expect(r2.status == 0, "\(r2.stderr)")
    let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("summary.json"))) as? [String: Any])
    let types = try #require(summary["call_types"] as? [String: [String: [String: Double]]])
    for (name, metrics) in types {
      #expect(metrics["answer_rate"]!["mean"]! - metrics["answer_rate"]!["ci95"]! >= 0.95, "\(name)")
      #expect(metrics["service_level"]!["mean"]! - metrics["service_level"]!["ci95"]! >= 0.80, "\(name)")
    }
    let hourly = try CSVFile(contentsOf: run.appendingPathComponent("hourly_types.csv"))
    let called = hourly.rows.filter { ($0.number("inflow") ?? 0) > 0 }
    let good = called.filter { $0.number("answer_rate")! >= 0.95 - 0.02 && $0.number("service_level")! >= 0.80 - 0.02 }
    #expect(Double(good.count) >= 0.95 * Double(called.count), "\(good.count) of \(called.count) type-hours meet the targets")
  }

  /// A shift set that cannot cover an hour with calls fails before any simulation, saying
  /// what to add; an evening without calls, with an occupancy limit, plans.
  @Test func anUncoveredHourWithCallsFailsAtOnceAndAnEmptyEveningPlans() throws {
    let dir = try CLI.temporaryFolder()
    let scenario = """
      scenario: evening
      simulation: {days: 3, warmup: 1d, replications: 3, seed: 5}
      arrivals: {per_day: 2400, hourly: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]}
      call_types:
        call: {handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 2m}}
      agent_groups:
        team: {skills: [call]}
      shifts:
        day: {start: "08:00", end: "17:00"}
        late: {start: "12:00", end: "21:00"}
      roster:
        - {group: team, shift: day, agents: 10, days: all}
        - {group: team, shift: late, agents: 10, days: all}
      targets: {service_level: {within: 20s, share: 0.8}, max_occupancy: 0.85}
      """
    let good = try CLI.write(scenario, to: "evening.yaml", in: dir)
    let r = try CLI.plan([good, "--out", dir.appendingPathComponent("plan").path, "--interval", "60m", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let bad = try CLI.write(scenario.replacingOccurrences(of: "\"12:00\", end: \"21:00\"", with: "\"11:00\", end: \"19:00\""), to: "short.yaml", in: dir)
    let clock = ContinuousClock.now
    let r2 = try CLI.plan([bad, "--out", dir.appendingPathComponent("plan2").path, "--interval", "60m"])
    #expect(r2.status == 1)
    #expect(clock.duration(to: .now) < .seconds(10))
    #expect(r2.stderr.contains("no shift is on duty 19:00–20:00 on tue, wed, when calls arrive: add a shift that starts at or before 19:00"), "\(r2.stderr)")
    #expect(!r2.stderr.contains("run 1"), "no simulation before the error: \(r2.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("plan2").path))
  }
}
