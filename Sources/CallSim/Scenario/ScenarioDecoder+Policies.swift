import CallSimEngine

/// `call_cap` and `abusive_callers`: the Seoul and Paju policies on long and abusive calls.
extension ScenarioDecoder {
  /// `call_cap: {mode: none | recommended | forced, limit: D, compliance: S, call_back: S,
  /// call_back_delay: DIST}`.
  func callCap(_ field: ScenarioField) -> CallCap? {
    guard let map = field.mapping(["mode", "limit", "compliance", "call_back", "call_back_delay"]) else { return nil }
    let modes = CallCap.Mode.allCases.map(\.rawValue)
    let mode = map.required("mode", "one of \(modes.joined(separator: ", "))").flatMap { $0.oneOf(CallCap.Mode.self) }
    let limitField = mode == CallCap.Mode.none ? map["limit"] : map.required("limit", "the talk time after which calls end, such as 20m")
    let limit = limitField.map { $0.duration() }
    let compliance: Double?? =
      mode == .recommended
      ? map.required("compliance", "the share of calls longer than the limit that end at it (recommended cap)").map { $0.share() }
      : map["compliance"].map { $0.share() }
    let callBack = map["call_back"].map { $0.share() }
    let delay = map["call_back_delay"].map { distributions.decode($0) }
    guard let mode, limit != .some(nil), compliance != .some(nil), callBack != .some(nil), delay != .some(nil) else {
      return nil
    }
    if mode == .forced, map.has("compliance") {
      map["compliance"]?.error("is used only with mode: recommended (a forced cap ends every call at the limit)")
      return nil
    }
    if let share = callBack ?? nil, share > 0, delay == nil {
      field.diagnostics.error(
        field.origin, field.child("call_back_delay"),
        "missing; expected a distribution of the time before a cut-off caller calls again (call_back is above 0)")
      return nil
    }
    return field.build { () throws(ModelError) in
      try CallCap(
        mode: mode, limit: (limit ?? nil) ?? .infinity, compliance: (compliance ?? nil) ?? 1,
        callBack: (callBack ?? nil) ?? 0, callBackDelay: delay ?? nil)
    }
  }

  /// The group name `abusive_callers.route_to` gives, read without reporting anything (the
  /// group it names may be declared with `skills: []`); `nil` for `general` or none.
  func abusiveGroupName(_ field: ScenarioField?) -> String? {
    guard let field, case .mapping(let pairs, _) = field.value,
      let value = pairs.first(where: { $0.key == "route_to" })?.value,
      case .scalar(let name, _, _) = value, name != "general"
    else { return nil }
    return name
  }

  /// `abusive_callers: {share: S, handle: DIST, patience: DIST, route_to: GROUP | general,
  /// recovery: DURATION | DIST}`; `groups` are the decoded agent groups, `nil` when some
  /// could not be read: `route_to` is then checked against `groupNames`, the names written.
  func abusiveCallers(_ field: ScenarioField, groups: [AgentGroup]?, groupNames: [String]?) -> AbusiveCallers? {
    guard let map = field.mapping(["share", "handle", "patience", "route_to", "recovery"]) else { return nil }
    let share = map.required("share", "the share of callers who are known abusive callers")?.share()
    let handle = map.required("handle", "a talk-time distribution of abusive calls").flatMap { distributions.decode($0) }
    let patience = map["patience"].map { distributions.decode($0) }
    let recovery = map["recovery"].map(recoveryTime)
    var routeTo: Int?? = .some(nil)
    if let f = map["route_to"] {
      routeTo = nil
      if let name = f.string() {
        if name == "general" {
          routeTo = .some(nil)
        } else if let names = groups?.map(\.name) ?? groupNames, !names.contains(name) {
          var message = "'\(name)' is not an agent group"
          if let s = KeySuggestion.closest(to: name, among: names) { message += "; did you mean '\(s)'?" }
          f.error(message + " (expected general or one of: \(ScenarioDecoder.list(names)))")
        } else if let groups, let g = groups.firstIndex(where: { $0.name == name }) {
          if groups[g].skills.isEmpty {
            routeTo = g
          } else {
            f.error("group '\(name)' must be declared with skills: [] (its agents take only abusive callers)")
          }
        }
      }
    }
    guard let share, let handle, patience != .some(nil), recovery != .some(nil), let routeTo else { return nil }
    return field.build { () throws(ModelError) in
      try AbusiveCallers(share: share, handle: handle, patience: patience ?? nil, routeTo: routeTo, recovery: recovery ?? nil)
    }
  }

  /// A recovery time: a duration (`10m`; `0` for none) or a distribution.
  func recoveryTime(_ field: ScenarioField) -> Distribution? {
    guard field.scalar != nil else { return distributions.decode(field) }
    guard let s = field.scalar, let v = DurationParser.seconds(s), v >= 0, v <= ScenarioField.maxDurationSeconds else {
      field.expected("a duration such as 10m (0 for none) or a distribution such as {dist: exponential, mean: 10m}")
      return nil
    }
    return .deterministic(v)
  }
}

extension ScenarioDecoder {
  /// `callback_offer: {after: D, accept: S, reach: S, attempt: D | DIST, retries: N}`, top
  /// level or under a call type.
  func callBackOffer(_ field: ScenarioField) -> CallBackOffer? {
    guard let map = field.mapping(["after", "accept", "reach", "attempt", "retries"]) else { return nil }
    let after = map.required("after", "the wait after which a call-back is offered, such as 1m (0s: on joining the queue)")
      .flatMap { $0.duration(allowZero: true) }
    let accept = map.required("accept", "the share of the callers offered a call-back who accept it")?.share()
    let reach = map["reach"].map { $0.share() }
    let attempt = map["attempt"].map(recoveryTime)
    let retries = map["retries"].map { $0.integer(0...100, what: "a whole number of retries") }
    guard let after, let accept, reach != .some(nil), attempt != .some(nil), retries != .some(nil) else { return nil }
    return field.build { () throws(ModelError) in
      try CallBackOffer(
        after: after, accept: accept, reach: (reach ?? nil) ?? 1, attempt: attempt ?? nil, retries: (retries ?? nil) ?? 0)
    }
  }
}
