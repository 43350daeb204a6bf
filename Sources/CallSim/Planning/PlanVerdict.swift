/// How one planned group did against its targets over a span of hours — an hour, a date or
/// the measured period, as `targets.judged` asks — in one simulation run: the means over
/// replications (ratios of means, as `hourly.csv`) of the calls of the types it carries and
/// of its agents' occupancy, and which targets they miss.
///
/// The span *misses* a target when a type's mean is worse than that type's target by more
/// than the tolerance (2 points by default), or the group's occupancy exceeds the strictest
/// limit by more: a few replications leave a mean a few points from its expectation, and
/// chasing that noise would staff every hour up. It *falls short* when a mean is worse than
/// the target at all; the planner raises those spans only while the whole run's 95 %
/// interval does not clear the target. A span without calls of the group's types misses
/// nothing — agents finishing their last calls after closing are no reason to staff an
/// empty hour — and has no room.
public struct PlanVerdict: Sendable, Equatable {
  /// Hours of the horizon judged (0 = the first midnight).
  public var hours: Range<Int>
  /// The group (index in the model).
  public var group: Int
  /// Mean calls of the group's types reaching the queue over the span.
  public var inflow: Double
  /// Answer rate and service level of the group's types' calls together, and the group's occupancy.
  public var answerRate: Double?
  public var serviceLevel: Double?
  public var occupancy: Double?
  /// Targets missed by more than the tolerance (`answer_rate`, `service_level`, `max_occupancy`).
  public var misses: [String]
  /// Targets not reached at all.
  public var shortOf: [String]
  /// How far the worst mean falls short of its target (share points, 0 when none does).
  public var worstShortfall: Double
  /// Whether every target is met with room to spare: each rate at least `margin` above its
  /// target (a fifth of it for the answer rate) and occupancy `margin` below its limit.
  public var hasRoom: Bool

  /// Judges every planned group of `groups` over each span of `spans` in `result`.
  public static func judge(
    _ result: RunResult, groups: PlanningGroups, spans: [Range<Int>], tolerance: Double = 0.02, margin: Double = 0.05
  ) -> [PlanVerdict] {
    let n = Double(result.replications.count)
    var out: [PlanVerdict] = []
    for g in groups.planned {
      let types = groups.types(of: g)
      let limit = groups.occupancyLimit(of: g)
      for span in spans {
        var misses = Set<String>(), short = Set<String>()
        var room = true
        var worst = 0.0
        var pooled = CallCounts()
        for t in types {
          var mean = CallCounts()
          for h in span { mean += result.hourSum(h, type: t) }
          mean.scale(by: 1 / n)
          pooled += mean
          guard mean.inflow > 0 else { continue }
          let targets = groups.typeTargets[t]
          if let target = targets.answerRate, let ar = Metric.answerRate.value(of: mean, periodSeconds: 3600) {
            if ar < target - tolerance { misses.insert("answer_rate") }
            if ar < target { short.insert("answer_rate") }
            worst = max(worst, target - ar)
            room = room && ar >= min(1, target + margin / 5)
          }
          if let target = targets.serviceLevelShare, let sl = Metric.serviceLevel.value(of: mean, periodSeconds: 3600) {
            if sl < target - tolerance { misses.insert("service_level") }
            if sl < target { short.insert("service_level") }
            worst = max(worst, target - sl)
            room = room && sl >= target + margin
          }
        }
        var agents = GroupCounts()
        for h in span { agents += result.hourSum(h, group: g) }
        let occupancy = GroupMetric.occupancy.value(of: agents, periodSeconds: 3600)
        if pooled.inflow > 0, let limit, let occupancy {
          if occupancy > limit + tolerance { misses.insert("max_occupancy") }
          if occupancy > limit { short.insert("max_occupancy") }
          worst = max(worst, occupancy - limit)
          room = room && occupancy <= limit - margin
        }
        let order = ["answer_rate", "service_level", "max_occupancy"]
        out.append(
          PlanVerdict(
            hours: span, group: g, inflow: pooled.inflow, answerRate: Metric.answerRate.value(of: pooled, periodSeconds: 3600),
            serviceLevel: Metric.serviceLevel.value(of: pooled, periodSeconds: 3600), occupancy: occupancy,
            misses: order.filter(misses.contains), shortOf: order.filter(short.contains), worstShortfall: worst, hasRoom: room && pooled.inflow > 0))
      }
    }
    return out
  }
}

extension PlanningGroups {
  /// The targets of group `g` whose whole-run 95 % interval `result` does not clear: the
  /// answer rate or service level of a type it carries whose lower bound is below that
  /// type's target, its occupancy whose upper bound is above the strictest limit. With
  /// `widths` 2 the interval is twice as wide: the planner's margin, so that a run on other
  /// callers, whose mean differs by about one half-width, still clears the targets.
  public func notCleared(by result: RunResult, group g: Int, widths: Double = 1) -> [String] {
    var names = Set<String>()
    for t in types(of: g) {
      let e = result.estimates(callType: t)
      let targets = typeTargets[t]
      func lower(_ m: Metric) -> Double { (e[m]?.mean ?? 0) - widths * (e[m]?.ci95 ?? 0) }
      guard (e[.inflow]?.mean ?? 0) > 0 else { continue }
      if let a = targets.answerRate, lower(.answerRate) < a { names.insert("answer_rate") }
      if let s = targets.serviceLevelShare, lower(.serviceLevel) < s { names.insert("service_level") }
    }
    if let limit = occupancyLimit(of: g) {
      let e = result.estimates(group: g)[.occupancy]
      if (e?.mean ?? 0) + widths * (e?.ci95 ?? 0) > limit { names.insert("max_occupancy") }
    }
    return ["answer_rate", "service_level", "max_occupancy"].filter(names.contains)
  }
}
