/// `roster.yaml` of a plan: the scenario that was planned, whole (as `scenario.resolved.yaml`),
/// with its staffing replaced by the plan's shifts and roster, so that `callsim run
/// roster.yaml` — or a scenario that `extends:` it — runs the plan.
///
/// The planned group keeps its skills and remote work; its `agents`, the scenario's
/// `roster`, `reinforcement` and `shifts`, and any `timeline` change of those, give way to
/// the plan. Lines of short shifts become `reinforcement` rules over their hours.
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
    let group = plan.model.agentGroups[0]
    let typeNames = plan.model.callTypes.map(\.name)

    var tree = scenario
    for key in PlanRosterFile.staffingKeys { tree = tree.removing(key) }
    tree = tree.setting(["scenario"], to: text(plan.model.name + "-plan"))
    tree = tree.setting(
      ["description"], to: text("Staffing proposed by callsim plan for \(plan.model.name): shifts chosen at least paid hours to meet the targets"))
    var groupValue = scenario["agent_groups"]?[group.name] ?? map([("skills", .sequence(group.skills.map { text(typeNames[$0]) }, origin: origin))])
    groupValue = groupValue.removing("agents")
    tree = tree.setting(["agent_groups"], to: map([(group.name, groupValue)]))
    if let timeline = stripped(scenario["timeline"]) { tree = tree.setting(["timeline"], to: timeline) } else { tree = tree.removing("timeline") }

    let used = Set(plan.schedule.lines.filter { !$0.isReinforcement }.map(\.shift.name))
    var shifts: [(String, ScenarioValue)] = []
    for template in plan.templates where used.contains(template.name) {
      var pairs: [(String, ScenarioValue)] = [
        ("start", text(ScenarioDecoder.clock(template.start), quoted: true)),
        ("end", text(ScenarioDecoder.clockOfDay(template.end), quoted: true)),
      ]
      if let lunch = template.lunch {
        let window = "\(ScenarioDecoder.clockOfDay(lunch.windowStart))-\(ScenarioDecoder.clockOfDay(lunch.windowEnd))"
        pairs.append(("lunch", map([("window", text(window, quoted: true)), ("length", text(ScenarioDecoder.durationText(lunch.length)))])))
      }
      if let breaks = template.breaks {
        pairs.append(
          ("breaks", map([("every", text(ScenarioDecoder.durationText(breaks.every))), ("length", text(ScenarioDecoder.durationText(breaks.length)))])))
      }
      pairs.append(("stagger", text(template.staggerStep == 0 ? "none" : ScenarioDecoder.durationText(template.staggerStep))))
      shifts.append((template.name, map(pairs)))
    }
    func days(_ line: RosterLine) -> ScenarioValue {
      .sequence(line.days.dates.sorted().map { text("\($0)") }, origin: origin)
    }
    let roster = plan.schedule.lines.filter { !$0.isReinforcement }.map { line in
      map([("group", text(group.name)), ("shift", text(line.shift.name)), ("agents", text("\(line.agents)")), ("days", days(line))])
    }
    let reinforcement = plan.schedule.lines.filter(\.isReinforcement).map { line in
      let hours = "\(ScenarioDecoder.clock(line.shift.start))-\(ScenarioDecoder.clockOfDay(line.shift.end))"
      return map([("group", text(group.name)), ("hours", text(hours, quoted: true)), ("agents", text("\(line.agents)")), ("days", days(line))])
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
      let hours = "\(ScenarioDecoder.clock(line.shift.start))-\(ScenarioDecoder.clockOfDay(line.shift.end))"
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
