import CallSimTestSupport
import Foundation
import Testing

/// `callsim bench` end to end, on its cheapest settings: the cases it was asked for and no
/// other, their measures in the JSON and the checks, and no folder left behind.
@Suite struct BenchCommandTests {
  /// The temporary folder a bench process keeps its cases' scenarios and outputs in.
  static func folder(ofProcess pid: Int32) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("callsim-bench-\(pid)")
  }

  /// Performance III's planner measure: `plan plan-4-weeks.yaml` against one run of it, with
  /// the plan's simulation runs. Timing a sanitized build measures the sanitizer: skipped there
  /// (the plan itself is tested by PlanCommandTests).
  @Test(.enabled(if: !SanitizerBuild.isActive)) func plannerCaseTimesThePlanAgainstOneRunOfIt() throws {
    let json = try CLI.temporaryFolder().appendingPathComponent("bench.json")
    let bench = try CLI.launch(["bench", "--case", "planner", "--repetitions", "1", "--json", json.path])
    let pid = bench.pid
    let r = bench.finish()
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("plan plan-4-weeks.yaml / one run of it: "), "\(r.stdout)")
    #expect(!r.stdout.contains("reference / C"), "only the planner case was asked for")
    let object = try CLI.json(json)
    #expect((object["cases"] as? [Any])?.isEmpty == true)
    let planner = try #require(object["planner"] as? [String: Any])
    // At least one correction run and one schedule check, read from the plan's plan.json.
    #expect((planner["runs"] as? Int ?? 0) >= 2)
    let plan = try #require(planner["plan_seconds"] as? Double)
    let run = try #require(planner["run_seconds"] as? Double)
    #expect(run > 0 && plan > run)
    #expect(abs((planner["plan_over_run"] as? Double ?? 0) - plan / run) < 1e-9)
    #expect(!CLI.exists(Self.folder(ofProcess: pid)), "the bench's folder was left behind")
  }

  /// The reference case at two lengths (`--calls` and a tenth), with the memory check that
  /// compares them, and nothing of the other cases.
  @Test func referenceCaseRunsBothLengths() throws {
    let json = try CLI.temporaryFolder().appendingPathComponent("bench.json")
    let bench = try CLI.launch(
      ["bench", "--case", "reference", "--calls", "200000", "--simpy-calls", "2000", "--repetitions", "1", "--json", json.path])
    let pid = bench.pid
    let r = bench.finish()
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("peak memory, "), "\(r.stdout)")
    #expect(!r.stderr.contains("Traceback"), "SimPy's absence is the table's line, not Python's error: \(r.stderr)")
    #expect(!r.stdout.contains("plan plan-4-weeks.yaml"))
    let cases = try #require(CLI.json(json)["cases"] as? [[String: Any]])
    #expect(cases.map { $0["case"] as? String } == ["Erlang A reference, 200k calls", "Erlang A reference, 20k calls"])
    for c in cases {
      #expect((c["calls"] as? Double ?? 0) > 0 && (c["calls_per_s"] as? Double ?? 0) > 0)
    }
    #expect(!CLI.exists(Self.folder(ofProcess: pid)), "the bench's folder was left behind")
  }

  /// Options that cannot go together, or a case that does not exist: one error line first,
  /// before anything is measured.
  @Test(arguments: [
    (["--quick", "--case", "planner"], "--quick and --case: give one of them (--quick is --case reference)"),
    (["--case", "planner", "--baseline", "/bin/true"], "--baseline compares the reference case: add --case reference"),
    (["--case", "everything"], "'everything' is invalid for '--case <name>'"),
  ])
  func badOptionsAreOneErrorLine(_ arguments: [String], _ expected: String) throws {
    let r = try CLI.run(["bench"] + arguments)
    #expect(r.status != 0)
    let first = String(r.stderr.split(separator: "\n").first ?? "")
    #expect(first.lowercased().hasPrefix("error: ") && first.contains(expected), "\(r.stderr)")
  }
}
