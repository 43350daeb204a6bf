/// A complete, validated description of one contact center and how to simulate it.
///
/// Built by the scenario layer from a YAML file, or directly from Swift.
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

  public init(
    name: String, settings: SimulationSettings, arrivals: ArrivalProfile, callTypes: [CallType],
    agentGroups: [AgentGroup], routing: Routing = Routing(), trunks: Int? = nil, ivr: IVRStage? = nil,
    targets: Targets = Targets()
  ) {
    precondition(!callTypes.isEmpty, "a model needs at least one call type")
    precondition(!agentGroups.isEmpty, "a model needs at least one agent group")
    for g in agentGroups {
      precondition(g.staffing.agentsByHour.count == settings.hours, "the staffing plan must cover every hour")
      precondition(g.skills.allSatisfy { callTypes.indices.contains($0) }, "a skill names no call type")
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
  }

  /// A model with one integrated group of generalists, named `agents`, who take every call
  /// type at the same speed: the single-pool model of `agents: N`.
  public init(
    name: String, settings: SimulationSettings, arrivals: ArrivalProfile, callTypes: [CallType],
    staffing: StaffingPlan, trunks: Int? = nil, ivr: IVRStage? = nil, targets: Targets = Targets()
  ) {
    self.init(
      name: name, settings: settings, arrivals: arrivals, callTypes: callTypes,
      agentGroups: [AgentGroup(name: CallCenterModel.singleGroupName, skills: Array(callTypes.indices), staffing: staffing)],
      trunks: trunks, ivr: ivr, targets: targets)
  }

  /// A model with `agents` on duty all the time.
  public init(
    name: String, settings: SimulationSettings, arrivals: ArrivalProfile, callTypes: [CallType],
    agents: Int, trunks: Int? = nil, ivr: IVRStage? = nil, targets: Targets = Targets()
  ) {
    self.init(
      name: name, settings: settings, arrivals: arrivals, callTypes: callTypes,
      staffing: .constant(agents, hours: settings.hours), trunks: trunks, ivr: ivr, targets: targets)
  }

  /// The name of the one group that `agents: N` describes.
  public static let singleGroupName = "agents"

  /// Agents on duty in each hour, all groups together.
  public var staffing: StaffingPlan {
    var total = agentGroups[0].staffing.agentsByHour
    for g in agentGroups.dropFirst() {
      for (h, n) in g.staffing.agentsByHour.enumerated() { total[h] += n }
    }
    return StaffingPlan(agentsByHour: total)
  }
}
