/// `roster.yaml` of a plan: the scenario that was planned, whole (as `scenario.resolved.yaml`),
/// with its staffing replaced by the plan's shifts and roster, so that `callsim run
/// roster.yaml` — or a scenario that `extends:` it — runs the plan.
///
/// The planned groups keep their skills and remote work; their `agents`, their lines of
/// the scenario's `roster` and `reinforcement`, and any `timeline` change of staffing, give
/// way to the plan; groups not planned keep their own staffing. Lines of short shifts become
/// `reinforcement` rules over their hours.
public struct PlanRosterFile {
  public var plan: CapacityPlan
  /// The merged tree of the planned scenario.
  public var scenario: ScenarioValue

  public init(plan: CapacityPlan, scenario: ScenarioValue) {
    self.plan = plan
    self.scenario = scenario
  }

  static let staffingKeys: Set<String> = ["agents", "roster", "reinforcement", "shifts"]

  /// The scenario tree to write.
  public func tree() -> ScenarioValue {
    let origin = ScenarioValue.Origin(file: "roster.yaml", line: nil)
    func text(_ s: String, quoted: Bool = false) -> ScenarioValue { .scalar(s, quoted: quoted, origin: origin) }
    func map(_ pairs: [(String, ScenarioValue)]) -> ScenarioValue { .mapping(pairs.map { (key: $0.0, value: $0.1) }, origin: origin) }
    let model = plan.model
    let typeNames = model.callTypes.map(\.name)
    let planned = Set(plan.groups.map(\.group))
    let lines = model.roster.lines.filter { !planned.contains($0.group) } + plan.lines

    var tree = scenario
    for key in PlanRosterFile.staffingKeys { tree = tree.removing(key) }
    tree = tree.setting(["scenario"], to: text(plan.model.name + "-plan"))
    tree = tree.setting(
      ["description"], to: text("Staffing proposed by callsim plan for \(plan.model.name): shifts chosen at least paid hours to meet the targets"))
    let groupValues = model.agentGroups.enumerated().map { g, group in
      var value = scenario["agent_groups"]?[group.name] ?? map([("skills", .sequence(group.skills.map { text(typeNames[$0]) }, origin: origin))])
      if planned.contains(g) { value = value.removing("agents") }
      return (group.name, value)
    }
    tree = tree.setting(["agent_groups"], to: map(groupValues))
    if let timeline = stripped(scenario["timeline"]) { tree = tree.setting(["timeline"], to: timeline) } else { tree = tree.removing("timeline") }

    let used = Set(lines.filter { !$0.isReinforcement }.map(\.shift.name))
    var shifts: [(String, ScenarioValue)] = []
    var templates = plan.templates
    for line in lines where !templates.contains(where: { $0.name == line.shift.name }) { templates.append(line.shift) }
    for template in templates where used.contains(template.name) {
      var pairs: [(String, ScenarioValue)] = [
        ("start", text(TimeText.clock(template.start), quoted: true)),
        ("end", text(TimeText.clockOfDay(template.end), quoted: true)),
      ]
      if let lunch = template.lunch {
        let window = "\(TimeText.clockOfDay(lunch.windowStart))-\(TimeText.clockOfDay(lunch.windowEnd))"
        pairs.append(("lunch", map([("window", text(window, quoted: true)), ("length", text(TimeText.duration(lunch.length)))])))
      }
      if let breaks = template.breaks {
        pairs.append(
          ("breaks", map([("every", text(TimeText.duration(breaks.every))), ("length", text(TimeText.duration(breaks.length)))])))
      }
      pairs.append(("stagger", text(template.staggerStep == 0 ? "none" : TimeText.duration(template.staggerStep))))
      shifts.append((template.name, map(pairs)))
    }
    func days(_ line: RosterLine) -> ScenarioValue {
      let d = line.days
      var words = Weekday.allCases.filter(d.weekdays.contains).map(\.rawValue)
      if d.holidays { words.append("holiday") }
      return .sequence((words + d.dates.sorted().map { "\($0)" }).map { text($0) }, origin: origin)
    }
    func group(_ line: RosterLine) -> ScenarioValue { text(model.agentGroups[line.group].name) }
    let roster = lines.filter { !$0.isReinforcement }.map { line in
      var pairs = [("group", group(line)), ("shift", text(line.shift.name)), ("agents", text("\(line.agents)")), ("days", days(line))]
      if line.staggerOffset > 0 { pairs.append(("stagger_offset", text("\(line.staggerOffset)"))) }
      return map(pairs)
    }
    let reinforcement = lines.filter(\.isReinforcement).map { line in
      let hours = "\(TimeText.clock(line.shift.start))-\(TimeText.clockOfDay(line.shift.end))"
      return map([("group", group(line)), ("hours", text(hours, quoted: true)), ("agents", text("\(line.agents)")), ("days", days(line))])
    }
    if !shifts.isEmpty { tree = tree.setting(["shifts"], to: map(shifts)) }
    if !roster.isEmpty { tree = tree.setting(["roster"], to: .sequence(roster, origin: origin)) }
    if !reinforcement.isEmpty { tree = tree.setting(["reinforcement"], to: .sequence(reinforcement, origin: origin)) }
    return tree
  }

  /// The timeline without changes to the staffing the plan replaces (`nil` when nothing is left).
  func stripped(_ timeline: ScenarioValue?) -> ScenarioValue? {
    guard case .sequence(let items, let origin)? = timeline else { return nil }
    let kept: [ScenarioValue] = items.compactMap { item in
      guard case .mapping(let pairs, let o)? = item["set"] else { return item }
      let left = pairs.filter { pair in
        let first = pair.key.split(separator: ".").first.map(String.init) ?? pair.key
        return !PlanRosterFile.staffingKeys.contains(first) && !(first == "agent_groups" && pair.key.hasSuffix(".agents"))
      }
      return left.isEmpty ? nil : item.setting(["set"], to: .mapping(left, origin: o))
    }
    return kept.isEmpty ? nil : .sequence(kept, origin: origin)
  }

  /// YAML text with a header saying where it came from.
  public func yaml() throws -> String {
    "# Written by callsim plan: run it with `callsim run roster.yaml`, or `extends:` it.\n" + (try tree().yaml())
  }
}

extension PlanRosterFile {
  /// `placement.yaml`: the planned scenario whole, with the placed workers added to its
  /// `reinforcement` rules (a YAML list replaces the base's, so the old rules are repeated).
  public static func placementYAML(_ placement: ReinforcementPlacement.Outcome, model: CallCenterModel, scenario: ScenarioValue) throws -> String {
    let origin = ScenarioValue.Origin(file: "placement.yaml", line: nil)
    func text(_ s: String, quoted: Bool = false) -> ScenarioValue { .scalar(s, quoted: quoted, origin: origin) }
    var rules: [ScenarioValue] = []
    if case .sequence(let old, _)? = scenario["reinforcement"] { rules = old }
    for line in placement.lines {
      let hours = "\(TimeText.clock(line.shift.start))-\(TimeText.clockOfDay(line.shift.end))"
      var days = Weekday.allCases.filter(line.days.weekdays.contains).map { text($0.rawValue) }
      if line.days.holidays { days.append(text("holiday")) }
      rules.append(
        .mapping(
          [
            (key: "group", value: text(model.agentGroups[line.group].name)), (key: "hours", value: text(hours, quoted: true)),
            (key: "agents", value: text("\(line.agents)")), (key: "days", value: .sequence(days, origin: origin)),
          ], origin: origin))
    }
    var tree = scenario.setting(["reinforcement"], to: .sequence(rules, origin: origin))
    tree = tree.setting(["scenario"], to: text(model.name + "-placement"))
    return "# Written by callsim plan --place: the scenario with the placed workers (callsim run placement.yaml).\n" + (try tree.yaml())
  }
}
