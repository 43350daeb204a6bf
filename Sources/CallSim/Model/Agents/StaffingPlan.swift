/// How many agents are on duty in each hour of the horizon.
///
/// The simplest plans are a constant (`agents: 48`) or one profile by hour of day repeated
/// every day (`agents: {hourly: [...]}`); shift rosters will produce the same shape.
public struct StaffingPlan: Sendable, Equatable {
  /// Agents on duty in each hour of the horizon, from hour 0 of day 0.
  public var agentsByHour: [Int]

  /// Throws unless there is at least one hour and no count is negative.
  public init(agentsByHour: [Int]) throws(ModelError) {
    try ModelError.require(!agentsByHour.isEmpty, "a staffing plan needs at least one hour")
    try ModelError.require(agentsByHour.allSatisfy { $0 >= 0 }, "a staffing plan cannot have a negative number of agents")
    self.agentsByHour = agentsByHour
  }

  /// `agents` on duty all the time.
  public static func constant(_ agents: Int, hours: Int) throws(ModelError) -> StaffingPlan {
    try ModelError.require(hours >= 1, "a staffing plan needs at least one hour, found \(hours)")
    return try StaffingPlan(agentsByHour: Array(repeating: agents, count: hours))
  }

  /// The same 24-hour profile every day.
  public static func daily(_ profile: [Int], days: Int) throws(ModelError) -> StaffingPlan {
    try ModelError.require(profile.count == 24, "a daily staffing profile needs 24 hours, found \(profile.count)")
    try ModelError.require(days >= 1, "a staffing plan needs at least one day, found \(days)")
    return try StaffingPlan(agentsByHour: Array((0..<days).map { _ in profile }.joined()))
  }

  /// The most agents on duty at once.
  public var peak: Int { agentsByHour.max() ?? 0 }

  /// Mean agents on duty per hour.
  public var mean: Double { Double(agentsByHour.reduce(0, +)) / Double(agentsByHour.count) }
}
