import CallSimTestSupport
import Foundation
import Testing

@Suite struct RunCommandTests {
  static let minimal = """
    scenario: mmc-check
    simulation: {days: 3, warmup: 1d, replications: 4, seed: 7}
    arrivals: {per_hour: 600}
    call_types:
      call:
        handle: {dist: exponential, mean: 5m}
        patience: {dist: exponential, mean: 3m}
    agents: 48
    targets: {service_level: {within: 20s, share: 0.8}}
    """

  @Test func writesEveryOutputWithTheContractKeys() throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(Self.minimal, to: "s.yaml", in: dir)
    let out = dir.appendingPathComponent("out")
    let r = try CLI.run(["run", file, "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("answer rate"))
    let summary = try CLI.json(out.appendingPathComponent("summary.json"))
    #expect(summary["scenario"] as? String == "mmc-check")
    #expect(summary["replications"] as? Int == 4)
    #expect(summary["seed"] as? Int == 7)
    let metrics = try #require(summary["metrics"] as? [String: Any])
    for key in [
      "total_inflow", "inflow", "answered", "abandoned", "blocked", "answer_rate", "answer_rate_total",
      "service_level", "asa_seconds", "mean_wait_seconds", "occupancy",
    ] {
      let m = try #require(metrics[key] as? [String: Any], "metric \(key) missing")
      #expect(m["mean"] is Double, "\(key).mean")
      #expect(m["ci95"] is Double, "\(key).ci95")
    }
    let hourly = try String(contentsOf: out.appendingPathComponent("hourly.csv"), encoding: .utf8)
    let lines = hourly.split(separator: "\n")
    #expect(lines.count == 1 + 48)  // 3 days less 1 day of warm-up
    let header = lines[0].split(separator: ",").map(String.init)
    for column in [
      "date", "hour", "agents_scheduled", "agents_on_phones", "total_inflow", "inflow", "answered", "abandoned",
      "blocked", "answer_rate", "service_level", "asa_seconds", "occupancy",
    ] {
      #expect(header.contains(column), "hourly.csv lacks \(column)")
    }
    let resolved = try String(contentsOf: out.appendingPathComponent("scenario.resolved.yaml"), encoding: .utf8)
    #expect(resolved.contains("mmc-check"))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("waits.csv").path))
  }

  @Test func threadCountDoesNotChangeResults() throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(Self.minimal, to: "s.yaml", in: dir)
    var metrics: [NSDictionary] = []
    for threads in ["1", "2"] {
      let out = dir.appendingPathComponent("t\(threads)")
      let r = try CLI.run(["run", file, "--out", out.path, "--threads", threads, "--replications", "5", "--seed", "11"])
      #expect(r.status == 0, "\(r.stderr)")
      let summary = try CLI.json(out.appendingPathComponent("summary.json"))
      #expect(summary["seed"] as? Int == 11)
      metrics.append(summary["metrics"] as! NSDictionary)
    }
    #expect(metrics[0] == metrics[1])
  }

  @Test func resolvedScenarioRunsAgainToTheSameNumbers() throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(Self.minimal, to: "s.yaml", in: dir)
    let first = dir.appendingPathComponent("first"), second = dir.appendingPathComponent("second")
    #expect(try CLI.run(["run", file, "--out", first.path, "--seed", "3"]).status == 0)
    let again = first.appendingPathComponent("scenario.resolved.yaml").path
    let r = try CLI.run(["run", again, "--out", second.path])
    #expect(r.status == 0, "\(r.stderr)")
    let a = try CLI.json(first.appendingPathComponent("summary.json"))["metrics"] as! NSDictionary
    let b = try CLI.json(second.appendingPathComponent("summary.json"))["metrics"] as! NSDictionary
    #expect(a == b)
  }

  @Test func replicationsOverrideThatCannotFitIsRefused() throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(Self.minimal.replacingOccurrences(of: "days: 3", with: "days: 3000"), to: "s.yaml", in: dir)
    let out = dir.appendingPathComponent("out")
    let r = try CLI.run(["run", file, "--out", out.path, "--replications", "1000"])
    #expect(r.status == 1)
    #expect(r.stderr.hasPrefix("error: ") && r.stderr.contains("simulation.replications: 3000 days × 1 call type × 1000 replications would keep about 14.97 GB"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func everyExampleScenarioValidates() throws {
    let folder = CLI.packageRoot.appendingPathComponent("Scenarios")
    let files = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".yaml") && !$0.contains("parts/") && !$0.contains("invalid") }
    #expect(!files.isEmpty)
    let r = try CLI.run(["validate"] + files.map { "Scenarios/\($0)" })
    #expect(r.status == 0, "\(r.stderr)")
  }
}
