import CallSim
import CallSimLive
import Foundation
import Testing

/// Parsing `POST /control` bodies: every action, and a readable message for each mistake.
@Suite struct LiveControlTests {
  static let model: CallCenterModel = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("live-control-\(UUID().uuidString).yaml")
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
