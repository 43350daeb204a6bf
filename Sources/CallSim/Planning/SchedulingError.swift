import Foundation

/// Why a shift schedule could not be found. Each message is one line a planner can act on.
public enum SchedulingError: Error, CustomStringConvertible, Equatable {
  /// No choice of shifts covers the interval labelled `interval`: `requirement` agents are
  /// needed on the phones there and the allowed shifts, every one at its cap, cover at most
  /// `coverable` (0 when none of them is on duty then).
  case uncoverable(interval: String, requirement: Double, coverable: Double)
  /// The solver's time limit (seconds) passed before it had any integer schedule.
  case noScheduleWithinTimeLimit(seconds: Double)
  /// GLPK stopped with a return code other than success or the time limit (`routine` is the
  /// GLPK function, `code` its return-code name such as `GLP_EFAIL`).
  case solverFailed(routine: String, code: String)
  /// The absence share (of rostered agents) is outside [0, 1).
  case invalidAbsence(Double)
  /// A shift candidate's availability (share of logged-in time on the phones) is outside (0, 1].
  case invalidAvailability(shift: String, value: Double)
  /// A shift candidate's cap of agents per day is negative.
  case invalidCap(shift: String, value: Int)
  /// ``TourRules/daysPerWeek`` is outside 1…7.
  case invalidDaysPerWeek(Int)
  /// ``TourRules/daysOffTogether`` with more than 5 working days a week: a full week then has
  /// fewer than two days off, so no two adjacent ones.
  case daysOffTogetherNeedTwoDaysOff(daysPerWeek: Int)
  /// ``TourRules/headCount`` is below 0.
  case invalidHeadCount(Int)
  /// ``TourRules/shortShiftShare`` is outside [0, 1].
  case invalidShortShiftShare(Double)
  /// ``TourRules/costPerPaidHour`` is not a finite number above 0.
  case invalidCostPerPaidHour(Double)
  /// A general ``IntegerProgram`` has no solution (its rows and bounds contradict each other).
  case infeasibleProgram
  /// The requirement cannot be covered by `headCount` people under the tour rules; `needed`
  /// is a lower bound on the head count that might do (the rounded-up LP relaxation), when known.
  case headCountTooSmall(headCount: Int, needed: Int?)
  /// The requirement cannot be covered with at most `share` of the paid hours in short shifts.
  case shortShiftShareTooSmall(share: Double)
  /// A tour schedule's starts of `date` could not all be given to people without a shift
  /// overlapping the same person's shift of the day before.
  case noRoster(date: String)

  public var description: String {
    switch self {
    case .uncoverable(let interval, let requirement, let coverable):
      let possible = coverable > 0 ? "at most \(Self.show(coverable)) possible" : "no allowed shift is on duty then"
      return "no schedule covers interval \(interval) — the requirement there exceeds what the allowed shifts can cover "
        + "(\(Self.show(requirement)) agents needed on the phones, \(possible))"
    case .noScheduleWithinTimeLimit(let seconds):
      return "the shift schedule solver found no schedule within \(Self.show(seconds)) s; "
        + "allow more time with --solver-time-limit or use fewer shift templates"
    case .solverFailed(let routine, let code):
      return "the shift schedule solver failed: GLPK \(routine) returned \(code)"
    case .invalidAbsence(let v):
      return "the absence share must be at least 0 and below 1 (got \(v))"
    case .invalidAvailability(let shift, let v):
      return "shift \(shift)'s availability must be above 0 and at most 1 (got \(v))"
    case .invalidCap(let shift, let v):
      return "shift \(shift)'s cap of agents per day cannot be negative (got \(v))"
    case .invalidDaysPerWeek(let v):
      return "the working days per week must be from 1 to 7 (got \(v))"
    case .daysOffTogetherNeedTwoDaysOff(let v):
      return "two adjacent days off a week leave at most 5 working days (got \(v) days per week)"
    case .invalidHeadCount(let v):
      return "the head count cannot be negative (got \(v))"
    case .invalidShortShiftShare(let v):
      return "the share of paid hours in short shifts must be from 0 to 1 (got \(v))"
    case .invalidCostPerPaidHour(let v):
      return "the cost per paid hour must be a number above 0 (got \(v))"
    case .infeasibleProgram:
      return "the integer program has no solution: its rows and bounds contradict each other"
    case .headCountTooSmall(let headCount, let needed):
      let hint = needed.map { "; at least \($0) people are needed" } ?? ""
      return "no schedule covers the requirement with a head count of \(headCount) under the tour rules\(hint)"
    case .shortShiftShareTooSmall(let share):
      return "no schedule covers the requirement with at most \(Self.show(share * 100)) % of the paid hours "
        + "in short shifts (reinforcement shifts and shifts under 6 paid hours)"
    case .noRoster(let date):
      return "the tour schedule's shifts of \(date) could not be given to people without overlapping the day before's shifts"
    }
  }

  /// A number with at most two decimals and no trailing zeros ("12", "12.5", "0.33").
  static func show(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
    var text = String(format: "%.2f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}
