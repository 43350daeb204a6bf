import CallSimTestSupport
import Foundation
import Testing

/// `timeline`: one run whose routing, remote agents and call cap change on given dates, read
/// back from the trace — the before/after study in one run that the Seoul questions need.
@Suite struct TimelineCommandTests {
  static let scenario = """
    scenario: timeline
    simulation: {start: 2024-09-02, days: 4, replications: 2, seed: 7}
    arrivals: {per_hour: 240}
    call_types:
      traffic: {share: 0.5, handle: {dist: lognormal, mean: 4m, sd: 4m}, patience: {dist: exponential, mean: 3m}}
      water: {share: 0.5, handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 3m}}
    agent_groups:
      traffic_team: {skills: [traffic, water]}
      water_team: {skills: [water, traffic]}
    shifts:
      all_day: {start: "00:00", end: "24:00"}
    roster:
      - {group: traffic_team, shift: all_day, agents: 10, days: all}
      - {group: water_team, shift: all_day, agents: 10, days: all}
    remote: {agents: 4, handle_factor: 1.1}
    routing: {mode: split}
    timeline:
      - {from: 2024-09-04, set: {routing.mode: integrated, remote.agents: 10}}
      - {from: 2024-09-05, set: {call_cap: {mode: forced, limit: 10m}}}
    """

  @Test func routingRemoteWorkAndCapChangeOnTheirDates() throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(Self.scenario, to: "timeline.yaml", in: dir)
    let out = dir.appendingPathComponent("out")
    let r = try CLI.run(["run", file, "--out", out.path, "--trace"])
    #expect(r.status == 0, "\(r.stderr)")
    let answered = try CSVFile(contentsOf: out.appendingPathComponent("calls.csv")).rows.filter { $0["outcome"] == "answered" }
    /// Day of the horizon (0 = 2024-09-02) on which the call was answered.
    func day(_ row: CSVFile.Row) -> Int { Int((row.number("arrival")! + row.number("wait_seconds")!) / 86_400) }
    func home(_ row: CSVFile.Row) -> Bool { row["group"] == "\(row["type"])_team" }
    let before = answered.filter { day($0) < 2 }
    let after = answered.filter { day($0) >= 2 }
    #expect(before.count > 1000 && after.count > 1000)
    // Split before 2024-09-04: every call answered by its home team; integrated after it.
    #expect(before.allSatisfy(home))
    #expect(after.contains { !home($0) })
    // 4 remote agents of 20 (2 per team, spread in roster order) before, 10 after.
    let remoteBefore = Set(before.filter { $0["remote"] == "true" }.map { $0["group"] + $0["agent"] })
    let remoteAfter = Set(after.filter { $0["remote"] == "true" }.map { $0["group"] + $0["agent"] })
    #expect(remoteBefore.count == 4)
    #expect(remoteAfter.count == 10 && remoteBefore.isSubset(of: remoteAfter))
    // The cap from 2024-09-05: no call answered that day or later talks past 10 minutes;
    // some answered before did.
    #expect(answered.filter { day($0) < 3 }.contains { $0.number("handle_seconds")! > 600 })
    #expect(answered.filter { day($0) >= 3 }.allSatisfy { $0.number("handle_seconds")! <= 600 })
    #expect(answered.filter { day($0) >= 3 }.contains { $0["capped"] == "true" })
    #expect(answered.filter { day($0) < 3 }.allSatisfy { $0["capped"] == "false" })
  }
}
