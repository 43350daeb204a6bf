import CallSim
import Foundation
import Testing

/// The catalogue of bad staffing inputs — shifts, roster, reinforcement, remote work,
/// absence, strike and timeline — each a small change to a valid scenario and the exact
/// problems reported (as in ``ScenarioErrorCatalogueTests``).
@Suite struct StaffingErrorCatalogueTests {
  static let valid = """
    scenario: roster
    simulation: {start: 2024-09-02, days: 7, warmup: 9h, replications: 2, seed: 7}
    arrivals: {per_hour: 60}
    call_types:
      traffic: {share: 0.6, handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}
      water: {share: 0.4, handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 3m}}
    agent_groups:
      traffic_team: {skills: [traffic, water]}
      water_team: {skills: [water], agents: 3}
    routing: {mode: split}
    shifts:
      day: {start: "09:00", end: "18:00", lunch: {window: "11:30-13:30", length: 1h}, breaks: {every: 2h, length: 10m}}
      night: {start: "18:00", end: "09:00", stagger: none}
    roster:
      - {group: traffic_team, shift: day, agents: 10, days: all}
      - {group: traffic_team, shift: night, agents: 3, days: all}
    reinforcement:
      - {days: [mon, fri], hours: "08:00-10:00", agents: 2, group: traffic_team}
    remote: {agents: 4, handle_factor: 1.04, availability: 0.97}
    absence: 0.07
    strike: {days: [2024-09-05], staffing_factor: 0.6}
    timeline:
      - {from: 2024-09-04, set: {routing.mode: integrated}}
    """

  typealias Case = ErrorCatalogue.Case

  static let cases: [Case] = [
    // roster and reinforcement
    Case(name: "roster line naming an unknown group, misspelt", replace: ("{group: traffic_team, shift: day", "{group: trafic_team, shift: day"),
         expected: ["bad.yaml:15: roster[0].group: 'trafic_team' is not an agent group; did you mean 'traffic_team'? (agent groups: traffic_team, water_team)"]),
    Case(name: "roster line naming an unknown shift", replace: ("shift: night, agents: 3", "shift: nihgt, agents: 3"),
         expected: ["bad.yaml:16: roster[1].shift: 'nihgt' is not a shift; did you mean 'night'? (shifts: day, night)"]),
    Case(name: "roster without shifts",
         replace: ("shifts:\n  day: {start: \"09:00\", end: \"18:00\", lunch: {window: \"11:30-13:30\", length: 1h}, breaks: {every: 2h, length: 10m}}\n  night: {start: \"18:00\", end: \"09:00\", stagger: none}\n", ""),
         expected: ["roster[0].shift: 'day' is not a shift: the scenario has no shifts (define it under shifts)",
                    "roster[1].shift: 'night' is not a shift: the scenario has no shifts (define it under shifts)"]),
    Case(name: "roster line without days", replace: ("agents: 3, days: all}", "agents: 3}"),
         expected: ["roster[1].days: missing; expected the days the line works: weekdays, weekends, all, holiday, mon…sun, dates, or a list"]),
    Case(name: "unknown day word", replace: ("agents: 3, days: all}", "agents: 3, days: [mon, weekdyas]}"),
         expected: ["bad.yaml:16: roster[1].days[1]: expected weekdays, weekends, all, holiday, a day mon…sun or a date YYYY-MM-DD (did you mean 'weekdays'?), found 'weekdyas'"]),
    Case(name: "impossible date in days", replace: ("agents: 3, days: all}", "agents: 3, days: 2024-02-30}"),
         expected: ["roster[1].days: expected weekdays, weekends, all, holiday, a day mon…sun or a date YYYY-MM-DD, found '2024-02-30'"]),
    Case(name: "negative roster agents", replace: ("agents: 3, days: all}", "agents: -3, days: all}"),
         expected: ["roster[1].agents: expected a number of agents from 0 to 1000000, found '-3'"]),
    Case(name: "unknown roster key", replace: ("agents: 3, days: all}", "agents: 3, days: all, dyas: all}"),
         expected: ["roster[1].dyas: unknown key; did you mean 'days'?"]),
    Case(name: "reinforcement hours that do not parse", replace: ("hours: \"08:00-10:00\"", "hours: \"8-10\""),
         expected: ["bad.yaml:18: reinforcement[0].hours: expected hours as \"HH:MM-HH:MM\" (such as \"08:00-10:00\"; an end at or before the start is on the next day), found '8-10'"]),
    Case(name: "reinforcement hours with minutes past 59", replace: ("hours: \"08:00-10:00\"", "hours: \"08:00-10:75\""),
         expected: ["reinforcement[0].hours: expected hours as \"HH:MM-HH:MM\""]),
    Case(name: "reinforcement for an unknown group", replace: ("agents: 2, group: traffic_team}", "agents: 2, group: sewer_team}"),
         expected: ["reinforcement[0].group: 'sewer_team' is not an agent group; did you mean 'water_team'? (agent groups: traffic_team, water_team)"]),
    Case(name: "more rostered agents than the limit",
         replace: ("agents: 10, days: all}\n  - {group: traffic_team, shift: night, agents: 3,", "agents: 600000, days: all}\n  - {group: traffic_team, shift: night, agents: 500000,"),
         expected: ["bad.yaml:15: roster: group 'traffic_team' has 1100002 agents on its roster and reinforcement lines, more than the limit of 1000000"]),
    // shifts
    Case(name: "start that does not parse", replace: ("{start: \"09:00\", end: \"18:00\"", "{start: \"9h\", end: \"18:00\""),
         expected: ["bad.yaml:12: shifts.day.start: expected a clock time HH:MM from 00:00 to 23:59, found '9h'"]),
    Case(name: "start at 24:00", replace: ("{start: \"09:00\", end: \"18:00\"", "{start: \"24:00\", end: \"18:00\""),
         expected: ["shifts.day.start: expected a clock time HH:MM from 00:00 to 23:59, found '24:00'"]),
    Case(name: "end at 25:00", replace: ("{start: \"09:00\", end: \"18:00\"", "{start: \"09:00\", end: \"25:00\""),
         expected: ["shifts.day.end: expected a clock time HH:MM from 00:00 to 24:00, found '25:00'"]),
    Case(name: "lunch window outside its shift", replace: ("window: \"11:30-13:30\"", "window: \"07:00-08:30\""),
         expected: ["bad.yaml:12: shifts.day.lunch.window: expected a lunch window inside the shift 09:00-18:00, found '07:00-08:30'"]),
    Case(name: "lunch window past the shift end", replace: ("window: \"11:30-13:30\"", "window: \"17:30-19:00\""),
         expected: ["shifts.day.lunch.window: expected a lunch window inside the shift 09:00-18:00, found '17:30-19:00'"]),
    Case(name: "lunch window shorter than the lunch", replace: ("window: \"11:30-13:30\"", "window: \"12:00-12:30\""),
         expected: ["shifts.day.lunch.window: expected a lunch window at least as long as the lunch (1h), found '12:00-12:30'"]),
    Case(name: "lunch window that does not parse", replace: ("window: \"11:30-13:30\"", "window: noon"),
         expected: ["shifts.day.lunch.window: expected a lunch window as \"HH:MM-HH:MM\" (such as \"11:30-13:30\"), found 'noon'"]),
    Case(name: "break as long as its interval", replace: ("breaks: {every: 2h, length: 10m}", "breaks: {every: 2h, length: 2h}"),
         expected: ["bad.yaml:12: shifts.day.breaks.length: expected a break of at most half its interval (every: 2h, so at most 1h): agents must spend at least as long on the phones as on breaks, found '2h'"]),
    // It passed `validate` and no target could be met: the agents were on the phones 1 s in 10 minutes.
    Case(name: "break of 9m59s every 10 minutes", replace: ("breaks: {every: 2h, length: 10m}", "breaks: {every: 10m, length: 9m59s}"),
         expected: ["bad.yaml:12: shifts.day.breaks.length: expected a break of at most half its interval (every: 10m, so at most 5m): agents must spend at least as long on the phones as on breaks, found '9m59s'"]),
    Case(name: "lunch of more than half the shift", replace: ("window: \"11:30-13:30\", length: 1h", "window: \"09:00-18:00\", length: 4h31m"),
         expected: ["shifts.day.lunch.length: expected a lunch of at most half the shift 09:00-18:00 (at most 4h30m): agents must spend at least as long on the phones as at lunch, found '4h31m'"]),
    Case(name: "bad stagger", replace: ("stagger: none", "stagger: often"),
         expected: ["shifts.night.stagger: expected a stagger step such as 15m (at most 24h), or none, found 'often'"]),
    // remote, absence, strike
    Case(name: "absence above 1", replace: ("absence: 0.07", "absence: 1.5"),
         expected: ["bad.yaml:20: absence: expected a share between 0 and 1 in 0…1, found '1.5'"]),
    Case(name: "remote share above 1", replace: ("remote: {agents: 4,", "remote: {share: 1.2,"),
         expected: ["remote.share: expected a share between 0 and 1 in 0…1, found '1.2'"]),
    Case(name: "remote availability 0", replace: ("availability: 0.97", "availability: 0"),
         expected: ["remote.availability: expected a share of scheduled time logged in, above 0 and at most 1, found '0'"]),
    Case(name: "remote with agents and share", replace: ("remote: {agents: 4,", "remote: {agents: 4, share: 0.5,"),
         expected: ["bad.yaml:19: remote: give agents (a number of remote agents) or share (a share of the rostered agents), not both"]),
    Case(name: "remote with neither agents nor share", replace: ("remote: {agents: 4,", "remote: {"),
         expected: ["remote: missing agents or share; expected agents: N (remote agents) or share: S (a share of the rostered agents)"]),
    Case(name: "more remote agents than rostered", replace: ("remote: {agents: 4,", "remote: {agents: 40,"),
         expected: ["remote.agents: expected at most the 15 rostered agents of the groups it covers (traffic_team), found '40'"]),
    Case(name: "remote agents of a group without roster lines",
         replace: ("water_team: {skills: [water], agents: 3}", "water_team: {skills: [water], agents: 3, remote: {share: 0.5}}"),
         expected: ["agent_groups.water_team.remote: remote agents are drawn from the roster, and no roster or reinforcement line names group 'water_team'"]),
    Case(name: "strike factor above 1", replace: ("staffing_factor: 0.6", "staffing_factor: 2"),
         expected: ["strike.staffing_factor: expected a share between 0 and 1 in 0…1, found '2'"]),
    Case(name: "strike day that is no date", replace: ("days: [2024-09-05]", "days: [friday]"),
         expected: ["strike.days[0]: expected a date as YYYY-MM-DD, found 'friday'"]),
    // groups
    Case(name: "group with agents and roster lines", replace: ("traffic_team: {skills: [traffic, water]}", "traffic_team: {skills: [traffic, water], agents: 5}"),
         expected: ["bad.yaml:8: agent_groups.traffic_team.agents: group 'traffic_team' is staffed by roster or reinforcement lines; remove agents here, or remove the lines that name it"]),
    Case(name: "group with neither agents nor roster lines", replace: ("water_team: {skills: [water], agents: 3}", "water_team: {skills: [water]}"),
         expected: ["agent_groups.water_team.agents: missing; expected the number of agents on duty, or {hourly: [24 numbers]}, or roster lines naming the group"]),
    // timeline
    Case(name: "timeline date before the start", replace: ("from: 2024-09-04", "from: 2024-08-30"),
         expected: ["bad.yaml:23: timeline[0].from: expected a date from 2024-09-03 to 2024-09-08 (after simulation.start, inside the horizon), found '2024-08-30'"]),
    Case(name: "timeline date on the start", replace: ("from: 2024-09-04", "from: 2024-09-02"),
         expected: ["timeline[0].from: expected a date from 2024-09-03 to 2024-09-08 (after simulation.start, inside the horizon), found '2024-09-02'"]),
    Case(name: "timeline date after the horizon", replace: ("from: 2024-09-04", "from: 2024-09-09"),
         expected: ["timeline[0].from: expected a date from 2024-09-03 to 2024-09-08"]),
    Case(name: "timeline out of date order",
         replace: ("  - {from: 2024-09-04, set: {routing.mode: integrated}}", "  - {from: 2024-09-04, set: {routing.mode: integrated}}\n  - {from: 2024-09-03, set: {absence: 0.1}}"),
         expected: ["bad.yaml:24: timeline[1].from: expected a date after the previous entry's 2024-09-04 (entries in date order), found '2024-09-03'"]),
    Case(name: "timeline changing a call type", replace: ("routing.mode: integrated", "call_types.traffic.handle.mean: 6m"),
         expected: ["bad.yaml:23: timeline[0].set.call_types.traffic.handle.mean: 'call_types' cannot change during a run (a timeline may set agents, agent_groups.NAME.agents, agent_groups.NAME.skills, agent_groups.NAME.remote, roster, reinforcement, remote, absence, strike, routing, shifts, call_cap)"]),
    Case(name: "timeline changing the calendar", replace: ("routing.mode: integrated", "simulation.holidays: [2024-09-06]"),
         expected: ["timeline[0].set.simulation.holidays: 'simulation' cannot change during a run"]),
    Case(name: "timeline changing the arrivals", replace: ("routing.mode: integrated", "arrivals.per_hour: 80"),
         expected: ["timeline[0].set.arrivals.per_hour: 'arrivals' cannot change during a run"]),
    Case(name: "timeline changing the IVR", replace: ("routing.mode: integrated", "ivr.hang_up: 0.1"),
         expected: ["timeline[0].set.ivr.hang_up: 'ivr' cannot change during a run"]),
    Case(name: "timeline changing the lines", replace: ("routing.mode: integrated", "trunks: 50"),
         expected: ["timeline[0].set.trunks: 'trunks' cannot change during a run"]),
    Case(name: "timeline setting an unknown key", replace: ("routing.mode: integrated", "routng.mode: integrated"),
         expected: ["timeline[0].set.routng.mode: 'routng' is not a scenario key that can change during a run; did you mean 'routing'? (a timeline may set"]),
    Case(name: "timeline replacing a whole group", replace: ("routing.mode: integrated", "agent_groups.water_team: {skills: [water], agents: 4}"),
         expected: ["timeline[0].set.agent_groups.water_team: 'agent_groups.water_team' cannot change as a whole during a run"]),
    Case(name: "timeline adding a group", replace: ("routing.mode: integrated", "agent_groups.sewer_team.agents: 4"),
         expected: ["timeline[0].set.agent_groups.sewer_team.agents: 'sewer_team' is not an agent group; did you mean 'water_team'? (agent groups: traffic_team, water_team; a timeline cannot add groups)"]),
    Case(name: "timeline changing a group's name key", replace: ("routing.mode: integrated", "agent_groups.water_team.priority: 1"),
         expected: ["timeline[0].set.agent_groups.water_team.priority: 'agent_groups.water_team.priority' cannot change during a run"]),
    Case(name: "timeline key path that does not parse", replace: ("routing.mode: integrated", "\"roster[x].agents\": 4"),
         expected: ["timeline[0].set.roster[x].agents: expected a list index as [N]"]),
    Case(name: "timeline list index past the end", replace: ("routing.mode: integrated", "\"roster[5].agents\": 4"),
         expected: ["timeline[0].set.roster[5].agents: cannot set 'roster[5]': 'roster' has 2 items in the base scenario (indices from 0)"]),
    Case(name: "bad value inside a timeline change", replace: ("routing.mode: integrated", "routing.mode: pooled"),
         expected: ["bad.yaml:23: timeline[0].set.routing.mode: expected one of split, integrated, overflow, found 'pooled' (from 2024-09-04)"]),
    Case(name: "timeline change that breaks another key",
         replace: ("routing.mode: integrated", "agent_groups.water_team.agents: 4, roster: [{group: water_team, shift: day, agents: 3, days: all}]"),
         expected: ["bad.yaml:23: timeline[0].set.agent_groups.water_team.agents: group 'water_team' is staffed by roster or reinforcement lines; remove agents here, or remove the lines that name it (from 2024-09-04)"]),
    Case(name: "timeline change breaking a key it does not set",
         replace: ("routing.mode: integrated", "roster: [{group: water_team, shift: day, agents: 3, days: all}]"),
         expected: ["bad.yaml:23: timeline[0]: from 2024-09-04, agent_groups.water_team.agents: group 'water_team' is staffed by roster or reinforcement lines"]),
    Case(name: "timeline without set", replace: ("{from: 2024-09-04, set: {routing.mode: integrated}}", "{from: 2024-09-04}"),
         expected: ["timeline[0].set: missing; expected the keys changed from that date, as {KEY.PATH: value, …}"]),
  ]

  @Test(arguments: cases)
  func reportsExactly(_ c: ErrorCatalogue.Case) throws {
    try ErrorCatalogue.check(c, on: Self.valid)
  }

  /// 365 changes of an hourly-staffed group over a ten-year horizon would keep 365 plans of
  /// 87,840 hours (703 kB each): past the timeline's 256 MB.
  @Test func aTimelineKeepingTooManyPlansIsRefused() throws {
    var timeline = "timeline:\n"
    for i in 0..<400 {
      timeline += "  - {from: \(CalendarDate(year: 2024, month: 9, day: 3)!.adding(days: i)), set: {agent_groups.water_team.agents: \(i + 4)}}\n"
    }
    let text = Self.valid.replacingOccurrences(of: "days: 7,", with: "days: 3660,")
      .replacingOccurrences(of: "timeline:\n  - {from: 2024-09-04, set: {routing.mode: integrated}}", with: timeline)
    let problems = try ScenarioFixture().problems(text)
    #expect(problems.count == 1, "\(problems)")
    #expect(problems.first?.contains(
      "bad.yaml:387: timeline[364]: the timeline's changed scenarios up to this entry would keep more than 256 MB of hourly staffing plans and roster lines in memory; use fewer entries, a shorter horizon, or groups staffed by roster lines rather than by the hour") == true, "\(problems)")
  }

  @Test func theValidScenarioIsValidWithoutWarnings() throws {
    let scenario = try ScenarioFixture().load("ok.yaml", Self.valid)
    #expect(scenario.warnings.isEmpty, "\(scenario.warnings)")
  }
}
