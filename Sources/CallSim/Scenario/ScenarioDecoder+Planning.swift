/// `planning:` (weekly schedules for people, head counts, cost) and the call types' own
/// targets.
extension ScenarioDecoder {
  static let planningKeys = ["days_per_week", "days_off", "head_count", "short_shift_share", "hours_per_fte", "cost_per_hour"]

  /// The rules of `planning:`; `nil` after reporting every problem. `groupNames`: the
  /// scenario's agent groups (`agents` for `agents: N`), `nil` when they failed to decode.
  func planning(_ field: ScenarioField, groupNames: [String]?) -> PlanningRules? {
    guard let map = field.mapping(ScenarioDecoder.planningKeys) else { return nil }
    var ok = true
    let days = map["days_per_week"].map { $0.integer(1...7, what: "a number of working days in a week, 1 to 7") } ?? 5
    var together = false
    if let off = map["days_off"] {
      switch off.string() {
      case "together": together = true
      case "any": together = false
      default:
        off.expected("together (two adjacent days off in each week) or any")
        ok = false
      }
    }
    if together, let days, days > 5 {
      map["days_off"]?.error("two adjacent days off need days_per_week at most 5, found \(days)")
      ok = false
    }
    let index = Dictionary((groupNames ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    func group(_ key: String, _ f: ScenarioField) -> Int? {
      guard let names = groupNames else { return nil }
      if let i = index[key] { return i }
      var message = "'\(key)' is not an agent group"
      if let s = KeySuggestion.closest(to: key, among: names) { message += "; did you mean '\(s)'?" }
      f.error(message + " (agent groups: \(ScenarioDecoder.list(names)))")
      ok = false
      return nil
    }
    var heads: [Int: Int] = [:]
    if let entries = map["head_count"]?.entries(what: "a mapping of agent group names to numbers of people") {
      for (key, f) in entries {
        guard let n = f.integer(0...1_000_000, what: "a number of people") else { ok = false; continue }
        if let g = group(key, f) { heads[g] = n }
      }
    } else if map.has("head_count") { ok = false }
    let short = map["short_shift_share"].map { $0.share() }
    let hours = map["hours_per_fte"].map { $0.number(1...168, what: "paid hours a week of one full-time person, 1 to 168") } ?? 40
    var costs: [Int: Double] = [:]
    var defaultCost = 1.0
    if let entries = map["cost_per_hour"]?.entries(what: "a mapping of agent group names (or default) to costs per paid hour") {
      for (key, f) in entries {
        guard let x = f.number(1e-9...1e12, what: "a cost per paid hour above 0") else { ok = false; continue }
        if key == "default" { defaultCost = x } else if let g = group(key, f) { costs[g] = x }
      }
    } else if map.has("cost_per_hour") { ok = false }
    guard ok, let days, short != .some(nil), let hours else { return nil }
    return field.build { () throws(ModelError) in
      try PlanningRules(
        daysPerWeek: days, daysOffTogether: together, headCount: heads, shortShiftShare: short ?? nil, hoursPerFTE: hours,
        costPerHour: costs, defaultCostPerHour: defaultCost)
    }
  }

  /// A call type's own service level counts answers within the scenario's threshold (the
  /// simulation counts one): its `targets.service_level.within`, when given, must equal it.
  func checkTypeThresholds(_ types: [CallType], targets: Targets, field: ScenarioField?) {
    for t in types {
      guard let own = t.targets, own.serviceLevelWithin != targets.serviceLevelWithin else { continue }
      field?.error(
        "call_types.\(t.name).targets.service_level.within: \(TimeText.duration(own.serviceLevelWithin)) differs from targets.service_level.within (\(TimeText.duration(targets.serviceLevelWithin))): every call type's service level counts answers within one threshold; leave it out or make it equal")
    }
  }
}
