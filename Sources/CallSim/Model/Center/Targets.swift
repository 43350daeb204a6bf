/// The service goals a run is judged against and the planner staffs for.
public struct Targets: Sendable, Equatable {
  /// Seconds within which an answer counts toward the service level (default 20).
  public var serviceLevelWithin: Double
  /// Required share answered within `serviceLevelWithin`, if any.
  public var serviceLevelShare: Double?
  /// Required answered / inflow, if any.
  public var answerRate: Double?
  /// Highest acceptable agent occupancy, if any.
  public var maxOccupancy: Double?
  /// Over what the planner judges the targets (`targets.judged`); runs report every level.
  public var judged: TargetLevel

  public init(
    serviceLevelWithin: Double = 20, serviceLevelShare: Double? = nil, answerRate: Double? = nil, maxOccupancy: Double? = nil,
    judged: TargetLevel = .interval
  ) {
    self.serviceLevelWithin = serviceLevelWithin
    self.serviceLevelShare = serviceLevelShare
    self.answerRate = answerRate
    self.maxOccupancy = maxOccupancy
    self.judged = judged
  }

  /// Whether any target is set.
  public var isEmpty: Bool { serviceLevelShare == nil && answerRate == nil && maxOccupancy == nil }
}

/// Over which totals a service agreement is judged: every interval's (the strictest and most
/// expensive), each date's, or the whole measured period's.
public enum TargetLevel: String, Sendable, Equatable, CaseIterable {
  case interval
  case day
  case period
}
