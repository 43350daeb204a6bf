/// `points.csv`: one row per point — a column per parameter, then `METRIC_mean` and
/// `METRIC_ci95` per metric.
struct PointsTable: CSVTable {
  let parameters: [String]
  let metrics: [Metric]
  let records: [PointRecord]

  static func header(parameters: [String], metrics: [Metric]) -> String {
    (parameters.map(PointRecord.csvField) + metrics.flatMap { ["\($0.rawValue)_mean", "\($0.rawValue)_ci95"] }).joined(separator: ",")
  }

  func forEachLine(_ body: (String) throws -> Void) rethrows {
    try body(Self.header(parameters: parameters, metrics: metrics))
    for r in records { try body(r.csvRow) }
  }
}
