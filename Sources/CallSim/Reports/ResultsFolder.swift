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
    let files: [(String, String)] = [
      ("scenario.resolved.yaml", try scenario.resolved.yaml()),
      ("hourly.csv", HourlyTable(result: result).csv()),
      ("waits.csv", WaitTable(result: result).csv()),
      ("summary.json", try SummaryReport(result: result, wallSeconds: wallSeconds, version: version).json()),
    ]
    for (name, text) in files {
      try AtomicFile.write(text, to: url.appendingPathComponent(name))
    }
    return files.map(\.0)
  }
}
