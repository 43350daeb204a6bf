/// A complete, validated description of one contact center and how to simulate it.
///
/// Built by the scenario layer from a YAML file, or directly from Swift.
public struct CallCenterModel: Sendable, Equatable {
  public var name: String
  public var settings: SimulationSettings
  public var arrivals: ArrivalProfile
  public var callTypes: [CallType]
  /// Agents on duty all the time (one pool serving every call type, FIFO).
  public var agents: Int
  /// Lines to the number; a call arriving when all are held (IVR + waiting + talking) is
  /// blocked. `nil` means unlimited.
  public var trunks: Int?
  public var ivr: IVRStage?
  public var targets: Targets

  public init(
    name: String, settings: SimulationSettings, arrivals: ArrivalProfile, callTypes: [CallType],
    agents: Int, trunks: Int? = nil, ivr: IVRStage? = nil, targets: Targets = Targets()
  ) {
    precondition(!callTypes.isEmpty, "a model needs at least one call type")
    precondition(agents >= 0)
    self.name = name
    self.settings = settings
    self.arrivals = arrivals
    self.callTypes = callTypes
    self.agents = agents
    self.trunks = trunks
    self.ivr = ivr
    self.targets = targets
  }
}
