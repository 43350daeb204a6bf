import CallSim
import CallSimTestSupport
import Foundation
import Testing

/// `callsim erlang --json` against `callsim run` at every theory validation point: the
/// calculator a planner uses agrees with the simulator within the simulated intervals.
@Suite(.serialized) struct ErlangAgreementTests {
  @Test(arguments: ValidationPoint.all)
  func calculatorAgreesWithSimulator(_ point: ValidationPoint) throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(point.scenarioYAML, to: "point.yaml", in: dir)
    let out = dir.appendingPathComponent("out")
    let run = try CLI.run(["run", file, "--out", out.path, "--quiet"])
    #expect(run.status == 0, "\(run.stderr)")
    let erlang = try CLI.run(point.erlangArguments)
    #expect(erlang.status == 0, "\(erlang.stderr)")
    let exact = try JSONDecoder().decode(ErlangPerformance.self, from: Data(erlang.stdout.utf8))
    let metrics = try #require(CLI.json(out.appendingPathComponent("summary.json"))["metrics"] as? [String: [String: Any]])
    var simulated: [String: TheoryCheck.Simulated] = [:]
    for (name, m) in metrics {
      if let mean = m["mean"] as? Double, let ci95 = m["ci95"] as? Double { simulated[name] = (mean, ci95) }
    }
    let problems = TheoryCheck.problems(point, simulated: simulated, exact: exact)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }
}
