import CallSim
import CallSimLive
import CallSimTestSupport
import Foundation
import Testing

/// Parsing `POST /control` bodies: every action, and a readable message for each mistake.
@Suite struct LiveControlTests {
  static let model: CallCenterModel = {
    let url = try! TestScratch.folder("live-control").appendingPathComponent("control.yaml")
    try! """
      scenario: c
      simulation: {days: 1}
      arrivals: {per_hour: 60}
      call_types: {call: {handle: {dist: exponential, mean: 3m}}}
      agent_groups: {team: {skills: [call], agents: 3}}
      """.write(to: url, atomically: true, encoding: .utf8)
    return try! Scenario.load(url.path).model
  }()

  func parse(_ text: String) throws(LiveControlError) -> LiveControl {
    try LiveControl.parse(Data(text.utf8), model: LiveControlTests.model)
  }

  func message(_ text: String) -> String {
    do {
      _ = try parse(text)
      return ""
    } catch {
      return error.description
    }
  }

  @Test func everyAction() throws {
    #expect(try parse(#"{"action":"pause"}"#) == .pause)
    #expect(try parse(#"{"action":"resume"}"#) == .resume)
    #expect(try parse(#"{"action":"speed","speed":120}"#) == .speed(.factor(120)))
    #expect(try parse(#"{"action":"speed","speed":"max"}"#) == .speed(.max))
    #expect(try parse(#"{"action":"add_agents","group":"team","agents":4}"#) == .addAgents(group: "team", count: 4))
    #expect(try parse(#"{"action":"remove_agents","group":"team","agents":1}"#) == .removeAgents(group: "team", count: 1))
    #expect(try parse(#"{"action":"routing","mode":"split"}"#) == .routing(.split))
    #expect(try parse(#"{"action":"routing","mode":"overflow"}"#) == .routing(.overflow))
    #expect(try parse(#"{"action":"routing","mode":"overflow","overflow_after":"30s"}"#) == .routing(.overflow, overflowAfter: 30))
    #expect(try parse(#"{"action":"routing","mode":"overflow","overflow_after":90}"#) == .routing(.overflow, overflowAfter: 90))
  }

  /// `overflow_after` only with overflow, as in a scenario file, and a wait it can be.
  @Test func overflowAfterIsAWaitForOverflowOnly() {
    #expect(message(#"{"action":"routing","mode":"split","overflow_after":"30s"}"#).contains("used only with mode overflow"))
    for bad in [#""soon""#, "-5", "true", "1e12", #""""#] {
      #expect(
        message(#"{"action":"routing","mode":"overflow","overflow_after":"# + bad + "}").contains("\"overflow_after\" must be a wait"),
        "\(bad)")
    }
  }

  /// Controls only from this machine's own wallboard: `Host`, `Origin` and `Content-Type`.
  @Test func controlAccess() {
    let loopback = ControlAccess(boundHost: "127.0.0.1", port: 8080)
    func status(_ access: ControlAccess = loopback, host: String?, origin: String? = nil, type: String? = "application/json") -> Int {
      access.check(host: host, origin: origin, contentType: type)?.status ?? 200
    }
    for host in ["127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080", "127.0.0.1", "localhost"] {
      #expect(status(host: host) == 200, "\(host)")
    }
    for host in ["evil.example:8080", "evil.example", "127.0.0.1:9090", "10.0.0.1:8080", "127.0.0.1.evil.example:8080", "localhost:80x", "", "[::1"] {
      #expect(status(host: host) == 403, "\(host)")
    }
    #expect(status(host: nil) == 403)
    #expect(status(host: "127.0.0.1:8080", origin: "http://127.0.0.1:8080") == 200)
    #expect(status(host: "localhost:8080", origin: "http://localhost:8080") == 200)
    for origin in ["http://evil.example", "http://evil.example:8080", "null", "https://127.0.0.1:8080", "http://localhost:8080", "http://127.0.0.1:9090"] {
      #expect(status(host: "127.0.0.1:8080", origin: origin) == 403, "\(origin)")
    }
    #expect(status(host: "127.0.0.1:8080", type: "application/json; charset=utf-8") == 200)
    for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", nil] as [String?] {
      #expect(status(host: "127.0.0.1:8080", type: type) == 415, "\(type ?? "none")")
    }
    let message = loopback.check(host: "evil.example:8080", origin: nil, contentType: "application/json")?.message ?? ""
    #expect(message.contains("\"evil.example:8080\"") && message.contains("127.0.0.1, localhost or [::1], port 8080"))
    // Bound elsewhere explicitly: also the bound name and IP addresses, still not other names.
    let everywhere = ControlAccess(boundHost: "0.0.0.0", port: 8080)
    #expect(status(everywhere, host: "192.168.1.20:8080") == 200)
    #expect(status(everywhere, host: "[fe80::1]:8080", origin: "http://[fe80::1]:8080") == 200)
    #expect(status(everywhere, host: "evil.example:8080") == 403)
    #expect(status(ControlAccess(boundHost: "wallboard.lan", port: 80), host: "wallboard.lan") == 200)
  }

  @Test func mistakesHaveMessages() {
    #expect(message("nope").contains("not a JSON object"))
    #expect(message("[1]").contains("not a JSON object"))
    #expect(message(#"{"x":1}"#).contains("missing \"action\""))
    #expect(message(#"{"action":"jump"}"#).contains("unknown action \"jump\""))
    #expect(message(#"{"action":"add_agents","group":"ghosts","agents":1}"#) == "unknown group \"ghosts\" (groups: team)")
    #expect(message(#"{"action":"add_agents","group":"team","agents":0}"#).contains("whole number from 1"))
    #expect(message(#"{"action":"add_agents","group":"team","agents":2.5}"#).contains("whole number"))
    #expect(message(#"{"action":"add_agents","group":"team","agents":true}"#).contains("whole number"))
    #expect(message(#"{"action":"speed","speed":0}"#).contains("\"speed\""))
    #expect(message(#"{"action":"routing","mode":"random"}"#).contains("integrated"))
  }
}
