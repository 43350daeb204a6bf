/// A complete, validated description of one contact center and how to simulate it.
///
/// Built by the scenario layer from a YAML file, or directly from Swift (the initialisers
/// throw ``ModelError`` for values no center can have).
public struct CallCenterModel: Sendable, Equatable {
  public var name: String
  public var settings: SimulationSettings
  public var arrivals: ArrivalProfile
  public var callTypes: [CallType]
  /// The teams of agents, each with its skills and staffing plan.
  public var agentGroups: [AgentGroup]
  public var routing: Routing
  /// Lines to the number; a call arriving when all are held (IVR + waiting + talking) is
  /// blocked. `nil` means unlimited.
  public var trunks: Int?
  public var ivr: IVRStage?
  public var targets: Targets
  /// Shift rosters and reinforcement rules, for groups not staffed by the hour.
  public var roster: Roster
  public var strike: Strike?
  /// The model from later dates on, in date order (a scenario's `timeline`).
  public var timeline: [DatedChange]
  /// A limit on talk time; `nil` for none. A call type's own ``CallType/callCap`` replaces it.
  public var callCap: CallCap?
  /// Known abusive callers; `nil` for none.
  public var abusiveCallers: AbusiveCallers?
  /// How the planner may build weekly schedules for people and what an hour costs
  /// (`planning:`); `nil`: the planner schedules shift starts per date, without people.
  public var planning: PlanningRules?
  /// Call-backs offered to waiting callers (`callback_offer:`); `nil` for none. A call type's
  /// own ``CallType/callBackOffer`` replaces it.
  public var callBackOffer: CallBackOffer?

  public init(
    name: String, settings: SimulationSettings, arrivals: ArrivalProfile, callTypes: [CallType],
    agentGroups: [AgentGroup], routing: Routing = Routing(), trunks: Int? = nil, ivr: IVRStage? = nil,
    targets: Targets = Targets(), roster: Roster? = nil, strike: Strike? = nil, timeline: [DatedChange] = [],
    callCap: CallCap? = nil, abusiveCallers: AbusiveCallers? = nil
  ) throws(ModelError) {
    let roster = roster ?? Roster.empty
    try ModelError.require(!callTypes.isEmpty, "a model needs at least one call type")
    try ModelError.require(Set(callTypes.map(\.name)).count == callTypes.count, "call type names must differ")
    try ModelError.require(!agentGroups.isEmpty, "a model needs at least one agent group")
    try ModelError.require(Set(agentGroups.map(\.name)).count == agentGroups.count, "agent group names must differ")
    for g in agentGroups {
      try ModelError.require(
        g.staffing.agentsByHour.count == settings.hours,
        "group \(g.name)'s staffing plan covers \(g.staffing.agentsByHour.count) hours, not the \(settings.hours) of the horizon")
      try ModelError.require(
        g.skills.allSatisfy { callTypes.indices.contains($0) }, "group \(g.name) has a skill that names no call type")
    }
    try ModelError.require(
      Double(arrivals.callsPerHour.count) * arrivals.slotSeconds >= settings.horizon,
      "the arrival profile ends before the horizon")
    if let ivr {
      try ModelError.require(
        ivr.menuShares.count == callTypes.count && ivr.selfService.count == callTypes.count,
        "the IVR needs one menu share and one self-service share per call type")
    }
    try ModelError.require(trunks.map { $0 >= 1 } ?? true, "a model needs at least one line")
    for line in roster.lines {
      try ModelError.require(agentGroups.indices.contains(line.group), "a roster line names no agent group")
      let g = agentGroups[line.group]
      try ModelError.require(g.staffing.peak == 0, "group \(g.name) is staffed both by the hour and by roster lines")
    }
    for (i, g) in agentGroups.enumerated() where g.remote != nil {
      try ModelError.require(
        roster.staffs(group: i), "group \(g.name) has remote agents but no roster lines (remote agents are drawn from the roster)")
    }
    var previousDay = 0
    for change in timeline {
      let m = change.model
      try ModelError.require(
        change.fromDay > previousDay && change.fromDay < settings.days,
        "timeline changes must fall inside the horizon after its first day, in date order")
      previousDay = change.fromDay
      try ModelError.require(m.timeline.isEmpty, "a timeline change cannot have a timeline of its own")
      try ModelError.require(
        m.callTypes == callTypes && m.settings == settings && m.arrivals == arrivals && m.ivr == ivr && m.trunks == trunks,
        "a timeline change can change staffing and routing only, not the call types, calendar, arrivals, IVR or lines")
      try ModelError.require(
        m.agentGroups.map(\.name) == agentGroups.map(\.name), "a timeline change must keep the same agent groups")
      try ModelError.require(m.abusiveCallers == abusiveCallers, "a timeline change cannot change abusive callers")
    }
    for (i, t) in callTypes.enumerated() {
      if t.channel == .phone {
        try ModelError.require(t.arrivals == nil && t.deadline == nil, "phone type \(t.name) has arrivals or a deadline of its own (only non-phone types do)")
        continue
      }
      if t.channel == .message {
        try ModelError.require(t.deadline.map { $0.isFinite && $0 >= 0 } ?? false, "message type \(t.name) needs a deadline of 0 s or more")
        try ModelError.require(t.patience == nil, "message type \(t.name) cannot have patience (messages never abandon)")
      } else {
        try ModelError.require(t.deadline == nil, "chat type \(t.name) cannot have a deadline (only message types do)")
      }
      try ModelError.require(
        t.arrivals.map { Double($0.callsPerHour.count) * $0.slotSeconds >= settings.horizon } ?? false,
        "\(t.channel) type \(t.name) needs arrivals of its own covering the horizon")
      try ModelError.require(
        t.redial == nil && t.callCap == nil && t.callBackOffer == nil && t.share == 0,
        "\(t.channel) type \(t.name) cannot have redial, call_cap, callback_offer or a share of the phone inflow")
      try ModelError.require((ivr?.menuShares[i] ?? 0) == 0, "\(t.channel) type \(t.name) cannot be chosen in the IVR menu")
    }
    for g in agentGroups {
      try ModelError.require(g.reserve >= 0, "group \(g.name)'s reserve must be at least 0")
      try ModelError.require(g.chatConcurrency >= 1, "group \(g.name)'s chat_concurrency must be at least 1")
      try ModelError.require(
        g.chatSlowdown.isEmpty || (g.chatSlowdown.count == g.chatConcurrency && g.chatSlowdown.allSatisfy { $0.isFinite && $0 >= 1 }),
        "group \(g.name)'s chat_slowdown needs \(g.chatConcurrency) factors of at least 1 (one per number of chats held)")
    }
    if callTypes.contains(where: { $0.channel == .chat }) {
      // A chat's end event carries its agent's group in 10 bits (``ChatTimer``).
      try ModelError.require(agentGroups.count <= ChatTimer.maxGroups, "chats support at most \(ChatTimer.maxGroups) agent groups")
    }
    if callTypes.contains(where: { (($0.callCap ?? callCap)?.callBack ?? 0) > 0 }) {
      // A call-back's event carries the call type in 15 bits beside its call-back flag.
      try ModelError.require(callTypes.count <= 0x7fff, "call-backs support at most 32767 call types")
    }
    if let g = abusiveCallers?.routeTo {
      try ModelError.require(agentGroups.indices.contains(g), "abusive callers are routed to a group that does not exist")
      try ModelError.require(
        agentGroups[g].skills.isEmpty, "the abusive callers' group \(agentGroups[g].name) must have no skills (it takes only abusive callers)")
    }
    for (i, g) in agentGroups.enumerated() where g.skills.isEmpty {
      try ModelError.require(abusiveCallers?.routeTo == i, "group \(g.name) has no skills and takes no abusive callers: it could take no call")
    }
    self.name = name
    self.settings = settings
    self.arrivals = arrivals
    self.callTypes = callTypes
    self.agentGroups = agentGroups
    self.routing = routing
    self.trunks = trunks
    self.ivr = ivr
    self.targets = targets
    self.roster = roster
    self.strike = strike
    self.timeline = timeline
    self.callCap = callCap
    self.abusiveCallers = abusiveCallers
  }

  /// A model with one integrated group of generalists, named `agents`, who take every call
  /// type at the same speed: the single-pool model of `agents: N`.
  public init(
    name: String, settings: SimulationSettings, arrivals: ArrivalProfile, callTypes: [CallType],
    staffing: StaffingPlan, trunks: Int? = nil, ivr: IVRStage? = nil, targets: Targets = Targets()
  ) throws(ModelError) {
    try self.init(
      name: name, settings: settings, arrivals: arrivals, callTypes: callTypes,
      agentGroups: [AgentGroup(name: CallCenterModel.singleGroupName, skills: Array(callTypes.indices), staffing: staffing)],
      trunks: trunks, ivr: ivr, targets: targets)
  }

  /// A model with `agents` on duty all the time.
  public init(
    name: String, settings: SimulationSettings, arrivals: ArrivalProfile, callTypes: [CallType],
    agents: Int, trunks: Int? = nil, ivr: IVRStage? = nil, targets: Targets = Targets()
  ) throws(ModelError) {
    try self.init(
      name: name, settings: settings, arrivals: arrivals, callTypes: callTypes,
      staffing: .constant(agents, hours: settings.hours), trunks: trunks, ivr: ivr, targets: targets)
  }

  /// The targets of each call type: its own, or the model's.
  public var typeTargets: [Targets] { callTypes.map { $0.targets ?? targets } }

  /// The call-back offer of each call type: its own, or the model's (phone types only).
  public var callBackOffers: [CallBackOffer?] { callTypes.map { $0.channel == .phone ? $0.callBackOffer ?? callBackOffer : nil } }

  /// Whether some call type is a message type: the reports then have the
  /// ``Metric/Feature/messages`` outputs and the message metrics.
  public var hasMessages: Bool { callTypes.contains { $0.channel == .message } }

  /// Whether some call type is a chat type: `hourly_groups.csv` then has the chats per agent.
  public var hasChats: Bool { callTypes.contains { $0.channel == .chat } }

  /// Whether some call type is not a phone type: the reports then have a section per channel.
  public var hasOtherChannels: Bool { callTypes.contains { $0.channel != .phone } }

  /// The channels its call types use, in ``Channel/allCases`` order.
  public var channels: [Channel] { Channel.allCases.filter { c in callTypes.contains { $0.channel == c } } }

  /// Whether any call type's waiting callers are offered call-backs: the reports then have
  /// the ``ModelFeature/callBackOffers`` metrics.
  public var hasCallBackOffers: Bool { callBackOffers.contains { $0 != nil } }

  /// The call cap of each call type: its own, or the model's (phone types only).
  public var callCaps: [CallCap?] { callTypes.map { $0.channel == .phone ? $0.callCap ?? callCap : nil } }

  /// Whether any call type has a call cap (of any mode), here or from a timeline date on:
  /// `calls.csv` then has `capped`.
  public var hasCallCap: Bool { callCaps.contains { $0 != nil } || timeline.contains { $0.model.hasCallCap } }

  /// The name of the one group that `agents: N` describes.
  public static let singleGroupName = "agents"
}
