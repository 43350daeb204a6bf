@testable import CallSim
import Testing

/// The schedule check's raise (``HourCalibration/Step/raiseMisses(by:missed:aimAbove:onPhones:)``)
/// starts from the agents the schedule put on the phones, not from the requirement below them:
/// a raise inside the schedule's room would leave the schedule, and the next check, unchanged.
@Suite struct HourCalibrationTests {
  /// One day of 600 calls an hour (5 min handle, 3 min patience) with 44 agents by the hour:
  /// about 9 agents short of 80 % within 20 s, so every hour misses.
  static func shortDay() throws -> (CallCenterModel, RunResult) {
    let model = try Scenario.parse(
      text: """
        scenario: short-day
        simulation: {days: 1, warmup: 0, replications: 2, seed: 3}
        arrivals: {per_hour: 600}
        call_types:
          call: {handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}
        agents: 44
        targets: {service_level: {within: 20s, share: 0.8}}
        """, file: "short-day.yaml"
    ).model
    return (model, try #require(try SimulationRunner.run(model, threads: 1)))
  }

  static func raised(onPhones: Double, aimAbove: Double) throws -> [Int] {
    let (model, result) = try shortDay()
    let calibration = HourCalibration(model: model, groups: PlanningGroups(model: model), intervalSeconds: 1800)
    var required = [Array(repeating: 44, count: 48)]
    var raised = Set<[Int]>()
    let step = HourCalibration.Step.raiseMisses(
      by: 0.01, missed: [:], aimAbove: aimAbove, onPhones: [Array(repeating: onPhones, count: 48)])
    let (up, down) = try calibration.correct(&required, by: result, step: step, raised: &raised)
    #expect(up == 48 && down == 0 && raised.count == 48)
    return required[0]
  }

  @Test func raisesFromTheAgentsOnThePhones() throws {
    let fromRequirement = try Self.raised(onPhones: 44, aimAbove: 0)
    let fromSchedule = try Self.raised(onPhones: 50.7, aimAbove: 0)
    for (a, b) in zip(fromRequirement, fromSchedule) {
      #expect(a > 44 && b > 50, "every hour misses: raised above the agents it was measured with")
      // The same measured gap, added to 50 agents on the phones instead of 44.
      #expect(b - a >= 5 && b - a <= 7, "\(a) → \(b)")
    }
  }

  @Test func aimsAboveTheTargetByTheMargin() throws {
    let atTarget = try Self.raised(onPhones: 44, aimAbove: 0)
    let above = try Self.raised(onPhones: 44, aimAbove: 0.05)
    #expect(zip(atTarget, above).allSatisfy { $0 <= $1 })
    #expect(zip(atTarget, above).contains { $0 < $1 }, "five points above 80 % needs more agents somewhere")
  }
}
