/// One axis of a sweep's grid: a parameter with its list of values, or several parameters
/// zipped together (their lists read side by side, one step taking the i-th value of each).
///
/// The grid is the product of the dimensions, in the order the sweep file lists them, the
/// last varying fastest.
public struct SweepDimension: Sendable {
  /// The key paths this dimension sets: one, or several for a zipped group.
  public let paths: [ScenarioKeyPath]
  /// For each step, the value of each path in order; `nil` removes the key from the scenario.
  let steps: [[ScenarioValue?]]

  init(paths: [ScenarioKeyPath], steps: [[ScenarioValue?]]) {
    precondition(steps.allSatisfy { $0.count == paths.count })
    self.paths = paths
    self.steps = steps
  }

  /// Number of values along this axis.
  public var count: Int { steps.count }

  /// How step `i` shows each path's value in `points.csv` (empty for a removed key).
  func labels(_ i: Int) -> [String] { steps[i].map { $0?.flowText ?? "" } }
}
