import CallSimEngine

/// `agent_groups`, `routing` and the checks that tie them to the call types.
extension ScenarioDecoder {
  static let groupKeys = ["skills", "agents", "remote", "reserve", "chat_concurrency", "chat_slowdown"]

  /// `agent_groups: {NAME: {skills: [types…], agents: N | {hourly: [24]}, remote: {…}}}`;
  /// a group that `rostered` names (roster or reinforcement lines staff it) has no
  /// `agents`, and its staffing plan is all zeros. The group `abuseGroup` (the one
  /// `abusive_callers.route_to` names) may, and must, have `skills: []`.
  func agentGroups(
    _ field: ScenarioField, typeNames: [String]?, settings: SimulationSettings?, rostered: Set<String>, abuseGroup: String? = nil
  ) -> [AgentGroup]? {
    guard let entries = field.entries(what: "a mapping of group names to {skills: […], agents: …}") else { return nil }
    guard !entries.isEmpty else { field.expected("at least one agent group"); return nil }
    var groups: [AgentGroup] = []
    var ok = true
    for (name, f) in entries {
      guard ScenarioDecoder.isName(name) else {
        f.error("group names may use letters, digits, '_' and '-' only")
        ok = false
        continue
      }
      guard let map = f.mapping(ScenarioDecoder.groupKeys) else { ok = false; continue }
      let skills = map.required("skills", "the call types the group takes, home type first").flatMap {
        skillList($0, typeNames: typeNames, allowEmpty: name == abuseGroup)
      }
      var staffing: StaffingPlan?
      if rostered.contains(name) {
        if let a = map["agents"] {
          a.error("group '\(name)' is staffed by roster or reinforcement lines; remove agents here, or remove the lines that name it")
        } else if let settings {
          staffing = f.build { () throws(ModelError) in try .constant(0, hours: settings.hours) }
        }
      } else {
        staffing = map.required("agents", "the number of agents on duty, or {hourly: [24 numbers]}, or roster lines naming the group")
          .flatMap { self.staffing($0, settings: settings) }
      }
      let remote = map["remote"].map { self.remote($0) }
      let reserve = map["reserve"].map { $0.integer(0...1_000_000, what: "a number of agents kept free for phone calls (messages wait while fewer are idle)") } ?? 0
      let concurrency = map["chat_concurrency"].map { $0.integer(1...100, what: "the number of chats an agent holds at once") } ?? 1
      let slowdown = map["chat_slowdown"].map { chatSlowdown($0, concurrency: concurrency) } ?? []
      guard let skills, let staffing, remote != .some(nil), let reserve, let concurrency, let slowdown else { ok = false; continue }
      groups.append(AgentGroup(name: name, skills: skills, staffing: staffing, remote: remote ?? nil))
      groups[groups.count - 1].reserve = reserve
      groups[groups.count - 1].chatConcurrency = concurrency
      groups[groups.count - 1].chatSlowdown = slowdown
    }
    return ok ? groups : nil
  }

  /// `chat_slowdown: [f1, …, fk]`: one factor of at least 1 per number of chats held, k the
  /// group's `chat_concurrency` (`nil` when that did not decode: nothing is reported then).
  func chatSlowdown(_ field: ScenarioField, concurrency: Int?) -> [Double]? {
    guard let items = field.list() else { return nil }
    let factors = items.map { $0.number(1...1000, what: "a slow-down factor of at least 1 (seconds per second of handle time)") }
    guard let concurrency, factors.allSatisfy({ $0 != nil }) else { return nil }
    guard factors.count == concurrency else {
      field.error(
        "expected \(concurrency) factor\(concurrency == 1 ? "" : "s") (one per number of chats held, up to chat_concurrency \(concurrency)), found \(factors.count)")
      return nil
    }
    return factors.map { $0! }
  }

  /// A non-empty list of distinct call type names, as indices (empty allowed with
  /// `allowEmpty`: the abusive callers' dedicated group).
  func skillList(_ field: ScenarioField, typeNames: [String]?, allowEmpty: Bool = false) -> [Int]? {
    guard let items = field.list() else { return nil }
    guard !items.isEmpty || allowEmpty else {
      field.expected("at least one call type (a group with no skills could take no call)")
      return nil
    }
    var skills: [Int] = []
    var ok = true
    for item in items {
      guard let name = item.string() else { ok = false; continue }
      guard let typeNames else { continue }
      guard let i = typeNames.firstIndex(of: name) else {
        item.unknownCallType(name, among: typeNames)
        ok = false
        continue
      }
      if skills.contains(i) {
        item.error("'\(name)' is listed twice")
        ok = false
      }
      skills.append(i)
    }
    return ok && typeNames != nil ? skills : nil
  }

  /// `routing: {mode, overflow_after, misroute: {share, transfer}, generalist: {…}}`.
  func routing(_ field: ScenarioField, settings: SimulationSettings?, typeCount: Int?) -> Routing? {
    guard let map = field.mapping(["mode", "overflow_after", "misroute", "generalist"]) else { return nil }
    let mode = map["mode"].map { $0.oneOf(RoutingMode.self) } ?? .integrated
    let overflowAfter = map["overflow_after"].map { $0.duration(allowZero: true) }
    let misroute = map["misroute"].map(misrouting)
    let generalist = map["generalist"].map { generalistFactor($0, settings: settings) }
    guard let mode, overflowAfter != .some(nil), misroute != .some(nil), generalist != .some(nil) else { return nil }
    var ok = true
    if overflowAfter != nil && !mode.usesOverflowWait {
      map["overflow_after"]?.error("is used only with mode: overflow (mode is \(mode.rawValue))")
      ok = false
    }
    if misroute != nil && !mode.callersChooseAField {
      map["misroute"]?.error("is used only with mode: split or overflow (under integrated every agent takes every field, so no call is misrouted)")
      ok = false
    }
    if misroute != nil, let typeCount, typeCount < 2 {
      map["misroute"]?.error("needs at least two call types (a caller can only pick a wrong field if there is one)")
      ok = false
    }
    if overflowAfter == nil && mode.usesOverflowWait {
      field.diagnostics.error(field.origin, field.child("overflow_after"), "missing; expected the wait after which any skilled agent may take a call, such as 30s (mode: overflow)")
      ok = false
    }
    guard ok else { return nil }
    return Routing(
      mode: mode, overflowAfter: (overflowAfter ?? nil) ?? .infinity,
      misroute: misroute ?? nil, generalist: (generalist ?? nil) ?? GeneralistFactor())
  }

  func misrouting(_ field: ScenarioField) -> Misrouting? {
    guard let map = field.mapping(["share", "transfer"]) else { return nil }
    let share = map.required("share", "the share of callers who choose a wrong field")?.share()
    let transfer = map.required("transfer", "a distribution of the agent time spent before the transfer").flatMap { distributions.decode($0) }
    guard let share, let transfer else { return nil }
    return Misrouting(share: share, transfer: transfer)
  }

  func generalistFactor(_ field: ScenarioField, settings: SimulationSettings?) -> GeneralistFactor? {
    guard let map = field.mapping(["handle_factor", "learning"]) else { return nil }
    let factor = map["handle_factor"].map { $0.positiveNumber(what: "a positive factor") } ?? 1
    var learning: GeneralistFactor.Learning??
    if let l = map["learning"] {
      learning = .some(nil)
      if let m = l.mapping(["start_factor", "half_life", "from"]) {
        let start = m.required("start_factor", "the talk-time factor when learning starts")?.positiveNumber(what: "a positive factor")
        let halfLife = m.required("half_life", "the time for the extra talk time to halve, such as 21d")?.duration()
        let from = m["from"].map { $0.date() }
        if let start, let halfLife, from != .some(nil) {
          var offset = 0.0
          if let date = from ?? nil, let settings { offset = Double(date.dayNumber - settings.start.dayNumber) * 86_400 }
          learning = .some(GeneralistFactor.Learning(startFactor: start, halfLife: halfLife, from: offset))
        }
      }
    }
    guard let factor, learning != .some(nil) else { return nil }
    return GeneralistFactor(handleFactor: factor, learning: learning ?? nil)
  }

  /// Every call type must have agents who may take it under the routing mode.
  func checkServed(types: [CallType], groups: [AgentGroup], routing: Routing, field: ScenarioField) {
    for (t, type) in types.enumerated() {
      if groups.contains(where: { routing.mode.lets($0, serve: t) }) { continue }
      field.error("no group can serve call type '\(type.name)': list it \(routing.mode.servingRule)")
    }
  }

  /// Letters, digits, `_` and `-`: names that are safe as CSV values and file names.
  static func isName(_ s: String) -> Bool {
    !s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
  }
}

extension ScenarioField {
  /// Reports that `name` is not among the call types `names`, with the closest name as a
  /// suggestion.
  func unknownCallType(_ name: String, among names: [String]) {
    var message = "'\(name)' is not a call type"
    if let s = KeySuggestion.closest(to: name, among: names) { message += "; did you mean '\(s)'?" }
    error(message + " (call types: \(ScenarioDecoder.list(names)))")
  }
}
