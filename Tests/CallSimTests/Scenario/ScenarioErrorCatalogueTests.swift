import CallSim
import Foundation
import Testing

/// The catalogue of bad inputs: each case is a small change to a valid scenario and the exact
/// problem reported for it (location and message). Every case must report exactly the
/// problems listed, so a vaguer message or an extra complaint fails the test.
@Suite struct ScenarioErrorCatalogueTests {
  static let valid = """
    scenario: base
    simulation: {days: 2, warmup: 1h, replications: 2, seed: 7}
    arrivals: {per_hour: 60}
    call_types:
      call:
        handle: {dist: exponential, mean: 5m}
        patience: {dist: exponential, mean: 3m}
    agents: 6
    """

  typealias Case = ErrorCatalogue.Case

  static let cases: [Case] = [
    Case(name: "unknown top-level key", replace: ("agents: 6", "agents: 6\nagnets: 5"),
         expected: ["bad.yaml:9: agnets: unknown key; did you mean 'agents'?"]),
    Case(name: "unknown nested key", replace: ("seed: 7}", "seed: 7, sede: 3}"),
         expected: ["bad.yaml:2: simulation.sede: unknown key; did you mean 'seed'?"]),
    Case(name: "unknown call type key", replace: ("    patience:", "    patiance:"),
         expected: ["bad.yaml:7: call_types.call.patiance: unknown key; did you mean 'patience'?"]),
    Case(name: "negative agents", replace: ("agents: 6", "agents: -2"),
         expected: ["bad.yaml:8: agents: expected a number of agents from 0 to 1000000, found '-2'"]),
    Case(name: "fractional agents", replace: ("agents: 6", "agents: 2.5"),
         expected: ["agents: expected a number of agents from 0 to 1000000, found '2.5'"]),
    Case(name: "agents as text", replace: ("agents: 6", "agents: many"),
         expected: ["agents: expected a number of agents from 0 to 1000000, found 'many'"]),
    Case(name: "bad duration", replace: ("mean: 5m", "mean: 5x"),
         expected: ["call_types.call.handle.mean: expected a duration such as 45s, 3m30s, 1h or 2d (a bare number means seconds), found '5x'"]),
    Case(name: "huge duration", replace: ("mean: 5m", "mean: 1e308"),
         expected: ["bad.yaml:6: call_types.call.handle.mean: expected a duration of at most 1000000000 seconds (about 31 years), found '1e308'"]),
    Case(name: "zero duration", replace: ("mean: 5m", "mean: 0s"),
         expected: ["call_types.call.handle.mean: expected a duration above 0, found '0s'"]),
    Case(name: "negative rate", replace: ("per_hour: 60", "per_hour: -60"),
         expected: ["arrivals.per_hour: expected calls per hour ≥ 0 in 0…1000000000, found '-60'"]),
    Case(name: "NaN rate", replace: ("per_hour: 60", "per_hour: .nan"),
         expected: ["arrivals.per_hour: expected calls per hour ≥ 0, found '.nan'"]),
    Case(name: "infinite rate", replace: ("per_hour: 60", "per_hour: .inf"),
         expected: ["arrivals.per_hour: expected calls per hour ≥ 0, found '.inf'"]),
    Case(name: "nan spelled out", replace: ("per_hour: 60", "per_hour: nan"),
         expected: ["arrivals.per_hour: expected calls per hour ≥ 0, found 'nan'"]),
    Case(name: "huge horizon", replace: ("days: 2", "days: 1000000000"),
         expected: ["simulation.days: expected a number of days from 1 to 3660, found '1000000000'"]),
    Case(name: "too many hourly rows", replace: ("days: 2, warmup: 1h, replications: 2", "days: 3660, warmup: 1h, replications: 10000"),
         expected: ["bad.yaml:2: simulation: 3660 days × 1 call type × 10000 replications would keep about 182.74 GB of counts in memory (hourly rows per type and group, totals, wait histograms), more than the limit of 2.56 GB; use fewer days, call types, groups or replications"]),
    Case(name: "zero replications", replace: ("replications: 2", "replications: 0"),
         expected: ["simulation.replications: expected a number of replications from 1 to 10000, found '0'"]),
    Case(name: "warm-up longer than horizon", replace: ("warmup: 1h", "warmup: 3d"),
         expected: ["simulation.warmup: expected a warm-up shorter than the 2-day horizon, found '3d'"]),
    Case(name: "bad date", replace: ("days: 2,", "start: 2024-02-30, days: 2,"),
         expected: ["simulation.start: expected a date as YYYY-MM-DD, found '2024-02-30'"]),
    Case(name: "unknown distribution", replace: ("dist: exponential, mean: 5m", "dist: normal, mean: 5m"),
         expected: ["call_types.call.handle.dist: unknown distribution 'normal' (expected one of:"]),
    Case(name: "missing sd", replace: ("dist: exponential, mean: 5m", "dist: lognormal, mean: 5m"),
         expected: ["call_types.call.handle.sd: missing; a lognormal distribution needs sd or cv"]),
    Case(name: "key not used by family", replace: ("dist: exponential, mean: 5m", "dist: exponential, mean: 5m, sd: 1m"),
         expected: ["call_types.call.handle.sd: not used by a exponential distribution (it takes: mean)"]),
    Case(name: "impossible uniform", replace: ("dist: exponential, mean: 5m", "dist: uniform, min: 5m, max: 1m"),
         expected: ["call_types.call.handle: min must not exceed max (got min 300.0, max 60.0)"]),
    Case(name: "shares do not sum to 1",
         replace: ("    patience: {dist: exponential, mean: 3m}", "    patience: {dist: exponential, mean: 3m}\n    share: 0.5\n  other: {share: 0.4, handle: {dist: exponential, mean: 1m}}"),
         expected: ["call_types: call type shares must sum to 1, found 0.9"]),
    Case(name: "several types without shares",
         replace: ("    patience: {dist: exponential, mean: 3m}", "    patience: {dist: exponential, mean: 3m}\n  other: {handle: {dist: exponential, mean: 1m}}"),
         expected: ["call_types: with several call types and no ivr, every type needs a share; missing for: call, other"]),
    Case(name: "unknown type in IVR menu",
         replace: ("agents: 6", "agents: 6\nivr: {duration: {dist: exponential, mean: 30s}, menu: {call: 0.5, trafic: 0.5}}"),
         expected: ["ivr.menu.trafic: 'trafic' is not a call type (call types: call)"]),
    Case(name: "IVR shares do not sum to 1",
         replace: ("agents: 6", "agents: 6\nivr: {duration: {dist: exponential, mean: 30s}, menu: {call: 0.7}}"),
         expected: ["ivr.menu: menu shares must sum to 1, found 0.7"]),
    Case(name: "share above 1", replace: ("agents: 6", "agents: 6\nivr: {duration: {dist: exponential, mean: 30s}, menu: {call: 1}, hang_up: 1.5}"),
         expected: ["ivr.hang_up: expected a share between 0 and 1 in 0…1, found '1.5'"]),
    Case(name: "zero trunks", replace: ("agents: 6", "agents: 6\ntrunks: 0"),
         expected: ["trunks: expected a number of lines from 1 to 10000000, found '0'"]),
    Case(name: "wrong type for simulation", replace: ("simulation: {days: 2, warmup: 1h, replications: 2, seed: 7}", "simulation: 5"),
         expected: ["simulation: expected a mapping, found '5'"]),
    Case(name: "missing scenario name", replace: ("scenario: base\n", ""),
         expected: ["scenario: missing; expected the scenario's name"]),
    Case(name: "name with a slash", replace: ("scenario: base", "scenario: ../evil"),
         expected: ["scenario: expected a name without '/' or a leading '.' (it names the results folder), found '../evil'"]),
    Case(name: "both per_hour and per_day", replace: ("per_hour: 60", "per_hour: 60, per_day: 100"),
         expected: ["arrivals: give per_hour (a constant rate) or per_day (a daily volume), not both"]),
    Case(name: "hourly shape of wrong length", replace: ("per_hour: 60", "per_day: 100, hourly: [1, 2, 3]"),
         expected: ["arrivals.hourly: expected 24 weights (one per 60 minutes from midnight), found 3"]),
    Case(name: "two problems at once", replace: ("agents: 6", "agents: -1\ntrunks: x"),
         expected: ["agents: expected a number of agents", "trunks: expected a number of lines"]),
    Case(name: "a problem in every section at once",
         replace: ("seed: 7}\narrivals: {per_hour: 60}", "seed: x}\narrivals: {per_hour: -1}\nivr: {duration: {dist: exponential, mean: 30s}, menu: {cal: 1}}"),
         expected: ["bad.yaml:2: simulation.seed: expected a whole number ≥ 0, found 'x'",
                    "bad.yaml:4: ivr.menu.cal: 'cal' is not a call type; did you mean 'call'? (call types: call)",
                    "bad.yaml:3: arrivals.per_hour: expected calls per hour ≥ 0 in 0…1000000000, found '-1'"]),
    Case(name: "broken call types do not hide the IVR and arrivals",
         replace: ("arrivals: {per_hour: 60}\ncall_types:\n  call:\n    handle: {dist: exponential, mean: 5m}",
                   "arrivals: {per_hour: -1}\nivr: {duration: {dist: exponential, mean: 30s}, menu: {cal: 1}}\ncall_types:\n  call:\n    handle: {dist: exponential, mean: 0s}"),
         expected: ["bad.yaml:7: call_types.call.handle.mean: expected a duration above 0, found '0s'",
                    "bad.yaml:4: ivr.menu.cal: 'cal' is not a call type; did you mean 'call'? (call types: call)",
                    "bad.yaml:3: arrivals.per_hour: expected calls per hour ≥ 0 in 0…1000000000, found '-1'"]),
    Case(name: "duplicate key", replace: ("agents: 6", "agents: 6\nagents: 7"),
         expected: ["agents: key appears twice in the same mapping"]),
    Case(name: "erlang with cv 0", replace: ("dist: exponential, mean: 5m", "dist: erlang, mean: 5m, cv: 0"),
         expected: ["bad.yaml:6: call_types.call.handle: an Erlang's phases (shape = 1/cv²) must be at most 10000000000, got inf (cv must be at least 1e-5; use dist: deterministic for a fixed duration)"]),
    Case(name: "erlang with a tiny cv", replace: ("dist: exponential, mean: 5m", "dist: erlang, mean: 5m, cv: 1e-10"),
         expected: ["call_types.call.handle: an Erlang's phases (shape = 1/cv²) must be at most 10000000000, got 9.999999999999998e+19"]),
    Case(name: "erlang with a huge shape", replace: ("dist: exponential, mean: 5m", "dist: erlang, mean: 5m, shape: 1e300"),
         expected: ["call_types.call.handle: an Erlang's phases (shape = 1/cv²) must be at most 10000000000, got 1e+300"]),
    Case(name: "gamma with a cv that underflows", replace: ("dist: exponential, mean: 5m", "dist: gamma, mean: 5m, cv: 1e-200"),
         expected: ["call_types.call.handle: cv = sd/mean = 1e-200 gives a gamma shape 1/cv² above the limit of 10000000000 (cv must be at least 1e-5; use dist: deterministic for a fixed duration)"]),
    Case(name: "gamma with a huge shape", replace: ("dist: exponential, mean: 5m", "dist: gamma, mean: 5m, shape: 1e300"),
         expected: ["call_types.call.handle: shape 1e+300 is above the limit of 10000000000 (use dist: deterministic for a fixed duration)"]),
    Case(name: "lognormal with an overflowing cv", replace: ("dist: exponential, mean: 5m", "dist: lognormal, mean: 1e-300, sd: 1e9"),
         expected: ["call_types.call.handle: sd/mean = inf is too large for a lognormal (σ² = ln(1 + cv²) must be finite)"]),
    Case(name: "redial at once, forever",
         replace: ("    patience: {dist: exponential, mean: 3m}", "    patience: {dist: deterministic, mean: 0}\n    redial: {probability: 1, delay: {dist: deterministic, mean: 0}}"),
         expected: ["bad.yaml:8: call_types.call.redial.delay: with probability 1 the redial delay must not be 0 with positive probability (a deterministic 0, a uniform on [0, 0], an observed 0 or a component that is): callers could call again at the same instant forever; give a delay above 0 or a probability below 1"]),
    Case(name: "redial at once, forever, through a mixture",
         replace: ("    patience: {dist: exponential, mean: 3m}", "    redial: {probability: 1, delay: {dist: mixture, components: [{weight: 1, dist: exponential, mean: 1m}, {weight: 1, dist: uniform, min: 0, max: 0}]}}"),
         expected: ["call_types.call.redial.delay: with probability 1 the redial delay must not be 0 with positive probability"]),
    Case(name: "warm-up rounding up to the horizon", replace: ("days: 2, warmup: 1h", "days: 1, warmup: 86399s"),
         expected: ["bad.yaml:2: simulation.warmup: expected a warm-up that leaves at least one whole counted hour of the 1-day horizon (it is rounded up to a whole hour), found '86399s'"]),
  ]

  @Test(arguments: cases)
  func reportsExactly(_ c: ErrorCatalogue.Case) throws {
    try ErrorCatalogue.check(c, on: Self.valid)
  }

  @Test func theValidScenarioIsValid() throws {
    #expect(try ScenarioFixture().problems(Self.valid).isEmpty)
  }

  @Test func fileOverTheSizeLimitIsRefusedBeforeReading() throws {
    let fixture = try ScenarioFixture()
    let big = Self.valid + "\n#" + String(repeating: "x", count: ScenarioSource.maxFileBytes) + "\n"
    let problems = try fixture.problems(big)
    #expect(problems.count == 1 && problems[0].contains("more than the limit of \(ScenarioSource.maxFileBytes) bytes"), "\(problems)")
  }

  @Test func yamlBombIsRefused() throws {
    var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in 1...8 {
      let prev = i == 1 ? "a" : "a\(i - 1)"
      bomb += "a\(i): &a\(i) [*\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev)]\n"
    }
    let problems = try ScenarioFixture().problems(bomb)
    #expect(problems.count == 1 && problems[0].contains("after expanding aliases"), "\(problems)")
  }

  @Test func warnsWhenTheAgentsCanNeverServeTheLoad() throws {
    let fixture = try ScenarioFixture()
    let text = Self.valid.replacingOccurrences(of: "    patience: {dist: exponential, mean: 3m}\n", with: "")
      .replacingOccurrences(of: "per_hour: 60", with: "per_hour: 600")
    let scenario = try fixture.load("s.yaml", text)
    #expect(scenario.warnings.count == 1)
    #expect(scenario.warnings.first?.description.hasPrefix("warning: ") == true)
    #expect(scenario.warnings.first?.description.contains("offered load (50.0 Erlangs") == true)
  }
}
