/// One point of a sweep's grid: its number, its parameter values and the model it runs.
public struct SweepPoint: Sendable {
  /// 1-based number of the point in grid order (as messages and `points.jsonl` name it).
  public let number: Int
  /// The value of each parameter as shown in `points.csv` (empty where the key is removed).
  public let labels: [String]
  /// The validated model of this point, with the sweep's replications and seed.
  public let model: CallCenterModel
}
