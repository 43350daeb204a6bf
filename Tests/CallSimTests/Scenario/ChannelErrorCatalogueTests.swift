import CallSim
import Foundation
import Testing

/// The catalogue of bad inputs for channels (`channel`, `deadline`, a chat or message type's
/// own `arrivals`, `agent_groups.NAME.reserve`, `chat_concurrency` and `chat_slowdown`):
/// each case is a small change to a valid scenario and the exact problems reported (as in
/// ``ScenarioErrorCatalogueTests``).
@Suite struct ChannelErrorCatalogueTests {
  static let valid = """
    scenario: channels
    simulation: {days: 2, warmup: 1h, replications: 2, seed: 7}
    arrivals: {per_hour: 60}
    call_types:
      calls: {handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}
      texts: {channel: message, arrivals: {per_hour: 20}, handle: {dist: exponential, mean: 4m}, deadline: 2h}
    agent_groups:
      team: {skills: [calls, texts], agents: 6, reserve: 1}
    """

  static let cases: [ErrorCatalogue.Case] = [
    .init(name: "a message type with patience", replace: ("deadline: 2h}", "deadline: 2h, patience: {dist: exponential, mean: 3m}}"),
          expected: ["bad.yaml:6: call_types.texts.patience: a message type has no patience (messages never abandon); remove it"]),
    .init(name: "a message type with a share", replace: ("channel: message,", "channel: message, share: 0.2,"),
          expected: ["bad.yaml:6: call_types.texts.share: a message type has no share (messages have their own arrivals, not a share of the phone inflow); remove it"]),
    .init(name: "a message type with a redial", replace: ("deadline: 2h}", "deadline: 2h, redial: {probability: 0.5, delay: {dist: exponential, mean: 5m}}}"),
          expected: ["bad.yaml:6: call_types.texts.redial: a message type has no redial (messages never abandon or meet a busy line); remove it"]),
    .init(name: "a call-back offer on a message type", replace: ("deadline: 2h}", "deadline: 2h, callback_offer: {after: 0s, accept: 1}}"),
          expected: ["bad.yaml:6: call_types.texts.callback_offer: a message type has no callback_offer (call-backs are offered to waiting callers); remove it"]),
    .init(name: "a message type without a deadline", replace: (", deadline: 2h}", "}"),
          expected: ["bad.yaml:6: call_types.texts.deadline: missing; expected the wait within which a message counts as answered on time, such as 4h"]),
    .init(name: "a negative deadline", replace: ("deadline: 2h", "deadline: -2h"),
          expected: ["bad.yaml:6: call_types.texts.deadline: expected a duration such as 45s, 3m30s, 1h or 2d (a bare number means seconds), found '-2h'"]),
    .init(name: "a message type without arrivals", replace: ("arrivals: {per_hour: 20}, ", ""),
          expected: ["bad.yaml:6: call_types.texts.arrivals: missing; expected the type's own arrivals: {per_hour: N} or {per_day: N, hourly: [24 weights]}"]),
    .init(name: "a message type's arrivals without a rate", replace: ("arrivals: {per_hour: 20}", "arrivals: {hourly: [1]}"),
          expected: ["bad.yaml:6: call_types.texts.arrivals: missing a rate; expected per_hour: N (calls per hour) or per_day: N with an hourly shape"]),
    .init(name: "a deadline on a phone type", replace: ("mean: 3m}}", "mean: 3m}, deadline: 1h}"),
          expected: ["bad.yaml:5: call_types.calls.deadline: only message types have a deadline; add channel: message, or remove it"]),
    .init(name: "an unknown channel", replace: ("channel: message", "channel: fax"),
          expected: ["bad.yaml:6: call_types.texts.channel: expected one of phone, chat, message, found 'fax'"]),
    .init(name: "a negative reserve", replace: ("reserve: 1", "reserve: -1"),
          expected: ["bad.yaml:8: agent_groups.team.reserve: expected a number of agents kept free for phone calls (messages wait while fewer are idle) from 0 to 1000000, found '-1'"]),
    .init(name: "a message type in the IVR menu",
          replace: ("reserve: 1}", "reserve: 1}\nivr: {duration: {dist: exponential, mean: 10s}, menu: {calls: 0.5, texts: 0.5}}"),
          expected: ["bad.yaml:9: ivr.menu.texts: a message type is not chosen in the voice menu (it has arrivals of its own); remove it"]),
  ]

  static let validChats = """
    scenario: chats
    simulation: {days: 2, warmup: 1h, replications: 2, seed: 7}
    arrivals: {per_hour: 60}
    call_types:
      calls: {handle: {dist: exponential, mean: 5m}}
      chats: {channel: chat, arrivals: {per_hour: 30}, handle: {dist: exponential, mean: 6m}, patience: {dist: exponential, mean: 4m}}
    agent_groups:
      team: {skills: [calls, chats], agents: 6, chat_concurrency: 3, chat_slowdown: [1, 1.3, 1.7]}
    """

  static let chatCases: [ErrorCatalogue.Case] = [
    .init(name: "a concurrency of 0", replace: ("chat_concurrency: 3", "chat_concurrency: 0"),
          expected: ["bad.yaml:8: agent_groups.team.chat_concurrency: expected the number of chats an agent holds at once from 1 to 100, found '0'"]),
    .init(name: "a slow-down list of the wrong length", replace: ("[1, 1.3, 1.7]", "[1, 1.3]"),
          expected: ["bad.yaml:8: agent_groups.team.chat_slowdown: expected 3 factors (one per number of chats held, up to chat_concurrency 3), found 2"]),
    .init(name: "a slow-down factor below 1", replace: ("[1, 1.3, 1.7]", "[1, 0.8, 1.7]"),
          expected: ["bad.yaml:8: agent_groups.team.chat_slowdown[1]: expected a slow-down factor of at least 1 (seconds per second of handle time) in 1…1000, found '0.8'"]),
    .init(name: "a call-back offer on a chat type", replace: ("mean: 4m}}", "mean: 4m}, callback_offer: {after: 30s, accept: 0.5}}"),
          expected: ["bad.yaml:6: call_types.chats.callback_offer: a chat type has no callback_offer (call-backs are offered to waiting callers); remove it"]),
    .init(name: "a deadline on a chat type", replace: ("mean: 4m}}", "mean: 4m}, deadline: 1h}"),
          expected: ["bad.yaml:6: call_types.chats.deadline: a chat type has no deadline (a chat is answered or abandons like a call; its service level follows targets); remove it"]),
    .init(name: "a chat type with a redial", replace: ("mean: 4m}}", "mean: 4m}, redial: {probability: 0.5, delay: {dist: exponential, mean: 5m}}}"),
          expected: ["bad.yaml:6: call_types.chats.redial: a chat type has no redial (a chat that leaves the queue does not come back); remove it"]),
    .init(name: "a chat type without arrivals", replace: ("arrivals: {per_hour: 30}, ", ""),
          expected: ["bad.yaml:6: call_types.chats.arrivals: missing; expected the type's own arrivals: {per_hour: N} or {per_day: N, hourly: [24 weights]}"]),
    .init(name: "arrivals on a phone type", replace: ("calls: {handle:", "calls: {arrivals: {per_hour: 5}, handle:"),
          expected: ["bad.yaml:5: call_types.calls.arrivals: only chat and message types have arrivals of their own; add channel: chat or message, or remove it"]),
  ]

  @Test(arguments: cases)
  func reportsExactly(_ c: ErrorCatalogue.Case) throws {
    try ErrorCatalogue.check(c, on: Self.valid)
  }

  @Test(arguments: chatCases)
  func reportsChatErrorsExactly(_ c: ErrorCatalogue.Case) throws {
    try ErrorCatalogue.check(c, on: Self.validChats)
  }

  @Test func theValidChatScenarioIsValid() throws {
    #expect(try ScenarioFixture().problems(Self.validChats).isEmpty)
  }

  @Test func theValidScenarioIsValid() throws {
    #expect(try ScenarioFixture().problems(Self.valid).isEmpty)
  }

  /// A center of messages alone needs no phone `arrivals`.
  @Test func messagesAloneNeedNoPhoneArrivals() throws {
    let text = Self.valid.replacingOccurrences(of: "arrivals: {per_hour: 60}\n", with: "")
      .replacingOccurrences(of: "  calls: {handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}\n", with: "")
      .replacingOccurrences(of: "[calls, texts]", with: "[texts]")
    #expect(try ScenarioFixture().problems(text).isEmpty)
  }
}
