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

  /// The event built into the page cannot end its <script> element early, and parses back.
  @Test func pageCarriesTheEventSafely() throws {
    let event = #"{"scenario":"a</script><script>alert(1)</script>","seq":3}"#
    let page = WallboardPage.html(latest: event)
    #expect(!page.contains("alert(1)</script>") && page.contains(#"a\u003c/script>\u003cscript>alert(1)\u003c/script>"#))
    let start = try #require(page.range(of: #"<script id="latest" type="application/json">"#))
    let json = String(page[start.upperBound...].prefix { $0 != "<" })
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(parsed["scenario"] as? String == "a</script><script>alert(1)</script>")
    #expect(WallboardPage.html(latest: nil).contains(#"<script id="latest" type="application/json">null</script>"#))
  }
}
