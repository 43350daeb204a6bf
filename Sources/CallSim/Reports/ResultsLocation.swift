import Foundation

/// Where a run's results folder goes, checked before the simulation so that a bad `--out`
/// (a file, an empty string, a name too long for the file system) costs no simulation time.
///
/// A run never writes into the folder itself: it writes a hidden sibling `.NAME.new` and then
/// swaps it into place whole (see ``ResultsLocation/moveIntoPlace()``), so the folder always
/// holds one complete run or the previous one, never a mix. `.NAME.lock` beside it carries
/// the lock that keeps two runs from using one folder at once (``FolderLock``).
public struct ResultsLocation: Sendable {
  /// The results folder: absolute, with symbolic links in its path resolved, so that two
  /// spellings of one folder share one lock.
  public let url: URL
  /// The folder that holds the results folder and its hidden siblings.
  public let parent: URL
  /// `.NAME.lock`: the file whose `flock` guards the folder.
  let lockURL: URL
  /// `.NAME.new`: the results being written, swapped into place when complete.
  let stagingURL: URL
  /// `.NAME.old`: the previous results between the two renames of a swap without
  /// `RENAME_EXCHANGE` (see ``moveIntoPlace()``).
  let asideURL: URL
  /// The location as the user gave it, for messages: `--out 'DIR'`.
  let display: String
  /// What an existing folder may hold to be replaced whole (the files of the command writing
  /// it, and `plots/`).
  let replaceable: Set<String>

  /// Longest folder name, in bytes: the file system's NAME_MAX (255) less the 6 bytes of the
  /// siblings' leading `.` and `.lock` suffix.
  public static let maxNameBytes = Int(NAME_MAX) - 6

  /// What a results folder may hold to be replaced by a new run: the files a run writes, and
  /// `plots/` drawn from them by the plot scripts (stale once the results change).
  public static let replaceableEntries = Set(ResultsFolder.files + [ResultsFolder.traceFile, "plots"])

  /// Checks `path` without touching the file system beyond reading it. `what` names the
  /// path in messages (`--out`, or the default folder named after the scenario);
  /// `replaceable` lists what an existing folder may hold (a run's files by default).
  public init(path: String, what: String, replaceable: Set<String> = ResultsLocation.replaceableEntries) throws(Problem) {
    guard !path.isEmpty else { throw Problem("\(what): expected a folder path, found an empty string") }
    let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    let name = url.lastPathComponent
    guard url.path != "/", !name.isEmpty, name != ".", name != ".." else {
      throw Problem("\(what) '\(path)': expected a folder inside another folder, found the root folder")
    }
    let bytes = name.utf8.count
    guard bytes <= ResultsLocation.maxNameBytes else {
      throw Problem(
        "\(what) '\(path)': the folder name is \(bytes) bytes long; expected at most \(ResultsLocation.maxNameBytes) (the file system allows \(NAME_MAX), less room for callsim's .lock sibling)"
      )
    }
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
      throw Problem("\(what) '\(path)': is a file; expected a folder (a new one, an empty one, or the results of an earlier run)")
    }
    self.url = url
    parent = url.deletingLastPathComponent()
    lockURL = parent.appendingPathComponent(".\(name).lock")
    stagingURL = parent.appendingPathComponent(".\(name).new")
    asideURL = parent.appendingPathComponent(".\(name).old")
    display = "\(what) '\(path)'"
    self.replaceable = replaceable
  }

  /// A results location that cannot be used, as one line without the `error:` prefix: what,
  /// and what was expected.
  public struct Problem: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
  }
}
