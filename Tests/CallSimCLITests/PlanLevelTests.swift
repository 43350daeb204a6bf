import CallSimTestSupport
import Foundation
import Testing

/// `targets.judged`: a plan judged per day or over the period meets the targets at that level
/// when its roster runs on other callers, for no more paid hours than a plan judged per hour.
@Suite struct PlanLevelTests {
  static func scenario(judged: String) -> String {
    """
    scenario: judged-\(judged)
    simulation: {days: 4, warmup: 1d, replications: 5, seed: 5}
    arrivals: {per_day: 4800, hourly: [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0]}
    call_types:
      call: {handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 2m}}
    agent_groups:
      team: {skills: [call]}
    shifts:
      early: {start: "08:00", end: "16:00"}
      mid: {start: "10:00", end: "18:00"}
      late: {start: "12:00", end: "20:00"}
      short: {start: "10:00", end: "14:00"}
    roster:
      - {group: team, shift: early, agents: 10, days: all}
      - {group: team, shift: mid, agents: 10, days: all}
      - {group: team, shift: late, agents: 10, days: all}
      - {group: team, shift: short, agents: 5, days: all}
    targets: {service_level: {within: 20s, share: 0.8}, answer_rate: 0.95, judged: \(judged)}
    """
  }

  /// Plans at `judged`, runs the roster with seed 99 and 10 replications; returns the plan's
  /// paid hours and, per measured date, the inflow-weighted service level and answer rate
  /// (`period` for the whole run from summary.json).
  static func planAndRun(_ judged: String, in dir: URL) throws -> (paid: Double, spans: [String: (sl: Double, ar: Double)]) {
    let file = try CLI.write(scenario(judged: judged), to: "\(judged).yaml", in: dir)
    let out = dir.appendingPathComponent("\(judged)-plan")
    let r = try CLI.plan([file, "--out", out.path, "--interval", "60m", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as? [String: Any])
    #expect(plan["judged"] as? String == judged)
    #expect(plan["met"] as? Bool == true)
    let run = dir.appendingPathComponent("\(judged)-run")
    let r2 = try CLI.run(["run", out.appendingPathComponent("roster.yaml").path, "--out", run.path, "--seed", "99", "--replications", "10", "--quiet"])
    #expect(r2.status == 0, "\(r2.stderr)")
    let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("summary.json"))) as? [String: Any])
    let metrics = try #require(summary["metrics"] as? [String: [String: Double]])
    var spans: [String: (sl: Double, ar: Double)] = ["period": (metrics["service_level"]!["mean"]!, metrics["answer_rate"]!["mean"]!)]
    let hourly = try CSVFile(contentsOf: run.appendingPathComponent("hourly.csv"))
    var sums: [String: (w: Double, sl: Double, ar: Double)] = [:]
    for row in hourly.rows {
      let w = row.number("inflow")!
      guard w > 0 else { continue }
      let key = judged == "interval" ? row["date"] + " " + row["hour"] : row["date"]
      sums[key, default: (0, 0, 0)].w += w
      sums[key, default: (0, 0, 0)].sl += w * row.number("service_level")!
      sums[key, default: (0, 0, 0)].ar += w * row.number("answer_rate")!
    }
    for (key, s) in sums { spans[key] = (s.sl / s.w, s.ar / s.w) }
    return (try #require(plan["paid_hours"] as? Double), spans)
  }

  @Test func dayAndPeriodPlansMeetTheirLevelForNoMorePaidHours() throws {
    let dir = try CLI.temporaryFolder()
    let interval = try Self.planAndRun("interval", in: dir)
    let hours = interval.spans.filter { $0.key != "period" }
    let good = hours.filter { $0.value.sl >= 0.78 && $0.value.ar >= 0.93 }
    #expect(Double(good.count) >= 0.95 * Double(hours.count), "\(good.count) of \(hours.count) hours")
    for judged in ["day", "period"] {
      let plan = try Self.planAndRun(judged, in: dir)
      #expect(plan.paid <= interval.paid, "\(judged): \(plan.paid) paid hours, interval \(interval.paid)")
      let spans = judged == "period" ? plan.spans.filter { $0.key == "period" } : plan.spans.filter { $0.key != "period" }
      #expect(spans.count == (judged == "period" ? 1 : 3))
      for (key, s) in spans {
        #expect(s.sl >= 0.78 && s.ar >= 0.93, "\(judged) \(key): service level \(s.sl), answer rate \(s.ar)")
      }
    }
  }
}
