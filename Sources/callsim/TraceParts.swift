import CallSim
import Foundation

/// A scratch folder beside the results, `.NAME.trace` (``ResultsLocation/traceScratchURL``),
/// for the per-replication parts of `calls.csv` and `agents.csv`; removed once they are
/// joined, or when the run fails or is interrupted. The results folder's lock is held
/// meanwhile; one left by a killed run is removed by the next traced run in that folder.
struct TraceParts {
  let url: URL
  /// Bounds what the parts may take while being written (``TraceBudget``).
  let budget: TraceBudget

  /// Bytes of `--trace-limit` by default: 4 GiB, a trace a spreadsheet or pandas can still
  /// open, and a size no shared disk should be surprised by.
  static let defaultLimit: Int64 = 4 << 30

  /// A traced run that cannot go ahead, as one line without the `error:` prefix.
  struct Refusal: Error, CustomStringConvertible {
    let description: String
  }

  /// Checks the estimated size of the trace against `limit` bytes and the free space of the
  /// results' file system (the parts and the joined files are both on disk while joining, so
  /// twice the estimate is needed), then creates the folder and says how large the trace will
  /// be. `stop` is requested if the trace passes the limit while being written.
  init(location: ResultsLocation, model: CallCenterModel, limit: Int64, stop: StopRequest, quiet: Bool) throws {
    let settings = model.settings
    let measured = Double(settings.hours - settings.firstMeasuredHour) / Double(settings.hours)
    let calls = model.arrivals.expectedCalls * measured * Double(settings.replications)
    let bytes = calls * CallTrace.bytesPerRow
    let size = TraceBudget.describe(bytes: bytes)
    let what = String(format: "--trace: calls.csv would take about %@ (%.0f calls × %.0f bytes)", size, calls, CallTrace.bytesPerRow)
    if bytes > Double(limit) {
      throw Refusal(
        description: "\(what); expected at most --trace-limit \(TraceBudget.describe(bytes: Double(limit))) (\(limit) bytes): "
          + "raise --trace-limit, or trace fewer days or replications")
    }
    location.removeAbandonedTraceScratch()
    let free = (try? FileManager.default.attributesOfFileSystem(forPath: location.parent.path)[.systemFreeSize] as? NSNumber)?
      .doubleValue
    if let free, 2 * bytes > free {
      throw Refusal(
        description: "\(what), and twice that while its parts are joined; expected at most the \(TraceBudget.describe(bytes: free)) "
          + "free on the file system of '\(location.parent.path)': free space, or trace fewer days or replications")
    }
    url = location.traceScratchURL
    budget = TraceBudget(limit: limit, onExceeded: stop)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    if !quiet {
      Diagnostics.printError(
        String(format: "Tracing about %.0f calls (first attempts; redials add more) to calls.csv: about %.0f MB", calls, bytes / 1_000_000))
    }
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}
