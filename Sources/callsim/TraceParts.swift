import CallSim
import Foundation

/// A scratch folder beside the results for the per-replication parts of `calls.csv`, removed
/// once they are merged (or the run fails).
struct TraceParts {
  let url: URL

  /// Creates the folder and says on standard error how large the trace will be.
  init(results folder: String, model: CallCenterModel, quiet: Bool) throws {
    let results = URL(fileURLWithPath: folder).standardizedFileURL
    url = results.deletingLastPathComponent().appendingPathComponent(".\(results.lastPathComponent).trace-\(getpid())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
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
