import Foundation

/// The memory a run keeps until its report is written: every replication's counts, held
/// until all replications finish. Checked before a run starts, so that a scenario that
/// cannot fit is refused with a message instead of exhausting the machine.
///
/// Per replication a run keeps (see ``ReplicationResult``) one ``TypeHourCounts`` per hour
/// of the horizon and call type; one ``GroupHourCounts`` per hour and agent group, and with
/// chat types a ``ChatHourCounts`` beside each; the totals per type (``CallCounts``) and per
/// group (``GroupCounts``); two wait histograms (answered, abandoned) of
/// ``WaitHistogram/binCount`` doubles; and the answered waits' quantiles (``WaitQuantiles``)
/// overall, per channel and per type. Ignoring the call types let 10,000 types × 10,000
/// replications (12.6 GB) through.
public struct RunMemoryEstimate: Sendable, Equatable {
  /// Hours of the horizon (warm-up included: the hourly rows cover it).
  public var hours: Int
  /// Call types, each with its own totals per replication.
  public var callTypes: Int
  /// Agent groups, each with its own counts per hour.
  public var groups: Int
  /// Whether a call type is a chat: each group then keeps its chat time per hour as well.
  public var chats: Bool
  public var replications: Int

  public init(hours: Int, callTypes: Int, groups: Int = 1, chats: Bool = false, replications: Int) {
    self.hours = hours
    self.callTypes = callTypes
    self.groups = groups
    self.chats = chats
    self.replications = replications
  }

  /// The memory a run of `settings` (its horizon and replications) needs with `callTypes`
  /// call types and `groups` agent groups.
  public init(settings: SimulationSettings, callTypes: Int, groups: Int = 1, chats: Bool = false) {
    self.init(hours: settings.hours, callTypes: callTypes, groups: groups, chats: chats, replications: settings.replications)
  }

  /// Most bytes of counts a run may keep: 2.5 GB, a tenth of the 24 GiB machines the
  /// project runs on, leaving room for the threads' working memory.
  public static let maxBytes = 2_560_000_000

  /// Bytes of one record of each kind.
  static let typeHourBytes = MemoryLayout<TypeHourCounts>.stride
  static let groupHourBytes = MemoryLayout<GroupHourCounts>.stride
  static let recordBytes = MemoryLayout<CallCounts>.stride
  static let groupRecordBytes = MemoryLayout<GroupCounts>.stride
  static let chatHourBytes = MemoryLayout<ChatHourCounts>.stride
  /// One ``WaitQuantiles`` (a dictionary of the four quantiles, on the heap): 1,000 types × 50
  /// replications more of a one-day run took 68 bytes per type and replication beyond the counts.
  static let waitQuantilesBytes = 96

  /// Bytes kept for one replication. In floating point, so that no product of the
  /// (separately bounded) inputs can overflow.
  public var bytesPerReplication: Double {
    let typeHours = Double(hours) * Double(callTypes)
    let groupHours = Double(hours) * Double(groups)
    let quantiles = Double(callTypes) + Double(Channel.allCases.count + 1)
    return typeHours * Double(RunMemoryEstimate.typeHourBytes) + Double(callTypes) * Double(RunMemoryEstimate.recordBytes)
      + groupHours * Double(RunMemoryEstimate.groupHourBytes + (chats ? RunMemoryEstimate.chatHourBytes : 0))
      + Double(groups) * Double(RunMemoryEstimate.groupRecordBytes)
      + Double(2 * WaitHistogram.binCount * MemoryLayout<Double>.stride) + quantiles * Double(RunMemoryEstimate.waitQuantilesBytes)
  }

  /// Bytes kept for the whole run.
  public var bytes: Double { bytesPerReplication * Double(replications) }

  /// Why the run would need too much memory; `nil` when it fits.
  public var problem: String? {
    guard bytes > Double(RunMemoryEstimate.maxBytes) else { return nil }
    let days = hours / 24
    var parts = ["\(days) day\(days == 1 ? "" : "s")", "\(callTypes) call type\(callTypes == 1 ? "" : "s")"]
    if groups > 1 { parts.append("\(groups) agent groups") }
    parts.append("\(replications) replications")
    return "\(parts.joined(separator: " × ")) would keep about \(RunMemoryEstimate.gigabytes(bytes)) GB of counts in memory (hourly rows per type and group, totals, wait histograms), more than the limit of \(RunMemoryEstimate.gigabytes(Double(RunMemoryEstimate.maxBytes))) GB; use fewer days, call types, groups or replications"
  }

  /// Gigabytes (10⁹ bytes), two decimals, rounded down.
  static func gigabytes(_ bytes: Double) -> String {
    String(format: "%.2f", (bytes / 1e7).rounded(.down) / 100)
  }
}
