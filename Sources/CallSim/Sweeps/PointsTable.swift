/// `points.csv`: one row per point — a column per parameter, then `METRIC_mean` and
/// `METRIC_ci95` per metric.
struct PointsTable: CSVTable {
  let parameters: [String]
  let metrics: [SweepMetric]
  let records: [PointRecord]

  static func header(parameters: [String], metrics: [SweepMetric]) -> String {
    (parameters.map(PointRecord.csvField) + metrics.flatMap { ["\($0.name)_mean", "\($0.name)_ci95"] }).joined(separator: ",")
  }

  func forEachLine(_ body: (String) throws -> Void) rethrows {
    try body(Self.header(parameters: parameters, metrics: metrics))
    for r in records { try body(r.csvRow) }
  }
}
