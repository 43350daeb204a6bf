import CallSimTestSupport
import Foundation
import Testing

/// Every relative link and image in every Markdown file of the repository resolves to a file
/// or folder inside the repository, and every `#anchor` into a Markdown file names one of its
/// headings (GitHub's rule), so a reader who follows the README into `docs/` never lands on a
/// missing page, and no page depends on a file outside the repository.
@Suite struct MarkdownLinkTests {
  @Test func everyRelativeLinkResolvesInsideTheRepository() throws {
    let root = CLI.packageRoot.standardizedFileURL.resolvingSymlinksInPath()
    let files = MarkdownLinks.files(under: root)
    // The scan itself works: it sees the README and the manual, and their links.
    #expect(files.contains("README.md") && files.contains("docs/scenario-reference.md"), "\(files)")
    var links = 0
    var problems: [String] = []
    for file in files {
      let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
      for link in MarkdownLinks.links(in: text) {
        links += 1
        if let problem = MarkdownLinks.problem(with: link.target, in: file, root: root) {
          problems.append("\(file):\(link.line): (\(link.target)) \(problem)")
        }
      }
    }
    #expect(links >= 50, "only \(links) links found in \(files.count) files: is the scan broken?")
    #expect(problems.isEmpty, "\(problems.count) broken Markdown link(s):\n\(problems.joined(separator: "\n"))")
  }

  @Test func linksAreReadAsGitHubReadsThem() {
    let text = """
      See [one](a.md) and ![two](img/b.png "a title"), [three](<c d.md>), [web](https://x.org/y).
      A link over two lines: [the results folder and
      interrupting](#the-results-folder) and `[code](not-a-link.md)`.
      ```sh
      echo "[fenced](not-a-link.md)"
      ```
      [ref]: e.md#part
      """
    #expect(MarkdownLinks.links(in: text).map(\.target) == ["a.md", "img/b.png", "c d.md", "https://x.org/y", "#the-results-folder", "e.md#part"])
    #expect(MarkdownLinks.links(in: text).map(\.line) == [1, 1, 1, 1, 3, 7])
    #expect(MarkdownLinks.slug("The afternoon shift: 13–22 or 11–20?") == "the-afternoon-shift-1322-or-1120")
    #expect(MarkdownLinks.slug("`call_types.NAME`") == "call_typesname")
    #expect(MarkdownLinks.slug("Comparing designs: split or integrated queues?") == "comparing-designs-split-or-integrated-queues")
    #expect(MarkdownLinks.anchors(in: "# A\n## A\n```\n# B\n```\n### C, d #\n") == ["a", "a-1", "c-d"])
  }
}

/// The links of Markdown text, and whether each resolves (used by ``MarkdownLinkTests``).
enum MarkdownLinks {
  struct Link: Equatable {
    var target: String
    var line: Int
  }

  /// The repository's Markdown files, relative to `root`: git's tracked and untracked
  /// (not ignored) files when git answers, otherwise a walk that skips hidden folders and the
  /// ignored results under `Results/`.
  static func files(under root: URL) -> [String] {
    let git = Process()
    git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    git.arguments = ["git", "-C", root.path, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.md"]
    let out = Pipe()
    git.standardOutput = out
    git.standardError = FileHandle.nullDevice
    if (try? git.run()) != nil {
      let data = out.fileHandleForReading.readDataToEndOfFile()
      git.waitUntilExit()
      if git.terminationStatus == 0 {
        let listed = String(decoding: data, as: UTF8.self).split(separator: "\0").map(String.init)
        let present = listed.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        if !present.isEmpty { return present.sorted() }
      }
    }
    var found: [String] = []
    let keys: [URLResourceKey] = [.isDirectoryKey]
    guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else { return [] }
    let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
    for case let url as URL in walk {
      let path = url.resolvingSymlinksInPath().path
      guard path.hasPrefix(prefix) else { continue }
      let relative = String(path.dropFirst(prefix.count))
      if url.lastPathComponent.hasPrefix(".") {
        walk.skipDescendants()
        continue
      }
      if relative.hasPrefix("Results/"), relative != "Results/README.md" { continue }
      if relative.hasSuffix(".md") { found.append(relative) }
    }
    return found.sorted()
  }

  /// Inline links and images `[text](target "title")` / `![alt](target)` (the text may span
  /// lines) and reference definitions `[name]: target`, outside fenced blocks and code spans,
  /// with the line where the target starts.
  static func links(in text: String) -> [Link] {
    var result: [Link] = []
    for (index, rawLine) in linesOutsideFences(text) {
      let trimmed = rawLine.drop { $0 == " " || $0 == "\t" }
      let line = withoutCodeSpans(String(rawLine))
      if trimmed.hasPrefix("["), let definition = line.range(of: #"^\s*\[[^\]]+\]:\s+"#, options: .regularExpression) {
        let rest = line[definition.upperBound...]
        if let target = rest.split(separator: " ").first { result.append(Link(target: unwrap(String(target)), line: index + 1)) }
        continue
      }
      var search = line.startIndex
      while let open = line.range(of: "](", range: search..<line.endIndex) {
        var depth = 0
        var end = open.upperBound
        var inside = ""
        while end < line.endIndex {
          let c = line[end]
          if c == "(" { depth += 1 } else if c == ")" {
            if depth == 0 { break }
            depth -= 1
          }
          inside.append(c)
          end = line.index(after: end)
        }
        search = end < line.endIndex ? line.index(after: end) : line.endIndex
        guard end < line.endIndex else { break }
        var target = inside.trimmingCharacters(in: .whitespaces)
        if target.hasPrefix("<"), let close = target.firstIndex(of: ">") {
          target = String(target[target.index(after: target.startIndex)..<close])
        } else if let space = target.firstIndex(where: { $0 == " " || $0 == "\t" }) {
          target = String(target[..<space])  // drops a "title"
        }
        if !target.isEmpty { result.append(Link(target: target, line: index + 1)) }
      }
    }
    return result
  }

  /// `line` with its code spans (`` `…` ``, ``` ``…`` ```) blanked out.
  static func withoutCodeSpans(_ line: String) -> String {
    var out = ""
    var rest = Substring(line)
    while let tick = rest.firstIndex(of: "`") {
      out += rest[..<tick]
      let run = rest[tick...].prefix { $0 == "`" }
      let after = rest[run.endIndex...]
      if let close = after.range(of: String(run)) {
        rest = after[close.upperBound...]
      } else {
        out += run
        rest = after
      }
    }
    return out + rest
  }

  static func unwrap(_ target: String) -> String {
    target.hasPrefix("<") && target.hasSuffix(">") ? String(target.dropFirst().dropLast()) : target
  }

  /// What is wrong with `target` as written in the file `file` (relative to `root`), or `nil`.
  static func problem(with target: String, in file: String, root: URL) -> String? {
    // A URL with a scheme (https:, mailto:, …) is not a file of the repository.
    if target.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil { return nil }
    let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let rawPath = String(parts[0])
    let anchor = parts.count > 1 ? String(parts[1]) : nil
    guard let path = rawPath.removingPercentEncoding else { return "is not a valid path" }
    let folder = root.appendingPathComponent(file).deletingLastPathComponent()
    let url: URL
    if path.isEmpty {
      url = root.appendingPathComponent(file)
    } else if path.hasPrefix("/") {
      url = root.appendingPathComponent(String(path.dropFirst()))  // GitHub: from the repository root
    } else {
      url = folder.appendingPathComponent(path)
    }
    let resolved = url.standardizedFileURL.resolvingSymlinksInPath().path
    if resolved != root.path && !resolved.hasPrefix(root.path + "/") {
      return "points outside the repository (\(resolved))"
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else {
      return "does not exist (\(resolved.dropFirst(root.path.count + 1)))"
    }
    if let anchor, !anchor.isEmpty, !isFolder.boolValue, resolved.hasSuffix(".md") {
      guard let text = try? String(contentsOfFile: resolved, encoding: .utf8) else { return "cannot be read" }
      let wanted = anchor.removingPercentEncoding?.lowercased() ?? anchor
      if !anchors(in: text).contains(wanted) { return "names no heading of \(resolved.dropFirst(root.path.count + 1))" }
    }
    return nil
  }

  /// The anchors GitHub gives a Markdown file's headings (`#`…`######` outside fences), a
  /// repeated slug numbered `-1`, `-2`, … in order.
  static func anchors(in text: String) -> [String] {
    var result: [String] = []
    var seen: [String: Int] = [:]
    for (_, rawLine) in linesOutsideFences(text) {
      let trimmed = rawLine.drop { $0 == " " }
      guard rawLine.count - trimmed.count <= 3, let range = trimmed.range(of: "^#{1,6}( |$)", options: .regularExpression) else { continue }
      var title = String(trimmed[range.upperBound...]).trimmingCharacters(in: .whitespaces)
      if let closing = title.range(of: #"\s+#+$"#, options: .regularExpression) { title.removeSubrange(closing) }
      let base = slug(title)
      let n = seen[base, default: 0]
      seen[base] = n + 1
      result.append(n == 0 ? base : "\(base)-\(n)")
    }
    return result
  }

  /// The lines of `text` outside fenced code blocks (``` or ~~~), with their 0-based index.
  static func linesOutsideFences(_ text: String) -> [(index: Int, line: Substring)] {
    var result: [(index: Int, line: Substring)] = []
    var fence: String? = nil
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if let open = fence {
        if trimmed.hasPrefix(open) { fence = nil }
      } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fence = String(trimmed.prefix(3))
      } else {
        result.append((index, line))
      }
    }
    return result
  }

  /// GitHub's heading slug: link text for links, lowercase, every character but letters,
  /// digits, `-`, `_` and spaces dropped, spaces turned into `-`.
  static func slug(_ heading: String) -> String {
    let text = heading.replacingOccurrences(of: #"!?\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
    var out = ""
    for c in text.lowercased() {
      if c == " " {
        out.append("-")
      } else if c.isLetter || c.isNumber || c == "-" || c == "_" {
        out.append(c)
      }
    }
    return out
  }
}
