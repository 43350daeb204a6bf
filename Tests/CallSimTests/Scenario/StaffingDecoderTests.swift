import CallSim
import CallSimEngine
import Foundation
import Testing

/// The staffing keys decoded into the model: shifts, roster lines and their day sets,
/// reinforcement rules, remote work, absence, strike and the timeline.
@Suite struct StaffingDecoderTests {
  /// 2024-09-02 is a Monday; 2024-09-04 (a Wednesday) is a holiday.
  static let base = """
    scenario: roster
    simulation: {start: 2024-09-02, days: 7, warmup: 9h, replications: 2, seed: 7, holidays: [2024-09-04]}
    arrivals: {per_hour: 60, weekday: {holiday: 0.6}}
    call_types:
      traffic: {share: 0.6, handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}
      water: {share: 0.4, handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 3m}}
    agent_groups:
      traffic_team: {skills: [traffic, water]}
      water_team: {skills: [water]}
    routing: {mode: split}
    shifts:
      day: {start: "09:00", end: "18:00", lunch: {window: "11:30-13:30", length: 1h}, breaks: {every: 2h, length: 10m}}
      night: {start: "18:00", end: "09:00", stagger: none}
      late: {start: "18:00", end: "02:00", lunch: {window: "23:30-00:30", length: 30m}, stagger: 5m}
    roster:
      - {group: traffic_team, shift: day, agents: 10, days: weekdays}
      - {group: traffic_team, shift: night, agents: 4, days: all}
      - {group: water_team, shift: day, agents: 3, days: [holiday, sat]}
      - {group: water_team, shift: late, agents: 2, days: [2024-09-04, sun]}
      - {group: water_team, shift: night, agents: 5, days: all}
      - {group: traffic_team, shift: day, agents: 2, days: [weekends, holiday]}
      - {group: water_team, shift: day, agents: 1, days: [weekdays, sun]}

    """

  static func model(_ extra: String = "", replacing: (String, String)? = nil) throws -> CallCenterModel {
    var text = base + extra
    if let (a, b) = replacing { text = text.replacingOccurrences(of: a, with: b) }
    return try ScenarioFixture().load("s.yaml", text).model
  }

  @Test func shiftsDecodeWithLunchBreaksAndStagger() throws {
    let m = try Self.model()
    let day = m.roster.lines[0].shift
    #expect(day.name == "day" && day.start == 9 * 3600 && day.length == 9 * 3600)
    #expect(day.lunch == ShiftTemplate.Lunch(windowStart: 11.5 * 3600, windowEnd: 13.5 * 3600, length: 3600))
    #expect(day.breaks == ShiftTemplate.Breaks(every: 7200, length: 600))
    #expect(day.staggerStep == 900)
    // The worked example of staggering in docs/scenario-reference.md.
    func starts(_ k: Int, _ kind: ShiftTemplate.Pause.Kind) -> [Double] {
      day.pauses(agent: k).filter { $0.kind == kind }.map { $0.start / 3600 }
    }
    #expect(starts(0, .lunch) == [11.5] && starts(0, .shortBreak) == [11, 13, 15, 17])
    #expect(starts(4, .lunch) == [12.5] && starts(4, .shortBreak) == [11, 15, 17])
    #expect(starts(5, .lunch) == [11.5] && starts(5, .shortBreak) == [11.25, 13.25, 15.25, 17.25])
    let night = m.roster.lines[1].shift
    #expect(night.staggerStep == 0 && night.lunch == nil && night.breaks == nil)
  }

  @Test func aShiftEndingAtOrBeforeItsStartCrossesMidnight() throws {
    let m = try Self.model()
    let night = m.roster.lines[1].shift
    #expect(night.start == 18 * 3600 && night.end == 33 * 3600)
    // The lunch window's times before the shift start are on the next day.
    let late = m.roster.lines[3].shift
    #expect(late.end == 26 * 3600)
    #expect(late.lunch == ShiftTemplate.Lunch(windowStart: 23.5 * 3600, windowEnd: 24.5 * 3600, length: 1800))
    #expect(late.staggerStep == 300)
    // A shift from 09:00 to 09:00 lasts 24 hours.
    let whole = try Self.model(replacing: ("night: {start: \"18:00\", end: \"09:00\"", "night: {start: \"09:00\", end: \"09:00\""))
    #expect(whole.roster.lines[1].shift.length == 86_400)
  }

  @Test func daySetsFollowTheHolidayRule() throws {
    let m = try Self.model()
    let lines = m.roster.lines
    #expect(lines[0].days == .weekdays)
    #expect(lines[2].days == DaySet(weekdays: [.sat], holidays: true))
    #expect(lines[3].days == DaySet(weekdays: [.sun], dates: [CalendarDate(year: 2024, month: 9, day: 4)!]))
    func linesOnDuty(day: Int) -> Set<Int> { Set(m.duties(day: day).map(\.line)) }
    // Monday: weekdays and all.
    #expect(linesOnDuty(day: 0) == [0, 1, 4, 6])
    // Wednesday 2024-09-04, a holiday: the weekdays lines are off; all, holiday and the date are on.
    #expect(linesOnDuty(day: 2) == [1, 2, 3, 4, 5])
    // Saturday and Sunday.
    #expect(linesOnDuty(day: 5) == [1, 2, 4, 5])
    #expect(linesOnDuty(day: 6) == [1, 3, 4, 5, 6])
    // Agents are numbered per group in roster order: water_team's night line starts at 3 + 2.
    #expect(m.duties(day: 0).filter { $0.line == 4 }.map(\.agent) == Array(5..<10))
  }

  @Test func rosteredGroupsHaveAnEmptyHourlyPlan() throws {
    let m = try Self.model()
    for g in m.agentGroups {
      #expect(g.staffing.agentsByHour == Array(repeating: 0, count: 7 * 24))
    }
    #expect(m.rosteredAgents(group: 0) == 16 && m.rosteredAgents(group: 1) == 11)
    // Monday 10:00: the 10 day agents (pauses count as scheduled); Tuesday 03:00: 4 night agents.
    let scheduled = m.scheduledAgents()
    #expect(scheduled[0][10] == 10)
    #expect(scheduled[0][24 + 3] == 4)
  }

  @Test func reinforcementRulesBecomePauseFreeLines() throws {
    let m = try Self.model("""
      reinforcement:
        - {days: [mon, fri], hours: "08:00-10:00", agents: 20, group: traffic_team}
        - {days: weekdays, hours: "22:00 - 02:00", agents: 2, group: water_team}
      """)
    let rules = m.roster.lines.filter(\.isReinforcement)
    #expect(rules.count == 2 && m.roster.lines.count == 9)
    #expect(rules[0].group == 0 && rules[0].agents == 20 && rules[0].days == DaySet(weekdays: [.mon, .fri]))
    #expect(rules[0].shift.start == 8 * 3600 && rules[0].shift.length == 2 * 3600)
    #expect(rules[0].shift.lunch == nil && rules[0].shift.breaks == nil && rules[0].shift.pauses(agent: 7).isEmpty)
    #expect(rules[0].shift.name == "reinforcement 08:00-10:00")
    // Hours crossing midnight end on the next day.
    #expect(rules[1].shift.start == 22 * 3600 && rules[1].shift.end == 26 * 3600)
    #expect(rules[1].shift.name == "reinforcement 22:00-02:00")
    // Friday 08:00–09:00: the 20 reinforcements and Thursday's 4 night agents.
    #expect(m.scheduledAgents()[0][4 * 24 + 8] == 24)
    // Monday 08:00–09:00: the 20 reinforcements only (the horizon starts on Monday).
    #expect(m.scheduledAgents()[0][8] == 20)
  }

  @Test func aGroupStaffedOnlyByReinforcementNeedsNoAgents() throws {
    let m = try Self.model(
      "reinforcement:\n  - {days: all, hours: \"12:00-13:00\", agents: 3, group: helpers}\n",
      replacing: ("  water_team: {skills: [water]}\n", "  water_team: {skills: [water]}\n  helpers: {skills: [water]}\n"))
    #expect(m.agentGroups.map(\.name) == ["traffic_team", "water_team", "helpers"])
    #expect(m.agentGroups[2].staffing.peak == 0)
    #expect(m.roster.lines.last?.group == 2 && m.roster.lines.last?.isReinforcement == true)
    #expect(m.rosteredAgents(group: 2) == 3)
    #expect(m.scheduledAgents()[2][12] == 3 && m.scheduledAgents()[2][13] == 0)
  }

  @Test func topLevelRemoteCountIsSplitByLargestRemainder() throws {
    // 16 and 11 rostered agents: 5 remote give quotas 2.96 and 2.04, so 3 and 2.
    let m = try Self.model("remote: {agents: 5, handle_factor: 1.04, availability: 0.97, gap: {dist: exponential, mean: 5m}}\n")
    let r0 = try #require(m.agentGroups[0].remote)
    let r1 = try #require(m.agentGroups[1].remote)
    #expect(r0.count == .agents(3) && r1.count == .agents(2))
    #expect(r0.handleFactor == 1.04 && r0.availability == 0.97 && r0.gap == .exponential(mean: 300))
    // 12 split over 16 and 11: quotas 7.11 and 4.89, so 7 and 5.
    let even = try Self.model("remote: {agents: 12}\n")
    #expect(even.agentGroups.map { $0.remote?.count } == [.agents(7), .agents(5)])
    // Defaults: factor 1, always available, gaps of 10 minutes on average.
    #expect(even.agentGroups[0].remote?.handleFactor == 1 && even.agentGroups[0].remote?.availability == 1)
    #expect(even.agentGroups[0].remote?.gap == .exponential(mean: 600))
  }

  @Test func topLevelRemoteShareAppliesToEachGroupAndAGroupsOwnWins() throws {
    let shared = try Self.model("remote: {share: 0.5}\n")
    #expect(shared.agentGroups.map { $0.remote?.count } == [.share(0.5), .share(0.5)])
    let own = try Self.model(
      "remote: {agents: 6}\n", replacing: ("water_team: {skills: [water]}", "water_team: {skills: [water], remote: {agents: 1, handle_factor: 1.1}}"))
    // The top-level count goes to the groups without their own remote.
    #expect(own.agentGroups[0].remote?.count == .agents(6))
    #expect(own.agentGroups[1].remote?.count == .agents(1) && own.agentGroups[1].remote?.handleFactor == 1.1)
  }

  @Test func absenceAndStrikeDecode() throws {
    let m = try Self.model("absence: 0.07\nstrike: {days: [2024-09-05, 2024-09-06], staffing_factor: 0.6}\n")
    #expect(m.roster.absence == 0.07)
    let strike = try #require(m.strike)
    #expect(strike.staffingFactor == 0.6)
    #expect(strike.dates == [CalendarDate(year: 2024, month: 9, day: 5)!, CalendarDate(year: 2024, month: 9, day: 6)!])
    // Thursday 2024-09-05: 10 day agents × 0.6 = 6, 4 night agents × 0.6 = 2.4 → 2.
    #expect(m.duties(day: 3).filter { $0.line == 0 }.count == 6)
    #expect(m.duties(day: 3).filter { $0.line == 1 }.count == 2)
    #expect(m.duties(day: 2).filter { $0.line == 1 }.count == 4)
  }

  @Test func timelineChangesRemoteAgentsAndRoutingFromTheirDates() throws {
    let m = try Self.model("""
      timeline:
        - {from: 2024-09-04, set: {agent_groups.traffic_team.remote.agents: 9}}
        - {from: 2024-09-06, set: {routing.mode: integrated, absence: 0.1}}
      """,
      replacing: ("traffic_team: {skills: [traffic, water]}", "traffic_team: {skills: [traffic, water], remote: {agents: 2}}"))
    #expect(m.agentGroups[0].remote?.count == .agents(2))
    #expect(m.routing.mode == .split)
    #expect(m.timeline.map(\.fromDay) == [2, 4])
    let first = m.timeline[0].model
    #expect(first.agentGroups[0].remote?.count == .agents(9))
    #expect(first.routing.mode == .split && first.roster.absence == 0)
    #expect(first.timeline.isEmpty)
    // Cumulative: the second change keeps the first.
    let second = m.timeline[1].model
    #expect(second.agentGroups[0].remote?.count == .agents(9))
    #expect(second.routing.mode == .integrated && second.roster.absence == 0.1)
    #expect(m.model(onDay: 1).routing.mode == .split && m.model(onDay: 5).routing.mode == .integrated)
    // The rest of the model is the same.
    #expect(second.callTypes == m.callTypes && second.arrivals == m.arrivals && second.roster.lines == m.roster.lines)
  }

  @Test func scheduledAgentsAddUpTheDuties() throws {
    let m = try Self.model("""
      reinforcement: [{days: [mon, fri], hours: "08:30-10:15", agents: 7, group: traffic_team}]
      strike: {days: [2024-09-05], staffing_factor: 0.5}
      timeline: [{from: 2024-09-06, set: {"roster[1].agents": 6}}]
      """)
    var expected = m.agentGroups.map { _ in Array(repeating: 0.0, count: m.settings.hours) }
    for day in 0..<m.settings.days {
      for duty in m.duties(day: day) {
        let g = m.model(onDay: day).roster.lines[duty.line].group
        for h in 0..<m.settings.hours {
          let overlap = min(duty.end, Double(h + 1) * 3600) - max(duty.start, Double(h) * 3600)
          if overlap > 0 { expected[g][h] += overlap / 3600 }
        }
      }
    }
    let scheduled = m.scheduledAgents()
    for g in expected.indices {
      for h in expected[g].indices { #expect(abs(scheduled[g][h] - expected[g][h]) < 1e-9, "group \(g) hour \(h)") }
    }
    // Friday 2024-09-06 20:00: the timeline's 6 night agents.
    #expect(scheduled[0][4 * 24 + 20] == 6)
  }

  @Test func seedAndReplicationOverridesReachTheTimelinesModels() throws {
    var s = try ScenarioFixture().load("s.yaml", Self.base + "timeline: [{from: 2024-09-06, set: {absence: 0.1}}]\n")
    s.setSeed(99)
    try s.setReplications(3)
    #expect(s.model.timeline[0].model.settings == s.model.settings)
    #expect(s.model.timeline[0].model.settings.seed == 99 && s.model.timeline[0].model.settings.replications == 3)
  }

  @Test func timelineCanReplaceRosterLinesAndRemoveKeys() throws {
    let m = try Self.model("""
      remote: {share: 0.5}
      timeline:
        - {from: 2024-09-03, set: {"roster[0].agents": 12, remote: ~, shifts.day.start: "08:00"}}
      """)
    let changed = m.timeline[0].model
    #expect(changed.roster.lines[0].agents == 12 && changed.roster.lines[0].shift.start == 8 * 3600)
    #expect(changed.agentGroups.allSatisfy { $0.remote == nil })
    #expect(m.rosteredAgents(group: 0) == 18)
  }

  /// A group staffed by the hour before a date and by roster lines after it: the change
  /// removes its `agents` (`~`) and restates the roster with a line for it.
  @Test func timelineCanMoveAGroupFromHourlyStaffingToTheRoster() throws {
    let text = StaffingErrorCatalogueTests.valid.replacingOccurrences(
      of: "  - {from: 2024-09-04, set: {routing.mode: integrated}}",
      with: """
          - from: 2024-09-04
            set:
              agent_groups.water_team.agents: ~
              roster:
                - {group: traffic_team, shift: day, agents: 10, days: all}
                - {group: traffic_team, shift: night, agents: 3, days: all}
                - {group: water_team, shift: day, agents: 4, days: all}
        """)
    let m = try ScenarioFixture().load("s.yaml", text).model
    #expect(m.agentGroups[1].staffing.peak == 3 && !m.roster.staffs(group: 1))
    let changed = try #require(m.timeline.first?.model)
    #expect(changed.agentGroups[1].staffing.peak == 0 && changed.roster.agents(group: 1) == 4)
    #expect(m.rosteredAgents(group: 1) == 4)
    // Tuesday 10:00: 3 by the hour; Wednesday 10:00: the 4 rostered; Wednesday 20:00: nobody.
    let scheduled = m.scheduledAgents()
    #expect(scheduled[1][24 + 10] == 3 && scheduled[1][48 + 10] == 4 && scheduled[1][48 + 20] == 0)
  }

  @Test func warnsAboutHolidaysWithoutAHolidayFactor() throws {
    let s = try ScenarioFixture().load("s.yaml", Self.base.replacingOccurrences(of: ", weekday: {holiday: 0.6}", with: ""))
    let w = s.warnings.map(\.description)
    #expect(w == ["warning: \(s.file):2: simulation.holidays: holidays are listed but arrivals.weekday.holiday is not set: a holiday is its own day type, its calls use factor 1, and roster lines for weekdays, weekends or named days do not work on it"])
  }

  @Test func warnsAboutHoursWithNobodyOnDutyNamingThem() throws {
    // Without its night line the water team is away every night but Sunday's, and on the
    // holiday's early morning after its late shift: 5 × 15 + 7 counted hours.
    let s = try ScenarioFixture().load("s.yaml", Self.base.replacingOccurrences(of: "  - {group: water_team, shift: night, agents: 5, days: all}\n", with: ""))
    let w = s.warnings.map(\.description)
    #expect(w.count == 1, "\(w)")
    #expect(w.first == "warning: \(s.file):9: agent_groups.water_team: nobody who may take call type 'water' (home type of group 'water_team') is on duty in 82 counted hours when such calls arrive: 2024-09-02 18:00-2024-09-03 09:00, 2024-09-03 18:00-2024-09-04 09:00, 2024-09-05 02:00-09:00 and 3 more")
  }

  @Test func warnsAboutDatesOutsideTheHorizon() throws {
    let s = try ScenarioFixture().load(
      "s.yaml",
      Self.base.replacingOccurrences(of: "days: [2024-09-04, sun]", with: "days: [2024-09-04, sun, 2023-09-05, 2025-01-01]")
        + "strike: {days: [2024-09-05, 2024-10-05], staffing_factor: 0.6}\n")
    #expect(s.warnings.map(\.description) == [
      "warning: \(s.file):19: roster[3].days: 2023-09-05, 2025-01-01 are outside the simulated days (2024-09-02 to 2024-09-08) and never used",
      "warning: \(s.file):23: strike.days: 2024-10-05 is outside the simulated days (2024-09-02 to 2024-09-08) and never used",
    ])
  }

  @Test func theWarningListsUpToThreeRanges() throws {
    let s = try ScenarioFixture().load("s.yaml", Self.base.replacingOccurrences(of: "agents: 4, days: all}", with: "agents: 4, days: [sat]}"))
    let w = s.warnings.map(\.description)
    #expect(w.count == 1, "\(w)")
    #expect(w.first?.contains("agent_groups.traffic_team: nobody who may take call type 'traffic' (home type of group 'traffic_team') is on duty in ") == true)
    // Every night but Saturday's, and Sunday evening to the end of the horizon.
    #expect(w.first?.contains("is on duty in 81 counted hours when such calls arrive: 2024-09-02 18:00-2024-09-03 09:00, 2024-09-03 18:00-2024-09-04 09:00, 2024-09-04 18:00-2024-09-05 09:00 and 3 more") == true, "\(w)")
  }
}
