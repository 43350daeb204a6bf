import Foundation

/// Resolves a path written in a scenario (`extends:`, `arrivals.rates`, an empirical
/// `file:`) and keeps it inside the scenario's folder unless `--allow-outside` is given.
///
/// A path is relative to the file where it was written (an `extends:` base in `sub/` names
/// its data files relative to `sub/`; a `--set` value, to the current directory), and the
/// inside-the-folder rule compares real paths, symbolic links resolved on both sides:
/// comparing the text alone let a link inside the folder lead to any file on the machine,
/// whose lines error messages then printed.
enum DataFilePath {
  /// The real path of `name` written in `file` (symbolic links resolved), or why it may not
  /// be used: outside `root` (the top scenario's folder) while `allowOutside` is false.
  static func resolve(_ name: String, writtenIn file: String, root: URL, allowOutside: Bool) -> Result<String, Outside> {
    let url = URL(fileURLWithPath: name, relativeTo: folder(of: file)).standardizedFileURL
    let real = realPath(url.path)
    if !allowOutside && !real.hasPrefix(realPath(root.standardizedFileURL.path) + "/") {
      return .failure(Outside(name: name, root: root.path))
    }
    return .success(real)
  }

  /// The folder a path written in `file` is relative to: the file's, or the current
  /// directory for a value of `--set` (whose "file" is the option's text).
  static func folder(of file: String) -> URL {
    file.hasPrefix(ScenarioOverride.filePrefix)
      ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
      : URL(fileURLWithPath: file).deletingLastPathComponent()
  }

  /// Resolves `name` written at `field` (relative to that field's file) for a data file.
  static func resolve(_ name: String, field: ScenarioField, root: URL, allowOutside: Bool) -> String? {
    switch resolve(name, writtenIn: field.origin.file, root: root, allowOutside: allowOutside) {
    case .success(let path): return path
    case .failure(let outside):
      field.error(outside.message)
      return nil
    }
  }

  /// A path that leaves the scenario's folder.
  struct Outside: Error {
    var name: String
    var root: String
    var message: String { "'\(name)' is outside the scenario's folder \(root) (symbolic links followed); pass --allow-outside to permit it" }
  }

  /// `path` with every symbolic link resolved. A path that does not exist yet keeps its
  /// missing tail, under the real path of its nearest existing ancestor, so that the
  /// "no such file" message comes later with the name the user wrote.
  static func realPath(_ path: String) -> String {
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    let parent = (path as NSString).deletingLastPathComponent
    guard !parent.isEmpty, parent != path else { return path }
    return (realPath(parent) as NSString).appendingPathComponent((path as NSString).lastPathComponent)
  }
}
