import Foundation

/// The memory a run keeps until its report is written: every replication's counts, held
/// until all replications finish. Checked before a run starts, so that a scenario that
/// cannot fit is refused with a message instead of exhausting the machine.
///
/// Per replication a run keeps one ``CallCounts`` (16 doubles, 128 bytes) per hour of the
/// horizon and per hour of each extra per-hour table, one per call type, and two wait
/// histograms (answered, abandoned) of ``WaitHistogram/binCount`` doubles. Ignoring the
/// call types let 10,000 types × 10,000 replications (12.6 GB) through.
public struct RunMemoryEstimate: Sendable, Equatable {
  /// Hours of the horizon (warm-up included: the hourly rows cover it).
  public var hours: Int
  /// Call types, each with its own totals per replication.
  public var callTypes: Int
  /// Further tables kept per hour of the horizon and per replication (for example one per
  /// agent group); 0 today.
  public var extraHourlyTables: Int
  public var replications: Int

  public init(hours: Int, callTypes: Int, extraHourlyTables: Int = 0, replications: Int) {
    self.hours = hours
    self.callTypes = callTypes
    self.extraHourlyTables = extraHourlyTables
    self.replications = replications
  }

  /// Most bytes of counts a run may keep: 2.5 GB, a tenth of the 24 GiB machines the
  /// project runs on, leaving room for the threads' working memory.
  public static let maxBytes = 2_560_000_000

  /// Bytes of one ``CallCounts`` record.
  static let recordBytes = MemoryLayout<CallCounts>.stride

  /// Bytes kept for one replication. In floating point, so that no product of the
  /// (separately bounded) inputs can overflow.
  public var bytesPerReplication: Double {
    let records = Double(hours) * Double(1 + extraHourlyTables) + Double(callTypes)
    return records * Double(RunMemoryEstimate.recordBytes) + Double(2 * WaitHistogram.binCount * MemoryLayout<Double>.stride)
  }

  /// Bytes kept for the whole run.
  public var bytes: Double { bytesPerReplication * Double(replications) }

  /// Why the run would need too much memory; `nil` when it fits.
  public var problem: String? {
    guard bytes > Double(RunMemoryEstimate.maxBytes) else { return nil }
    let days = hours / 24
    var parts = ["\(days) day\(days == 1 ? "" : "s")", "\(callTypes) call type\(callTypes == 1 ? "" : "s")"]
    if extraHourlyTables > 0 { parts.append("\(extraHourlyTables) extra hourly tables") }
    parts.append("\(replications) replications")
    return "\(parts.joined(separator: " × ")) would keep about \(RunMemoryEstimate.gigabytes(bytes)) GB of counts in memory (hourly rows, per-type totals, wait histograms), more than the limit of \(RunMemoryEstimate.gigabytes(Double(RunMemoryEstimate.maxBytes))) GB; use fewer days, call types or replications"
  }

  /// Gigabytes (10⁹ bytes), two decimals, rounded down.
  static func gigabytes(_ bytes: Double) -> String {
    String(format: "%.2f", (bytes / 1e7).rounded(.down) / 100)
  }
}
