import CallSimEngine

/// `shifts`, `roster`, `reinforcement`, `remote`, `absence` and `strike`: who works when.
extension ScenarioDecoder {
  /// The staffing keys decoded together, once the agent groups are known.
  struct Staffing {
    var roster: Roster
    var strike: Strike?
    /// The agent groups with their remote work: each group's own, or its part of the
    /// top-level `remote`.
    var groups: [AgentGroup]
  }

  /// Most agents the roster and reinforcement lines of one group may name together (each
  /// is a person the simulation keeps), as `agents` allows per hour.
  static let maxRosteredAgents = 1_000_000

  static let shiftKeys = ["start", "end", "lunch", "breaks", "stagger"]
  static let rosterKeys = ["group", "shift", "agents", "days", "stagger_offset"]
  static let reinforcementKeys = ["days", "hours", "agents", "group"]
  static let remoteKeys = ["agents", "share", "handle_factor", "availability", "gap"]
  static let dayWords = ["weekdays", "weekends", "all", "holiday"] + Weekday.allCases.map(\.rawValue)

  /// Names of the groups that `roster` and `reinforcement` lines name, read before the
  /// groups are decoded (a group they name needs no `agents`); reports nothing itself.
  static func rosteredGroupNames(_ top: ScenarioMapping) -> Set<String> {
    var names: Set<String> = []
    for key in ["roster", "reinforcement"] {
      guard case .sequence(let items, _)? = top[key]?.value else { continue }
      for case .scalar(let name, _, _)? in items.map({ $0["group"] }) { names.insert(name) }
    }
    return names
  }

  /// Decodes the staffing keys of `top`; `groups` are the decoded agent groups with their
  /// own `remote` (`nil` when they failed: every key is still checked, nothing is built).
  func staffing(_ top: ScenarioMapping, groups: [AgentGroup]?, groupNames: [String]?) -> Staffing? {
    let shifts = top["shifts"].map(self.shifts) ?? [:]
    var lines: [RosterLine]? = []
    if let f = top["roster"] {
      let decoded = roster(f, shifts: shifts, groupNames: groupNames, shiftsField: top["shifts"])
      lines = decoded.flatMap { d in lines.map { $0 + d } }
    }
    if let f = top["reinforcement"] {
      let decoded = reinforcement(f, groupNames: groupNames)
      lines = decoded.flatMap { d in lines.map { $0 + d } }
    }
    let absence = top["absence"].map { $0.share() } ?? 0
    let strike = top["strike"].map(self.strike)
    let topRemote = top["remote"].map { remote($0) }
    guard let lines, let absence, strike != .some(nil), topRemote != .some(nil), let groups else { return nil }
    guard let roster = top.field.build({ () throws(ModelError) in try Roster(lines: lines, absence: absence) }) else { return nil }
    var tooMany = false
    for (g, group) in groups.enumerated() where roster.agents(group: g) > ScenarioDecoder.maxRosteredAgents {
      (top["roster"] ?? top["reinforcement"] ?? top.field).error(
        "group '\(group.name)' has \(roster.agents(group: g)) agents on its roster and reinforcement lines, more than the limit of \(ScenarioDecoder.maxRosteredAgents)")
      tooMany = true
    }
    guard !tooMany else { return nil }
    guard let withRemote = splitRemote(top: topRemote ?? nil, roster: roster, groups: groups, fields: top) else { return nil }
    return Staffing(roster: roster, strike: strike ?? nil, groups: withRemote)
  }

  // MARK: - clock times

  /// `HH:MM` from `00:00` to `24:00`, as seconds from midnight; `nil` when it does not parse.
  static func clockSeconds(_ text: String) -> Double? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let h = Int(parts[0]), let m = Int(parts[1]), m < 60, h < 24 || (h == 24 && m == 0)
    else { return nil }
    return Double(h * 3600 + m * 60)
  }

  /// `HH:MM-HH:MM` (spaces allowed around the `-`) as two clock times in seconds from
  /// midnight (each 0…86 400).
  static func clockRange(_ text: String) -> (Double, Double)? {
    let parts = text.filter { $0 != " " }.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, let a = clockSeconds(String(parts[0])), let b = clockSeconds(String(parts[1])) else { return nil }
    return (a, b)
  }

  func clockTime(_ field: ScenarioField, allowMidnightEnd: Bool) -> Double? {
    guard let s = field.scalar, let v = ScenarioDecoder.clockSeconds(s), allowMidnightEnd || v < 86_400 else {
      field.expected(allowMidnightEnd ? "a clock time HH:MM from 00:00 to 24:00" : "a clock time HH:MM from 00:00 to 23:59")
      return nil
    }
    return v
  }

  /// `"HH:MM-HH:MM"` as a start in [0, 86 400) and a length in (0, 86 400] seconds; an end at
  /// or before the start is on the next day.
  func hours(_ field: ScenarioField) -> (start: Double, length: Double)? {
    guard let s = field.scalar, let (a, b) = ScenarioDecoder.clockRange(s), a < 86_400 else {
      field.expected("hours as \"HH:MM-HH:MM\" (such as \"08:00-10:00\"; an end at or before the start is on the next day)")
      return nil
    }
    return (a, b > a ? b - a : b + 86_400 - a)
  }

  // MARK: - shifts

  /// `shifts: {NAME: {start, end, lunch: {window, length}, breaks: {every, length}, stagger}}`.
  func shifts(_ field: ScenarioField) -> [String: ShiftTemplate]? {
    guard let entries = field.entries(what: "a mapping of shift names to {start: \"09:00\", end: \"18:00\", …}") else { return nil }
    var result: [String: ShiftTemplate] = [:]
    var ok = true
    for (name, f) in entries {
      if let s = shift(f, name: name) { result[name] = s } else { ok = false }
    }
    return ok ? result : nil
  }

  func shift(_ field: ScenarioField, name: String) -> ShiftTemplate? {
    guard let map = field.mapping(ScenarioDecoder.shiftKeys) else { return nil }
    let start = map.required("start", "the shift's start as \"HH:MM\"").flatMap { clockTime($0, allowMidnightEnd: false) }
    let end = map.required("end", "the shift's end as \"HH:MM\" (at or before the start: the next day)").flatMap { clockTime($0, allowMidnightEnd: true) }
    let stagger = map["stagger"].map { f -> Double? in
      if f.scalar == "none" { return 0 }
      guard let s = f.scalar, let v = DurationParser.seconds(s), v >= 0, v <= 86_400 else {
        f.expected("a stagger step such as 15m (at most 24h), or none")
        return nil
      }
      return v
    } ?? 900
    guard let start, let end else {
      if let l = map["lunch"] { _ = lunch(l, shiftStart: nil, shiftEnd: nil) }
      if let b = map["breaks"] { _ = breaks(b) }
      return nil
    }
    let shiftEnd = end > start ? end : end + 86_400
    let lunch = map["lunch"].map { self.lunch($0, shiftStart: start, shiftEnd: shiftEnd) }
    let breaks = map["breaks"].map(self.breaks)
    guard lunch != .some(nil), breaks != .some(nil), let stagger else { return nil }
    return field.build { () throws(ModelError) in
      try ShiftTemplate(name: name, start: start, length: shiftEnd - start, lunch: lunch ?? nil, breaks: breaks ?? nil, staggerStep: stagger)
    }
  }

  /// `lunch: {window: "11:30-13:30", length: 1h}`; window times before the shift start are on
  /// the next day. Without the shift's times (they failed) only the keys are checked.
  func lunch(_ field: ScenarioField, shiftStart: Double?, shiftEnd: Double?) -> ShiftTemplate.Lunch? {
    guard let map = field.mapping(["window", "length"]) else { return nil }
    let length = map.required("length", "the lunch's length, such as 1h")?.duration()
    guard let windowField = map.required("window", "the lunch window as \"HH:MM-HH:MM\"") else { return nil }
    guard let s = windowField.scalar, let (a, b) = ScenarioDecoder.clockRange(s) else {
      windowField.expected("a lunch window as \"HH:MM-HH:MM\" (such as \"11:30-13:30\")")
      return nil
    }
    guard let length, let shiftStart, let shiftEnd else { return nil }
    let start = a < shiftStart ? a + 86_400 : a
    let end = b < shiftStart ? b + 86_400 : b
    let shiftText = "\(TimeText.clock(shiftStart))-\(TimeText.clockOfDay(shiftEnd))"
    guard end > start, end <= shiftEnd else {
      windowField.expected("a lunch window inside the shift \(shiftText)")
      return nil
    }
    guard end - start >= length else {
      windowField.expected("a lunch window at least as long as the lunch (\(TimeText.duration(length)))")
      return nil
    }
    guard length <= (shiftEnd - shiftStart) * ShiftTemplate.maxPauseShare else {
      map["length"]?.expected(
        "a lunch of at most half the shift \(shiftText) (at most \(TimeText.duration((shiftEnd - shiftStart) * ShiftTemplate.maxPauseShare))): agents must spend at least as long on the phones as at lunch")
      return nil
    }
    return ShiftTemplate.Lunch(windowStart: start, windowEnd: end, length: length)
  }

  /// `breaks: {every: 2h, length: 10m}`: a break taking at most half of its interval
  /// (``ShiftTemplate/maxPauseShare``).
  func breaks(_ field: ScenarioField) -> ShiftTemplate.Breaks? {
    guard let map = field.mapping(["every", "length"]) else { return nil }
    let every = map.required("every", "the time between break starts, such as 2h")?.duration()
    let length = map.required("length", "the length of one break, such as 10m")?.duration()
    guard let every, let length else { return nil }
    guard length <= every * ShiftTemplate.maxPauseShare else {
      map["length"]?.expected(
        "a break of at most half its interval (every: \(TimeText.duration(every)), so at most \(TimeText.duration(every * ShiftTemplate.maxPauseShare))): agents must spend at least as long on the phones as on breaks")
      return nil
    }
    return ShiftTemplate.Breaks(every: every, length: length)
  }

  // MARK: - day sets

  /// `weekdays`, `weekends`, `all`, `holiday`, `mon`…`sun`, a date `YYYY-MM-DD`, or a list
  /// of these (their union).
  func daySet(_ field: ScenarioField) -> DaySet? {
    if case .sequence = field.value {
      guard let items = field.list() else { return nil }
      guard !items.isEmpty else {
        field.expected("at least one day (weekdays, weekends, all, holiday, mon…sun or a date)")
        return nil
      }
      let sets = items.map(dayWord)
      guard sets.allSatisfy({ $0 != nil }) else { return nil }
      return sets.reduce(DaySet()) { $0 + $1! }
    }
    return dayWord(field)
  }

  private func dayWord(_ field: ScenarioField) -> DaySet? {
    guard let s = field.scalar else {
      field.expected("weekdays, weekends, all, holiday, a day mon…sun, a date YYYY-MM-DD, or a list of these")
      return nil
    }
    switch s {
    case "weekdays": return .weekdays
    case "weekends": return .weekends
    case "all": return .all
    case "holiday": return DaySet(holidays: true)
    default:
      if let day = Weekday(rawValue: s) { return DaySet(weekdays: [day]) }
      if let date = CalendarDate(iso: s) { return DaySet(dates: [date]) }
      var what = "weekdays, weekends, all, holiday, a day mon…sun or a date YYYY-MM-DD"
      if let suggestion = KeySuggestion.closest(to: s, among: ScenarioDecoder.dayWords) { what += " (did you mean '\(suggestion)'?)" }
      field.expected(what)
      return nil
    }
  }

  // MARK: - roster and reinforcement

  /// `roster: [{group, shift, agents, days}]`.
  func roster(_ field: ScenarioField, shifts: [String: ShiftTemplate]?, groupNames: [String]?, shiftsField: ScenarioField?) -> [RosterLine]? {
    guard let items = field.list() else { return nil }
    var lines: [RosterLine] = []
    var ok = true
    for item in items {
      guard let map = item.mapping(ScenarioDecoder.rosterKeys, what: "a roster line {group: …, shift: …, agents: N, days: …}") else {
        ok = false
        continue
      }
      let group = map.required("group", "the agent group the line staffs").flatMap { groupIndex($0, names: groupNames) }
      let shiftName = map.required("shift", "the name of a shift under shifts")?.string()
      let agents = map.required("agents", "the number of agents on the line").flatMap { $0.integer(0...1_000_000, what: "a number of agents") }
      let days = map.required("days", "the days the line works: weekdays, weekends, all, holiday, mon…sun, dates, or a list").flatMap(daySet)
      var shift: ShiftTemplate?
      if let shiftName {
        if let s = shifts?[shiftName] {
          shift = s
        } else if shiftsField == nil {
          map["shift"]?.error("'\(shiftName)' is not a shift: the scenario has no shifts (define it under shifts)")
        } else if case .mapping(let pairs, _)? = shiftsField?.value, !pairs.contains(where: { $0.key == shiftName }) {
          let names = pairs.map(\.key)
          var message = "'\(shiftName)' is not a shift"
          if let s = KeySuggestion.closest(to: shiftName, among: names) { message += "; did you mean '\(s)'?" }
          map["shift"]?.error(message + " (shifts: \(ScenarioDecoder.list(names)))")
        }
        // Otherwise the shift exists but failed to decode, and was reported there.
      }
      let offset = map["stagger_offset"].map { $0.integer(0...1_000_000, what: "a whole number of agents to shift the pause stagger by") } ?? 0
      guard let group, let shift, let agents, let days, let offset else { ok = false; continue }
      if let line = item.build({ () throws(ModelError) in
        try RosterLine(group: group, shift: shift, agents: agents, days: days, staggerOffset: offset)
      }) {
        lines.append(line)
      } else {
        ok = false
      }
    }
    return ok && groupNames != nil ? lines : nil
  }

  /// `reinforcement: [{days, hours: "08:00-10:00", agents, group}]`: each rule becomes a
  /// roster line with a pause-free shift over its hours.
  func reinforcement(_ field: ScenarioField, groupNames: [String]?) -> [RosterLine]? {
    guard let items = field.list() else { return nil }
    var lines: [RosterLine] = []
    var ok = true
    for item in items {
      guard let map = item.mapping(ScenarioDecoder.reinforcementKeys, what: "a rule {days: …, hours: \"08:00-10:00\", agents: N, group: …}") else {
        ok = false
        continue
      }
      let group = map.required("group", "the agent group reinforced").flatMap { groupIndex($0, names: groupNames) }
      let hours = map.required("hours", "the hours as \"HH:MM-HH:MM\"").flatMap(self.hours)
      let agents = map.required("agents", "the number of extra agents").flatMap { $0.integer(0...1_000_000, what: "a number of agents") }
      let days = map.required("days", "the days the rule applies: weekdays, weekends, all, holiday, mon…sun, dates, or a list").flatMap(daySet)
      guard let group, let hours, let agents, let days else { ok = false; continue }
      let name = "reinforcement \(TimeText.clock(hours.start))-\(TimeText.clockOfDay(hours.start + hours.length))"
      let line = item.build { () throws(ModelError) in
        try RosterLine(
          group: group, shift: ShiftTemplate(name: name, start: hours.start, length: hours.length, staggerStep: 0),
          agents: agents, days: days, isReinforcement: true)
      }
      if let line { lines.append(line) } else { ok = false }
    }
    return ok && groupNames != nil ? lines : nil
  }

  /// The index of the group `field` names, or a problem with the closest name.
  func groupIndex(_ field: ScenarioField, names: [String]?) -> Int? {
    guard let name = field.string() else { return nil }
    guard let names else { return nil }
    if let i = names.firstIndex(of: name) { return i }
    var message = "'\(name)' is not an agent group"
    if let s = KeySuggestion.closest(to: name, among: names) { message += "; did you mean '\(s)'?" }
    field.error(message + " (agent groups: \(ScenarioDecoder.list(names)))")
    return nil
  }

  // MARK: - remote, strike

  /// `{agents: N | share: S, handle_factor: f, availability: S, gap: DIST}`.
  func remote(_ field: ScenarioField) -> RemoteWork? {
    guard let map = field.mapping(ScenarioDecoder.remoteKeys) else { return nil }
    let agents = map["agents"].map { $0.integer(0...1_000_000, what: "a number of remote agents") }
    let share = map["share"].map { $0.share() }
    if map.has("agents") && map.has("share") {
      field.error("give agents (a number of remote agents) or share (a share of the rostered agents), not both")
      return nil
    }
    if !map.has("agents") && !map.has("share") {
      field.error("missing agents or share; expected agents: N (remote agents) or share: S (a share of the rostered agents)")
      return nil
    }
    let factor = map["handle_factor"].map { $0.positiveNumber(what: "a positive talk-time factor") } ?? 1
    let availability = map["availability"].map { f -> Double? in
      guard let v = f.number(0...1, what: "a share of scheduled time logged in, above 0 and at most 1") else { return nil }
      guard v > 0 else { f.expected("a share of scheduled time logged in, above 0 and at most 1"); return nil }
      return v
    } ?? 1
    let gap = map["gap"].map { distributions.decode($0) }
    guard agents != .some(nil), share != .some(nil), let factor, let availability, gap != .some(nil) else { return nil }
    let count: RemoteWork.Count = (agents ?? nil).map { .agents($0) } ?? .share((share ?? nil) ?? 0)
    return field.build { () throws(ModelError) in
      try RemoteWork(count: count, handleFactor: factor, availability: availability, gap: gap ?? nil)
    }
  }

  /// `strike: {days: [dates], staffing_factor: S}`.
  func strike(_ field: ScenarioField) -> Strike? {
    guard let map = field.mapping(["days", "staffing_factor"]) else { return nil }
    let dates = map.required("days", "a list of strike dates YYYY-MM-DD")?.list().map { $0.map { $0.date() } }
    let factor = map.required("staffing_factor", "the share of scheduled agents who work on a strike day")?.share()
    guard let dates, dates.allSatisfy({ $0 != nil }), let factor else { return nil }
    guard !dates.isEmpty else { map["days"]?.expected("at least one date"); return nil }
    return field.build { () throws(ModelError) in try Strike(dates: Set(dates.map { $0! }), staffingFactor: factor) }
  }

  /// The groups with their remote work: each group's own `remote` (checked against its
  /// rostered agents), and the top-level one split over the other rostered groups (a count in
  /// proportion to their rostered agents, largest remainder; a share applies to each).
  func splitRemote(top: RemoteWork?, roster: Roster, groups: [AgentGroup], fields: ScenarioMapping) -> [AgentGroup]? {
    var result = groups
    var ok = true
    for (g, group) in groups.enumerated() {
      guard let r = group.remote else { continue }
      let path = "agent_groups.\(group.name).remote"
      let value = fields["agent_groups"]?.value[group.name]?["remote"] ?? fields.field.value
      let field = ScenarioField(value: value, path: path, diagnostics: fields.field.diagnostics)
      let total = roster.agents(group: g)
      guard roster.staffs(group: g) else {
        field.error("remote agents are drawn from the roster, and no roster or reinforcement line names group '\(group.name)'")
        ok = false
        continue
      }
      if case .agents(let n) = r.count, n > total {
        ScenarioField(value: value["agents"] ?? value, path: field.child("agents"), diagnostics: field.diagnostics)
          .expected("at most the \(total) rostered agents of group '\(group.name)'")
        ok = false
      }
    }
    guard let top, let topField = fields["remote"] else { return ok ? result : nil }
    let covered = groups.indices.filter { roster.staffs(group: $0) && groups[$0].remote == nil }
    guard !covered.isEmpty else {
      topField.error("remote agents are drawn from the roster, and no roster or reinforcement line names a group without its own remote")
      return nil
    }
    switch top.count {
    case .share:
      for g in covered { result[g].remote = top }
    case .agents(let n):
      let sizes = covered.map { roster.agents(group: $0) }
      let total = sizes.reduce(0, +)
      guard n <= total else {
        ScenarioField(value: topField.value["agents"] ?? topField.value, path: topField.child("agents"), diagnostics: topField.diagnostics)
          .expected("at most the \(total) rostered agents of the groups it covers (\(ScenarioDecoder.list(covered.map { groups[$0].name })))")
        return nil
      }
      for (g, k) in zip(covered, ScenarioDecoder.largestRemainder(n, weights: sizes)) {
        var r = top
        r.count = .agents(k)
        result[g].remote = r
      }
    }
    return ok ? result : nil
  }

  /// `n` split in proportion to `weights` (whole numbers ≥ 0, not all 0 unless `n` is 0):
  /// each gets the whole part of its quota, and the rest go one each to the largest
  /// remainders, earlier entries first on ties (Hamilton's method).
  static func largestRemainder(_ n: Int, weights: [Int]) -> [Int] {
    let total = weights.reduce(0, +)
    guard total > 0 else { return weights.map { _ in 0 } }
    var parts = weights.map { n * $0 / total }
    let remainders = weights.map { n * $0 % total }
    let left = n - parts.reduce(0, +)
    let order = weights.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
    for i in order.prefix(left) { parts[i] += 1 }
    return parts
  }
}
