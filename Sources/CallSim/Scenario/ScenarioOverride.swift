/// `--set KEY=VALUE` on `run`, `compare` and `plan`: a change to a scenario at a key path
/// (the syntax of sweep files and timelines: `arrivals.per_hour`, `call_types.call.patience.mean`,
/// `roster[2].agents`), its value read as YAML (`700`, `5m`, `{dist: exponential, mean: 3m}`;
/// `null` removes the key). Applied to the merged tree (after `extends`) before it is decoded,
/// so the result is checked as the file is and equals the run of the file edited the same way.
public struct ScenarioOverride: Sendable, CustomStringConvertible {
  public let path: ScenarioKeyPath
  /// `nil` removes the key.
  public let value: ScenarioValue?
  /// As written: `KEY=VALUE`.
  public let description: String

  /// What the values of an override name as their file, in messages: `--set KEY=VALUE`.
  /// A data file named in such a value is read from the current directory
  /// (``DataFilePath/folder(of:)``), as any path on a command line.
  static let filePrefix = "--set "

  /// Reads `KEY=VALUE`; a problem is a ``ScenarioError`` located at `--set KEY=VALUE`.
  public init(_ text: String) throws(ScenarioError) {
    let at = Self.filePrefix + text
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
      throw ScenarioError(file: at, message: "expected KEY=VALUE with KEY a scenario key path, such as --set arrivals.per_hour=700")
    }
    let key = String(text[..<equals])
    let raw = String(text[text.index(after: equals)...])
    switch ScenarioKeyPath.parse(key) {
    case .failure(let problem): throw ScenarioError(file: at, keyPath: key, message: problem.description)
    case .success(let path): self.path = path
    }
    guard !raw.trimmingCharacters(in: .whitespaces).isEmpty, !raw.contains(where: \.isNewline) else {
      throw ScenarioError(file: at, keyPath: key, message: "expected a value on one line after '=' (null removes the key)")
    }
    let parsed: ScenarioValue
    do {
      // Read as the value of a key, as it would be written in the file.
      guard case .mapping(let pairs, _) = try ScenarioSource(allowOutside: false).parse(text: "value: " + raw, file: at),
        pairs.count == 1
      else { throw ScenarioError(file: at, message: "one value expected") }
      parsed = pairs[0].value
    } catch let error as ScenarioError {
      throw ScenarioError(file: at, keyPath: key, message: "the value is not YAML: \(error.issues.first?.message ?? "\(error)")")
    } catch {
      throw ScenarioError(file: at, keyPath: key, message: "the value is not YAML: \(error)")
    }
    value = parsed.isNull ? nil : parsed.located(at: ScenarioValue.Origin(file: at, line: nil))
    description = text
  }
}

extension ScenarioValue {
  /// The same value with every part located at `origin` (a command-line value has no line).
  func located(at origin: Origin) -> ScenarioValue {
    switch self {
    case .scalar(let s, let quoted, _): .scalar(s, quoted: quoted, origin: origin)
    case .sequence(let items, _): .sequence(items.map { $0.located(at: origin) }, origin: origin)
    case .mapping(let pairs, _): .mapping(pairs.map { ($0.key, $0.value.located(at: origin)) }, origin: origin)
    }
  }
}
