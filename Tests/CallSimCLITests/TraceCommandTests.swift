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
      #expect(lines.dropFirst().contains { $0.split(separator: ",", omittingEmptySubsequences: false)[7] != "" }, "no transfer traced")
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
}
