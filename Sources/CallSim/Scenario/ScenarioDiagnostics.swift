/// Collects every problem found while decoding a scenario, so the user sees them all at once.
final class ScenarioDiagnostics {
  private(set) var issues: [ScenarioIssue] = []

  var hasErrors: Bool { issues.contains { $0.severity == .error } }

  func error(_ at: ScenarioValue.Origin, _ keyPath: String, _ message: String) {
    issues.append(ScenarioIssue(.error, file: at.file, line: at.line, keyPath: keyPath, message: message))
  }

  func warning(_ at: ScenarioValue.Origin, _ keyPath: String, _ message: String) {
    issues.append(ScenarioIssue(.warning, file: at.file, line: at.line, keyPath: keyPath, message: message))
  }
}
