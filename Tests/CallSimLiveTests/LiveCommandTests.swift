import CallSimTestSupport
import Foundation
import Testing

/// A live test's own failure, with what the binary printed.
struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ d: String) { description = d }
}

/// `callsim live` as a user runs it, the built binary on a free port: the stream, a control
/// taking effect in it, refused controls, and a run at `--speed max` ending with the
/// metrics of `callsim run` on the same seed.
@Suite(.serialized) struct LiveCommandTests {
  static let scenario = """
    scenario: live-test
    simulation: {days: 1, replications: 3, seed: 42}
    arrivals: {per_hour: 180}
    call_types:
      general: {share: 0.7, handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 2m}}
      water: {share: 0.3, handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 2m}}
    agent_groups:
      front: {skills: [general, water], agents: 12}
      water_team: {skills: [water], agents: 3}
    routing: {mode: integrated}
    targets: {service_level: {within: 20s, share: 0.8}}
    """

  /// Starts `callsim live` on port 0 and returns the process and the port it printed.
  static func start(_ arguments: [String], in dir: URL) throws -> (CLI.Running, Int) {
    let file = try CLI.write(scenario, to: "live.yaml", in: dir)
    let running = try CLI.launch(["live", file, "--port", "0"] + arguments)
    guard let line = running.readStdoutLine(), let address = line.range(of: "127.0.0.1:"),
      let port = Int(line[address.upperBound...].prefix { $0.isNumber })
    else {
      running.send(SIGKILL)
      let output = running.finish()
      throw CLIError("no Wallboard line from \(CLI.binary.path) (status \(output.status)): \(output.stdout) \(output.stderr)")
    }
    return (running, port)
  }

  @Test func streamShowsAControlTakingEffect() throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("results")
    let (running, port) = try LiveCommandTests.start(["--speed", "600", "--out", out.path], in: dir)
    defer { running.send(SIGKILL) }
    let stream = try LoopbackHTTP.events(port: port)
    // A few seconds of events: numbered in order, simulated time moving at about the speed.
    var events: [[String: Any]] = []
    while events.count < 3, let e = stream.nextEvent() { events.append(e) }
    #expect(events.count == 3)
    let seqs = events.compactMap { $0["seq"] as? Int }
    #expect(seqs == Array(seqs[0]..<(seqs[0] + 3)))
    let times = events.compactMap { $0["sim_time"] as? Double }
    #expect(times == times.sorted() && times.last! > times.first!)
    let front = { (e: [String: Any]) -> Int in
      let g = (e["groups"] as! [[String: Any]]).first { $0["name"] as? String == "front" }!
      return (g["talking"] as! Int) + (g["wrap_up"] as! Int) + (g["idle"] as! Int)
    }
    #expect(front(events.last!) == 12)

    let reply = try LoopbackHTTP.request(port: port, method: "POST", path: "/control", body: #"{"action": "add_agents", "group": "front", "agents": 5}"#)
    #expect(reply.status == 200, "\(reply.body)")
    // The intervention's own event, then the next state events, show 17 agents of front.
    var seen: [String: Any]?
    while let e = stream.nextEvent() {
      if e["type"] as? String == "intervention" {
        seen = e
        break
      }
    }
    let intervention = try #require(seen)
    #expect(front(intervention) == 17)
    #expect((intervention["intervention"] as? [String: Any])?["group"] as? String == "front")
    let next = try #require(stream.nextEvent())
    #expect(front(next) == 17)
    #expect((next["seq"] as! Int) == (intervention["seq"] as! Int) + 1)

    // Refused controls: 400 with a message.
    let bad = try LoopbackHTTP.request(port: port, method: "POST", path: "/control", body: "{not json")
    #expect(bad.status == 400)
    #expect(bad.body.contains("not a JSON object"))
    let unknown = try LoopbackHTTP.request(port: port, method: "POST", path: "/control", body: #"{"action": "add_agents", "group": "nobody", "agents": 1}"#)
    #expect(unknown.status == 400)
    #expect(unknown.body.contains("unknown group \\\"nobody\\\""))
    let mode = try LoopbackHTTP.request(port: port, method: "POST", path: "/control", body: #"{"action": "routing", "mode": "sideways"}"#)
    #expect(mode.status == 400)
    #expect(mode.body.contains("mode"))
    let page = try LoopbackHTTP.request(port: port, method: "GET", path: "/")
    #expect(page.status == 200 && page.body.contains("EventSource"))
    // One file that loads nothing from elsewhere.
    for external in ["http://", "https://", "src=", "href=", "url(", "@import"] {
      #expect(!page.body.contains(external), "the page refers to \(external)")
    }

    // Ctrl-C: the day so far is written, with the intervention.
    running.send(SIGINT)
    let output = running.finish()
    #expect(output.status == 130, "\(output.stderr)")
    let summary = try CLI.json(out.appendingPathComponent("summary.json"))
    let logged = try #require(summary["interventions"] as? [[String: Any]])
    #expect(logged.count == 1 && logged[0]["action"] as? String == "add_agents" && logged[0]["agents"] as? Int == 5)
    #expect((logged[0]["time_seconds"] as? Double ?? 0) > 0)
  }

  /// A web page in the user's browser cannot drive the run: a control with a foreign
  /// `Origin` or `Host` gets 403, one sent as `text/plain` 415, and none of them changes
  /// anything; the wallboard's own controls (same origin, JSON) still work.
  @Test func controlsOnlyFromTheWallboardItself() throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("results")
    let (running, port) = try LiveCommandTests.start(["--speed", "60", "--out", out.path], in: dir)
    defer { running.send(SIGKILL) }
    let own = "127.0.0.1:\(port)"
    let refused: [(String, [String: String?], Int)] = [
      ("foreign Origin", ["Host": own, "Origin": "http://evil.example"], 403),
      ("foreign Origin, same port", ["Host": own, "Origin": "http://evil.example:\(port)"], 403),
      ("text/plain", ["Host": own, "Content-Type": "text/plain"], 415),
      ("a form", ["Host": own, "Content-Type": "application/x-www-form-urlencoded"], 415),
      ("foreign Host", ["Host": "evil.example:\(port)"], 403),
      ("foreign Host and Origin", ["Host": "evil.example:\(port)", "Origin": "http://evil.example:\(port)"], 403),
    ]
    for body in [#"{"action": "pause"}"#, #"{"action": "add_agents", "group": "front", "agents": 5}"#, #"{"action": "routing", "mode": "split"}"#] {
      for (what, headers, status) in refused {
        let reply = try LoopbackHTTP.request(port: port, method: "POST", path: "/control", body: body, headers: headers)
        #expect(reply.status == status, "\(what): \(reply.body)")
        #expect(reply.body.contains("\"ok\":false") && reply.body.contains("refused"), "\(what): \(reply.body)")
      }
    }
    // Nothing changed: running, integrated, 12 agents in front, no intervention.
    let stream = try LoopbackHTTP.events(port: port)
    let state = try #require(stream.nextEvent())
    #expect(state["paused"] as? Bool == false && state["routing"] as? String == "integrated")
    #expect((state["interventions"] as? [Any])?.isEmpty == true)
    let front = (state["groups"] as! [[String: Any]]).first { $0["name"] as? String == "front" }!
    #expect((front["talking"] as! Int) + (front["wrap_up"] as! Int) + (front["idle"] as! Int) + (front["on_break"] as! Int) == 12)

    // The page's own request: same origin, JSON.
    let accepted = try LoopbackHTTP.request(
      port: port, method: "POST", path: "/control", body: #"{"action": "add_agents", "group": "front", "agents": 5}"#,
      headers: ["Host": own, "Origin": "http://\(own)", "Content-Type": "application/json"])
    #expect(accepted.status == 200, "\(accepted.body)")

    running.send(SIGINT)
    let output = running.finish()
    #expect(output.status == 130, "\(output.stderr)")
    let summary = try CLI.json(out.appendingPathComponent("summary.json"))
    let logged = try #require(summary["interventions"] as? [[String: Any]])
    #expect(logged.count == 1 && logged[0]["action"] as? String == "add_agents" && logged[0]["agents"] as? Int == 5)
  }

  /// A live switch to overflow needs `overflow_after` (a scenario with `mode: overflow` must
  /// give it): refused with 400 and nothing changed without it, applied with it.
  @Test func overflowSwitchNeedsItsWait() throws {
    let dir = try CLI.temporaryFolder()
    let out = dir.appendingPathComponent("results")
    let (running, port) = try LiveCommandTests.start(["--speed", "60", "--out", out.path], in: dir)
    defer { running.send(SIGKILL) }
    let noWait = try LoopbackHTTP.request(
      port: port, method: "POST", path: "/control", body: #"{"action": "routing", "mode": "overflow"}"#)
    #expect(noWait.status == 400 && noWait.body.contains("mode overflow needs \\\"overflow_after\\\""), "\(noWait.body)")
    let state = try #require(try LoopbackHTTP.events(port: port).nextEvent())
    #expect(state["routing"] as? String == "integrated" && (state["interventions"] as? [Any])?.isEmpty == true)
    let overflow = try LoopbackHTTP.request(
      port: port, method: "POST", path: "/control", body: #"{"action": "routing", "mode": "overflow", "overflow_after": "30s"}"#)
    #expect(overflow.status == 200, "\(overflow.body)")
    #expect(overflow.body.contains(#""mode":"overflow""#) && overflow.body.contains(#""overflow_after_seconds":30"#), "\(overflow.body)")
    running.send(SIGINT)
    #expect(running.finish().status == 130)
    let logged = try #require(try CLI.json(out.appendingPathComponent("summary.json"))["interventions"] as? [[String: Any]])
    #expect(logged.count == 1 && logged[0]["mode"] as? String == "overflow" && logged[0]["overflow_after_seconds"] as? Double == 30)
  }

  /// The page carries the current state, drawn before the page has loaded (a headless
  /// browser's screenshot of the plain address shows it), and `?snapshot` opens no stream;
  /// tiles show the scenario's own group names (no capitalising), as the controls want them.
  @Test func pageCarriesTheCurrentState() throws {
    let dir = try CLI.temporaryFolder()
    let (running, port) = try LiveCommandTests.start(["--speed", "60", "--start-at", "09:00", "--out", dir.appendingPathComponent("r").path], in: dir)
    defer { running.send(SIGKILL) }
    for path in ["/", "/?snapshot"] {
      let page = try LoopbackHTTP.request(port: port, method: "GET", path: path)
      #expect(page.status == 200)
      let start = try #require(page.body.range(of: #"<script id="latest" type="application/json">"#))
      let json = String(page.body[start.upperBound...].prefix { $0 != "<" })
      let event = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(json.prefix(200))")
      #expect(event["scenario"] as? String == "live-test")
      #expect((event["sim_time"] as? Double ?? 0) >= 9 * 3600)
      #expect((event["groups"] as? [[String: Any]])?.map { $0["name"] as? String } == ["front", "water_team"])
      #expect(page.body.contains("if (latest) render(latest);"))
      // The speed and routing controls show the run's, not the page's defaults.
      #expect(page.body.contains(#"showCurrent($("speedsel"), String(ev.speed)); showCurrent($("mode"), ev.routing);"#))
      #expect(!page.body.contains("capitalize"))
    }
    running.send(SIGINT)
    _ = running.finish()
  }

  /// With the same `--set` on both (a changed value must reach the live run too).
  @Test func maxSpeedEndsWithTheMetricsOfRun() throws {
    let dir = try CLI.temporaryFolder()
    let live = dir.appendingPathComponent("live"), run = dir.appendingPathComponent("run")
    let set = ["--set", "agent_groups.front.agents=10"]
    let (running, _) = try LiveCommandTests.start(["--speed", "max", "--exit-at-end", "--seed", "9", "--out", live.path] + set, in: dir)
    let output = running.finish()
    #expect(output.status == 0, "\(output.stderr)")
    let ran = try CLI.run(
      ["run", dir.appendingPathComponent("live.yaml").path, "--replications", "1", "--seed", "9", "--quiet", "--out", run.path] + set)
    #expect(ran.status == 0, "\(ran.stderr)")
    let a = try CLI.json(live.appendingPathComponent("summary.json"))
    let b = try CLI.json(run.appendingPathComponent("summary.json"))
    for key in ["metrics", "call_types", "agent_groups", "seed", "replications", "events"] {
      #expect(NSDictionary(dictionary: ["v": a[key] as Any]) == NSDictionary(dictionary: ["v": b[key] as Any]), "\(key)")
    }
    #expect((a["interventions"] as? [Any])?.isEmpty == true)
    let front = (a["agent_groups"] as? [String: Any])?["front"] as? [String: Any]
    let onPhones = try #require((front?["agents_on_phones"] as? [String: Any])?["mean"] as? Double)
    #expect(abs(onPhones - 10) < 1e-9, "the --set did not reach the live run: \(onPhones) agents")
    let hourlyA = try String(contentsOf: live.appendingPathComponent("hourly.csv"), encoding: .utf8)
    let hourlyB = try String(contentsOf: run.appendingPathComponent("hourly.csv"), encoding: .utf8)
    #expect(hourlyA == hourlyB)
  }
}
