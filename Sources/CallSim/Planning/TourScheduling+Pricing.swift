import Foundation

extension TourScheduling {
  /// The covering program with costs c·h_s + λ·(short_s − σ)·h_s + μ per start (c the cost
  /// per paid hour, h_s paid hours, short_s 1 for a short shift, σ the short share or 0),
  /// solved by ``CoveringProgram`` with ``ShiftScheduling``'s neighbourhoods: starts as
  /// values, and the covering lower bound, which bounds the tour program's cost when μ = 0
  /// (every schedule keeping the share has λ·(short − σ)·hours ≤ 0). nil when no schedule is
  /// found in `seconds`.
  func pricedStarts(lambda: Double, mu: Double, seconds: Double, gap: Double) -> (x: [Double], bound: Double)? {
    let sigma = rules.shortShiftShare ?? 0
    let starts = shifts.starts
    let covering = shifts.program
    var priced = CoveringProgram(demands: covering.demands, rowLabels: covering.rowLabels)
    for (j, column) in covering.columns.enumerated() {
      let candidate = candidates[starts[j].candidate]
      let short = TourRules.isShort(candidate) ? 1.0 : 0
      let cost = candidate.paidHours * (rules.costPerPaidHour + lambda * (short - sigma)) + mu
      priced.addColumn(cost: max(0, cost), upper: column.upper, entries: column.entries)
    }
    var neighbourhoods: [[Int]] = []
    if settings.days > 2 {
      for day in 0..<(settings.days - 1) { neighbourhoods.append(starts.indices.filter { starts[$0].day == day || starts[$0].day == day + 1 }) }
    }
    guard seconds > 0.05,
      let found = try? priced.solve(options: .init(timeLimit: seconds, relativeGap: gap), neighbourhoods: neighbourhoods)
    else { return nil }
    return (found.values.map(Double.init), mu == 0 ? found.lowerBound : -.infinity)
  }

  /// A starting solution when the covering schedule breaks a rule, by pricing it in:
  /// 1. the short share, by Lagrangian relaxation of its row: λ is bisected in [0, c/σ)
  ///    (costs stay ≥ 0) for the smallest penalty on short hours whose schedule keeps the
  ///    share; each covering bound is a lower bound on the cost (returned);
  /// 2. the head count, by a cost μ per start, bisected in [0, c·longest paid hours]: fewer
  ///    starts need fewer people-days, so the smallest μ whose schedule the people fit
  ///    (``fewestPeople(for:seconds:)``) is kept.
  /// - Returns: the cheapest full solution found that keeps every rule (nil if none) and the
  ///   best cost bound.
  func pricedStart(seconds: Double, gap: Double) -> (values: [Double]?, bound: Double) {
    let deadline = ContinuousClock.now + .seconds(seconds)
    func left() -> Double { CoveringProgram.seconds(ContinuousClock.now.duration(to: deadline)) }
    let c = rules.costPerPaidHour
    var bound = -Double.infinity
    var best: [Double]?
    func consider(_ x: [Double]) -> Bool {
      guard let full = try? fewestPeople(for: x, seconds: max(0.2, min(1, left()))) else { return false }
      if best.map({ program.objective(of: full) < program.objective(of: $0) }) ?? true { best = full }
      return true
    }
    func keepsShare(_ x: [Double]) -> Bool {
      guard let sigma = rules.shortShiftShare else { return true }
      var hours = 0.0, short = 0.0
      for (j, start) in shifts.starts.enumerated() {
        let candidate = candidates[start.candidate]
        hours += candidate.paidHours * x[j]
        if TourRules.isShort(candidate) { short += candidate.paidHours * x[j] }
      }
      return short <= sigma * hours + 1e-9
    }
    var lambda = 0.0
    if let sigma = rules.shortShiftShare {
      var low = 0.0
      var high = sigma > 0 ? 0.999 * c / sigma : 100 * c
      guard let top = pricedStarts(lambda: high, mu: 0, seconds: left() / 6, gap: gap), keepsShare(top.x) else { return (nil, bound) }
      bound = max(bound, top.bound)
      _ = consider(top.x)
      for step in 0..<6 {
        let mid = (low + high) / 2
        guard let found = pricedStarts(lambda: mid, mu: 0, seconds: left() / Double(10 + step), gap: gap) else { break }
        bound = max(bound, found.bound)
        if keepsShare(found.x) {
          high = mid
          _ = consider(found.x)
        } else {
          low = mid
        }
      }
      lambda = high
    }
    if best == nil && rules.headCount != nil {
      var low = 0.0
      var high = c * (candidates.map(\.paidHours).max() ?? 1)
      guard let top = pricedStarts(lambda: lambda, mu: high, seconds: left() / 4, gap: gap), keepsShare(top.x), consider(top.x)
      else { return (best, bound) }
      for step in 0..<6 {
        let mid = (low + high) / 2
        guard let found = pricedStarts(lambda: lambda, mu: mid, seconds: left() / Double(8 + step), gap: gap) else { break }
        if keepsShare(found.x) && consider(found.x) { high = mid } else { low = mid }
      }
    }
    return (best, bound)
  }
}
