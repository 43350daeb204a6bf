/// One problem found in a scenario file: where it is and what was expected.
public struct ScenarioIssue: Sendable, Equatable, CustomStringConvertible {
  public enum Severity: String, Sendable { case error, warning }

  public var severity: Severity
  /// The file the problem is in, as the user named it.
  public var file: String
  /// 1-based line, when known.
  public var line: Int?
  /// Dotted key path, e.g. `call_types.traffic.handle.mean`; empty for the whole file.
  public var keyPath: String
  public var message: String

  public init(_ severity: Severity = .error, file: String, line: Int?, keyPath: String, message: String) {
    self.severity = severity
    self.file = file
    self.line = line
    self.keyPath = keyPath
    self.message = message
  }

  /// `error: FILE:LINE: KEY.PATH: MESSAGE` — one line.
  public var description: String {
    var location = file
    if let line { location += ":\(line)" }
    let key = keyPath.isEmpty ? "" : " \(keyPath):"
    return "\(severity.rawValue): \(location):\(key) \(message)"
  }
}

/// A scenario that cannot be run, with every problem found (not just the first).
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
  public var issues: [ScenarioIssue]

  public init(_ issues: [ScenarioIssue]) { self.issues = issues }

  public init(file: String, line: Int? = nil, keyPath: String = "", message: String) {
    issues = [ScenarioIssue(file: file, line: line, keyPath: keyPath, message: message)]
  }

  public var description: String { issues.map(\.description).joined(separator: "\n") }
}

extension ScenarioError {
  /// The first problem reading the data file `path`, for the message of the key that names
  /// it: `PATH:LINE: message` when it has a line (the style of the files' other errors), else
  /// `message (PATH)`.
  func dataFileMessage(_ path: String) -> String {
    guard let issue = issues.first else { return "cannot read \(path)" }
    return issue.line.map { "\(path):\($0): \(issue.message)" } ?? "\(issue.message) (\(path))"
  }
}
