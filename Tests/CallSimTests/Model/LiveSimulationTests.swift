import CallSim
import CallSimTestSupport
import Foundation
import Testing

/// The stepping API and the live interventions: stepping in pieces gives the run's counts
/// exactly; agents added, removed and a routing switch act at the current instant; the
/// wallboard snapshot adds up.
@Suite struct LiveSimulationTests {
  static let twoGroups = """
    scenario: live-two-groups
    simulation: {days: 2, warmup: 1h, replications: 1, seed: 5}
    arrivals: {per_hour: 240}
    call_types:
      general: {share: 0.7, handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 2m}}
      water: {share: 0.3, handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 2m}}
    agent_groups:
      front: {skills: [general, water], agents: 14}
      water_team: {skills: [water], agents: 4}
    routing: {mode: integrated}
    """

  static func model(_ text: String = twoGroups) throws -> CallCenterModel {
    try ScenarioFixture().load("live.yaml", text).model
  }

  /// Stepping in 37.5 s pieces, with a snapshot every 15 minutes, on groups staffed by the
  /// hour and on a roster with breaks (the Seoul afternoon-shift scenario).
  @Test func steppingInPiecesGivesTheRunsCounts() throws {
    let roster = try Scenario.load(
      Repository.root.appendingPathComponent("Scenarios/seoul-120/afternoon-13-22.yaml").path)
    for model in [try LiveSimulationTests.model(), roster.model] {
      var whole = CallCenterSimulation(model: model, replication: 0)
      let expected = try whole.run()!
      let live = LiveSimulation(model: model)
      var t = 0.0
      while !live.isAtEnd {
        t += 37.5
        live.advance(until: t)
        #expect(live.now == min(t, live.horizon))
      }
      let got = try live.finish().replications[0]
      #expect(got.hourly == expected.hourly)
      #expect(got.hourlyByType == expected.hourlyByType)
      #expect(got.hourlyByGroup == expected.hourlyByGroup)
      #expect(got.events == expected.events)
      #expect(live.history.count == Int(live.horizon / 900))
    }
  }

  @Test func addedAgentsLogInNowAndRemovedOnesLeave() throws {
    let live = LiveSimulation(model: try LiveSimulationTests.model())
    live.advance(until: 3 * 3600)
    let before = live.snapshot().groups[0]
    #expect(before.talking + before.wrapUp + before.idle == 14)
    try live.addAgents(6, group: "front")
    let added = live.snapshot().groups[0]
    #expect(added.talking + added.wrapUp + added.idle == 20)
    // The hourly plan would put 14 back on duty at the next hour; the added ones stay.
    live.advance(until: 4.5 * 3600)
    let later = live.snapshot().groups[0]
    #expect(later.talking + later.wrapUp + later.idle == 20)
    let removed = try live.removeAgents(10, group: "front")
    #expect(removed.applied == 10)
    live.advance(until: 6 * 3600)  // those in a call leave when it ends
    let after = live.snapshot().groups[0]
    #expect(after.talking + after.wrapUp + after.idle == 10)
    #expect(live.interventions.map(\.action) == ["add_agents", "remove_agents"])
    #expect(live.interventions[0].time == 3 * 3600)
    // Removing more than are logged in removes what there is.
    let all = try live.removeAgents(1000, group: "water_team")
    #expect(all.applied == 4)
    live.advance(until: 7 * 3600)
    let none = live.snapshot().groups[1]
    #expect(none.talking + none.wrapUp + none.idle == 0)
    #expect(throws: LiveSimulation.InterventionError.self) { try live.addAgents(1, group: "nobody") }
    live.advance(until: live.horizon)
    let result = try live.finish().replications[0]
    #expect(result.byGroup.count == 2)
  }

  /// Agents added live have no shift: they are paid while logged in, from when they were
  /// added until removed or the run ends. 2 agents all day; 3 added at 02:00, 1 of them
  /// (idle: there are no calls) removed at 05:00: 48 + 2 × 22 + 3 agent-hours.
  @Test func agentsAddedLiveArePaidWhileLoggedIn() throws {
    let live = LiveSimulation(
      model: try LiveSimulationTests.model(
        """
        scenario: live-paid
        simulation: {days: 1, replications: 1, seed: 5}
        arrivals: {per_hour: 0}
        call_types: {call: {handle: {dist: exponential, mean: 4m}}}
        agents: 2
        """))
    live.advance(until: 2 * 3600)
    try live.addAgents(3, group: "agents")
    live.advance(until: 5 * 3600)
    #expect(try live.removeAgents(1, group: "agents").applied == 1)
    live.advance(until: live.horizon)
    let result = try live.finish().replications[0]
    #expect(result.byGroup[0].paidAgentSeconds == (48 + 2 * 22 + 3) * 3600)
    #expect(result.hourlyByGroup[1].paidAgentSeconds == 2 * 3600 && result.hourlyByGroup[3].paidAgentSeconds == 5 * 3600)
    #expect(result.hourlyByGroup[5].paidAgentSeconds == 4 * 3600)
  }

  @Test func routingSwitchActsNow() throws {
    let live = LiveSimulation(model: try LiveSimulationTests.model())
    live.advance(until: 3600)
    #expect(live.snapshot().routing == .integrated)
    try live.switchRouting(to: .split)
    #expect(live.snapshot().routing == .split)
    live.advance(until: 5 * 3600)
    // Split: the front group answers only its home type (general) from now on.
    let before = live.snapshot().groups[0].answeredToday
    live.advance(until: live.horizon)
    #expect(live.snapshot().groups[0].answeredToday >= 0 && before > 0)
    #expect(live.interventions.last?.mode == "split")
  }

  /// A switch the scenario file could not have is refused and changes nothing: overflow
  /// without its wait, a wait with another mode, split leaving a type no home group.
  @Test func routingSwitchesAScenarioCouldNotHaveAreRefused() throws {
    let live = LiveSimulation(model: try LiveSimulationTests.model())
    live.advance(until: 3600)
    func refusal(_ mode: RoutingMode, _ wait: Double? = nil, on simulation: LiveSimulation) -> String {
      do {
        try simulation.switchRouting(to: mode, overflowAfter: wait)
        return ""
      } catch { return error.description }
    }
    #expect(refusal(.overflow, on: live).contains("mode overflow needs \"overflow_after\""))
    #expect(refusal(.split, 30, on: live).contains("used only with mode overflow"))
    #expect(refusal(.overflow, -1, on: live).contains("from 0 s"))
    #expect(live.snapshot().routing == .integrated && live.interventions.isEmpty)
    let pool = LiveSimulation(
      model: try LiveSimulationTests.model(
        LiveSimulationTests.twoGroups.replacingOccurrences(of: "  water_team: {skills: [water], agents: 4}\n", with: "")))
    #expect(refusal(.split, on: pool).contains("no group could serve call type \"water\""))
    #expect(pool.snapshot().routing == .integrated && pool.interventions.isEmpty)
    // A scenario whose routing is overflow keeps its own wait when switched back to it.
    let own = LiveSimulation(
      model: try LiveSimulationTests.model(
        LiveSimulationTests.twoGroups.replacingOccurrences(of: "routing: {mode: integrated}", with: "routing: {mode: overflow, overflow_after: 45s}")))
    try own.switchRouting(to: .split)
    #expect(try own.switchRouting(to: .overflow).overflowAfter == 45)
  }

  /// Overflow switched on live with a wait lets other skilled groups take calls that waited
  /// that long: not the split it behaved as without one. The same callers, two switches at
  /// 1 h: split, and overflow after 10 s.
  @Test func liveOverflowOverflows() throws {
    func run(_ mode: RoutingMode, _ wait: Double?) throws -> CallCounts {
      let live = LiveSimulation(model: try LiveSimulationTests.model())
      live.advance(until: 3600)
      try live.switchRouting(to: mode, overflowAfter: wait)
      #expect(live.snapshot().routing == mode)
      live.advance(until: live.horizon)
      return try live.finish().replications[0].byCallType[1]
    }
    let split = try run(.split, nil), overflow = try run(.overflow, 10)
    // Water calls: front may take them after 10 s, so fewer abandon than under split.
    #expect(overflow.abandoned < split.abandoned, "overflow \(overflow.abandoned), split \(split.abandoned)")
  }

  @Test func snapshotAddsUp() throws {
    let live = LiveSimulation(model: try LiveSimulationTests.model())
    for hour in stride(from: 1.0, through: 30, by: 1) {
      live.advance(until: hour * 3600)
      let s = live.snapshot()
      for q in s.queues {
        #expect(q.waiting >= 0 && q.longestWait >= 0)
        #expect(q.waiting > 0 || q.longestWait == 0)
        #expect(q.lastQuarterHour.answeredWithin <= q.lastQuarterHour.answered)
        #expect(q.lastQuarterHour.answered <= q.today.answered || hour.truncatingRemainder(dividingBy: 24) == 0)
      }
      let front = s.groups[0]
      #expect(front.talking + front.wrapUp + front.idle + front.onBreak + front.loggedOff == 14)
    }
  }
}
