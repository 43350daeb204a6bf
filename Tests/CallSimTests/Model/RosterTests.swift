import CallSim
import CallSimEngine
import Testing

/// Agents on the phones per 15-minute slot, against roster arithmetic worked by hand: a shift
/// crossing midnight, staggered lunches and breaks, a holiday, a reinforcement rule, a strike
/// day and a timeline change. No calls arrive, so nobody's pause is delayed by a call.
@Suite struct RosterTests {
  /// Follows every agent's log-ins and log-outs.
  struct AgentLog: CallObserver {
    /// (time seconds, +1 or −1).
    var steps: [(Double, Int)] = []
    var absences = 0
    mutating func observe(_ event: CallEvent, call: CallFacts, at time: Double) {}
    mutating func agentChanged(_ change: AgentChange, group: Int, agent: Int, at time: Double) {
      switch change {
      case .loggedIn: steps.append((time, 1))
      case .loggedOut: steps.append((time, -1))
      case .absent: absences += 1
      }
    }

    /// Agents logged in at `time` seconds.
    func onPhones(at time: Double) -> Int { steps.reduce(0) { $0 + ($1.0 <= time ? $1.1 : 0) } }
  }

  static func clock(_ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Double {
    Double(day * 86_400 + hour * 3600 + minute * 60 + second)
  }

  /// Fri 2024-09-06 to Mon 2024-09-09 (a holiday). Lines: `day` 09:00–18:00 (lunch 1 h in
  /// 11:30–13:30, 10-minute breaks every 2 h, 15-minute stagger) × 4 on weekdays; `night`
  /// 22:00–06:00 × 2 every day (× 3 from Sunday by the timeline); `day` × 1 on holidays;
  /// 3 reinforcement agents 08:00–10:00 on Fridays. Strike on Saturday: factor 0.5.
  static func model(absence: Double = 0, callsPerHour: Double = 0) throws -> CallCenterModel {
    let settings = SimulationSettings(
      start: CalendarDate(iso: "2024-09-06")!, days: 4, replications: 1, seed: 3,
      holidays: [CalendarDate(iso: "2024-09-09")!])
    let dayShift = try ShiftTemplate(
      name: "day", start: 9 * 3600, length: 9 * 3600,
      lunch: .init(windowStart: 11.5 * 3600, windowEnd: 13.5 * 3600, length: 3600),
      breaks: .init(every: 7200, length: 600), staggerStep: 900)
    let night = try ShiftTemplate(name: "night", start: 22 * 3600, length: 8 * 3600)
    let reinforcement = try ShiftTemplate(name: "reinforcement", start: 8 * 3600, length: 2 * 3600)
    func roster(nightAgents: Int) throws -> Roster {
      try Roster(
        lines: [
          RosterLine(group: 0, shift: dayShift, agents: 4, days: .weekdays),
          RosterLine(group: 0, shift: night, agents: nightAgents, days: .all),
          RosterLine(group: 0, shift: dayShift, agents: 1, days: DaySet(holidays: true)),
          RosterLine(group: 0, shift: reinforcement, agents: 3, days: DaySet(weekdays: [.fri]), isReinforcement: true),
        ], absence: absence)
    }
    let strike = try Strike(dates: [CalendarDate(iso: "2024-09-07")!], staffingFactor: 0.5)
    func build(_ roster: Roster, timeline: [DatedChange]) throws -> CallCenterModel {
      try CallCenterModel(
        name: "roster", settings: settings, arrivals: .constant(callsPerHour: callsPerHour, horizon: settings.horizon),
        callTypes: [CallType(name: "c", handle: .exponential(mean: 240), patience: .exponential(mean: 600))],
        agentGroups: [AgentGroup(name: "g", skills: [0], staffing: .constant(0, hours: settings.hours))],
        roster: roster, strike: strike, timeline: timeline)
    }
    let sunday = try build(roster(nightAgents: 3), timeline: [])
    return try build(roster(nightAgents: 2), timeline: [DatedChange(fromDay: 2, model: sunday)])
  }

  static func run(_ model: CallCenterModel) throws -> (log: AgentLog, result: ReplicationResult) {
    var simulation = CallCenterSimulation(model: model, replication: 0, observer: AgentLog())
    let result = try simulation.run()!
    return (simulation.observer, result)
  }

  @Test func agentsOnThePhonesPerSlotFollowTheRoster() throws {
    let (log, _) = try Self.run(try Self.model())
    // (day, hour, minute of the slot start, agents on the phones mid-slot)
    let expected: [(Int, Int, Int, Int)] = [
      // Friday: no night shift from Thursday (before the horizon).
      (0, 5, 45, 0),
      (0, 8, 0, 3),  // reinforcement only
      (0, 9, 0, 7),  // reinforcement + day line
      (0, 10, 0, 4),
      (0, 11, 0, 0),  // everyone's 11:00–11:10 break (k / 5 = 0: no break offset)
      (0, 11, 30, 3),  // lunches start 11:30, 11:45, 12:00, 12:15 (agent k at 11:30 + 15k min)
      (0, 11, 45, 2),
      (0, 12, 0, 1),
      (0, 12, 15, 0),
      (0, 12, 30, 1),  // agent 0 back at 12:30
      (0, 13, 0, 0),  // agents 0–2 on the 13:00 break (agent 2's lunch ended 13:00), agent 3 at lunch
      (0, 13, 15, 4),  // agent 3's 13:00 break overlapped its lunch: skipped
      (0, 15, 0, 0),
      (0, 17, 45, 4),
      (0, 18, 0, 0),
      (0, 22, 0, 2),  // Friday's night shift
      // Saturday (strike, factor 0.5): Friday's night shift runs to 06:00 in full.
      (1, 0, 0, 2), (1, 5, 45, 2), (1, 6, 0, 0),
      (1, 9, 0, 0),  // weekday lines do not apply
      (1, 22, 0, 1),  // 2 × 0.5
      // Sunday: the timeline makes the night line 3 agents.
      (2, 0, 0, 1), (2, 22, 0, 3),
      // Monday, a holiday: the weekday lines do not apply, the holiday line does.
      (3, 0, 0, 3), (3, 8, 0, 0), (3, 9, 0, 1), (3, 11, 0, 0), (3, 11, 30, 0), (3, 12, 30, 1), (3, 22, 0, 3),
    ]
    for (day, hour, minute, agents) in expected {
      let t = Self.clock(day, hour, minute) + 450
      #expect(log.onPhones(at: t) == agents, "day \(day) \(hour):\(minute) + 7.5 min")
    }
  }

  @Test func hourlyCountsAreTimeAveragesOfTheRoster() throws {
    let model = try Self.model()
    let (_, r) = try Self.run(model)
    // Friday 11:00–12:00: 4 agents less four 10-minute breaks, agent 0's lunch from 11:30
    // and agent 1's from 11:45.
    #expect(r.hourly[11].availableAgentSeconds == Double(4 * 60 - 40 - 30 - 15) * 60)
    #expect(r.hourly[11].scheduledAgentSeconds == 4 * 3600)
    // Friday 08:00–09:00: reinforcement; 09:00–10:00: reinforcement and the day line.
    #expect(r.hourly[8].scheduledAgentSeconds == 3 * 3600)
    #expect(r.hourly[9].scheduledAgentSeconds == 7 * 3600)
    // Saturday 03:00: Friday's full night line; Saturday 23:00: the struck one.
    #expect(r.hourly[24 + 3].scheduledAgentSeconds == 2 * 3600)
    #expect(r.hourly[24 + 23].scheduledAgentSeconds == 1 * 3600)
    #expect(r.hourly[48 + 23].scheduledAgentSeconds == 3 * 3600)
    // Paid: day line 4 × 8 h + reinforcement 3 × 2 h + night 2 × 8 h on Friday.
    let paidFriday = (0..<24).reduce(0.0) { $0 + r.hourlyByGroup[$1].paidAgentSeconds }
    #expect(paidFriday == (4 * 8 + 3 * 2 + 2 * 8) * 3600)
  }

  @Test func absentAgentsDoNotLogIn() throws {
    let model = try Self.model()
    let duties = (0..<4).reduce(0) { $0 + model.duties(day: $1).count }
    let (everyone, _) = try Self.run(try Self.model(absence: 1))
    #expect(everyone.absences == duties)
    #expect(everyone.steps.isEmpty)
    let (half, _) = try Self.run(try Self.model(absence: 0.5))
    #expect(half.absences > 0 && half.absences < duties)
  }

  /// Every answer and every agent change, as a trace would show them.
  struct Trace: CallObserver {
    var answers: [(agent: Int, time: Double, end: Double)] = []
    var changes: [Int: [(time: Double, change: AgentChange)]] = [:]
    mutating func observe(_ event: CallEvent, call: CallFacts, at time: Double) {
      if case .answered(_, let agent, _, _, let talk, let wrap) = event { answers.append((agent, time, time + talk + wrap)) }
    }
    mutating func agentChanged(_ change: AgentChange, group: Int, agent: Int, at time: Double) {
      changes[agent, default: []].append((time, change))
    }
  }

  /// An agent never takes a call while off shift, on a break or lunch, or absent; pauses
  /// start no earlier than planned and last their full length; nobody takes two calls at once.
  @Test func noCallIsTakenOffShiftOnAPauseOrAbsent() throws {
    let model = try Self.model(absence: 0.2, callsPerHour: 90)
    var simulation = CallCenterSimulation(model: model, replication: 0, observer: Trace())
    _ = try simulation.run()
    let trace = simulation.observer
    #expect(trace.answers.count > 100)
    let duties = (0..<model.settings.days).flatMap { day in model.duties(day: day).map { (day, $0) } }
    for (agent, time, _) in trace.answers {
      // Logged in: the agent's last change up to the answer is a log-in.
      let last = trace.changes[agent]?.last { $0.time <= time }
      guard case .loggedIn = last?.change else {
        Issue.record("agent \(agent) answered at \(time) s while logged out (\(String(describing: last)))")
        continue
      }
      // On a planned shift, outside its planned pauses, and not absent for it.
      let duty = duties.first { $0.1.agent == agent && $0.1.start <= time && time < $0.1.end }
      guard let (day, d) = duty else {
        Issue.record("agent \(agent) answered at \(time) s off shift")
        continue
      }
      let midnight = Double(day) * 86_400
      let line = model.model(onDay: day).roster.lines[d.line]
      for p in line.shift.pauses(agent: d.index) {
        #expect(!(midnight + p.start <= time && time < midnight + p.end), "agent \(agent) answered at \(time) s during a planned \(p.kind)")
      }
      let absent = trace.changes[agent]?.contains { $0.change == .absent && $0.time == d.start } ?? false
      #expect(!absent, "agent \(agent) answered at \(time) s on a shift it was absent from")
    }
    for (agent, changes) in trace.changes {
      let calls = trace.answers.filter { $0.agent == agent }.sorted { $0.time < $1.time }
      for (a, b) in zip(calls, calls.dropFirst()) { #expect(a.end <= b.time, "agent \(agent) in two calls at \(b.time) s") }
      // A pause starts at or after its planned start and lasts at least its length.
      for (out, back) in zip(changes, changes.dropFirst()) {
        guard case .loggedOut(let kind) = out.change, kind == .lunch || kind == .shortBreak, case .loggedIn = back.change else { continue }
        let length = kind == .lunch ? 3600.0 : 600.0
        #expect(back.time - out.time >= length - 1e-6, "agent \(agent)'s \(kind) from \(out.time) s ended early")
      }
    }
  }
}
