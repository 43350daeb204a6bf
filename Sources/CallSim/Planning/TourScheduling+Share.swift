import Foundation

extension TourScheduling {
  /// A schedule of starts keeping the short share, and a lower bound on the cost, by
  /// Lagrangian relaxation of the share row: for λ ≥ 0 the covering program with costs
  /// c·h_s + λ·(short_s − σ)·h_s (c the cost per paid hour, h_s paid hours, short_s 1 for a
  /// short shift) is solved by ``CoveringProgram``; any of its lower bounds bounds the tour
  /// program's cost (every schedule keeping the share has λ·(short − σ)·hours ≤ 0), and its
  /// schedules are candidates. λ is bisected in [0, c/σ) (costs stay ≥ 0) for the smallest
  /// penalty whose schedule keeps the share.
  /// - Returns: the cheapest schedule found that keeps the share (nil if none), and the best bound.
  func shareHeuristic(seconds: Double, gap: Double) -> (x: [Double]?, bound: Double) {
    guard let sigma = rules.shortShiftShare else { return (nil, -.infinity) }
    let c = rules.costPerPaidHour
    let starts = shifts.starts
    let covering = shifts.program
    let paid = starts.map { candidates[$0.candidate].paidHours }
    let short = starts.map { TourRules.isShort(candidates[$0.candidate]) ? 1.0 : 0 }
    var neighbourhoods: [[Int]] = []
    if settings.days > 2 {
      for day in 0..<(settings.days - 1) { neighbourhoods.append(starts.indices.filter { starts[$0].day == day || starts[$0].day == day + 1 }) }
    }
    let deadline = ContinuousClock.now + .seconds(seconds)
    var best: [Double]?
    var bestCost = Double.infinity
    var bound = -Double.infinity
    /// Solves at λ; returns whether the schedule keeps the share.
    func attempt(_ lambda: Double, _ share: Double) -> Bool? {
      let left = CoveringProgram.seconds(ContinuousClock.now.duration(to: deadline))
      guard left > 0.05 else { return nil }
      var priced = CoveringProgram(demands: covering.demands, rowLabels: covering.rowLabels)
      for (j, column) in covering.columns.enumerated() {
        priced.addColumn(cost: max(0, paid[j] * (c + lambda * (short[j] - sigma))), upper: column.upper, entries: column.entries)
      }
      guard let found = try? priced.solve(options: .init(timeLimit: min(left, share), relativeGap: gap), neighbourhoods: neighbourhoods)
      else { return nil }
      let x = found.values.map(Double.init)
      let hours = zip(paid, x).reduce(0) { $0 + $1.0 * $1.1 }
      let shortHours = zip(zip(paid, short), x).reduce(0) { $0 + $1.0.0 * $1.0.1 * $1.1 }
      bound = max(bound, found.lowerBound)
      let keeps = shortHours <= sigma * hours + 1e-9
      if keeps && c * hours < bestCost {
        bestCost = c * hours
        best = x
      }
      return keeps
    }
    var low = 0.0
    var high = sigma > 0 ? 0.999 * c / sigma : 100 * c
    guard attempt(high, seconds / 4) == true else { return (best, bound) }
    for step in 0..<6 {
      let mid = (low + high) / 2
      guard let keeps = attempt(mid, seconds / Double(8 + step)) else { break }
      if keeps { high = mid } else { low = mid }
    }
    return (best, bound)
  }
}
