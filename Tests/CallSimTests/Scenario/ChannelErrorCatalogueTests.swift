import CallSim
import Foundation
import Testing

/// The catalogue of bad inputs for channels (`channel`, `deadline`, a message type's own
/// `arrivals`, `agent_groups.NAME.reserve`): each case is a small change to a valid scenario
/// and the exact problems reported (as in ``ScenarioErrorCatalogueTests``).
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
          expected: ["bad.yaml:5: call_types.calls.deadline: only message types have deadline; add channel: message, or remove it"]),
    .init(name: "an unknown channel", replace: ("channel: message", "channel: fax"),
          expected: ["bad.yaml:6: call_types.texts.channel: expected one of phone, message, found 'fax'"]),
    .init(name: "a negative reserve", replace: ("reserve: 1", "reserve: -1"),
          expected: ["bad.yaml:8: agent_groups.team.reserve: expected a number of agents kept free for phone calls (messages wait while fewer are idle) from 0 to 1000000, found '-1'"]),
    .init(name: "a message type in the IVR menu",
          replace: ("reserve: 1}", "reserve: 1}\nivr: {duration: {dist: exponential, mean: 10s}, menu: {calls: 0.5, texts: 0.5}}"),
          expected: ["bad.yaml:9: ivr.menu.texts: a message type is not chosen in the voice menu (it has arrivals of its own); remove it"]),
  ]

  @Test(arguments: cases)
  func reportsExactly(_ c: ErrorCatalogue.Case) throws {
    try ErrorCatalogue.check(c, on: Self.valid)
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
