/// Which agent groups the planner staffs and which calls each is answerable for.
///
/// A group is planned for the call types it is *home* to (its first skill): under `split`
/// and `overflow` its analytic requirement is the Erlang requirement of those types' load;
/// under `integrated` every group takes every call it is skilled for, so the requirement of
/// the pooled load of all types is shared among the groups in proportion to their home
/// types' workload. A type that is no group's home is carried, in equal parts, by the groups
/// skilled for it. Routing details (generalist slow-down, misrouting, overflow, priorities)
/// are left to the simulation correction.
///
/// A group with no skills (the abusive callers' dedicated team) carries no call type: it is
/// not planned and keeps the scenario's staffing.
public struct PlanningGroups: Sendable {
  /// weights[g][t]: the share of call type t's load that group g carries.
  public let weights: [[Double]]
  /// Indices of the planned groups (those carrying some load), in model order.
  public let planned: [Int]
  /// Each call type's targets (its own, or the scenario's).
  public let typeTargets: [Targets]

  public init(model: CallCenterModel) {
    let types = model.callTypes.count
    var weights = [[Double]](repeating: [Double](repeating: 0, count: types), count: model.agentGroups.count)
    for t in 0..<types {
      var carriers = model.agentGroups.indices.filter { model.agentGroups[$0].homeType == t }
      if carriers.isEmpty { carriers = model.agentGroups.indices.filter { model.agentGroups[$0].skills.contains(t) } }
      for g in carriers { weights[g][t] = 1 / Double(carriers.count) }
    }
    self.weights = weights
    self.planned = model.agentGroups.indices.filter { g in weights[g].contains { $0 > 0 } }
    self.typeTargets = model.typeTargets
  }

  /// The call types group `g` carries (its home types, or types no group is home to).
  public func types(of g: Int) -> [Int] { weights[g].indices.filter { weights[g][$0] > 0 } }

  /// The strictest occupancy limit among the targets of the types group `g` carries.
  public func occupancyLimit(of g: Int) -> Double? {
    types(of: g).compactMap { typeTargets[$0].maxOccupancy }.min()
  }

  /// The analytic requirement of each planned group (in ``planned`` order) per interval.
  /// `stop` is checked every day of intervals.
  func analytic(
    model: CallCenterModel, intervalSeconds: Double, stop: StopRequest?
  ) throws -> [[ErlangPerformance]] {
    var requirements: [StaffingRequirement?] = []
    for t in typeTargets { requirements.append(t.isEmpty ? nil : try StaffingRequirement(targets: t)) }
    let perDay = Int(86_400 / intervalSeconds)
    if model.routing.mode.poolsTypes {
      let pooled = IntervalLoad.loads(of: model, intervalSeconds: intervalSeconds)
      let workload = model.callTypes.indices.map { t in IntervalLoad.workload(of: model, type: t) }
      let total = workload.reduce(0, +)
      var result = [[ErlangPerformance]](repeating: [], count: planned.count)
      for (i, load) in pooled.enumerated() {
        if i % perDay == 0 { try stop?.check() }
        let all = try strictest(load, types: Array(model.callTypes.indices), requirements: &requirements)
        for (k, g) in planned.enumerated() {
          let share = total > 0 ? zip(weights[g], workload).reduce(0) { $0 + $1.0 * $1.1 } / total : 0
          result[k].append(all.sharing(share))
        }
      }
      return result
    }
    return try planned.map { g in
      let loads = IntervalLoad.loads(of: model, intervalSeconds: intervalSeconds, typeWeights: weights[g])
      var out: [ErlangPerformance] = []
      for (i, load) in loads.enumerated() {
        if i % perDay == 0 { try stop?.check() }
        out.append(try strictest(load, types: types(of: g), requirements: &requirements))
      }
      return out
    }
  }

  /// The fewest agents meeting the targets of every type in `types` on `load`.
  private func strictest(_ load: IntervalLoad, types: [Int], requirements: inout [StaffingRequirement?]) throws -> ErlangPerformance {
    var best: ErlangPerformance?
    for t in types where requirements[t] != nil {
      let p = try requirements[t]!.agents(for: load)
      if best == nil || p.agents > best!.agents { best = p }
    }
    guard let best else { throw PlanError("no call type carried by this group has a target: add targets") }
    return best
  }
}

extension ErlangPerformance {
  /// The same performance with `share` of the agents (rounded up; none of none).
  func sharing(_ share: Double) -> ErlangPerformance {
    var p = self
    p.agents = agents == 0 ? 0 : Int((Double(agents) * share - 1e-9).rounded(.up))
    return p
  }
}
