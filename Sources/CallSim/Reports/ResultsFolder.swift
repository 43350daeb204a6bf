import Foundation

/// Writes a run's outputs into one folder: `summary.json`, `hourly.csv`, `hourly_types.csv`,
/// `hourly_groups.csv`, `waits.csv`, `scenario.resolved.yaml` and, when traced, `calls.csv`,
/// each atomically. The folder is created only here, after the run has succeeded, so a failed
/// run leaves no output folder behind.
public struct ResultsFolder {
  public let url: URL

  public init(path: String) { url = URL(fileURLWithPath: path) }

  /// The files of a run, in the order written (`summary.json` last).
  public static let files = [
    "scenario.resolved.yaml", "hourly.csv", "hourly_types.csv", "hourly_groups.csv", "waits.csv", "summary.json",
  ]

  /// Returns the names of the files written.
  @discardableResult
  public func write(
    _ result: RunResult, scenario: Scenario, wallSeconds: Double, version: String, traceParts: [URL]? = nil
  ) throws -> [String] {
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try AtomicFile.write(try scenario.resolved.yaml(), to: url.appendingPathComponent("scenario.resolved.yaml"))
    try AtomicFile.write(to: url.appendingPathComponent("hourly.csv")) { try HourlyTable(result: result).write(to: &$0) }
    for breakdown in [HourlyBreakdownTable.Breakdown.callType, .group] {
      try AtomicFile.write(to: url.appendingPathComponent(breakdown.fileName)) {
        try HourlyBreakdownTable(result: result, by: breakdown).write(to: &$0)
      }
    }
    try AtomicFile.write(WaitTable(result: result).csv(), to: url.appendingPathComponent("waits.csv"))
    if let traceParts { try CallTrace.merge(parts: traceParts, into: url.appendingPathComponent("calls.csv")) }
    // Last: a complete summary.json means every other file of the run is in place.
    let summary = try SummaryReport(result: result, wallSeconds: wallSeconds, version: version).json()
    try AtomicFile.write(summary, to: url.appendingPathComponent("summary.json"))
    return ResultsFolder.files + (traceParts == nil ? [] : ["calls.csv"])
  }
}
