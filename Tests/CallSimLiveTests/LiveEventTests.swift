import CallSim
@testable import CallSimLive
import Foundation
import Testing

/// The text of a stream event (written by ``JSONText``) is what `JSONSerialization` writes
/// for the same object with `.sortedKeys`, for an event with queues, groups, history and
/// interventions.
@Suite struct LiveEventTests {
  @Test func eventTextIsJSONSerializations() throws {
    let simulation = LiveSimulation(model: LiveControlTests.model)
    simulation.advance(until: 9.5 * 3600)
    let added = try simulation.addAgents(2, group: "team")
    simulation.advance(until: 11 * 3600 + 17)
    try simulation.switchRouting(to: .integrated)
    simulation.advance(until: 12 * 3600)
    for (status, intervention) in [
      (LiveEvent.Status(type: "state", speed: .max, paused: false, ended: false, wallSeconds: 1.2345, lagSeconds: 0), nil),
      (LiveEvent.Status(type: "intervention", speed: .factor(120), paused: true, ended: false, wallSeconds: 3, lagSeconds: 0.25), added),
    ] as [(LiveEvent.Status, LiveSimulation.Intervention?)] {
      var object = LiveEvent.object(simulation: simulation, status: status, intervention: intervention)
      object["seq"] = 7
      let expected = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
      #expect(LiveEvent.encode(object) == expected)
      #expect(expected.contains("\"history\":[{"))
    }
  }
}
