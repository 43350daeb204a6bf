import CallSimTestSupport
import Foundation
import Testing

/// `callsim compare` as a user runs it: the table, compare.json in the contract's shape,
/// compare.csv, and refusals as one `error:` line with nothing written.
@Suite struct CompareCommandTests {
  static func scenario(name: String, agents: Int, days: Int = 2, warmup: String = "2h", within: String? = nil) -> String {
    """
    scenario: \(name)
    simulation: {days: \(days), warmup: \(warmup), replications: 3, seed: 7}
    arrivals: {per_hour: 600}
    call_types:
      call: {handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}
    agents: \(agents)
    """ + (within.map { "\ntargets: {service_level: {within: \($0), share: 0.8}}" } ?? "")
  }

  /// Two scenarios that differ only in `targets.service_level.within` (20 s against 60 s)
  /// have the same waits: every scenario is measured at the baseline's 20 s, so the service
  /// level does not differ, and the table and compare.json say which threshold was used.
  @Test func oneServiceLevelThresholdForEveryScenario() throws {
    let dir = try CLI.temporaryFolder()
    let a = try CLI.write(Self.scenario(name: "strict", agents: 48, within: "20s"), to: "a.yaml", in: dir)
    let b = try CLI.write(Self.scenario(name: "lenient", agents: 48, within: "1m"), to: "b.yaml", in: dir)
    let out = dir.appendingPathComponent("cmp")
    let r = try CLI.run(["compare", a, b, "--out", out.path, "--threads", "2"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout.contains(
        "service level: answered within 20 s (the baseline's targets.service_level.within), measured so in every scenario; not the files' own 60 s (lenient)"),
      "\(r.stdout)")
    let json = try CLI.json(out.appendingPathComponent("compare.json"))
    #expect(json["service_level_within_seconds"] as? Double == 20)
    let other = try #require((json["scenarios"] as? [[String: Any]])?.first)
    #expect(other["service_level_within_seconds"] as? Double == 20)
    #expect(other["service_level_within_seconds_in_file"] as? Double == 60)
    let differences = try #require(other["differences"] as? [String: [String: Any]])
    for metric in ["service_level", "mean_wait_seconds", "answered"] {
      let d = try #require(differences[metric])
      #expect(d["mean"] as? Double == 0, "\(metric): \(d)")
      #expect(d["significant"] as? Bool == false, "\(metric): \(d)")
    }
    let type = try #require(
      ((other["call_types"] as? [String: Any])?["call"] as? [String: Any])?["differences"] as? [String: [String: Any]])
    #expect(type["service_level"]?["mean"] as? Double == 0)
    // The baseline's table value is its service level at 20 s, as `run` reports it.
    let run = try CLI.run(["run", a, "--out", dir.appendingPathComponent("run").path, "--quiet"])
    #expect(run.status == 0, "\(run.stderr)")
    let summary = try CLI.json(dir.appendingPathComponent("run/summary.json"))
    let sl = ((summary["metrics"] as? [String: Any])?["service_level"] as? [String: Any])?["mean"] as? Double
    #expect(sl != nil && (differences["service_level"]?["base"] as? Double) == sl)
    // Compared the other way round, the baseline's 60 s applies to both.
    let back = try CLI.run(["compare", b, a, "--out", dir.appendingPathComponent("back").path, "--quiet"])
    #expect(back.status == 0, "\(back.stderr)")
    let backJSON = try CLI.json(dir.appendingPathComponent("back/compare.json"))
    #expect(backJSON["service_level_within_seconds"] as? Double == 60)
    let backSL = ((backJSON["scenarios"] as? [[String: Any]])?.first?["differences"] as? [String: [String: Any]])?["service_level"]
    #expect(backSL?["mean"] as? Double == 0 && (backSL?["base"] as? Double ?? 0) > (sl ?? 1))
  }

  @Test func writesTheTableJSONAndCSV() throws {
    let dir = try CLI.temporaryFolder()
    let a = try CLI.write(Self.scenario(name: "base", agents: 48), to: "a.yaml", in: dir)
    let b = try CLI.write(Self.scenario(name: "more", agents: 52), to: "b.yaml", in: dir)
    let out = dir.appendingPathComponent("cmp")
    let r = try CLI.run(["compare", a, b, a, "--out", out.path, "--replications", "4", "--threads", "2"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("service level") && r.stdout.contains(" *"))
    let json = try CLI.json(out.appendingPathComponent("compare.json"))
    #expect(json["baseline"] as? String == "base")
    #expect(json["replications"] as? Int == 4)
    let scenarios = try #require(json["scenarios"] as? [[String: Any]])
    #expect(scenarios.map { $0["scenario"] as? String } == ["more", "base"])
    for (s, sign) in zip(scenarios, [1.0, 0.0]) {
      let differences = try #require(s["differences"] as? [String: Any])
      let sl = try #require(differences["service_level"] as? [String: Any])
      let mean = try #require(sl["mean"] as? Double)
      #expect(sign == 0 ? mean == 0 : mean > 0)
      #expect(sl["ci95"] is Double)
      let types = try #require(s["call_types"] as? [String: Any])
      #expect((types["call"] as? [String: Any])?["differences"] is [String: Any])
      let groups = try #require(s["agent_groups"] as? [String: Any])
      #expect((groups["agents"] as? [String: Any])?["differences"] is [String: Any])
    }
    let csv = try String(contentsOf: out.appendingPathComponent("compare.csv"), encoding: .utf8).split(separator: "\n")
    #expect(csv[0] == "scenario,scope,name,metric,base_mean,other_mean,difference,ci95,significant,replications")
    #expect(csv.contains { $0.hasPrefix("more,overall,,service_level,") && $0.hasSuffix(",true,4") })
    #expect(csv.contains { $0.hasPrefix("base,overall,,service_level,") && $0.contains(",0,0,false,4") })
  }

  /// `--dates` compares only those days: the days of two ranges that split the measured
  /// period add up to the whole comparison's counts; the table and compare.json say which
  /// dates; a range outside the measured days or not a range is one `error:` line, nothing written.
  @Test func comparesOnlyTheDatesGiven() throws {
    let dir = try CLI.temporaryFolder()
    let a = try CLI.write(Self.scenario(name: "base", agents: 48, days: 4, warmup: "1d"), to: "a.yaml", in: dir)
    let b = try CLI.write(Self.scenario(name: "more", agents: 50, days: 4, warmup: "1d"), to: "b.yaml", in: dir)
    func answered(_ extra: [String], _ name: String) throws -> (base: Double, other: Double, json: [String: Any], stdout: String) {
      let out = dir.appendingPathComponent(name)
      let r = try CLI.run(["compare", a, b, "--out", out.path, "--threads", "2"] + extra)
      #expect(r.status == 0, "\(r.stderr)")
      let json = try CLI.json(out.appendingPathComponent("compare.json"))
      let d = try #require(((json["scenarios"] as? [[String: Any]])?.first?["differences"] as? [String: [String: Any]])?["answered"])
      return (try #require(d["base"] as? Double), try #require(d["other"] as? Double), json, r.stdout)
    }
    let whole = try answered([], "whole")
    let first = try answered(["--dates", "2024-01-02..2024-01-03"], "first")
    let last = try answered(["--dates", "2024-01-04"], "last")
    #expect(first.base > 0 && last.base > 0)
    #expect(abs(first.base + last.base - whole.base) < 1e-9 * whole.base, "\(first.base) + \(last.base) ≠ \(whole.base)")
    #expect(abs(first.other + last.other - whole.other) < 1e-9 * whole.other)
    #expect(first.json["dates"] as? String == "2024-01-02..2024-01-03" && last.json["dates"] as? String == "2024-01-04")
    #expect(whole.json["dates"] is NSNull)
    #expect(first.stdout.contains("dates 2024-01-02..2024-01-03 only"), "\(first.stdout)")
    for (dates, message) in [
      ("2024-01-01..2024-01-02", "error: --dates: expected dates within the measured days (2024-01-02..2024-01-04), found 2024-01-01..2024-01-02"),
      ("2024-01-03..2024-01-02", "--dates: expected dates as YYYY-MM-DD..YYYY-MM-DD"),
      ("2024-01-02-2024-01-03", "--dates: expected dates as YYYY-MM-DD..YYYY-MM-DD"),
    ] {
      let out = dir.appendingPathComponent("bad")
      let r = try CLI.run(["compare", a, b, "--out", out.path, "--dates", dates])
      #expect(r.status != 0 && r.stderr.contains(message) && !r.stderr.contains("Fatal"), "\(dates): \(r.stderr)")
      #expect(!FileManager.default.fileExists(atPath: out.path))
    }
  }

  /// `--weekly` writes weekly.csv from the same runs: one block of compare.csv's rows per
  /// calendar week (Monday to Sunday, cut to the measured days or to `--dates`), each equal to
  /// `--dates` of that week, the weeks adding up to the whole; without it, no weekly.csv.
  @Test func weeklyRowsAreEachWeeksDatesComparison() throws {
    let dir = try CLI.temporaryFolder()
    // 2024-01-01 is a Monday, the warm-up day: measured Tuesday 2 to Wednesday 10 January.
    let a = try CLI.write(Self.scenario(name: "base", agents: 48, days: 10, warmup: "1d"), to: "a.yaml", in: dir)
    let b = try CLI.write(Self.scenario(name: "more", agents: 50, days: 10, warmup: "1d"), to: "b.yaml", in: dir)
    func compare(_ extra: [String], _ name: String) throws -> URL {
      let out = dir.appendingPathComponent(name)
      let r = try CLI.run(["compare", a, b, "--out", out.path, "-q"] + extra)
      #expect(r.status == 0, "\(r.stderr)")
      return out
    }
    /// `answered`'s base and other means in a CSV's overall rows, by the CSV's leading columns.
    func answered(_ file: URL) throws -> [String: (base: Double, other: Double)] {
      let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
      let header = lines[0].split(separator: ",").map(String.init)
      let base = try #require(header.firstIndex(of: "base_mean")), scenario = try #require(header.firstIndex(of: "scenario"))
      var out: [String: (base: Double, other: Double)] = [:]
      for line in lines.dropFirst() {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard f[scenario + 1] == "overall", f[scenario + 3] == "answered" else { continue }
        out[f[..<scenario].joined(separator: ",")] = (try #require(Double(f[base])), try #require(Double(f[base + 1])))
      }
      return out
    }
    let weekly = try compare(["--weekly"], "weekly")
    let weeks = try answered(weekly.appendingPathComponent("weekly.csv"))
    #expect(Set(weeks.keys) == ["2024-01-02,2024-01-07,6", "2024-01-08,2024-01-10,3"])
    let whole = try #require(try answered(weekly.appendingPathComponent("compare.csv"))[""])
    #expect(abs(weeks.values.map(\.base).reduce(0, +) - whole.base) < 1e-9 * whole.base)
    #expect(abs(weeks.values.map(\.other).reduce(0, +) - whole.other) < 1e-9 * whole.other)
    let secondWeek = try #require(try answered(compare(["--dates", "2024-01-08..2024-01-10"], "dates").appendingPathComponent("compare.csv"))[""])
    let fromWeekly = try #require(weeks["2024-01-08,2024-01-10,3"])
    #expect(secondWeek.base == fromWeekly.base && secondWeek.other == fromWeekly.other)
    let cut = try answered(compare(["--weekly", "--dates", "2024-01-05..2024-01-09"], "cut").appendingPathComponent("weekly.csv"))
    #expect(Set(cut.keys) == ["2024-01-05,2024-01-07,3", "2024-01-08,2024-01-09,2"])
    #expect(!FileManager.default.fileExists(atPath: try compare([], "plain").appendingPathComponent("weekly.csv").path))
  }

  /// `--hours` that is not a window of whole hours is one `error:` line naming the value,
  /// before any simulation, and nothing is written.
  @Test(arguments: ["11", "11-11", "25-3", "11-25", "1a-13", "11-13-15", "-13"])
  func badHoursAreOneLineAndWriteNothing(hours: String) throws {
    let dir = try CLI.temporaryFolder()
    let a = try CLI.write(Self.scenario(name: "base", agents: 48, days: 2, warmup: "1d"), to: "a.yaml", in: dir)
    let b = try CLI.write(Self.scenario(name: "more", agents: 50, days: 2, warmup: "1d"), to: "b.yaml", in: dir)
    let out = dir.appendingPathComponent("out")
    // `--hours=VALUE`: a value that starts with `-` is otherwise read as an option.
    let r = try CLI.run(["compare", a, b, "--out", out.path, "--hours=\(hours)"])
    #expect(r.status != 0)
    let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") || $0.hasPrefix("Error:") }
    #expect(errors.count == 1, "\(r.stderr)")
    #expect(r.stderr.contains("--hours: expected whole hours of the day as HH-HH, such as 11-13, found '\(hours)'"), "\(r.stderr)")
    #expect(!r.stderr.contains("Fatal"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test(arguments: [
    ("days: 3", "simulation.days"), ("warmup: 3h", "simulation.warmup"),
    ("start: 2024-02-01, days: 2", "simulation.start"),
  ])
  func refusesDifferentCalendarsNamingTheKey(_ change: String, _ key: String) throws {
    let dir = try CLI.temporaryFolder()
    let a = try CLI.write(Self.scenario(name: "base", agents: 48), to: "a.yaml", in: dir)
    let other = Self.scenario(name: "other", agents: 50).replacingOccurrences(
      of: change.hasPrefix("warmup") ? "warmup: 2h" : "days: 2", with: change)
    let b = try CLI.write(other, to: "b.yaml", in: dir)
    let out = dir.appendingPathComponent("cmp")
    let r = try CLI.run(["compare", a, b, "--out", out.path])
    #expect(r.status == 1)
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1 && lines[0].hasPrefix("error: \(b): \(key): expected the baseline's calendar"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func refusesOneScenarioAndABadScenario() throws {
    let dir = try CLI.temporaryFolder()
    let a = try CLI.write(Self.scenario(name: "base", agents: 48), to: "a.yaml", in: dir)
    let bad = try CLI.write(Self.scenario(name: "bad", agents: -1), to: "bad.yaml", in: dir)
    let out = dir.appendingPathComponent("cmp")
    let one = try CLI.run(["compare", a, "--out", out.path])
    #expect(one.status != 0 && one.stderr.contains("at least one other scenario"))
    let r = try CLI.run(["compare", a, bad, "--out", out.path])
    #expect(r.status == 1 && r.stderr.hasPrefix("error: \(bad)") && !r.stderr.contains("Fatal"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }
  /// The cap's rows appear when a scenario has a cap (and not otherwise), and a forced cap
  /// cuts calls the baseline does not: a positive, significant `capped` difference.
  @Test func capRowsOnlyWithACap() throws {
    let dir = try CLI.temporaryFolder()
    let a = try CLI.write(CompareCommandTests.scenario(name: "base", agents: 48), to: "a.yaml", in: dir)
    let b = try CLI.write(
      CompareCommandTests.scenario(name: "capped", agents: 48) + "\ncall_cap: {mode: forced, limit: 10m, call_back: 0.5, call_back_delay: {dist: exponential, mean: 15m}}\n",
      to: "b.yaml", in: dir)
    let plain = try CLI.run(["compare", a, a, "--out", dir.appendingPathComponent("plain").path])
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(!plain.stdout.contains("capped") && !plain.stdout.contains("recovery"))
    let r = try CLI.run(["compare", a, b, "--out", dir.appendingPathComponent("cmp").path])
    #expect(r.status == 0, "\(r.stderr)")
    let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("capped (calls)") })
    #expect(line.contains(" *"), "\(line)")
    #expect(r.stdout.contains("call-backs (calls)") && !r.stdout.contains("recovery"))
  }
}

/// The manual's answer to the integration question (`docs/comparing.md`) holds on the Seoul
/// scenarios (with fewer replications): integrated is worse than split in its first week and
/// better once learned.
@Suite struct SeoulIntegrationTests {
  @Test func integratedLosesInWeekOneAndWinsAfterLearning() throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("cmp")
    let r = try CLI.run([
      "compare", "Scenarios/seoul-120/split.yaml", "Scenarios/seoul-120/integrated-week1.yaml",
      "Scenarios/seoul-120/integrated-steady.yaml", "--out", out.path, "--replications", "3", "--quiet",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try CLI.json(out.appendingPathComponent("compare.json"))
    let scenarios = try #require(json["scenarios"] as? [[String: Any]])
    func answerRate(_ s: [String: Any]) throws -> (mean: Double, significant: Bool) {
      let d = try #require((s["differences"] as? [String: Any])?["answer_rate"] as? [String: Any])
      return (try #require(d["mean"] as? Double), try #require(d["significant"] as? Bool))
    }
    let week1 = try answerRate(scenarios[0]), steady = try answerRate(scenarios[1])
    #expect(week1.mean < 0 && week1.significant, "week 1: \(week1)")
    #expect(steady.mean > 0 && steady.significant, "steady: \(steady)")
    let groups = try #require(scenarios[1]["agent_groups"] as? [String: Any])
    #expect(Set(groups.keys) == ["traffic_team", "water_team", "general_team", "foreign_team"])
  }

}
