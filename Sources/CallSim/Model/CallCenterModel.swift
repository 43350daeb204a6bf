/// A complete, validated description of one contact center and how to simulate it.
///
/// Built by the scenario layer from a YAML file, or directly from Swift.
public struct CallCenterModel: Sendable, Equatable {
  public var name: String
  public var settings: SimulationSettings
  public var arrivals: ArrivalProfile
  public var callTypes: [CallType]
  /// Agents on duty in each hour (one pool serving every call type, FIFO).
  public var staffing: StaffingPlan
  /// Lines to the number; a call arriving when all are held (IVR + waiting + talking) is
  /// blocked. `nil` means unlimited.
  public var trunks: Int?
  public var ivr: IVRStage?
  public var targets: Targets

  public init(
    name: String, settings: SimulationSettings, arrivals: ArrivalProfile, callTypes: [CallType],
    staffing: StaffingPlan, trunks: Int? = nil, ivr: IVRStage? = nil, targets: Targets = Targets()
  ) {
    precondition(!callTypes.isEmpty, "a model needs at least one call type")
    precondition(staffing.agentsByHour.count == settings.hours, "the staffing plan must cover every hour")
    self.name = name
    self.settings = settings
    self.arrivals = arrivals
    self.callTypes = callTypes
    self.staffing = staffing
    self.trunks = trunks
    self.ivr = ivr
    self.targets = targets
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
}
