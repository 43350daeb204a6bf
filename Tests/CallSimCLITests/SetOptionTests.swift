import CallSimTestSupport
import Foundation
import Testing

/// `--set KEY=VALUE` on `run` and `compare`: a run with values set equals the run of the file
/// edited the same way, number for number; a bad key or value is one error line naming it,
/// with the sweep files' suggestions, and nothing is written.
@Suite struct SetOptionTests {
  static let tables = ["hourly.csv", "hourly_types.csv", "hourly_groups.csv", "waits.csv"]

  @Test func setEqualsTheEditedFile() throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(RunCommandTests.minimal, to: "s.yaml", in: dir)
    let edited = try CLI.write(
      RunCommandTests.minimal.replacingOccurrences(of: "per_hour: 600", with: "per_hour: 700")
        .replacingOccurrences(of: "agents: 48", with: "agents: 50")
        .replacingOccurrences(of: "mean: 3m}", with: "mean: 150s}"),
      to: "edited.yaml", in: dir)
    let set = dir.appendingPathComponent("set"), byHand = dir.appendingPathComponent("edited")
    let r = try CLI.run([
      "run", file, "--out", set.path, "--set", "arrivals.per_hour=700", "--set", "agents=50",
      "--set", "call_types.call.patience={dist: exponential, mean: 150s}", "--quiet",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try CLI.run(["run", edited, "--out", byHand.path, "--quiet"]).status == 0)
    for table in Self.tables {
      let a = try String(contentsOf: set.appendingPathComponent(table), encoding: .utf8)
      let b = try String(contentsOf: byHand.appendingPathComponent(table), encoding: .utf8)
      #expect(a == b, "\(table) differs")
    }
    let a = try CLI.json(set.appendingPathComponent("summary.json"))["metrics"] as! NSDictionary
    let b = try CLI.json(byHand.appendingPathComponent("summary.json"))["metrics"] as! NSDictionary
    #expect(a == b)
    let resolved = try String(contentsOf: set.appendingPathComponent("scenario.resolved.yaml"), encoding: .utf8)
    #expect(resolved.contains("per_hour: 700") && resolved.contains("agents: 50"))
  }

  /// `compare` applies the values to every scenario: comparing a file with itself under the
  /// same `--set` gives zero differences at the set values.
  @Test func compareSetsEveryScenario() throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(RunCommandTests.minimal, to: "s.yaml", in: dir)
    let other = try CLI.write(RunCommandTests.minimal.replacingOccurrences(of: "scenario: mmc-check", with: "scenario: other"), to: "o.yaml", in: dir)
    let out = dir.appendingPathComponent("cmp")
    let r = try CLI.run(["compare", file, other, "--out", out.path, "--set", "agents=52", "--replications", "3", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let csv = try CSVFile(contentsOf: out.appendingPathComponent("compare.csv"))
    let row = try #require(csv.rows.first { $0["scope"] == "agent_group" && $0["metric"] == "agents_on_phones" })
    #expect(row.number("base_mean") == 52 && row.number("difference") == 0)
  }

  /// A data file named in a `--set` value is read from the current directory, as any path
  /// on a command line (it was read from a folder made of the option's text).
  @Test func aDataFileInASetValueIsReadFromTheCurrentDirectory() throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(RunCommandTests.minimal, to: "s.yaml", in: dir)
    let data = dir.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    _ = try CLI.write("# seconds\nwrap_up_seconds\n10\n30\n", to: "wrap.csv", in: data)
    let out = dir.appendingPathComponent("out")
    let r = try CLI.run(
      ["run", file, "--out", out.path, "--replications", "1", "--set", "call_types.call.wrap_up={dist: empirical, file: data/wrap.csv}"], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let resolved = try String(contentsOf: out.appendingPathComponent("scenario.resolved.yaml"), encoding: .utf8)
    #expect(resolved.contains("data/wrap.csv"), "\(resolved)")
  }

  @Test(arguments: [
    (["--set", "arrivals.per_hor=700"], "error: --set arrivals.per_hor=700: arrivals.per_hor: unknown key; did you mean 'per_hour'?"),
    (["--set", "agents"], "error: --set agents: expected KEY=VALUE with KEY a scenario key path, such as --set arrivals.per_hour=700"),
    (["--set", "agents="], "error: --set agents=: agents: expected a value on one line after '=' (null removes the key)"),
    (["--set", "arrivals..per_hour=1"], "error: --set arrivals..per_hour=1: arrivals..per_hour: expected a key before each '.' and '['"),
    (["--set", "agents=-1"], "error: --set agents=-1: agents: expected a number of agents from 0 to 1000000, found '-1'"),
    (["--set", "arrivals.per_hour=[1"], "error: --set arrivals.per_hour=[1: arrivals.per_hour: the value is not YAML"),
    (["--set", "roster[0].agents=3"],
     "error: --set roster[0].agents=3: roster[0].agents: cannot set 'roster[0]': the base scenario has no 'roster' (a list item can be set only in a list the scenario has)"),
    (["--set", "arrivals[0]=3"], "error: --set arrivals[0]=3: arrivals[0]: cannot set 'arrivals[0]': 'arrivals' is a mapping in the base scenario, not a list"),
  ])
  func badSetIsOneErrorLine(_ arguments: [String], _ expected: String) throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(RunCommandTests.minimal, to: "s.yaml", in: dir)
    let out = dir.appendingPathComponent("out")
    let r = try CLI.run(["run", file, "--out", out.path] + arguments)
    #expect(r.status == 1)
    #expect(r.stderr.hasPrefix(expected) && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.path), "a refused run wrote results")
  }
}
