/// A team of agents with the same skills and one staffing plan.
///
/// The first skill is the group's *home* type: under `split` routing the group serves only
/// that type, and serving any other type is slower by the generalist factor
/// (``GeneralistFactor``).
public struct AgentGroup: Sendable, Equatable {
  public var name: String
  /// Indices into the model's call types; the first is the home type.
  public var skills: [Int]
  /// Agents of this group on duty in each hour of the horizon.
  public var staffing: StaffingPlan

  public init(name: String, skills: [Int], staffing: StaffingPlan) {
    self.name = name
    self.skills = skills
    self.staffing = staffing
  }

  /// The type this group was hired for, or `nil` for a group with no skills.
  public var homeType: Int? { skills.first }
}
