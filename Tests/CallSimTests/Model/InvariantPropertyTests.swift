import CallSim
import CallSimEngine
import PropertyBased
import Testing

/// Invariants over random small models (swift-property-based, with shrinking to the smallest
/// failing model): every call ends in exactly one outcome in every hour, no agent is in two
/// calls at once (busy time never exceeds logged-in time), waits are never negative, and the
/// thread count does not change the results; call-backs are completed or lost only once
/// accepted, and accepted only once offered; messages never abandon, and the backlog at the
/// last hour's end is the messages still waiting; no agent holds more chats than its group's
/// concurrency.
@Suite struct InvariantPropertyTests {
  /// A one-day model from generated numbers; `variant` switches IVR, wrap-up, redials, a
  /// staffing profile, call-back offers, a message type (with a reserve) and a chat type (1–3
  /// chats an agent, with slow-down) on and off.
  static func model(agents: Int, rate: Double, handle: Double, patience: Double, trunks: Int, variant: Int) throws -> CallCenterModel {
    let settings = SimulationSettings(days: 1, warmup: Double(variant % 3) * 3600, replications: 2, seed: UInt64(variant))
    let withIVR = variant & 1 == 1
    let withMessages = variant & 32 == 32
    let withChats = variant & 64 == 64
    var types = [
      CallType(
        name: "a", share: 0.7, handle: .exponential(mean: handle),
        wrapUp: variant & 2 == 2 ? .deterministic(15) : nil,
        patience: patience > 0 ? .exponential(mean: patience) : nil,
        redial: variant & 4 == 4 ? Redial(probability: 0.5, delay: .exponential(mean: 120)) : nil),
      CallType(name: "b", share: 0.3, handle: .deterministic(handle / 2), patience: .deterministic(max(1, patience))),
    ]
    if withMessages {
      types.append(CallType(name: "m", share: 0, handle: .exponential(mean: handle)))
      types[2].channel = .message
      types[2].deadline = Double(variant % 5) * 600
      types[2].arrivals = try .constant(callsPerHour: rate / 2, horizon: settings.horizon)
    }
    if withChats {
      var chat = CallType(name: "c", share: 0, handle: .exponential(mean: handle), patience: patience > 0 ? .exponential(mean: patience) : nil)
      chat.channel = .chat
      chat.arrivals = try .constant(callsPerHour: rate / 2, horizon: settings.horizon)
      types.append(chat)
    }
    let others = types.count - 2
    let staffing: StaffingPlan = try
      variant & 8 == 8
      ? .daily((0..<24).map { ($0 * 7 + variant) % (agents + 1) }, days: 1)
      : .constant(agents, hours: 24)
    var model = try CallCenterModel(
      name: "property", settings: settings, arrivals: .constant(callsPerHour: rate, horizon: settings.horizon),
      callTypes: types, staffing: staffing, trunks: trunks > 0 ? trunks : nil,
      ivr: withIVR
        ? IVRStage(
          duration: .exponential(mean: 30), menuShares: [0.6, 0.4] + Array(repeating: 0, count: others), hangUp: 0.1,
          selfService: [0.2, 0] + Array(repeating: 0, count: others))
        : nil)
    if withMessages { model.agentGroups[0].reserve = variant % 3 }
    if withChats {
      let k = 1 + variant % 3
      model.agentGroups[0].chatConcurrency = k
      model.agentGroups[0].chatSlowdown = variant & 2 == 2 ? (1...k).map { 1 + 0.4 * Double($0 - 1) } : []
    }
    if variant & 16 == 16 {
      model.callBackOffer = try CallBackOffer(
        after: Double(variant % 4) * 20, accept: 0.6, reach: 0.7, attempt: .deterministic(20), retries: variant % 3)
    }
    return model
  }

  @Test func invariantsHoldForRandomModels() async {
    await propertyCheck(
      count: 60,
      input: Gen.int(in: 0...8), Gen.double(in: 1...400), Gen.double(in: 5...900), Gen.double(in: 0...600),
      Gen.int(in: 0...30), Gen.int(in: 0...127)
    ) { agents, rate, handle, patience, trunks, variant in
      let model = try Self.model(agents: agents, rate: rate, handle: handle, patience: patience, trunks: trunks, variant: variant)
      guard let one = try SimulationRunner.run(model, threads: 1), let two = try SimulationRunner.run(model, threads: 2) else {
        Issue.record("the run returned no result")
        return
      }
      #expect(one.conservationErrors.isEmpty, "\(one.conservationErrors.prefix(2))")
      #expect(one.replications.map(\.hourly) == two.replications.map(\.hourly), "thread count changed the results")
      for r in one.replications {
        for hour in r.hourly {
          #expect(hour.busyAgentSeconds <= hour.availableAgentSeconds + 1e-6)
          #expect(hour.answeredWaitSeconds >= 0 && hour.abandonedWaitSeconds >= 0)
          #expect(hour.answeredWithinTarget <= hour.answered)
          #expect(hour.callBackReached + hour.callBackLost <= hour.callBackAccepted && hour.callBackAccepted <= hour.callBackOffered)
          #expect(hour.messagesOnTime <= hour.messageInflow && hour.messageInflow <= hour.inflow)
        }
        if model.hasMessages {
          let hours = r.hourly.count
          let waiting = (0..<hours).reduce(0.0) { $0 + r.counts(hour: $1, type: 2).inQueueAtEnd }
          #expect(r.counts(hour: hours - 1, type: 2).messageBacklog == waiting, "backlog at the end ≠ messages still waiting")
          #expect((0..<hours).allSatisfy { r.counts(hour: $0, type: 2).abandoned == 0 })
        }
        let group = r.byGroup[0]
        #expect(group.chatBusyAgentSeconds <= group.busyAgentSeconds + 1e-6)
        #expect(group.chatSeconds <= Double(model.agentGroups[0].chatConcurrency) * group.chatBusyAgentSeconds + 1e-6)
        #expect(group.chatSeconds >= group.chatBusyAgentSeconds - 1e-6)
        if model.hasChats && patience == 0 {
          #expect(r.byCallType[model.callTypes.count - 1].abandoned == 0, "chats without patience abandoned")
        }
      }
    }
  }
}
