import Foundation
import Synchronization

/// The most bytes a traced run may write into its part files (`calls.csv` and `agents.csv`
/// together), shared by every replication's trace. The size is estimated and checked before
/// the run, but the estimate counts first attempts only (redials add rows), so the budget is
/// also enforced while writing: once a part's block would pass it, that trace stops writing
/// (the disk is not filled) and its replication ends in ``Exceeded``.
public final class TraceBudget: Sendable {
  /// Bytes.
  public let limit: Int64
  private let used = Atomic<Int64>(0)
  /// Requested when the budget is exhausted, so that the run stops within a second rather
  /// than simulating on without writing (the run's own stop request).
  private let onExceeded: StopRequest?

  public init(limit: Int64, onExceeded: StopRequest? = nil) {
    self.limit = limit
    self.onExceeded = onExceeded
  }

  /// Takes `bytes` from the budget; false (and nothing taken) when they do not fit.
  func spend(_ bytes: Int) -> Bool {
    var current = used.load(ordering: .relaxed)
    while true {
      let next = current + Int64(bytes)
      guard next <= limit else {
        onExceeded?.stop()
        return false
      }
      let (exchanged, original) = used.compareExchange(expected: current, desired: next, ordering: .relaxed)
      if exchanged { return true }
      current = original
    }
  }

  /// The trace passed the budget; what it would have written is not.
  public struct Exceeded: Error, CustomStringConvertible, Sendable {
    public let limit: Int64
    public var description: String {
      "the trace passed --trace-limit \(TraceBudget.describe(bytes: Double(limit))) while being written (more rows than estimated: redials add rows)"
    }
  }

  /// `bytes` for messages: "840 GB", "4.29 GB", "512 kB" (powers of 1000), with the exact
  /// count of bytes when below 1 kB.
  public static func describe(bytes: Double) -> String {
    let units = [(1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "kB")]
    for (size, unit) in units where bytes >= size {
      let v = bytes / size
      return v >= 100 ? String(format: "%.0f %@", v, unit) : String(format: "%.3g %@", v, unit)
    }
    return String(format: "%.0f bytes", bytes)
  }

  /// Parses a size: a number of bytes, or a number followed by `B`, `kB`, `MB`, `GB`, `TB`
  /// (powers of 1000) or `KiB`, `MiB`, `GiB`, `TiB` (powers of 1024), with or without a
  /// space, units case-insensitive. `nil` unless a whole number of bytes from 1 to 2⁶² results.
  public static func parseSize(_ text: String) -> Int64? {
    let t = text.trimmingCharacters(in: .whitespaces)
    let digits = t.prefix { $0.isNumber || $0 == "." }
    let unit = t.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
    let factors: [String: Double] = [
      "": 1, "b": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12,
      "kib": 1024, "mib": 1_048_576, "gib": 1_073_741_824, "tib": 1_099_511_627_776,
    ]
    guard !digits.isEmpty, let number = Double(digits), let factor = factors[unit] else { return nil }
    let bytes = (number * factor).rounded(.down)
    guard bytes.isFinite, bytes >= 1, bytes <= Double(1 << 62) else { return nil }
    return Int64(bytes)
  }
}
