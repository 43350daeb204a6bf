import Foundation

/// Writes `compare.json`, `compare.csv` and, with weeks, `weekly.csv` as one folder, like a
/// run's results: into the hidden sibling `.NAME.new`, then swapped into place whole
/// (``ResultsLocation``), so the folder holds one complete comparison or the previous one,
/// never a mix.
public struct CompareFolder {
  public let location: ResultsLocation

  /// The files always written, in order (`compare.json` last).
  public static let files = ["compare.csv", "compare.json"]

  /// Written besides `files` when the report has weeks (`compare --weekly`).
  public static let weeklyFile = "weekly.csv"

  /// The files `write(_:stop:)` writes for `report`: `files`, and `weeklyFile` when it has weeks.
  public static func files(of report: CompareReport) -> [String] {
    report.weeks.isEmpty ? files : files + [weeklyFile]
  }

  /// What a comparison folder may hold to be replaced: its files and the plots drawn from them.
  public static let replaceableEntries: Set<String> = Set(files + [weeklyFile, "plots"])

  /// `location` must have been prepared (``ResultsLocation/prepare()``), and its lock held.
  public init(location: ResultsLocation) { self.location = location }

  /// Writes the files and moves the folder into place; when `stop` is requested before the
  /// move, throws ``StopRequest/Stopped`` and leaves the folder as it was.
  public func write(_ report: CompareReport, stop: StopRequest? = nil) throws {
    let staging = location.stagingURL
    let fm = FileManager.default
    try? fm.removeItem(at: staging)
    do {
      try fm.createDirectory(at: staging, withIntermediateDirectories: false)
      try AtomicFile.write(to: staging.appendingPathComponent("compare.csv"), stop: stop) { try report.write(csvTo: &$0) }
      try stop?.check()
      if !report.weeks.isEmpty {
        try AtomicFile.write(to: staging.appendingPathComponent(Self.weeklyFile), stop: stop) { try report.write(weeklyCSVTo: &$0) }
        try stop?.check()
      }
      try AtomicFile.write(try report.json(), to: staging.appendingPathComponent("compare.json"), stop: stop)
      try stop?.check()
      try location.moveIntoPlace()
    } catch {
      try? fm.removeItem(at: staging)
      throw error
    }
  }
}
