/// How many agents are on duty in each hour of the horizon.
///
/// The simplest plans are a constant (`agents: 48`) or one profile by hour of day repeated
/// every day (`agents: {hourly: [...]}`); shift rosters will produce the same shape.
public struct StaffingPlan: Sendable, Equatable {
  /// Agents on duty in each hour of the horizon, from hour 0 of day 0.
  public var agentsByHour: [Int]

  public init(agentsByHour: [Int]) {
    precondition(!agentsByHour.isEmpty && agentsByHour.allSatisfy { $0 >= 0 })
    self.agentsByHour = agentsByHour
  }

  /// `agents` on duty all the time.
  public static func constant(_ agents: Int, hours: Int) -> StaffingPlan {
    StaffingPlan(agentsByHour: Array(repeating: agents, count: hours))
  }

  /// The same 24-hour profile every day.
  public static func daily(_ profile: [Int], days: Int) -> StaffingPlan {
    precondition(profile.count == 24)
    return StaffingPlan(agentsByHour: Array((0..<days).map { _ in profile }.joined()))
  }

  /// The most agents on duty at once.
  public var peak: Int { agentsByHour.max() ?? 0 }

  /// Mean agents on duty per hour.
  public var mean: Double { Double(agentsByHour.reduce(0, +)) / Double(agentsByHour.count) }
}
