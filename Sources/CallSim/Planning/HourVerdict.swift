/// How one simulated hour did against the targets: the means over replications of the
/// hour's answer rate, service level and occupancy (ratios of means, as `hourly.csv`), and
/// which targets they miss.
///
/// An hour *misses* a target when its mean is worse than the target by more than the
/// tolerance (2 points by default): a few replications leave an hour's mean a few points
/// from its expectation, and chasing that noise would staff every hour up. It *falls short*
/// when its mean is worse than the target at all; the planner raises those hours only while
/// the whole run's 95 % interval does not clear the target.
public struct HourVerdict: Sendable, Equatable {
  /// Hour of the horizon (0 = the first midnight).
  public var hour: Int
  public var inflow: Double
  public var answerRate: Double?
  public var serviceLevel: Double?
  public var occupancy: Double?
  /// Names of the targets missed by more than the tolerance (`answer_rate`,
  /// `service_level`, `max_occupancy`).
  public var misses: [String]
  /// Names of the targets the hour's mean does not reach at all.
  public var shortOf: [String]
  /// Whether every target is met with room to spare: each rate at least `margin` above its
  /// target and occupancy `margin` below its limit (the planner then tries one agent fewer).
  public var hasRoom: Bool

  /// The measured hours of `result`, judged against `targets`. Hours without inflow meet
  /// every target and have no room (nothing to learn from them).
  public static func judge(_ result: RunResult, targets: Targets, tolerance: Double = 0.02, margin: Double = 0.05) -> [HourVerdict] {
    let settings = result.model.settings
    let n = Double(result.replications.count)
    return (settings.firstMeasuredHour..<settings.hours).map { h in
      var mean = result.hourSum(h)
      mean.scale(by: 1 / n)
      let ar = Metric.answerRate.value(of: mean, periodSeconds: 3600)
      let sl = Metric.serviceLevel.value(of: mean, periodSeconds: 3600)
      let occ = Metric.occupancy.value(of: mean, periodSeconds: 3600)
      var misses: [String] = []
      var short: [String] = []
      var room = mean.inflow > 0
      if let target = targets.answerRate, let ar {
        if ar < target - tolerance { misses.append("answer_rate") }
        if ar < target { short.append("answer_rate") }
        room = room && ar >= min(1, target + margin / 5)
      }
      if let target = targets.serviceLevelShare, let sl {
        if sl < target - tolerance { misses.append("service_level") }
        if sl < target { short.append("service_level") }
        room = room && sl >= target + margin
      }
      if let limit = targets.maxOccupancy, let occ {
        if occ > limit + tolerance { misses.append("max_occupancy") }
        if occ > limit { short.append("max_occupancy") }
        room = room && occ <= limit - margin
      }
      return HourVerdict(
        hour: h, inflow: mean.inflow, answerRate: ar, serviceLevel: sl, occupancy: occ, misses: misses, shortOf: short, hasRoom: room)
    }
  }
}

extension Targets {
  /// The targets whose whole-run 95 % interval does not clear them: answer rate or service
  /// level whose lower bound is below the target, occupancy whose upper bound is above the
  /// limit. Names as in ``HourVerdict/misses``.
  public func notCleared(by result: RunResult) -> [String] {
    let e = result.estimates()
    func lower(_ m: Metric) -> Double { (e[m]?.mean ?? 0) - (e[m]?.ci95 ?? 0) }
    var names: [String] = []
    if let a = answerRate, lower(.answerRate) < a { names.append("answer_rate") }
    if let s = serviceLevelShare, lower(.serviceLevel) < s { names.append("service_level") }
    if let o = maxOccupancy, (e[.occupancy]?.mean ?? 0) + (e[.occupancy]?.ci95 ?? 0) > o { names.append("max_occupancy") }
    return names
  }
}
