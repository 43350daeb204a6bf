/// The rules a planned schedule for people must keep and what its hours cost (a scenario's
/// `planning:` block).
///
/// With these rules `callsim plan` schedules people week by week (tour scheduling): each
/// person works at most ``daysPerWeek`` days in each Monday–Sunday week, with two adjacent
/// days off when ``daysOffTogether``; without them it schedules shift starts per date.
public struct PlanningRules: Sendable, Equatable {
  /// Most days a person works in one Monday–Sunday week, 1–7 (default 5).
  public var daysPerWeek: Int
  /// Whether each person's days off in each week include two adjacent days (Sunday and
  /// Monday count as adjacent: the week is a cycle).
  public var daysOffTogether: Bool
  /// Most people per agent group (index in the model); groups not named have no limit.
  public var headCount: [Int: Int]
  /// Most share of a group's paid hours in short shifts (reinforcement shifts and shifts of
  /// under 6 paid hours); `nil` for no limit.
  public var shortShiftShare: Double?
  /// Paid hours a week of one full-time equivalent (default 40).
  public var hoursPerFTE: Double
  /// Cost of one paid hour per group (index in the model); groups not named cost
  /// ``defaultCostPerHour``.
  public var costPerHour: [Int: Double]
  /// Cost of one paid hour of a group not in ``costPerHour`` (default 1: costs in paid hours).
  public var defaultCostPerHour: Double

  public init(
    daysPerWeek: Int = 5, daysOffTogether: Bool = false, headCount: [Int: Int] = [:], shortShiftShare: Double? = nil,
    hoursPerFTE: Double = 40, costPerHour: [Int: Double] = [:], defaultCostPerHour: Double = 1
  ) throws(ModelError) {
    try ModelError.require((1...7).contains(daysPerWeek), "planning.days_per_week must be 1 to 7")
    try ModelError.require(headCount.values.allSatisfy { $0 >= 0 }, "a head count cannot be negative")
    try ModelError.require(shortShiftShare.map { $0 >= 0 && $0 <= 1 } ?? true, "planning.short_shift_share must be a share in [0, 1]")
    try ModelError.require(hoursPerFTE > 0 && hoursPerFTE <= 168, "planning.hours_per_fte must be above 0 and at most 168")
    try ModelError.require(
      (costPerHour.values + [defaultCostPerHour]).allSatisfy { $0.isFinite && $0 > 0 }, "a cost per hour must be above 0")
    self.daysPerWeek = daysPerWeek
    self.daysOffTogether = daysOffTogether
    self.headCount = headCount
    self.shortShiftShare = shortShiftShare
    self.hoursPerFTE = hoursPerFTE
    self.costPerHour = costPerHour
    self.defaultCostPerHour = defaultCostPerHour
  }

  /// The cost of one paid hour of group `group`.
  public func costPerHour(group: Int) -> Double { costPerHour[group] ?? defaultCostPerHour }

  /// Default rules: what the planner assumes for FTE and cost without a `planning:` block.
  public static let defaults = try! PlanningRules()
}
