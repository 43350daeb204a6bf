/// `waits.csv`: the wait-time histogram of answered and abandoned calls, mean calls per
/// replication in each bin [wait_from_seconds, wait_to_seconds). The first row, from 0 to 0,
/// counts waits of exactly 0 s (answered on arrival), so the cumulative share is exact at 0;
/// the next, 0 to 1, holds waits in (0, 1) s.
public struct WaitTable {
  public let result: RunResult

  public init(result: RunResult) { self.result = result }

  public func csv() -> String {
    let (answered, abandoned) = result.meanWaits
    var lines = ["wait_from_seconds,wait_to_seconds,answered,abandoned"]
    for i in 0..<WaitHistogram.binCount {
      let upper = WaitHistogram.upperEdge(i)
      lines.append([
        CSVNumber.format(WaitHistogram.lowerEdge(i)), upper.isFinite ? CSVNumber.format(upper) : "inf",
        CSVNumber.format(answered.counts[i]), CSVNumber.format(abandoned.counts[i]),
      ].joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
