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
  /// Chats (``Channel/chat``) an agent of the group holds at once, at least 1.
  public var chatConcurrency = 1
  /// Per number of chats held, n = 1…`chatConcurrency` (index n − 1): seconds each chat
  /// takes per second of its `handle`, at least 1 (a chat's `handle` is its length when it is
  /// the agent's only chat). Empty: no slow-down.
  public var chatSlowdown: [Double] = []

  public init(name: String, skills: [Int], staffing: StaffingPlan, remote: RemoteWork? = nil) {
    self.name = name
    self.skills = skills
    self.staffing = staffing
    self.remote = remote
  }

  /// The slow-down factor with `chats` chats in progress (1…``chatConcurrency``).
  @inline(__always)
  func slowdown(chats: Int) -> Double { chatSlowdown.isEmpty ? 1 : chatSlowdown[chats - 1] }

  /// The type this group was hired for, or `nil` for a group with no skills.
  public var homeType: Int? { skills.first }
}
