import Foundation
import Testing

@Suite struct ErlangCommandTests {
  @Test func targetServiceLevelFindsFiftySevenAgents() throws {
    let r = try CLI.run(["erlang", "--rate", "600", "--handle", "5m", "--target-sl", "0.8", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    #expect(object["agents"] as? Int == 57)
    #expect(abs((object["service_level"] as! Double) - 0.8454) < 0.00005)
    for key in ["answer_rate", "asa_seconds", "mean_wait_seconds", "occupancy", "abandon_rate", "blocked_share"] {
      #expect(object[key] is Double, "\(key) missing")
    }
  }

  @Test func erlangAWithPatience() throws {
    let r = try CLI.run(["erlang", "--rate", "600", "--handle", "5m", "--patience", "3m", "--agents", "48", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    #expect(abs((object["answer_rate"] as! Double) - 0.914304) < 1e-6)
  }

  @Test func erlangBWhenLinesEqualAgents() throws {
    let r = try CLI.run(["erlang", "--rate", "120", "--handle", "150s", "--lines", "10", "--agents", "10", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    #expect(abs((object["blocked_share"] as! Double) - 0.018384570336) < 1e-9)
  }

  @Test func unstableQueueIsAClearError() throws {
    let r = try CLI.run(["erlang", "--rate", "600", "--handle", "5m", "--agents", "40"])
    #expect(r.status != 0)
    #expect(r.stderr.hasPrefix("error: "))
  }

  @Test func needsAgentsOrATarget() throws {
    let r = try CLI.run(["erlang", "--rate", "600", "--handle", "5m"])
    #expect(r.status != 0)
    #expect(r.stderr.contains("--agents"))
  }
}
