import Foundation
import Yams

/// Reads scenario files: size limits, YAML syntax, alias expansion limits and `extends:`
/// chains, producing one merged ``ScenarioValue``.
public struct ScenarioSource: Sendable {
  /// Largest scenario file read, bytes. Checked before the file is read whole.
  public static let maxFileBytes = 4 << 20
  /// Most YAML nodes after alias expansion (a guard against "billion laughs" files),
  /// mapping keys included; counted before Yams builds any node (``YAMLExpansionCheck``).
  public static let maxNodes = 200_000
  /// Deepest nesting of sequences and mappings after alias expansion (the top mapping is
  /// level 1). A scenario needs about 8; the limit keeps every recursive walk of the tree
  /// (Yams's, ours) far from the stack's end, even on a test runner's small thread stack.
  public static let maxDepth = 64
  /// Longest `extends:` chain.
  public static let maxExtendsDepth = 16

  /// Whether `extends:` and data-file paths may leave the scenario's folder.
  public var allowOutside: Bool

  public init(allowOutside: Bool = false) {
    self.allowOutside = allowOutside
  }

  /// The merged scenario tree of `path`, with `extends:` resolved and removed.
  public func load(_ path: String) throws -> ScenarioValue {
    try load(path, chain: [], root: URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL)
  }

  private func load(_ path: String, chain: [String], root: URL) throws -> ScenarioValue {
    let value = try parse(file: path)
    guard let extends = value["extends"] else { return value }
    guard case .scalar(let relative, _, let origin) = extends else {
      throw ScenarioError(file: path, line: extends.origin.line, keyPath: "extends", message: "expected a file name (a string)")
    }
    let parentURL = URL(fileURLWithPath: relative, relativeTo: URL(fileURLWithPath: path).deletingLastPathComponent())
      .standardizedFileURL
    let parentPath = relativePath(parentURL)
    let canonical = chain + [DataFilePath.realPath(URL(fileURLWithPath: path).standardizedFileURL.path)]
    let parentReal = DataFilePath.realPath(parentURL.path)
    if canonical.contains(parentReal) {
      throw ScenarioError(
        file: path, line: origin.line, keyPath: "extends",
        message: "'\(relative)' makes a cycle: \((canonical + [parentReal]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → "))")
    }
    if canonical.count >= ScenarioSource.maxExtendsDepth {
      throw ScenarioError(file: path, line: origin.line, keyPath: "extends", message: "more than \(ScenarioSource.maxExtendsDepth) files in the extends chain")
    }
    // Checked on real paths (symbolic links resolved) before the base is read, so that no
    // line of a file outside the folder is ever quoted in a message.
    if case .failure(let outside) = DataFilePath.resolve(relative, writtenIn: path, root: root, allowOutside: allowOutside) {
      throw ScenarioError(file: path, line: origin.line, keyPath: "extends", message: outside.message)
    }
    let base = try load(parentPath, chain: canonical, root: root)
    return ScenarioValue.merge(base: base, child: value.removing("extends"))
  }

  /// Parses one file into a tree, without following `extends:`.
  public func parse(file path: String) throws -> ScenarioValue {
    try parse(text: ScenarioSource.readText(path, limit: ScenarioSource.maxFileBytes, what: "scenario file"), file: path)
  }

  /// Parses scenario text; `file` names it in messages.
  public func parse(text: String, file path: String) throws -> ScenarioValue {
    do {
      try YAMLExpansionCheck(maxValues: ScenarioSource.maxNodes, maxDepth: ScenarioSource.maxDepth).check(text)
    } catch {
      switch error.limit {
      case .values:
        throw ScenarioError(
          file: path, line: error.line,
          message: "more than \(ScenarioSource.maxNodes) YAML values after expanding aliases; refusing a file this large")
      case .depth:
        throw ScenarioError(
          file: path, line: error.line,
          message: "YAML nested more than \(ScenarioSource.maxDepth) levels deep after expanding aliases; refusing it")
      }
    }
    let node: Node?
    do {
      // The basic resolver: the tree is read as text (``convert``), never by Yams's implicit
      // types, whose default resolver compiles seven regular expressions (9 M instructions,
      // more than parsing a scenario).
      node = try Yams.compose(yaml: text, .basic)
    } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
      throw ScenarioError(
        file: path, line: context.mark.line, keyPath: duplicates.joined(separator: ", "),
        message: "key appears twice in the same mapping")
    } catch let error as YamlError {
      throw ScenarioError(file: path, line: ScenarioSource.line(of: error), message: "YAML syntax error: \(ScenarioSource.problem(of: error))")
    }
    guard let node, case .mapping = node else {
      throw ScenarioError(file: path, line: node?.mark?.line, message: "expected a mapping of scenario keys (scenario:, simulation:, arrivals:, …)")
    }
    var budget = ScenarioSource.maxNodes
    return try convert(node, file: path, budget: &budget, depth: 1)
  }

  /// Reads a text file, refusing missing files, folders, anything but a regular file (a FIFO,
  /// socket or device: reading a FIFO with no writer would wait forever), files over `limit`
  /// bytes and text holding a control character other than tab, line feed and carriage
  /// return in a data file (a NUL byte inside a number would otherwise end it early: `19<NUL>0`
  /// read as 19; a scenario's YAML reader refuses them itself).
  /// The file is opened without blocking and checked on the descriptor it was opened as, so
  /// a file swapped for a FIFO meanwhile is refused too. The size is that of the file a
  /// symbolic link leads to, and at most `limit` + 1 bytes are ever read, so a file growing
  /// meanwhile cannot exceed the limit either.
  static func readText(_ path: String, limit: Int, what: String) throws -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ScenarioError(file: path, message: "no such \(what)")
    }
    guard !isDirectory.boolValue else { throw ScenarioError(file: path, message: "is a folder, expected a \(what)") }
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw ScenarioError(file: path, message: "cannot read the \(what): \(String(cString: strerror(errno)))") }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    defer { try? handle.close() }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw ScenarioError(file: path, message: "cannot read the \(what)") }
    guard info.st_mode & S_IFMT == S_IFREG else {
      let kind: String
      switch info.st_mode & S_IFMT {
      case S_IFIFO: kind = "a FIFO (named pipe)"
      case S_IFSOCK: kind = "a socket"
      case S_IFCHR, S_IFBLK: kind = "a device"
      default: kind = "not a regular file"
      }
      throw ScenarioError(file: path, message: "is \(kind); expected a \(what) (a regular file)")
    }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    let size = Int(info.st_size)
    let tooLarge = ScenarioError(file: path, message: "\(what) is \(size) bytes, more than the limit of \(limit) bytes for scenario and data files")
    guard size <= limit else { throw tooLarge }
    guard let data = try? handle.read(upToCount: limit + 1) ?? Data() else {
      throw ScenarioError(file: path, message: "cannot read the \(what)")
    }
    guard data.count <= limit else {
      throw ScenarioError(file: path, message: "\(what) is more than the limit of \(limit) bytes for scenario and data files")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ScenarioError(file: path, message: "\(what) is not UTF-8 text")
    }
    // A scenario's YAML reader refuses control characters itself, with its own message.
    if what != "scenario file", let i = data.firstIndex(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x7F }) {
      let line = data[..<i].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
      let column = i - (data[..<i].lastIndex(of: 0x0A).map { $0 + 1 } ?? data.startIndex) + 1
      throw ScenarioError(
        file: path, line: line,
        message: String(format: "a control character (U+%04X) at column \(column); expected text (tab, line ends and printable characters only)", data[i]))
    }
    return text
  }

  /// The tree of `node`; `depth` is its nesting level. The expansion check has already
  /// bounded size and depth; the budget and depth guards here keep this recursion safe even
  /// if a Yams version composed something that check did not see.
  private func convert(_ node: Node, file: String, budget: inout Int, depth: Int) throws -> ScenarioValue {
    if depth > ScenarioSource.maxDepth {
      throw ScenarioError(
        file: file, line: node.mark?.line,
        message: "YAML nested more than \(ScenarioSource.maxDepth) levels deep after expanding aliases; refusing it")
    }
    budget -= 1
    if budget < 0 {
      throw ScenarioError(
        file: file, line: node.mark?.line,
        message: "more than \(ScenarioSource.maxNodes) YAML values after expanding aliases; refusing a file this large")
    }
    let origin = ScenarioValue.Origin(file: file, line: node.mark?.line)
    switch node {
    case .scalar(let s):
      return .scalar(s.string, quoted: s.style == .singleQuoted || s.style == .doubleQuoted, origin: origin)
    case .sequence(let seq):
      return .sequence(try seq.map { try convert($0, file: file, budget: &budget, depth: depth + 1) }, origin: origin)
    case .mapping(let map):
      var pairs: [(key: String, value: ScenarioValue)] = []
      // A set, not a search of `pairs`: a mapping may hold 200,000 keys.
      var seen: Set<String> = []
      for (k, v) in map {
        guard case .scalar(let key) = k else {
          throw ScenarioError(file: file, line: k.mark?.line, message: "mapping keys must be plain words")
        }
        if !seen.insert(key.string).inserted {
          throw ScenarioError(file: file, line: k.mark?.line, keyPath: key.string, message: "key appears twice in the same mapping")
        }
        pairs.append((key.string, try convert(v, file: file, budget: &budget, depth: depth + 1)))
      }
      return .mapping(pairs, origin: origin)
    case .alias(let alias):
      throw ScenarioError(file: file, line: alias.mark?.line, message: "unresolved YAML alias")
    }
  }

  private func relativePath(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath + "/"
    return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
  }

  /// The 1-based line of a Yams error. A reader error (a NUL byte or another control
  /// character, invalid UTF-8) carries only a character offset: its line is counted here.
  static func line(of error: YamlError) -> Int? {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
    case .reader(_, let offset?, _, let yaml): yaml.prefix(offset).reduce(1) { $1.isNewline ? $0 + 1 : $0 }
    default: nil
    }
  }

  static func problem(of error: YamlError) -> String {
    switch error {
    case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
      if let context { return "\(problem) (\(context.text))" }
      return problem
    case .reader(let problem, _, let value, _):
      return "\(problem) (character code \(value))"
    default:
      return "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable YAML"
    }
  }
}
