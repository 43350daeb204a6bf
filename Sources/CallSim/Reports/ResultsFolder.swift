import Foundation

/// Writes a run's outputs — `summary.json`, `hourly.csv`, `hourly_types.csv`,
/// `hourly_groups.csv`, `waits.csv`, `replications.csv`, `scenario.resolved.yaml` and, when traced, `calls.csv`
/// and `agents.csv` —
/// as one folder: into the hidden sibling `.NAME.new`, which then replaces the results folder
/// whole (``ResultsLocation/moveIntoPlace()``). A run that fails or is stopped while writing
/// leaves the folder as it was (absent, or the previous run's).
public struct ResultsFolder {
  public let location: ResultsLocation

  /// `location` must have been prepared (``ResultsLocation/prepare()``), and its lock held.
  public init(location: ResultsLocation) { self.location = location }

  /// The files of every run, in the order written (`summary.json` last); `calls.csv` and
  /// `agents.csv` come too with a trace.
  public static let files = [
    "scenario.resolved.yaml", "hourly.csv", "hourly_types.csv", "hourly_groups.csv", "waits.csv", "replications.csv",
    "summary.json",
  ]
  public static let traceFile = "calls.csv"
  public static let traceFiles = [traceFile, CallTrace.agentFile]

  /// Writes every file and moves the folder into place; `traceParts` are the per-replication
  /// parts of `calls.csv`, in order. When `stop` is requested before the move, throws
  /// ``StopRequest/Stopped`` within a fraction of a second and writes nothing.
  /// `summaryExtra` adds top-level keys to `summary.json` (a live run's `interventions`).
  /// Returns the names of the files written.
  @discardableResult
  public func write(
    _ result: RunResult, scenario: Scenario, wallSeconds: Double, version: String, traceParts: [URL]? = nil,
    stop: StopRequest? = nil, summaryExtra: [String: Any] = [:]
  ) throws -> [String] {
    let staging = location.stagingURL
    let fm = FileManager.default
    try? fm.removeItem(at: staging)
    do {
      try fm.createDirectory(at: staging, withIntermediateDirectories: false)
      try AtomicFile.write(try scenario.resolved.yaml(), to: staging.appendingPathComponent("scenario.resolved.yaml"), stop: stop)
      try AtomicFile.write(to: staging.appendingPathComponent("hourly.csv"), stop: stop) { try HourlyTable(result: result).write(to: &$0) }
      for breakdown in [HourlyBreakdownTable.Breakdown.callType, .group] {
        try AtomicFile.write(to: staging.appendingPathComponent(breakdown.fileName), stop: stop) {
          try HourlyBreakdownTable(result: result, by: breakdown).write(to: &$0)
        }
      }
      try AtomicFile.write(WaitTable(result: result).csv(), to: staging.appendingPathComponent("waits.csv"), stop: stop)
      try AtomicFile.write(to: staging.appendingPathComponent("replications.csv"), stop: stop) { try ReplicationTable(result: result).write(to: &$0) }
      if let traceParts {
        try CallTrace.merge(parts: traceParts, into: staging.appendingPathComponent(ResultsFolder.traceFile), model: result.model, stop: stop)
        try CallTrace.merge(
          parts: traceParts.map(CallTrace.agentPart(of:)), into: staging.appendingPathComponent(CallTrace.agentFile),
          header: CallTrace.agentHeader, stop: stop)
      }
      try stop?.check()
      let summary = try SummaryReport(result: result, wallSeconds: wallSeconds, version: version, extra: summaryExtra).json()
      try AtomicFile.write(summary, to: staging.appendingPathComponent("summary.json"), stop: stop)
      try stop?.check()
      try location.moveIntoPlace()
    } catch {
      try? fm.removeItem(at: staging)
      throw error
    }
    return ResultsFolder.files + (traceParts == nil ? [] : ResultsFolder.traceFiles)
  }
}
