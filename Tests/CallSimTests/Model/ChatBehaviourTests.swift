import CallSim
import Foundation
import Testing

/// What chats do, read from every answer and log-out of a replication: chats leave the phone
/// callers as they were (own arrivals, own substreams, no lines); an agent holding a chat
/// takes no phone call and one on a phone call takes no chat; no agent holds more chats than
/// its group's concurrency; and an agent due to leave (a break, a shift's end, an hourly plan
/// lowered) takes no new chat and leaves only when its chats have ended.
@Suite(.serialized) struct ChatBehaviourTests {
  /// Each agent's work, from the answers (without slow-down, a chat's end is its answer plus
  /// its handle and wrap-up) and its log-outs.
  struct AgentWork: CallObserver {
    struct Work { var start: Double, end: Double, chat: Bool }
    struct Agent: Hashable { var group: Int, agent: Int }
    let chatTypes: Set<Int>
    var work: [Agent: [Work]] = [:]
    var logOuts: [Agent: [Double]] = [:]

    mutating func observe(_ event: CallEvent, call: CallFacts, at time: Double) {
      guard case .answered(let g, let a, _, _, let talk, let wrap) = event else { return }
      work[Agent(group: g, agent: a), default: []].append(Work(start: time, end: time + talk + wrap, chat: chatTypes.contains(call.type)))
    }

    mutating func agentChanged(_ change: AgentChange, group: Int, agent: Int, at time: Double) {
      if case .loggedOut = change { logOuts[Agent(group: group, agent: agent), default: []].append(time) }
    }

    /// What breaks the rules, for agents holding up to `concurrency` chats.
    func problems(concurrency: Int) -> [String] {
      var out: [String] = []
      for (agent, items) in work {
        // Sweep the starts and ends in time order (an end before a start at the same time).
        let points = items.flatMap { [($0.start, 1, $0.chat), ($0.end, -1, $0.chat)] }
          .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        var chats = 0, phones = 0
        for (time, step, chat) in points {
          if chat { chats += step } else { phones += step }
          if phones > 1 || (phones > 0 && chats > 0) || chats > concurrency {
            out.append("\(agent) at \(time) s: \(phones) phone calls and \(chats) chats")
          }
        }
        for t in logOuts[agent] ?? [] where items.contains(where: { $0.start < t - 1e-9 && $0.end > t + 1e-9 }) {
          out.append("\(agent) logged out at \(t) s during its work")
        }
      }
      return out
    }
  }

  static func scenario(chats: String = "", groups: String, extra: String = "") -> String {
    let chatType = chats.isEmpty ? "" : """

        chat: {channel: chat, arrivals: \(chats), handle: {dist: exponential, mean: 6m}, patience: {dist: exponential, mean: 4m}}
      """
    return """
      scenario: chat-behaviour
      simulation: {days: 3, warmup: 2h, replications: 3, seed: 47}
      arrivals: {per_hour: 200}
      trunks: 30
      call_types:
        calls: {handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}, redial: {probability: 0.3, delay: {dist: exponential, mean: 10m}}}\(chatType)
      agent_groups:
      \(groups)
      routing: {mode: integrated}
      \(extra)
      """
  }

  static func run(_ yaml: String) throws -> RunResult {
    let result = try #require(try SimulationRunner.run(try Scenario.parse(text: yaml, file: "chats.yaml").model, threads: 2))
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(3))")
    return result
  }

  static func work(_ yaml: String) throws -> (AgentWork, ReplicationResult) {
    let model = try Scenario.parse(text: yaml, file: "chats.yaml").model
    let chatTypes = Set(model.callTypes.indices.filter { model.callTypes[$0].channel == .chat })
    var simulation = CallCenterSimulation(model: model, replication: 0, observer: AgentWork(chatTypes: chatTypes))
    let result = try #require(try simulation.run())
    return (simulation.observer, result)
  }

  /// Chats answered by a team of their own change no phone call, number for number.
  @Test func chatsOnTheirOwnTeamLeaveThePhonesAsTheyWere() throws {
    let phones = try Self.run(Self.scenario(groups: "  phone_team: {skills: [calls], agents: 18}"))
    let both = try Self.run(
      Self.scenario(
        chats: "{per_hour: 40}",
        groups: "  phone_team: {skills: [calls], agents: 18}\n  chat_team: {skills: [chat], agents: 3, chat_concurrency: 3, chat_slowdown: [1, 1.2, 1.5]}"))
    #expect(try #require(both.estimates(callType: 1)[.answered]?.mean) > 100, "too few chats for the check")
    #expect(phones.replications.map { $0.byCallType[0] } == both.replications.map { $0.byCallType[0] })
  }

  /// One team on the phones and chats, hourly staffing that falls and rises through the day:
  /// no agent mixes a phone call with a chat, holds more than 3 chats, or logs out mid-work.
  @Test func hourlyAgentsKeepTheChannelsApartAndLeaveWhenDone() throws {
    let hourly = (0..<24).map { [14, 9, 16, 7][$0 % 4] }
    let (work, result) = try Self.work(
      Self.scenario(chats: "{per_hour: 60}", groups: "  team: {skills: [calls, chat], agents: {hourly: \(hourly)}, chat_concurrency: 3}"))
    #expect(result.byCallType[1].answered > 300, "too few chats for the check")
    #expect(work.logOuts.values.reduce(0) { $0 + $1.count } > 20, "too few log-outs for the check")
    let problems = work.problems(concurrency: 3)
    #expect(problems.isEmpty, "\(problems.prefix(5))")
    #expect(result.byGroup[0].chatSeconds > 1.2 * result.byGroup[0].chatBusyAgentSeconds, "agents rarely held several chats")
  }

  /// Rostered agents with lunch and breaks: the same rules at every pause and shift end.
  @Test func rosteredAgentsTakeTheirPausesWhenTheirChatsEnd() throws {
    let (work, result) = try Self.work(
      Self.scenario(
        chats: "{per_hour: 60}", groups: "  team: {skills: [calls, chat], chat_concurrency: 2}",
        extra: """
          shifts:
            day: {start: "07:00", end: "16:00", lunch: {window: "11:00-13:00", length: 1h}, breaks: {every: 2h, length: 10m}}
            late: {start: "15:00", end: "07:00", breaks: {every: 3h, length: 15m}}
          roster:
            - {group: team, shift: day, agents: 14, days: all}
            - {group: team, shift: late, agents: 9, days: all}
          """))
    #expect(result.byCallType[1].answered > 300, "too few chats for the check")
    #expect(work.logOuts.values.reduce(0) { $0 + $1.count } > 50, "too few log-outs for the check")
    let problems = work.problems(concurrency: 2)
    #expect(problems.isEmpty, "\(problems.prefix(5))")
  }
}
