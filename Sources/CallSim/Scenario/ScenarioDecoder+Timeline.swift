import CallSimEngine

/// `timeline: [{from: DATE, set: {KEY.PATH: value, …}}]`: the scenario changed from a date on.
///
/// Each entry's settings apply on top of the previous entries' (cumulatively) to the merged
/// scenario tree, and the whole model is decoded again from the changed tree: every check of
/// the scenario applies to each changed model, and its problems are reported at the entry.
extension ScenarioDecoder {
  /// Top-level keys a timeline may set anywhere below (the whole key, or any path in it).
  static let timelineKeys = ["agents", "roster", "reinforcement", "remote", "absence", "strike", "routing", "shifts", "call_cap"]
  /// Keys of `agent_groups.NAME` a timeline may set.
  static let timelineGroupKeys = ["agents", "skills", "remote"]

  /// What a timeline may set, for messages.
  static var timelineKeysText: String {
    (timelineKeys.prefix(1) + timelineGroupKeys.map { "agent_groups.NAME.\($0)" } + timelineKeys.dropFirst())
      .joined(separator: ", ")
  }

  /// One checked entry of the timeline.
  struct TimelineEntry {
    /// First day (0-based from `simulation.start`) the change applies.
    var fromDay: Int
    var date: CalendarDate
    /// The entry, for problems of its changed model.
    var field: ScenarioField
    /// The key paths set, as written, with their values (`nil` removes the key).
    var sets: [(key: String, path: ScenarioKeyPath, value: ScenarioValue?)]
  }

  /// Checks the timeline's entries: dates inside the horizon after its first day and in
  /// order, key paths that parse and may change. `nil` after reporting a problem.
  func timeline(_ field: ScenarioField, settings: SimulationSettings?, groupNames: [String]?) -> [TimelineEntry]? {
    guard let items = field.list() else { return nil }
    var entries: [TimelineEntry] = []
    var ok = true
    var previous: CalendarDate?
    for item in items {
      guard let map = item.mapping(["from", "set"], what: "a change {from: YYYY-MM-DD, set: {KEY.PATH: value, …}}") else {
        ok = false
        continue
      }
      var day: Int?
      let date = map.required("from", "the first date the change applies, YYYY-MM-DD")?.date()
      if let date, let settings, let fromField = map["from"] {
        let d = date.dayNumber - settings.start.dayNumber
        let last = settings.date(ofDay: settings.days - 1)
        if d < 1 || d >= settings.days {
          fromField.expected(
            settings.days < 2
              ? "a date inside the horizon after simulation.start, but the horizon is one day (\(settings.start))"
              : "a date from \(settings.date(ofDay: 1)) to \(last) (after simulation.start, inside the horizon)")
        } else if let previous, date <= previous {
          fromField.expected("a date after the previous entry's \(previous) (entries in date order)")
        } else {
          day = d
        }
      }
      if let date { previous = max(previous ?? date, date) }
      let sets = map.required("set", "the keys changed from that date, as {KEY.PATH: value, …}").flatMap {
        timelineSets($0, groupNames: groupNames)
      }
      guard let day, let date, let sets else { ok = false; continue }
      entries.append(TimelineEntry(fromDay: day, date: date, field: item, sets: sets))
    }
    return ok ? entries : nil
  }

  /// The `set` mapping of one entry: key paths that parse and may change during a run.
  func timelineSets(_ field: ScenarioField, groupNames: [String]?) -> [(key: String, path: ScenarioKeyPath, value: ScenarioValue?)]? {
    guard let pairs = field.entries(what: "a mapping of key paths to values, such as {routing.mode: integrated}") else { return nil }
    guard !pairs.isEmpty else { field.expected("at least one key path to set"); return nil }
    var result: [(key: String, path: ScenarioKeyPath, value: ScenarioValue?)] = []
    var ok = true
    for (key, f) in pairs {
      switch ScenarioKeyPath.parse(key) {
      case .failure(let problem):
        f.error(problem.description)
        ok = false
      case .success(let path):
        if let refusal = timelineRefusal(path, groupNames: groupNames) {
          f.error(refusal)
          ok = false
        } else {
          result.append((key, path, f.value.isNull ? nil : f.value))
        }
      }
    }
    return ok ? result : nil
  }

  /// Why a timeline may not set `path`, or `nil` when it may.
  func timelineRefusal(_ path: ScenarioKeyPath, groupNames: [String]?) -> String? {
    let allowed = "a timeline may set \(ScenarioDecoder.timelineKeysText)"
    guard case .key(let first)? = path.components.first else { return "expected a key path (\(allowed))" }
    if ScenarioDecoder.timelineKeys.contains(first) { return nil }
    guard first == "agent_groups" else {
      if ScenarioDecoder.topKeys.contains(first) {
        return "'\(first)' cannot change during a run (\(allowed))"
      }
      var message = "'\(first)' is not a scenario key that can change during a run"
      let candidates = ScenarioDecoder.timelineKeys + ["agent_groups"]
      if let s = KeySuggestion.closest(to: first, among: candidates) { message += "; did you mean '\(s)'?" }
      return message + " (\(allowed))"
    }
    guard path.components.count >= 3, case .key(let group) = path.components[1], case .key(let key) = path.components[2] else {
      return "'\(path)' cannot change as a whole during a run (\(allowed))"
    }
    if let groupNames, !groupNames.contains(group) {
      var message = "'\(group)' is not an agent group"
      if let s = KeySuggestion.closest(to: group, among: groupNames) { message += "; did you mean '\(s)'?" }
      return message + " (agent groups: \(ScenarioDecoder.list(groupNames)); a timeline cannot add groups)"
    }
    guard ScenarioDecoder.timelineGroupKeys.contains(key) else {
      return "'agent_groups.\(group).\(key)' cannot change during a run (\(allowed))"
    }
    return nil
  }

  /// The changed models: each entry's settings applied cumulatively to `tree` (without its
  /// `timeline`), each tree decoded again. Problems of a changed model are reported at the
  /// entry's key (`timeline[i].set.KEY.PATH` when they concern a key it sets).
  func changes(_ entries: [TimelineEntry], tree: ScenarioValue, model: CallCenterModel) -> [DatedChange]? {
    var current = tree.removing("timeline")
    var result: [DatedChange] = []
    var bytes = 0.0
    for entry in entries {
      var applied = true
      for set in entry.sets {
        do {
          current = try current.setting(set.path, to: set.value)
        } catch {
          entry.field.diagnostics.error(
            set.value?.origin ?? entry.field.origin, entry.field.child("set") + ".\(set.key)", error.description)
          applied = false
        }
      }
      guard applied else { return nil }
      let own = ScenarioDiagnostics()
      let decoder = ScenarioDecoder(diagnostics: own, folder: folder, allowOutside: allowOutside)
      let changed = decoder.decode(ScenarioField(value: current, path: "", diagnostics: own), isChange: true)
      for issue in own.issues where issue.severity == .error {
        report(issue, of: entry)
      }
      guard var changed, !own.hasErrors else { return nil }
      bytes += ScenarioDecoder.share(&changed, with: result.last?.model ?? model, base: model)
      guard bytes <= Double(ScenarioDecoder.maxTimelineBytes) else {
        entry.field.error(
          "the timeline's changed scenarios up to this entry would keep more than \(ScenarioDecoder.maxTimelineBytes / 1_000_000) MB of hourly staffing plans and roster lines in memory; use fewer entries, a shorter horizon, or groups staffed by roster lines rather than by the hour")
        return nil
      }
      result.append(DatedChange(fromDay: entry.fromDay, model: changed))
    }
    return result
  }

  /// Most bytes of hourly staffing plans and roster lines the timeline's changed models may
  /// keep beyond what they share with the base model or the previous change: 256 MB, a tenth
  /// of the run's own limit (``RunMemoryEstimate/maxBytes``). Each entry is a whole model, and
  /// a 4 MiB file could otherwise ask for thousands of copies of a ten-year horizon's plans.
  static let maxTimelineBytes = 256_000_000

  /// Makes `changed` share the storage of what it has equal to `previous` (the model before
  /// it) or `base` — the arrivals and call types always, staffing plans and roster lines when
  /// unchanged — and returns the bytes it keeps of its own (staffing plans and roster lines).
  static func share(_ changed: inout CallCenterModel, with previous: CallCenterModel, base: CallCenterModel) -> Double {
    if changed.arrivals == base.arrivals { changed.arrivals = base.arrivals }
    if changed.callTypes == base.callTypes { changed.callTypes = base.callTypes }
    var bytes = 0.0
    let sameGroups = changed.agentGroups.count == previous.agentGroups.count && changed.agentGroups.count == base.agentGroups.count
    for g in changed.agentGroups.indices where !sameGroups {
      bytes += Double(changed.agentGroups[g].staffing.agentsByHour.count * MemoryLayout<Int>.stride)
    }
    for g in changed.agentGroups.indices where sameGroups {
      if changed.agentGroups[g].staffing == previous.agentGroups[g].staffing {
        changed.agentGroups[g].staffing = previous.agentGroups[g].staffing
      } else if changed.agentGroups[g].staffing == base.agentGroups[g].staffing {
        changed.agentGroups[g].staffing = base.agentGroups[g].staffing
      } else {
        bytes += Double(changed.agentGroups[g].staffing.agentsByHour.count * MemoryLayout<Int>.stride)
      }
    }
    if changed.roster.lines == previous.roster.lines {
      changed.roster.lines = previous.roster.lines
    } else if changed.roster.lines == base.roster.lines {
      changed.roster.lines = base.roster.lines
    } else {
      bytes += Double(changed.roster.lines.count * MemoryLayout<RosterLine>.stride)
    }
    return bytes
  }

  /// Reports a problem of `entry`'s changed model at the entry.
  private func report(_ issue: ScenarioIssue, of entry: TimelineEntry) {
    let origin = ScenarioValue.Origin(file: issue.file, line: issue.line)
    let set = entry.sets.first { s in
      issue.keyPath == s.key || issue.keyPath.hasPrefix(s.key + ".") || issue.keyPath.hasPrefix(s.key + "[")
    }
    if set != nil {
      entry.field.diagnostics.error(origin, "\(entry.field.path).set.\(issue.keyPath)", "\(issue.message) (from \(entry.date))")
    } else {
      let key = issue.keyPath.isEmpty ? "" : "\(issue.keyPath): "
      entry.field.diagnostics.error(entry.field.origin, entry.field.path, "from \(entry.date), \(key)\(issue.message)")
    }
  }
}

extension CallCenterModel {
  /// This model with `timeline`, checked again.
  func with(timeline: [DatedChange]) throws(ModelError) -> CallCenterModel {
    try CallCenterModel(
      name: name, settings: settings, arrivals: arrivals, callTypes: callTypes, agentGroups: agentGroups, routing: routing,
      trunks: trunks, ivr: ivr, targets: targets, roster: roster, strike: strike, timeline: timeline,
      callCap: callCap, abusiveCallers: abusiveCallers)
  }
}
