/// A shift template the planner may staff: on which days it may start, how many agents may
/// start it on one day, whether its agents are reinforcement workers, and which share of
/// their logged-in time they are available for calls.
public struct ShiftCandidate: Sendable, Equatable {
  public var template: ShiftTemplate
  /// Days on which agents may start the shift (a holiday is its own day type, see ``DaySet``).
  public var days: DaySet
  /// Most agents starting the shift on one date; nil for no cap.
  public var maxAgentsPerDay: Int?
  /// Whether the shift is for reinforcement workers (its roster lines are reported apart).
  public var isReinforcement: Bool
  /// Share of on-duty, unpaused time in which an agent takes calls, in (0, 1]: 1 at the
  /// office; below 1 for remote agents (the expected availability of remote work).
  public var availability: Double

  public init(
    template: ShiftTemplate, days: DaySet = .all, maxAgentsPerDay: Int? = nil, isReinforcement: Bool = false,
    availability: Double = 1
  ) throws(SchedulingError) {
    if let cap = maxAgentsPerDay, cap < 0 { throw .invalidCap(shift: template.name, value: cap) }
    guard availability > 0 && availability <= 1 else {
      throw .invalidAvailability(shift: template.name, value: availability)
    }
    self.template = template
    self.days = days
    self.maxAgentsPerDay = maxAgentsPerDay
    self.isReinforcement = isReinforcement
    self.availability = availability
  }

  /// Paid hours of one agent's shift (the shift minus its lunch).
  public var paidHours: Double { template.paidLength / 3600 }

  /// For each interval of `intervalLength` seconds from the midnight of the shift's day over
  /// two days (2·86 400 / `intervalLength` values, so that a shift crossing midnight reaches
  /// into the next day), the share of the interval during which an agent is on duty and not
  /// on a lunch or break, averaged over the template's stagger variants (agents 0 to
  /// `variants − 1` of a line; agent `k` follows variant `k mod variants`). Absence and
  /// availability are not applied here.
  /// - Complexity: O(variants · (pauses + intervals in the shift)).
  public func onPhoneShares(intervalLength: Double) -> [Double] {
    precondition(intervalLength > 0 && (86_400 / intervalLength).rounded() == 86_400 / intervalLength, "interval must divide a day")
    let count = Int(2 * 86_400 / intervalLength)
    var shares = [Double](repeating: 0, count: count)
    let t = template
    let first = Int((t.start / intervalLength).rounded(.down))
    let last = min(count - 1, Int((t.end / intervalLength).rounded(.up)) - 1)
    func overlap(_ a: Double, _ b: Double, _ i: Int) -> Double {
      max(0, min(b, Double(i + 1) * intervalLength) - max(a, Double(i) * intervalLength))
    }
    let variants = t.variants
    for k in 0..<variants {
      let pauses = t.pauses(agent: k)
      for i in first...last {
        var onPhones = overlap(t.start, t.end, i)
        for p in pauses { onPhones -= overlap(p.start, p.end, i) }
        shares[i] += max(0, onPhones) / intervalLength
      }
    }
    return shares.map { $0 / Double(variants) }
  }

  /// The shifts `callsim plan` offers when a scenario has no `shifts`: on every hour,
  /// - `day-HH`: 09:00–18:00 style, a 9-hour span with 8 paid hours and a 1-hour unpaid
  ///   lunch (the Korean practice: a one-hour break in an eight-hour day) taken in the middle
  ///   of the shift, starting 3 to 5 hours after the shift starts (window start+3 h to start+6 h,
  ///   15-minute stagger, 9 variants); no short breaks;
  /// - `short-HH`: 4 hours, all paid, without lunch or breaks, for reinforcement workers
  ///   (e.g. `short-13` is 13:00–17:00).
  /// Shifts starting in the evening cross midnight. 48 candidates, allowed on `days`, no caps.
  public static func defaults(days: DaySet = .all) -> [ShiftCandidate] {
    do {
      var result: [ShiftCandidate] = []
      for hour in 0..<24 {
        let start = Double(hour * 3600)
        let lunch = ShiftTemplate.Lunch(windowStart: start + 3 * 3600, windowEnd: start + 6 * 3600, length: 3600)
        let day = try ShiftTemplate(name: "day-" + twoDigits(hour), start: start, length: 9 * 3600, lunch: lunch, staggerStep: 900)
        result.append(try ShiftCandidate(template: day, days: days))
      }
      for hour in 0..<24 {
        let short = try ShiftTemplate(name: "short-" + twoDigits(hour), start: Double(hour * 3600), length: 4 * 3600, staggerStep: 0)
        result.append(try ShiftCandidate(template: short, days: days, isReinforcement: true))
      }
      return result
    } catch {
      preconditionFailure("default shift templates are valid: \(error)")
    }
  }

  private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
