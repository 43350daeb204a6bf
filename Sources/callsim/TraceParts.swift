import CallSim
import Foundation

/// A scratch folder beside the results, `.NAME.trace`, for the per-replication parts of
/// `calls.csv`; removed once they are merged (or the run fails). The results folder's lock
/// is held meanwhile, so one left by a killed run is simply replaced.
struct TraceParts {
  let url: URL

  /// Creates the folder and says on standard error how large the trace will be.
  init(results: URL, model: CallCenterModel, quiet: Bool) throws {
    url = results.deletingLastPathComponent().appendingPathComponent(".\(results.lastPathComponent).trace")
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    let settings = model.settings
    let measured = Double(settings.hours - settings.firstMeasuredHour) / Double(settings.hours)
    let calls = model.arrivals.expectedCalls * measured * Double(settings.replications)
    let megabytes = calls * CallTrace.bytesPerRow / 1_000_000
    if !quiet {
      Diagnostics.printError(
        String(format: "Tracing about %.0f calls (first attempts; redials add more) to calls.csv: about %.0f MB", calls, megabytes))
    }
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}
