import CallSimEngine
import Foundation

/// Turns the merged scenario tree into a ``CallCenterModel``, reporting every problem.
struct ScenarioDecoder {
  let diagnostics: ScenarioDiagnostics
  let folder: URL
  let allowOutside: Bool

  static let topKeys = [
    "scenario", "description", "simulation", "arrivals", "trunks", "ivr", "call_types", "agents", "agent_groups",
    "routing", "targets", "shifts", "roster", "reinforcement", "remote", "absence", "strike", "timeline", "call_cap",
    "callback_offer",
    "abusive_callers", "planning",
  ]
  static let maxDays = 3660
  static let maxReplications = 10_000

  var distributions: DistributionDecoder { DistributionDecoder(root: folder, allowOutside: allowOutside) }

  /// The model of the scenario tree `root`, with its `timeline`; `nil` after reporting every
  /// problem. With `isChange` the tree is one of the timeline's changed scenarios (it has no
  /// `timeline`), decoded without warnings.
  func decode(_ root: ScenarioField, isChange: Bool = false) -> CallCenterModel? {
    guard case .mapping = root.value else {
      root.expected("a mapping of scenario keys")
      return nil
    }
    guard let top = root.mapping(ScenarioDecoder.topKeys) else { return nil }

    let name = top.required("scenario", "the scenario's name")?.string()
    if let name, name.contains("/") || name.hasPrefix(".") {
      top["scenario"]?.expected("a name without '/' or a leading '.' (it names the results folder)")
    }
    _ = top["description"]?.string()
    let settings: SimulationSettings? = top.required("simulation", "{days: …, warmup: …, replications: …, seed: …}").flatMap(simulation)
    let decodedTypes = top.required("call_types", "a mapping of call type names to their handle times").flatMap { callTypes($0, settings: settings) }
    // Every section is decoded even when an earlier one failed, so that `validate` reports
    // every problem at once; only checks that need the failed part are skipped. The IVR
    // needs the call type names, known whenever `call_types` is a mapping.
    let names = decodedTypes?.types.map(\.name) ?? top["call_types"].flatMap(typeNames)
    let ivr = top["ivr"].flatMap { self.ivr($0, names: names) }
    var groups: [AgentGroup]?
    let rostered = ScenarioDecoder.rosteredGroupNames(top)
    var groupNames: [String]?
    if let groupsField = top["agent_groups"] {
      groups = agentGroups(
        groupsField, typeNames: names, settings: settings, rostered: rostered,
        abuseGroup: abusiveGroupName(top["abusive_callers"]))
      groupNames = groups?.map(\.name) ?? typeNames(groupsField)
      top["agents"]?.error("use either agents (one pool of generalists) or agent_groups, not both")
    } else if let agentsField = top.required("agents", "the number of agents on duty (or agent_groups)") {
      groupNames = [CallCenterModel.singleGroupName]
      if rostered.contains(CallCenterModel.singleGroupName) {
        agentsField.error("the one group of agents: N is staffed by the hour; to staff groups by roster or reinforcement lines, use agent_groups without agents")
      }
      groups = staffing(agentsField, settings: settings).flatMap { plan in
        names.map { [AgentGroup(name: CallCenterModel.singleGroupName, skills: Array($0.indices), staffing: plan)] }
      }
    }
    let staffing = self.staffing(top, groups: groups, groupNames: groupNames)
    let routing = top["routing"].map { self.routing($0, settings: settings, typeCount: names?.count) } ?? Routing()
    let trunks = top["trunks"].map { $0.integer(1...10_000_000, what: "a number of lines") }
    let targets = top["targets"].map { self.targets($0) } ?? Targets()
    if let targets, let types = decodedTypes?.types {
      checkTypeThresholds(types, targets: targets, field: top["call_types"])
    }
    let callCap = top["call_cap"].map(self.callCap)
    let offer = top["callback_offer"].map(callBackOffer)
    let abusive = top["abusive_callers"].map {
      // The names under agent_groups, read like the call types' names.
      abusiveCallers($0, groups: groups, groupNames: top["agent_groups"].flatMap(typeNames))
    }
    var types = decodedTypes?.types ?? []
    if let settings,
      let problem = RunMemoryEstimate(
        settings: settings, callTypes: max(1, names?.count ?? 1), groups: max(1, groups?.count ?? 1),
        chats: types.contains { $0.channel == .chat }
      ).problem
    {
      top["simulation"]?.error(problem)
    }
    if let shares = decodedTypes?.shares {
      if top.has("ivr") {
        for (t, share) in zip(types, shares) where share != nil {
          top["call_types"]?.error("call_types.\(t.name).share is not used when ivr.menu splits the inflow; remove it")
        }
        // With a menu, a type's share of the inflow is its menu share.
        for i in types.indices { types[i].share = ivr?.menuShares[i] ?? 0 }
        let menu = top["ivr"].flatMap { ivr -> ScenarioField? in
          guard case .mapping(let pairs, _) = ivr.value, let menu = pairs.first(where: { $0.key == "menu" }) else { return nil }
          return ScenarioField(value: menu.value, path: ivr.child("menu"), diagnostics: diagnostics)
        }
        for t in types where t.channel != .phone && t.share > 0 {
          let entry = menu?.entries()?.first { $0.key == t.name }?.field ?? top["ivr"]
          entry?.error("a \(t.channel) type is not chosen in the voice menu (it has arrivals of its own); remove it")
        }
      } else {
        checkShares(&types, given: shares, field: top["call_types"])
      }
    }
    let arrivals = phoneArrivals(top, types: decodedTypes?.types, settings: settings)
    if let groups, let routing {
      checkServed(types: types, groups: groups, routing: routing, field: top["agent_groups"] ?? top["routing"] ?? root)
    }
    let timeline = top["timeline"].map { self.timeline($0, settings: settings, groupNames: groupNames) }
    let planning = top["planning"].map { self.planning($0, groupNames: groupNames) }
    guard let name, let settings, decodedTypes != nil, groups != nil, let routing, let arrivals, let targets, let staffing,
      timeline.map({ $0 != nil }) ?? true, planning != .some(nil), callCap != .some(nil), offer != .some(nil), abusive != .some(nil),
      !diagnostics.hasErrors
    else { return nil }
    let built = root.build { () throws(ModelError) in
      try CallCenterModel(
        name: name, settings: settings, arrivals: arrivals, callTypes: types, agentGroups: staffing.groups, routing: routing,
        trunks: trunks ?? nil, ivr: ivr, targets: targets, roster: staffing.roster, strike: staffing.strike,
        callCap: callCap ?? nil, abusiveCallers: abusive ?? nil)
    }
    guard var model = built else { return nil }
    model.planning = planning ?? nil
    model.callBackOffer = offer ?? nil
    if let entries = timeline ?? nil, let timelineField = top["timeline"] {
      guard let changes = self.changes(entries, tree: root.value, model: model) else { return nil }
      guard let withTimeline = timelineField.build({ () throws(ModelError) in try model.with(timeline: changes) }) else { return nil }
      model = withTimeline
    }
    if !isChange {
      let groupsField = top["agents"] ?? top["agent_groups"]
      warnAboutLoad(model, field: groupsField)
      warnAboutHolidays(top)
      warnAboutDatesOutsideTheHorizon(model, top: top)
      if let groupsField { warnAboutEmptyHours(model, field: groupsField) }
    }
    return model
  }

  // MARK: - simulation

  func simulation(_ field: ScenarioField) -> SimulationSettings? {
    guard let map = field.mapping(["start", "days", "warmup", "replications", "seed", "holidays", "generator"]) else { return nil }
    let start = map["start"].map { $0.date() } ?? CalendarDate(year: 2024, month: 1, day: 1)
    let days = map.required("days", "the number of simulated days")?.integer(1...ScenarioDecoder.maxDays, what: "a number of days")
    let warmup = map["warmup"].map { $0.duration(allowZero: true) } ?? 0
    let replications = map["replications"].map { $0.integer(1...ScenarioDecoder.maxReplications, what: "a number of replications") } ?? 10
    let seed = map["seed"].map { f -> UInt64? in
      guard let s = f.scalar, let v = UInt64(s) else { f.expected("a whole number ≥ 0"); return nil }
      return v
    } ?? 1
    var holidays: Set<CalendarDate> = []
    if let list = map["holidays"]?.list() {
      for item in list { if let d = item.date() { holidays.insert(d) } }
    }
    let generator = map["generator"].map { $0.oneOf(RandomStreamSet.Algorithm.self) } ?? .mt19937
    guard let start, let days, let warmup, let replications, let seed, let generator else { return nil }
    if warmup >= Double(days) * 86_400 {
      map["warmup"]?.expected("a warm-up shorter than the \(days)-day horizon")
      return nil
    }
    let settings = SimulationSettings(
      start: start, days: days, warmup: warmup, replications: replications, seed: seed, holidays: holidays,
      generator: generator)
    // Counting starts at the warm-up rounded up to a whole hour: a warm-up just short of
    // the horizon would leave nothing counted, and a run that counts nothing is no answer.
    if settings.firstMeasuredHour >= settings.hours {
      map["warmup"]?.expected("a warm-up that leaves at least one whole counted hour of the \(days)-day horizon (it is rounded up to a whole hour)")
      return nil
    }
    return settings
  }

  // MARK: - agents

  /// `agents: N` (on duty all the time) or `agents: {hourly: [24 numbers]}` (on duty in each
  /// hour of the day, every day).
  func staffing(_ field: ScenarioField, settings: SimulationSettings?) -> StaffingPlan? {
    let what = "a number of agents"
    if field.scalar != nil {
      guard let n = field.integer(0...1_000_000, what: what), let settings else { return nil }
      return field.build { () throws(ModelError) in try .constant(n, hours: settings.hours) }
    }
    guard let map = field.mapping(["hourly"], what: "a number of agents, or {hourly: [24 numbers]}"),
      let list = map.required("hourly", "24 numbers of agents, one per hour from midnight")?.list()
    else { return nil }
    guard list.count == 24 else {
      map["hourly"]?.error("expected 24 numbers of agents (one per hour from midnight), found \(list.count)")
      return nil
    }
    let counts = list.map { $0.integer(0...1_000_000, what: what) }
    guard let settings, counts.allSatisfy({ $0 != nil }) else { return nil }
    return field.build { () throws(ModelError) in try .daily(counts.map { $0! }, days: settings.days) }
  }

  // MARK: - call types

  /// The call types, and the `share` each gave (`nil` where none was written).
  static let callTypeKeys = [
    "share", "handle", "wrap_up", "patience", "redial", "priority", "call_cap", "targets", "callback_offer", "channel",
    "deadline", "arrivals",
  ]
  /// Keys a message type may not have, and why.
  static let messageRefusedKeys = [
    ("share", "messages have their own arrivals, not a share of the phone inflow"),
    ("patience", "messages never abandon"), ("redial", "messages never abandon or meet a busy line"),
    ("call_cap", "call caps limit phone talk"), ("callback_offer", "call-backs are offered to waiting callers"),
  ]
  /// Keys a chat type may not have, and why.
  static let chatRefusedKeys = [
    ("share", "chats have their own arrivals, not a share of the phone inflow"),
    ("redial", "a chat that leaves the queue does not come back"), ("call_cap", "call caps limit phone talk"),
    ("callback_offer", "call-backs are offered to waiting callers"),
    ("deadline", "a chat is answered or abandons like a call; its service level follows targets"),
  ]

  func callTypes(_ field: ScenarioField, settings: SimulationSettings?) -> (types: [CallType], shares: [Double?])? {
    guard let entries = field.entries(what: "a mapping of call type names to their settings") else { return nil }
    guard !entries.isEmpty else { field.expected("at least one call type"); return nil }
    var types: [CallType] = []
    var shares: [Double?] = []
    var ok = true
    for (name, f) in entries {
      if !ScenarioDecoder.isName(name) {
        f.error("call type names may use letters, digits, '_' and '-' only")
        ok = false
        continue
      }
      guard let map = f.mapping(ScenarioDecoder.callTypeKeys) else {
        ok = false
        continue
      }
      let share = map["share"].map { $0.share() }
      let handle = map.required("handle", "a talk-time distribution such as {dist: exponential, mean: 5m}").flatMap { distributions.decode($0) }
      let wrap = map["wrap_up"].map { distributions.decode($0) }
      let patience = map["patience"].map { distributions.decode($0) }
      let redial = map["redial"].map(self.redial)
      let priority = map["priority"].map { $0.integer(-1_000_000...1_000_000, what: "a whole-number priority (lower is served first)") } ?? 0
      let cap = map["call_cap"].map(callCap)
      let ownTargets = map["targets"].map { self.targets($0, ofType: true) }
      let offer = map["callback_offer"].map(callBackOffer)
      let channel = map["channel"].map { $0.oneOf(Channel.self) } ?? .phone
      var deadline: Double?? = nil
      var ownArrivals: ArrivalProfile?? = nil
      if channel == .phone {
        for key in ["deadline", "arrivals"] where map.has(key) {
          map[key]!.error(key == "deadline" ? "only message types have a deadline; add channel: message, or remove it" : "only chat and message types have arrivals of their own; add channel: chat or message, or remove it")
          ok = false
        }
      } else if let channel {
        for (key, why) in channel == .chat ? ScenarioDecoder.chatRefusedKeys : ScenarioDecoder.messageRefusedKeys where map.has(key) {
          map[key]!.error("a \(channel) type has no \(key) (\(why)); remove it")
          ok = false
        }
        if channel == .message {
          deadline = map.required("deadline", "the wait within which a message counts as answered on time, such as 4h").map { $0.duration(allowZero: true) }
        }
        ownArrivals = map.required("arrivals", "the type's own arrivals: {per_hour: N} or {per_day: N, hourly: [24 weights]}").map {
          arrivals($0, settings: settings)
        }
      }
      guard share != .some(nil), let handle, wrap != .some(nil), patience != .some(nil), redial != .some(nil), let priority,
        cap != .some(nil), ownTargets != .some(nil), offer != .some(nil), let channel, deadline != .some(nil), ownArrivals != .some(nil),
        channel == .phone || ((channel == .chat || deadline != nil) && ownArrivals != nil)
      else {
        ok = false
        continue
      }
      types.append(
        CallType(
          name: name, share: 0, handle: handle, wrapUp: wrap ?? nil, patience: patience ?? nil, redial: redial ?? nil,
          priority: priority, callCap: cap ?? nil, targets: ownTargets ?? nil))
      types[types.count - 1].callBackOffer = offer ?? nil
      types[types.count - 1].channel = channel
      types[types.count - 1].deadline = deadline ?? nil
      types[types.count - 1].arrivals = ownArrivals ?? nil
      shares.append(share ?? nil)
    }
    return ok ? (types, shares) : nil
  }

  /// The names under `call_types` when it is a mapping, valid or not (for the IVR's checks
  /// when some call type failed to decode); reports nothing itself.
  func typeNames(_ field: ScenarioField) -> [String]? {
    guard case .mapping(let pairs, _) = field.value else { return nil }
    return pairs.map(\.key)
  }

  func redial(_ field: ScenarioField) -> Redial? {
    guard let map = field.mapping(["probability", "delay"]) else { return nil }
    let p = map.required("probability", "the share of abandoned or blocked callers who call again")?.share()
    let delay = map.required("delay", "a distribution of the time before calling again").flatMap { distributions.decode($0) }
    guard let p, let delay else { return nil }
    // Every abandoned or blocked caller calling again at the same instant could cycle there
    // forever (patience 0 or no free line, and the clock never moves). A redial at the same
    // instant happens with probability p·P(delay = 0); refusing p = 1 with P(delay = 0) > 0
    // keeps that below 1, so each chain of same-instant redials ends (it is geometric).
    if p == 1 && delay.hasPointMassAtZero {
      map["delay"]?.error("with probability 1 the redial delay must not be 0 with positive probability (a deterministic 0, a uniform on [0, 0], an observed 0 or a component that is): callers could call again at the same instant forever; give a delay above 0 or a probability below 1")
      return nil
    }
    return Redial(probability: p, delay: delay)
  }

  /// The top-level `arrivals` of the phone types; a scenario of messages alone may leave it
  /// out (no phone calls arrive then).
  func phoneArrivals(_ top: ScenarioMapping, types: [CallType]?, settings: SimulationSettings?) -> ArrivalProfile? {
    let hasPhones = types?.contains { $0.channel == .phone } ?? true
    if !hasPhones && !top.has("arrivals"), let settings {
      return try? ArrivalProfile.constant(callsPerHour: 0, horizon: settings.horizon)
    }
    return top.required("arrivals", "{per_hour: N} or {per_day: N, hourly: [24 weights]}").flatMap { self.arrivals($0, settings: settings) }
  }

  /// Without an IVR the `share`s split the phone inflow: one phone type takes it all;
  /// several must each give a share, summing to 1. Non-phone types have arrivals of their own.
  func checkShares(_ types: inout [CallType], given shares: [Double?], field: ScenarioField?) {
    let phones = types.indices.filter { types[$0].channel == .phone }
    guard !phones.isEmpty else { return }
    if phones.count == 1 {
      let i = phones[0]
      types[i].share = shares[i] ?? 1
      if types[i].share != 1 { field?.error("call_types.\(types[i].name).share must be 1 when there is one call type") }
      return
    }
    let missing = phones.filter { shares[$0] == nil }.map { types[$0].name }
    if !missing.isEmpty {
      field?.error("with several call types and no ivr, every type needs a share; missing for: \(missing.joined(separator: ", "))")
      return
    }
    for i in phones { types[i].share = shares[i]! }
    let sum = types.reduce(0) { $0 + $1.share }
    if abs(sum - 1) > 1e-6 {
      field?.error("call type shares must sum to 1, found \(sum)")
    }
  }

  // MARK: - IVR

  /// The IVR; `names` are the call types' names, `nil` when `call_types` could not be read
  /// (then the shares are checked but not matched to types).
  func ivr(_ field: ScenarioField, names: [String]?) -> IVRStage? {
    guard let map = field.mapping(["duration", "menu", "hang_up", "self_service"]) else { return nil }
    let duration = map.required("duration", "a distribution of time in the menu").flatMap { distributions.decode($0) }
    let menu = map.required("menu", "the share of callers choosing each call type").flatMap { perType($0, names: names) }
    let hangUp = map["hang_up"].map { $0.share() } ?? 0
    let selfService = map["self_service"].map { perType($0, names: names) } ?? names.map { Array(repeating: 0, count: $0.count) }
    guard let duration, let menu, let hangUp, let selfService else { return nil }
    let sum = menu.reduce(0, +)
    if abs(sum - 1) > 1e-6 {
      map["menu"]?.error("menu shares must sum to 1, found \(sum)")
      return nil
    }
    return IVRStage(duration: duration, menuShares: menu, hangUp: hangUp, selfService: selfService)
  }

  /// A mapping from call type names to shares; unknown names are reported. Without `names`
  /// (the call types could not be read) the shares are checked and `nil` returned.
  func perType(_ field: ScenarioField, names: [String]?) -> [Double]? {
    guard let entries = field.entries() else { return nil }
    guard let names else {
      for (_, f) in entries { _ = f.share() }
      return nil
    }
    var shares = Array(repeating: 0.0, count: names.count)
    // An index, not a search of `names`: thousands of types and entries would be quadratic.
    let index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var ok = true
    for (key, f) in entries {
      guard let i = index[key] else {
        f.unknownCallType(key, among: names)
        ok = false
        continue
      }
      if let v = f.share() { shares[i] = v } else { ok = false }
    }
    return ok ? shares : nil
  }

  /// Names for a message: the first ten, then how many more, so that a message stays one
  /// readable line (and thousands of messages do not each list thousands of names).
  static func list(_ names: [String]) -> String {
    let shown = names.prefix(10).joined(separator: ", ")
    return names.count > 10 ? "\(shown) and \(names.count - 10) more" : shown
  }

  // MARK: - targets

  /// `targets`, or with `ofType` a call type's own `targets` (no `judged`: the level is the
  /// plan's); a type's `service_level.within` is checked against the scenario's in ``decode(_:isChange:)``.
  func targets(_ field: ScenarioField, ofType: Bool = false) -> Targets? {
    let keys = ["service_level", "answer_rate", "max_occupancy"] + (ofType ? [] : ["judged"])
    guard let map = field.mapping(keys) else { return nil }
    var targets = Targets()
    if let j = map["judged"] {
      guard let level = j.oneOf(TargetLevel.self) else { return nil }
      targets.judged = level
    }
    if let sl = map["service_level"] {
      guard let m = sl.mapping(["within", "share"]) else { return nil }
      if let w = m["within"] { guard let v = w.duration(allowZero: true) else { return nil }; targets.serviceLevelWithin = v }
      if let s = m["share"] { guard let v = s.share() else { return nil }; targets.serviceLevelShare = v }
    }
    if let a = map["answer_rate"] { guard let v = a.share() else { return nil }; targets.answerRate = v }
    if let o = map["max_occupancy"] { guard let v = o.share() else { return nil }; targets.maxOccupancy = v }
    return targets
  }

  // MARK: - load check

  /// Warns when the offered work exceeds the agents and callers never give up: the queue
  /// then grows without bound and waits depend on the horizon, not on the center.
  func warnAboutLoad(_ model: CallCenterModel, field: ScenarioField?) {
    let seconds = model.settings.horizon
    let callsPerSecond = model.arrivals.expectedCalls / seconds
    var work = 0.0
    var anyoneImpatient = false
    for (i, t) in model.callTypes.enumerated() {
      var share = model.ivr.map { $0.menuShares[i] * (1 - $0.hangUp) * (1 - $0.selfService[i]) } ?? t.share
      share = max(0, share)
      let rate = t.arrivals.map { $0.expectedCalls / seconds } ?? callsPerSecond * share
      // An agent holding n chats does n / slowdown work-seconds a second: at best the most of that.
      let pace = t.channel != .chat ? 1 : model.agentGroups.filter { $0.skills.contains(i) }
        .map { g in (1...g.chatConcurrency).map { Double($0) / g.slowdown(chats: $0) }.max()! }.max() ?? 1
      work += rate * (t.handle.mean + (t.wrapUp?.mean ?? 0)) / pace
      if t.patience != nil && rate > 0 { anyoneImpatient = true }
    }
    let agents = model.meanScheduledAgents
    if work >= agents && !anyoneImpatient {
      let message = String(format: "the offered load (%.1f Erlangs on average) is at least the %.1f agents on duty on average and callers never abandon: the queue cannot be served and waits will grow with the horizon", work, agents)
      if let field { field.warning(message) }
    }
  }
}
