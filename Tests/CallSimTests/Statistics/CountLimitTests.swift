@testable import CallSim
import Testing

/// A replication's hourly counts are 32-bit: when a cell reaches its limit the replication
/// ends in ``CountLimitError`` instead of reporting counts that wrapped. The real limit,
/// 4,294,967,295 calls in an hour, is lowered here so that a day reaches it.
@Suite struct CountLimitTests {
  static func model(types: String) throws -> CallCenterModel {
    try Scenario.parse(
      text: """
        scenario: limit
        simulation: {days: 1, replications: 1, seed: 3}
        arrivals: {per_hour: 100}
        call_types: \(types)
        agents: 40
        """, file: "limit.yaml"
    ).model
  }

  @Test func aCallTypesHourPastTheLimitFailsTheReplication() throws {
    var simulation = CallCenterSimulation(model: try Self.model(types: "{call: {handle: {dist: exponential, mean: 2m}}}"), replication: 0)
    simulation.tally.countLimit = 60
    #expect(throws: CountLimitError(counted: "calls of type call", hour: 0, replication: 0)) { try simulation.run() }
    #expect(
      CountLimitError(counted: "calls of type call", hour: 0, replication: 0).description
        == "replication 1: more than 4,294,967,294 calls of type call in hour 0 of the horizon, the most callsim counts per hour; lower the arrival rates or the redial probability")
  }

  /// Two types of about 50 calls an hour each, answered by one group of about 100: the
  /// group's count reaches 80 first.
  @Test func aGroupsHourPastTheLimitFailsTheReplication() throws {
    let types = "{a: {share: 0.5, handle: {dist: exponential, mean: 2m}}, b: {share: 0.5, handle: {dist: exponential, mean: 2m}}}"
    var simulation = CallCenterSimulation(model: try Self.model(types: types), replication: 0)
    simulation.tally.countLimit = 80
    let error = #expect(throws: CountLimitError.self) { try simulation.run() }
    #expect(error?.counted == "calls answered by group agents")
  }

  @Test func belowTheLimitTheCountsAreExact() throws {
    var simulation = CallCenterSimulation(model: try Self.model(types: "{call: {handle: {dist: exponential, mean: 2m}}}"), replication: 0)
    simulation.tally.countLimit = 1000
    let result = try #require(try simulation.run())
    #expect(result.hourly.allSatisfy { $0.totalInflow > 50 && $0.totalInflow < 150 && $0.conservationError == nil })
    #expect(result.hourly.map(\.answered) == result.hourlyByGroup.map(\.answered))
  }
}
