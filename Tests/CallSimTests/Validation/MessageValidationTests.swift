import CallSim
import CallSimEngine
import CallSimTestSupport
import Foundation
import Testing

/// Messages against exact theory. Phone calls that never abandon and messages with the same
/// exponential handle time on one group of agents, no reserve: an agent takes a message
/// only when no call waits, and never drops it for a call, so the center is the M/M/c queue
/// with two non-preemptive priority classes, phones first. Each class's mean wait follows
/// Cobham's formula (``PriorityQueueTheory``): the phones' wait, and the messages' response
/// time. Two sizes. Statistical: run in release (`swift test -c release --filter
/// MessageValidationTests`); seeds are fixed and the tolerance is the 99.9 % band.
@Suite(.serialized) struct MessageValidationTests {
  struct Case: CustomStringConvertible, Sendable {
    let agents: Int
    let phonesPerHour: Double
    let messagesPerHour: Double
    var description: String { "\(agents) agents, \(phonesPerHour) calls/h, \(messagesPerHour) messages/h" }
  }

  static let cases = [
    Case(agents: 8, phonesPerHour: 48, messagesPerHour: 36),
    Case(agents: 50, phonesPerHour: 320, messagesPerHour: 200),
  ]

  static func scenario(_ c: Case) -> String {
    """
    scenario: message-cobham
    simulation: {days: 120, warmup: 1d, replications: 10, seed: 20261207}
    arrivals: {per_hour: \(c.phonesPerHour)}
    call_types:
      calls: {handle: {dist: exponential, mean: 5m}}
      texts: {channel: message, arrivals: {per_hour: \(c.messagesPerHour)}, handle: {dist: exponential, mean: 5m}, deadline: 1h}
    agents: \(c.agents)
    """
  }

  @Test(arguments: cases) func bothClassesFollowCobham(_ c: Case) throws {
    let model = try Scenario.parse(text: Self.scenario(c), file: "messages.yaml").model
    let result = try #require(try SimulationRunner.run(model, threads: 2))
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(3))")
    let exact = PriorityQueueTheory.meanWaits(
      callsPerHour: [c.phonesPerHour, c.messagesPerHour], handleSeconds: 300, agents: c.agents)
    let widening = StudentT.quantile(0.9995, degreesOfFreedom: 9) / StudentT.quantile(0.975, degreesOfFreedom: 9)
    for (t, name) in ["phones", "messages"].enumerated() {
      let e = try #require(result.estimates(callType: t)[.asaSeconds])
      let mean = try #require(e.mean), ci95 = try #require(e.ci95)
      #expect(abs(mean - exact[t]) <= widening * ci95, "\(name): simulated \(mean) ± \(ci95) s, Cobham \(exact[t]) s")
      #expect(ci95 < 0.05 * exact[t], "\(name): half-width \(ci95) s is not under 5 % of \(exact[t]) s (too little power)")
    }
  }
}
