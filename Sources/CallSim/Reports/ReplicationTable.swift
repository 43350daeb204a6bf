/// `replications.csv`: one row per replication, `replication` (0-based, as in `calls.csv`)
/// then every metric of `summary.json`'s `metrics` (the catalogue's names, their units in
/// docs/outputs.md) over the measured period, in full precision; empty where undefined. For researchers' own
/// statistics (batch means, the bootstrap, variance-reduction studies): each column's mean
/// over its non-empty cells is the summary's `mean`.
public struct ReplicationTable: CSVLineTable {
  public let result: RunResult

  public init(result: RunResult) { self.result = result }

  public func forEachRow(_ body: (CSVLine) throws -> Void) rethrows {
    let metrics = Metric.reported(for: result.model)
    var line = CSVLine()
    line.append("replication")
    for m in metrics { line.append(m.rawValue) }
    try body(line)
    for (r, counts) in zip(result.replications, result.totals) {
      line.reset()
      line.append(String(r.replication))
      for m in metrics {
        line.append(exactly: m.value(of: counts, waits: r.answeredWaitQuantiles, periodSeconds: result.measuredSeconds))
      }
      try body(line)
    }
  }
}
