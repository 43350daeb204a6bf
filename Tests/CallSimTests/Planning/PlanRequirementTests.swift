import CallSim
import Foundation
import Testing

/// `required_analytic` against exact theory: on a scenario with one constant load, every
/// interval's requirement must be the fewest agents meeting every target by Erlang A (with
/// exponential patience) or Erlang C (without), found here by counting agents up one at a
/// time from 1 — a search independent of the calculator's galloping one.
@Suite struct PlanRequirementTests {
  static func scenario(perHour: Double, handle: String, patience: String?, targets: String) throws -> CallCenterModel {
    let patienceLine = patience.map { ", patience: {dist: exponential, mean: \($0)}" } ?? ""
    let text = """
      scenario: plan-requirement
      simulation: {days: 1, warmup: 0, replications: 2, seed: 1}
      arrivals: {per_hour: \(perHour)}
      call_types:
        call: {handle: {dist: exponential, mean: \(handle)}\(patienceLine)}
      agents: 10
      targets: \(targets)
      """
    return try Scenario.parse(text: text, file: "plan-requirement.yaml").model
  }

  /// The fewest agents whose exact performance meets the targets, counting up from 1.
  static func countUp(_ queue: ErlangQueue, _ t: Targets) throws -> Int {
    var n = 1
    while true {
      let stable = queue.meanPatienceSeconds != nil || Double(n) > queue.offeredLoad
      if stable {
        let p = try queue.performance(agents: n, within: t.serviceLevelWithin)
        if p.serviceLevel >= (t.serviceLevelShare ?? 0) && p.answerRate >= (t.answerRate ?? 0) && p.occupancy <= (t.maxOccupancy ?? 1) {
          return n
        }
      }
      n += 1
    }
  }

  /// Loads from 0.4 to 530 Erlangs: requirements from 2 to over 500 agents.
  @Test(arguments: [
    (8.0, "3m", "2m"), (8000.0, "4m", nil as String?), (30.0, "3m", "2m"), (120.0, "4m", "3m"), (600.0, "5m", "3m"), (2400.0, "4m", "2m"), (7000.0, "4m", nil as String?),
    (600.0, "5m", nil), (60.0, "2m", nil), (4000.0, "7m", "5m"),
  ])
  func everyIntervalMatchesTheExactMinimum(perHour: Double, handle: String, patience: String?) throws {
    for targets in [
      "{service_level: {within: 20s, share: 0.8}}",
      "{service_level: {within: 30s, share: 0.9}, answer_rate: 0.97}",
      "{answer_rate: 0.95, max_occupancy: 0.85}",
    ] {
      let model = try Self.scenario(perHour: perHour, handle: handle, patience: patience, targets: targets)
      var requirement = try StaffingRequirement(targets: model.targets)
      for interval in [900.0, 1800, 3600] {
        let loads = IntervalLoad.loads(of: model, intervalSeconds: interval)
        #expect(loads.count == Int(86_400 / interval))
        let expected = try Self.countUp(loads[0].queue, model.targets)
        for load in loads {
          #expect(abs(load.callsPerHour - perHour) < 1e-9 * perHour)
          #expect(try requirement.agents(for: load).agents == expected, "\(perHour)/h \(handle) \(patience ?? "-") \(targets)")
        }
      }
    }
  }

  @Test func sizesSpanTwoToFiveHundredAgents() throws {
    let small = try Self.scenario(perHour: 8, handle: "3m", patience: "2m", targets: "{service_level: {within: 20s, share: 0.8}}")
    let large = try Self.scenario(perHour: 8000, handle: "4m", patience: nil, targets: "{service_level: {within: 30s, share: 0.9}}")
    var r1 = try StaffingRequirement(targets: small.targets)
    var r2 = try StaffingRequirement(targets: large.targets)
    // As `callsim erlang --rate 8 --handle 3m --patience 2m --target-sl 0.8` and
    // `--rate 8000 --handle 4m --target-sl 0.9 --within 30s` print.
    #expect(try r1.agents(for: IntervalLoad.loads(of: small, intervalSeconds: 3600)[0]).agents == 2)
    #expect(try r2.agents(for: IntervalLoad.loads(of: large, intervalSeconds: 3600)[0]).agents == 546)
  }

  /// The IVR and call-type shares reach the load: only calls that reach the agents count,
  /// and handle time includes wrap-up.
  @Test func ivrAndWrapUpShapeTheLoad() throws {
    let text = """
      scenario: plan-ivr
      simulation: {days: 1, warmup: 0, replications: 2, seed: 1}
      arrivals: {per_hour: 1000}
      ivr:
        duration: {dist: exponential, mean: 30s}
        menu: {a: 0.6, b: 0.4}
        hang_up: 0.1
        self_service: {a: 0.5}
      call_types:
        a: {handle: {dist: exponential, mean: 4m}, wrap_up: {dist: exponential, mean: 30s}, patience: {dist: exponential, mean: 2m}}
        b: {handle: {dist: exponential, mean: 6m}, patience: {dist: exponential, mean: 4m}}
      agents: 10
      targets: {service_level: {within: 20s, share: 0.8}}
      """
    let model = try Scenario.parse(text: text, file: "plan-ivr.yaml").model
    let load = IntervalLoad.loads(of: model, intervalSeconds: 3600)[0]
    // Reach the agents: a 1000·0.6·0.9·0.5 = 270, b 1000·0.4·0.9 = 360 calls per hour.
    #expect(abs(load.callsPerHour - 630) < 1e-9)
    // Handle: (270·270 s + 360·360 s) / 630 = 321.43 s; abandonment rate (270/120 + 360/240) / 630 per second.
    #expect(abs(load.meanHandleSeconds - (270.0 * 270 + 360 * 360) / 630) < 1e-9)
    #expect(abs(load.meanPatienceSeconds! - 630 / (270.0 / 120 + 360.0 / 240)) < 1e-9)
  }

  @Test func targetsNoStaffingMeetsAreErrors() throws {
    #expect(throws: PlanError.self) { try StaffingRequirement(targets: Targets()) }
    #expect(throws: PlanError.self) { try StaffingRequirement(targets: Targets(serviceLevelShare: 1)) }
    let model = try Self.scenario(perHour: 100, handle: "3m", patience: "1m", targets: "{answer_rate: 1}")
    var requirement = try StaffingRequirement(targets: model.targets)
    let error = #expect(throws: PlanError.self) { try requirement.agents(for: IntervalLoad.loads(of: model, intervalSeconds: 3600)[0]) }
    #expect(error?.message.contains("targets.answer_rate") == true)
  }
}
