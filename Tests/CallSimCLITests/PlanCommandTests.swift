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

  static func rows(_ url: URL) throws -> (header: [String], rows: [[String]]) {
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    return (lines[0], Array(lines.dropFirst()))
  }

  @Test func aScenarioWithOnlyAgentsAndTargetsIsPlanned() throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(Self.minimal, to: "minimal.yaml", in: dir)
    let out = dir.appendingPathComponent("plan")
    let r = try CLI.run(["plan", file, "--out", out.path, "--interval", "60m", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    for name in ["plan.json", "requirement.csv", "roster.yaml"] {
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
    }
    // The calculator's answer for this load: `callsim erlang --rate 600 --handle 5m --patience 3m --target-sl 0.8`.
    let erlang = try CLI.run(["erlang", "--rate", "600", "--handle", "5m", "--patience", "3m", "--target-sl", "0.8", "--json"])
    let agents = try #require((try JSONSerialization.jsonObject(with: Data(erlang.stdout.utf8)) as? [String: Any])?["agents"] as? Int)
    let table = try Self.rows(out.appendingPathComponent("requirement.csv"))
    for column in ["interval_start", "required_analytic", "required", "scheduled", "predicted_service_level", "required_staff"] {
      #expect(table.header.contains(column), "\(column)")
    }
    let analytic = try #require(table.header.firstIndex(of: "required_analytic"))
    let required = try #require(table.header.firstIndex(of: "required"))
    let scheduled = try #require(table.header.firstIndex(of: "scheduled"))
    #expect(table.rows.count == 72)
    #expect(table.rows.allSatisfy { Int($0[analytic]) == agents })
    // The schedule covers the corrected requirement in every interval after the first day's
    // first hours (shifts cannot start before the horizon).
    #expect(table.rows.dropFirst(24).allSatisfy { Double($0[scheduled])! >= Double($0[required])! - 1e-6 })
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
    let r = try CLI.run(["plan", file, "--out", out.path, "--replications", "4", "--allow-outside", "--quiet"])
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
    let table = try Self.rows(run.appendingPathComponent("hourly.csv"))
    let (ar, sl, occ) = (table.header.firstIndex(of: "answer_rate")!, table.header.firstIndex(of: "service_level")!, table.header.firstIndex(of: "occupancy")!)
    #expect(table.rows.count == 7 * 24)
    for row in table.rows {
      if let v = Double(row[ar]) { #expect(v >= 0.98 - 0.05, "\(row)") }
      if let v = Double(row[sl]) { #expect(v >= 0.80 - 0.05, "\(row)") }
      if let v = Double(row[occ]) { #expect(v <= 0.88 + 0.05, "\(row)") }
    }
    // Paid hours below the hand-made roster's in plan.json.
    let plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as? [String: Any])
    #expect((plan["paid_hours"] as! Double) < (plan["base_paid_hours"] as! Double))
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
    let r = try CLI.run(["plan", file, "--out", out.path, "--quiet"] + options)
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
    let text = """
      scenario: place
      simulation: {days: 3, warmup: 1d, replications: 3, seed: 5}
      arrivals: {per_day: 2400, hourly: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3, 3, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]}
      call_types:
        call: {handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 2m}}
      agent_groups:
        team: {skills: [call]}
      shifts:
        day: {start: "08:00", end: "18:00"}
      roster:
        - {group: team, shift: day, agents: 22, days: all}
      targets: {answer_rate: 0.9}
      """
    let file = try CLI.write(text, to: "place.yaml", in: dir)
    let out = dir.appendingPathComponent("plan")
    let r = try CLI.run([
      "plan", file, "--out", out.path, "--quiet", "--interval", "60m", "--place", "2", "--place-length", "2h", "--place-starts", "02:00,10:00",
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

  @Test func scenariosWithSeveralGroupsAreRefused() throws {
    let dir = try CLI.temporaryFolder()
    let text = Self.minimal.replacingOccurrences(
      of: "agents: 48", with: "agent_groups: {a: {skills: [call], agents: 20}, b: {skills: [call], agents: 20}}")
    let file = try CLI.write(text, to: "groups.yaml", in: dir)
    let r = try CLI.run(["plan", file, "--out", dir.appendingPathComponent("plan").path, "--quiet"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("2 agent groups"), "\(r.stderr)")
  }
}
