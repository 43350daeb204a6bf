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
  /// Per path: whether its values are durations (one written with a unit, such as `3m`, or a
  /// range of them), shown in seconds under `PATH_seconds`.
  let durations: [Bool]

  init(paths: [ScenarioKeyPath], steps: [[ScenarioValue?]], durations: [Bool]) {
    precondition(steps.allSatisfy { $0.count == paths.count } && durations.count == paths.count)
    self.paths = paths
    self.steps = steps
    self.durations = durations
  }

  /// Number of values along this axis.
  public var count: Int { steps.count }

  /// The `points.csv` column of each path: the key path as written, with `_seconds` for durations.
  var columns: [String] { zip(paths, durations).map { $1 ? "\($0)_seconds" : $0.description } }

  /// How step `i` shows each path's value in `points.csv` and `points.jsonl`: a number in its
  /// shortest form (a duration in seconds), other values as written, empty for a removed key.
  /// A number's label reads back from JSON as itself, so a resumed sweep's files stay the same.
  func labels(_ i: Int) -> [String] {
    zip(steps[i], durations).map { value, isDuration in
      guard let value else { return "" }
      if case .scalar(let text, false, _) = value {
        if isDuration, let seconds = DurationParser.seconds(text) { return ScenarioField.show(seconds) }
        if let number = ScenarioField.parseNumber(text) { return ScenarioField.show(number) }
      }
      return value.flowText
    }
  }

  /// Whether `values` are durations: some scalar among them is not a number but reads as one.
  static func areDurations(_ values: [ScenarioValue?]) -> Bool {
    values.contains { v in
      guard case .scalar(let text, false, _)? = v else { return false }
      return ScenarioField.parseNumber(text) == nil && DurationParser.seconds(text) != nil
    }
  }
}
