/// `agents` agents of a group working `shift` on the days of `days`: one line of a roster,
/// or one reinforcement rule (a shift without pauses over the rule's hours).
public struct RosterLine: Sendable, Equatable {
  /// Index of the agent group in the model.
  public var group: Int
  public var shift: ShiftTemplate
  public var agents: Int
  public var days: DaySet
  /// Whether the line comes from a `reinforcement` rule (reported apart in the roster).
  public var isReinforcement: Bool
  /// Agent k of the line pauses as agent k + `staggerOffset` of a line would (its lunch and
  /// break times, see ``ShiftTemplate/pauses(agent:)``): lines of one person each (a planned
  /// schedule for people) still spread their pauses.
  public var staggerOffset: Int

  public init(
    group: Int, shift: ShiftTemplate, agents: Int, days: DaySet, isReinforcement: Bool = false, staggerOffset: Int = 0
  ) throws(ModelError) {
    try ModelError.require(agents >= 0, "a roster line cannot have a negative number of agents")
    try ModelError.require(staggerOffset >= 0, "a roster line's stagger offset cannot be negative")
    self.group = group
    self.shift = shift
    self.agents = agents
    self.days = days
    self.isReinforcement = isReinforcement
    self.staggerOffset = staggerOffset
  }
}
