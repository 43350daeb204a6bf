/// A team of agents with the same skills and one staffing plan.
///
/// The first skill is the group's *home* type: under `split` routing the group serves only
/// that type, and serving any other type is slower by the generalist factor
/// (``GeneralistFactor``).
public struct AgentGroup: Sendable, Equatable {
  public var name: String
  /// Indices into the model's call types; the first is the home type.
  public var skills: [Int]
  /// Agents of this group on duty in each hour of the horizon, for a group staffed by the
  /// hour (`agents:`); all zeros for a group the roster staffs.
  public var staffing: StaffingPlan
  /// The group's remote agents, among its rostered agents.
  public var remote: RemoteWork?
  /// Agents of the group kept free for phone calls: an agent takes a message only while at
  /// least this many others stay idle (0: messages take any idle agent).
  public var reserve = 0

  public init(name: String, skills: [Int], staffing: StaffingPlan, remote: RemoteWork? = nil) {
    self.name = name
    self.skills = skills
    self.staffing = staffing
    self.remote = remote
  }

  /// The type this group was hired for, or `nil` for a group with no skills.
  public var homeType: Int? { skills.first }
}
