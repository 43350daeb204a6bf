import CallSim
import Foundation
import Testing

/// What messages do, read from the counts and the `--trace` rows of `calls.csv`: they leave
/// the phone callers as they were (own arrivals, own substreams, no lines), wait for the
/// phones and the group's reserve, count as on time within their deadline, and the backlog
/// at each hour's end is the messages that arrived and were not yet answered.
@Suite(.serialized) struct MessageBehaviourTests {
  /// Calls (with redials, on 30 lines) and, with `texts` (their arrivals), text messages,
  /// answered by `groups`.
  static func scenario(texts: String = "", groups: String, deadline: String = "1h") -> String {
    let textType = texts.isEmpty ? "" : """

        texts: {channel: message, arrivals: \(texts), handle: {dist: exponential, mean: 4m}, deadline: \(deadline)}
      """
    return """
      scenario: message-behaviour
      simulation: {days: 3, warmup: 2h, replications: 3, seed: 43}
      arrivals: {per_hour: 300}
      trunks: 30
      call_types:
        calls: {handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}, redial: {probability: 0.3, delay: {dist: exponential, mean: 10m}}}\(textType)
      agent_groups:
      \(groups)
      routing: {mode: integrated}
      """
  }

  /// One team of 27 taking calls and (with `texts`) texts, keeping `reserve` free.
  static func shared(texts: String = "", reserve: Int = 0, deadline: String = "1h") -> String {
    scenario(texts: texts, groups: "  team: {skills: [calls\(texts.isEmpty ? "" : ", texts")], agents: 27, reserve: \(reserve)}", deadline: deadline)
  }

  static func run(_ yaml: String) throws -> RunResult {
    let result = try #require(try SimulationRunner.run(try Scenario.parse(text: yaml, file: "messages.yaml").model, threads: 2))
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(3))")
    return result
  }

  static func mean(_ result: RunResult, _ metric: Metric, type: Int) throws -> Double {
    try #require(result.estimates(callType: type)[metric]?.mean, "\(metric)")
  }

  /// Texts answered by a team of their own change no phone call, number for number: they
  /// have their own arrivals and substreams and hold no line (with 30 lines, a text holding
  /// one would block calls).
  @Test func messagesOnTheirOwnTeamLeaveThePhonesAsTheyWere() throws {
    let phones = try Self.run(Self.scenario(groups: "  phone_team: {skills: [calls], agents: 24}"))
    let both = try Self.run(
      Self.scenario(texts: "{per_hour: 40}", groups: "  phone_team: {skills: [calls], agents: 24}\n  text_team: {skills: [texts], agents: 4}"))
    #expect(try Self.mean(both, .answered, type: 1) > 100, "too few texts for the check")
    #expect(phones.replications.map { $0.byCallType[0] } == both.replications.map { $0.byCallType[0] })
  }

  /// A reserve as large as the team keeps every text waiting: none is answered, all are the
  /// backlog, and the phones are exactly as without texts.
  @Test func aFullReserveAnswersNoMessage() throws {
    let without = try Self.run(Self.shared())
    let reserved = try Self.run(Self.shared(texts: "{per_hour: 20}", reserve: 27))
    #expect(try Self.mean(reserved, .answered, type: 1) == 0)
    #expect(try Self.mean(reserved, .inQueueAtEnd, type: 1) == Self.mean(reserved, .inflow, type: 1))
    #expect(without.replications.map { $0.byCallType[0] } == reserved.replications.map { $0.byCallType[0] })
  }

  /// A reserve trades the texts' response time for the phones' waits, and messages wait for
  /// phone calls: with the same agents, the texts wait longer than the calls.
  @Test func aReserveDelaysMessagesAndShortensPhoneWaits() throws {
    let none = try Self.run(Self.shared(texts: "{per_hour: 40}"))
    let two = try Self.run(Self.shared(texts: "{per_hour: 40}", reserve: 2))
    #expect(try Self.mean(two, .asaSeconds, type: 1) > Self.mean(none, .asaSeconds, type: 1))
    #expect(try Self.mean(two, .asaSeconds, type: 0) < Self.mean(none, .asaSeconds, type: 0))
    #expect(try Self.mean(none, .asaSeconds, type: 1) > Self.mean(none, .asaSeconds, type: 0))
  }

  /// On time means answered within the deadline: a deadline of 0 counts only the texts
  /// answered at once; a deadline beyond the horizon counts every text answered.
  @Test func onTimeFollowsTheDeadline() throws {
    let texts = "{per_hour: 40}"
    let zero = try Self.run(Self.shared(texts: texts, reserve: 1, deadline: "0s"))
    let hour = try Self.run(Self.shared(texts: texts, reserve: 1, deadline: "10m"))
    let never = try Self.run(Self.shared(texts: texts, reserve: 1, deadline: "100d"))
    let (z, h, n) = (try Self.mean(zero, .onTimeShare, type: 1), try Self.mean(hour, .onTimeShare, type: 1), try Self.mean(never, .onTimeShare, type: 1))
    #expect(z < h && h < n, "on time: \(z), \(h), \(n)")
    for r in never.replications {
      #expect(r.byCallType[1].messagesOnTime == r.byCallType[1].answered)
    }
    #expect(zero.estimates(callType: 0)[.onTimeShare]?.mean == nil, "a phone type has no on-time share")
  }

  /// A message's response time is its wait until answered: the texts' ASA, and overall the
  /// texts' alone, however long the calls wait; a phone type has none.
  @Test func responseIsTheMessagesWait() throws {
    let result = try Self.run(Self.shared(texts: "{per_hour: 40}", reserve: 1))
    let texts = try Self.mean(result, .asaSeconds, type: 1)
    #expect(try Self.mean(result, .responseSeconds, type: 1) == texts)
    let overall = try #require(result.estimates()[.responseSeconds]?.mean)
    #expect(abs(overall - texts) <= 1e-9 * texts, "overall \(overall), texts \(texts)")
    #expect(try Self.mean(result, .asaSeconds, type: 0) != texts)
    #expect(result.estimates(callType: 0)[.responseSeconds]?.mean == nil, "a phone type has no response time")
  }

  /// The backlog at each hour's end, recounted from the trace: texts that arrived by then and
  /// were not yet answered (`answered at` = arrival + wait). No warm-up: the trace starts after it.
  @Test func theHourlyBacklogIsTheMessagesWaiting() throws {
    let (model, result, rows) = try RoutingBehaviourTests.traced(
      Self.shared(texts: "{per_hour: 60}", reserve: 1).replacingOccurrences(of: "warmup: 2h", with: "warmup: 0s"))
    let hours = model.settings.hours
    for r in result.replications {
      let texts = rows.filter { $0.replication == r.replication && $0.type == "texts" }
      #expect(texts.count > 100, "too few texts for the check")
      #expect(texts.allSatisfy { $0.channel == "message" } && rows.filter { $0.type == "calls" }.allSatisfy { $0.channel == "phone" })
      for h in 0..<hours {
        let end = Double(h + 1) * 3600
        let waiting = texts.filter { t in t.arrival < end && (t.wait.map { t.arrival + $0 >= end } ?? true) }.count
        #expect(r.counts(hour: h, type: 1).messageBacklog == Double(waiting), "replication \(r.replication), hour \(h)")
      }
    }
  }

  /// The planner sizes phone queues only: a scenario with messages is refused, naming the type.
  @Test func thePlannerRefusesMessages() throws {
    let model = try Scenario.parse(text: Self.shared(texts: "{per_hour: 20}") + "\ntargets: {answer_rate: 0.9}\n", file: "m.yaml").model
    #expect {
      _ = try CapacityPlanner(model: model, options: PlanOptions())
    } throws: { error in
      (error as? PlanError)?.message.hasPrefix("call_types.texts is a message type: the planner plans phone calls only") == true
    }
  }
}
