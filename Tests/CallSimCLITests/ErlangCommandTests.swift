import CallSimTestSupport
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

  /// Inputs past the bounds used to trap (`--handle 1e300`, `--rate 1e300`) or print `-nan`
  /// and exit 0 (with `--lines`): each is one `error:` line naming the option, the value
  /// and the bound.
  static let outOfBounds: [([String], String)] = [
    (["--rate", "600", "--handle", "1e300", "--agents", "48"],
     "error: --handle: Mean handle time must be from 0.001 to 1000000000000 seconds (got 1e+300)."),
    (["--rate", "1e300", "--handle", "5m", "--agents", "48"],
     "error: --rate: Arrival rate must be above 0 and at most 1000000000 calls per hour (got 1e+300)."),
    (["--rate", "1e300", "--handle", "5m", "--lines", "10", "--agents", "10"],
     "error: --rate: Arrival rate must be above 0 and at most 1000000000 calls per hour (got 1e+300)."),
    (["--rate", "1e300", "--handle", "5m", "--target-sl", "0.8"],
     "error: --rate: Arrival rate must be above 0 and at most 1000000000 calls per hour (got 1e+300)."),
    (["--rate", "600", "--handle", "5m", "--patience", "1e300", "--agents", "48"],
     "error: --patience: Mean patience must be from 0.001 to 1000000000000 seconds, or absent if callers never abandon (got 1e+300)."),
    (["--rate", "600", "--handle", "5m", "--within", "1e300", "--agents", "60"],
     "error: --within: Service-level threshold must be from 0 to 86400 seconds (got 1e+300)."),
    (["--rate", "600", "--handle", "5m", "--agents", "9223372036854775807"],
     "error: --agents: Number of agents must be at least 1 and at most 1000000 (got 9223372036854775807)."),
    (["--rate", "600", "--handle", "5m", "--lines", "9223372036854775807", "--agents", "60"],
     "error: --lines: Line limit must be at most 10000000 (got 9223372036854775807)."),
    (["--rate", "1e9", "--handle", "1h", "--agents", "60"],
     "error: --rate × --handle: Offered load (rate × handle time) must be at most 1000000 Erlangs (got 1000000000.0)."),
    (["--rate", "3e8", "--handle", "10", "--patience", "0.001", "--within", "86400", "--agents", "1"],
     "error: --within: Service-level threshold of 86400.0 seconds spans about 25920008639.999996 queue events, more than the 10000000000 the exact method sums; use a shorter threshold."),
  ]

  @Test(arguments: 0..<outOfBounds.count)
  func outOfBoundInputsAreOneClearError(_ i: Int) throws {
    let (arguments, message) = Self.outOfBounds[i]
    let r = try CLI.run(["erlang"] + arguments)
    #expect(r.status == 1)
    #expect(r.stderr == message + "\n", "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  /// At the edge of the bounds every printed number is finite.
  @Test func edgeOfTheBoundsPrintsFiniteNumbers() throws {
    for extra in [["--lines", "1", "--agents", "1"], ["--patience", "0.001", "--agents", "1000000"]] {
      let r = try CLI.run(["erlang", "--rate", "1e9", "--handle", "3.6"] + extra)
      #expect(r.status == 0 || r.stderr.hasPrefix("error: "), "\(r.stderr)")
      #expect(!r.stdout.lowercased().contains("nan") && !r.stdout.lowercased().contains("inf"), "\(r.stdout)")
    }
  }
}
