/// A key path into the scenario tree: dotted keys with list indices,
/// `call_types.call.patience.mean`, `agent_groups.water_team.agents`, `roster[2].agents`.
/// A timeline entry names what it changes with one, and a sweep its parameters.
///
/// Parsed once when the file is read, so that a malformed path is reported against the line
/// that wrote it, before any model or sweep point is built.
public struct ScenarioKeyPath: Sendable, Hashable, CustomStringConvertible {
  /// One step of the path: a mapping key or a 0-based list index.
  public enum Component: Sendable, Hashable {
    case key(String)
    case index(Int)
  }

  public let components: [Component]
  /// The path as written (for a sweep, the column name in `points.csv`).
  public let description: String

  /// Parses `text`, or returns why it is not a key path (a message without the path itself).
  public static func parse(_ text: String) -> Result<ScenarioKeyPath, Problem> {
    var components: [Component] = []
    for segment in text.split(separator: ".", omittingEmptySubsequences: false) {
      var rest = Substring(segment)
      let key = rest.prefix { $0 != "[" }
      guard !key.isEmpty else { return .failure(Problem("expected a key before each '.' and '[' (such as roster[2].agents)")) }
      guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
        return .failure(Problem("expected keys of letters, digits, '_' and '-' joined by '.', with list indices as [N]"))
      }
      components.append(.key(String(key)))
      rest = rest.dropFirst(key.count)
      while !rest.isEmpty {
        guard rest.first == "[", let close = rest.firstIndex(of: "]"), let n = Int(rest[rest.index(after: rest.startIndex)..<close]), n >= 0
        else { return .failure(Problem("expected a list index as [N] with N a whole number ≥ 0 (such as roster[2].agents)")) }
        components.append(.index(n))
        rest = rest[rest.index(after: close)...]
      }
    }
    return .success(ScenarioKeyPath(components: components, description: text))
  }

  /// Why a key path cannot be parsed or applied, as the end of an error line.
  public struct Problem: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
  }
}
