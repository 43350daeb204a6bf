import Foundation

/// Writes a run's outputs into one folder: `summary.json`, `hourly.csv`, `waits.csv` and
/// `scenario.resolved.yaml`, each atomically. The folder is created only here, after the run
/// has succeeded, so a failed run leaves no output folder behind.
public struct ResultsFolder {
  public let url: URL

  public init(path: String) { url = URL(fileURLWithPath: path) }

  /// Returns the names of the files written.
  @discardableResult
  public func write(_ result: RunResult, scenario: Scenario, wallSeconds: Double, version: String) throws -> [String] {
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try AtomicFile.write(try scenario.resolved.yaml(), to: url.appendingPathComponent("scenario.resolved.yaml"))
    try AtomicFile.write(to: url.appendingPathComponent("hourly.csv")) { try HourlyTable(result: result).write(to: &$0) }
    try AtomicFile.write(WaitTable(result: result).csv(), to: url.appendingPathComponent("waits.csv"))
    // Last: a complete summary.json means every other file of the run is in place.
    let summary = try SummaryReport(result: result, wallSeconds: wallSeconds, version: version).json()
    try AtomicFile.write(summary, to: url.appendingPathComponent("summary.json"))
    return ["scenario.resolved.yaml", "hourly.csv", "waits.csv", "summary.json"]
  }
}
