/// What a weekly schedule for people (a tour) must respect, beyond covering the requirement.
///
/// Weeks are Monday–Sunday calendar weeks. Days of a partial week outside the horizon (a
/// horizon may start or end mid-week) count as days off: they never hold a shift, and they
/// may be the adjacent days off of ``daysOffTogether``.
public struct TourRules: Sendable, Equatable {
  /// Each person works at most this many days in each Monday–Sunday week, 1…7.
  public var daysPerWeek: Int
  /// Whether each person's days off in each week include two adjacent days, the week
  /// counted as a cycle (Sunday and Monday of the same week are adjacent). Needs
  /// `daysPerWeek` ≤ 5.
  public var daysOffTogether: Bool
  /// At most this many people over the horizon; nil for no limit.
  public var headCount: Int?
  /// At most this share, in [0, 1], of the paid hours in short shifts; nil for no limit.
  /// A shift is *short* when its candidate is a reinforcement shift
  /// (``ShiftCandidate/isReinforcement``) or when it has under ``shortShiftPaidHours`` paid
  /// hours: both are the part-time work a centre wants to keep to a share of its hours.
  public var shortShiftShare: Double?
  /// Cost of one paid hour (any currency, > 0); the objective is this × paid hours.
  public var costPerPaidHour: Double

  /// Paid hours (6) under which a shift counts as short.
  public static let shortShiftPaidHours = 6.0

  /// - Throws: ``SchedulingError`` for a value outside its range (see each property).
  public init(
    daysPerWeek: Int = 5, daysOffTogether: Bool = false, headCount: Int? = nil, shortShiftShare: Double? = nil,
    costPerPaidHour: Double = 1
  ) throws(SchedulingError) {
    guard (1...7).contains(daysPerWeek) else { throw .invalidDaysPerWeek(daysPerWeek) }
    if daysOffTogether && daysPerWeek > 5 { throw .daysOffTogetherNeedTwoDaysOff(daysPerWeek: daysPerWeek) }
    if let headCount, headCount < 0 { throw .invalidHeadCount(headCount) }
    if let share = shortShiftShare, !(share >= 0 && share <= 1) { throw .invalidShortShiftShare(share) }
    guard costPerPaidHour.isFinite && costPerPaidHour > 0 else { throw .invalidCostPerPaidHour(costPerPaidHour) }
    self.daysPerWeek = daysPerWeek
    self.daysOffTogether = daysOffTogether
    self.headCount = headCount
    self.shortShiftShare = shortShiftShare
    self.costPerPaidHour = costPerPaidHour
  }

  /// Whether `candidate` is a short shift (see ``shortShiftShare``).
  public static func isShort(_ candidate: ShiftCandidate) -> Bool {
    candidate.isReinforcement || candidate.paidHours < shortShiftPaidHours - 1e-9
  }

  /// Whether a person may work exactly on the days `working` (weekday indices 0 = Monday …
  /// 6 = Sunday) of one week: at most ``daysPerWeek`` of them and, with ``daysOffTogether``,
  /// two cyclically adjacent days among the others.
  public func allows(workingDays working: Set<Int>) -> Bool {
    guard working.count <= daysPerWeek else { return false }
    guard daysOffTogether else { return true }
    return (0..<7).contains { !working.contains($0) && !working.contains(($0 + 1) % 7) }
  }
}
