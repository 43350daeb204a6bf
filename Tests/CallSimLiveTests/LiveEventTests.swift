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

  /// The wallboard shows the catalogue's wallboard metrics: listed in `metric_tiles`, with a
  /// value (or null) for each queue and the totals, today.
  @Test func wallboardMetricsComeFromTheCatalogue() throws {
    let simulation = LiveSimulation(model: LiveControlTests.model)
    simulation.advance(until: 12 * 3600)
    let object = LiveEvent.object(
      simulation: simulation, status: Self.state,
      intervention: nil)
    let names = Metric.listed(in: .wallboard).map(\.rawValue)
    #expect(names.contains("wait_p90_seconds"))
    let tiles = try #require(object["metric_tiles"] as? [[String: Any]])
    #expect(tiles.compactMap { $0["name"] as? String } == names)
    let queues = try #require(object["queues"] as? [[String: Any]])
    let totals = try #require(object["totals"] as? [String: Any])
    for values in queues.map({ $0["metrics"] }) + [totals["metrics"]] {
      let values = try #require(values as? [String: Any])
      #expect(Set(values.keys) == Set(names))
    }
    let all = try #require(totals["metrics"] as? [String: Any])
    let p50 = try #require(all["wait_p50_seconds"] as? Double)
    let p95 = try #require(all["wait_p95_seconds"] as? Double)
    #expect(p50 >= 0 && p95 >= p50)
    #expect(WallboardPage.template.contains("metricRow(q.metrics)"))
  }

  static let state = LiveEvent.Status(type: "state", speed: .max, paused: false, ended: false, wallSeconds: 1, lagSeconds: 0)

  /// The `state` event of a live run of the scenario `text` at 12:00 of its first day.
  static func stateAtNoon(_ text: String) throws -> [String: Any] {
    let simulation = LiveSimulation(model: try Scenario.parse(text: text, file: "live.yaml").model)
    simulation.advance(until: 12 * 3600)
    return LiveEvent.object(simulation: simulation, status: state, intervention: nil)
  }

  /// With message types, each queue names its channel and `channels` has one tile per
  /// channel whose counts are the sums over its queues; without, no `channels`.
  @Test func channelTilesSumTheirQueues() throws {
    let text = """
      scenario: live-channels
      simulation: {days: 1}
      arrivals: {per_hour: 60}
      call_types:
        call: {handle: {dist: exponential, mean: 3m}, patience: {dist: exponential, mean: 2m}}
        text: {channel: message, arrivals: {per_hour: 30}, handle: {dist: exponential, mean: 2m}, deadline: 1h}
      agent_groups: {team: {skills: [call, text], agents: 4, reserve: 1}}
      """
    let object = try Self.stateAtNoon(text)
    let queues = try #require(object["queues"] as? [[String: Any]])
    #expect(queues.compactMap { $0["channel"] as? String } == ["phone", "message"])
    let channels = try #require(object["channels"] as? [[String: Any]])
    #expect(channels.compactMap { $0["name"] as? String } == ["phone", "message"])
    for (channel, queue) in zip(channels, queues) {
      let (c, q) = (try #require(channel["today"] as? [String: Any]), try #require(queue["today"] as? [String: Any]))
      #expect(c["offered"] as? Int == q["offered"] as? Int && (c["offered"] as? Int ?? 0) > 100)
      #expect(channel["waiting"] as? Int == queue["waiting"] as? Int)
    }
    let plain = LiveEvent.object(simulation: LiveSimulation(model: LiveControlTests.model), status: Self.state, intervention: nil)
    #expect(plain["channels"] == nil)
    #expect(WallboardPage.template.contains("ev.channels"))
  }

  /// Call-backs that never reached their caller count as resolved without an answer: the
  /// answer rate is answered / (answered + abandoned + call-backs lost).
  @Test func lostCallBacksCountInTheAnswerRate() throws {
    let text = """
      scenario: live-callbacks
      simulation: {days: 1}
      arrivals: {per_hour: 90}
      call_types: {call: {handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 2m}}}
      agent_groups: {team: {skills: [call], agents: 5}}
      callback_offer: {after: 10s, accept: 0.5, reach: 0, attempt: 20s}
      """
    let object = try Self.stateAtNoon(text)
    let today = try #require((object["totals"] as? [String: Any])?["today"] as? [String: Any])
    let (answered, abandoned, lost) = (today["answered"] as! Int, today["abandoned"] as! Int, today["callbacks_lost"] as! Int)
    #expect(lost > 10, "too few lost call-backs for the check")
    let rate = try #require(today["answer_rate"] as? Double)
    #expect(abs(rate - Double(answered) / Double(answered + abandoned + lost)) < 1e-12)
  }
}
