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

  public init(serviceLevelWithin: Double = 20, serviceLevelShare: Double? = nil, answerRate: Double? = nil, maxOccupancy: Double? = nil) {
    self.serviceLevelWithin = serviceLevelWithin
    self.serviceLevelShare = serviceLevelShare
    self.answerRate = answerRate
    self.maxOccupancy = maxOccupancy
  }
}
