import CYaml

/// Measures a YAML text as it would be after alias expansion — number of values and depth of
/// nesting — from libyaml's event stream, before Yams builds any node.
///
/// Why before: Yams composes aliases by reference, but its duplicate-key check hashes each
/// mapping key fully expanded, so `? *a9 : 1` over a few nested anchors makes it hash
/// billions of nodes (a 660-byte file ran for hours) before ``ScenarioSource`` could count
/// values. Here each anchor's expanded size and depth are remembered when the anchor
/// closes, an alias adds them in O(1), and the check stops at the first event past a limit,
/// so the work is linear in the length of the text whatever the aliases expand to.
///
/// Syntax errors are left to Yams, which reports them with their line: this check then
/// returns without a verdict.
struct YAMLExpansionCheck {
  /// Most values (scalars, sequences and mappings, keys included) after expanding aliases.
  let maxValues: Int
  /// Deepest nesting of sequences and mappings after expanding aliases (the top mapping is 1).
  let maxDepth: Int

  /// What went over a limit, and the 1-based line of the event where it did.
  struct Excess: Error, Equatable {
    enum Limit: Equatable { case values, depth }
    var limit: Limit
    var line: Int
  }

  /// An open sequence or mapping: its anchor, and its expanded size and depth so far.
  private struct Frame {
    var anchor: String?
    var values = 1
    var depth = 0
  }

  /// Throws ``Excess`` when `text` expands past a limit.
  /// - Complexity: O(length of `text`) events, each O(1) apart from the anchor dictionary.
  func check(_ text: String) throws(Excess) {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return }
    defer { yaml_parser_delete(&parser) }
    var bytes = Array(text.utf8)
    var anchors: [String: (values: Int, depth: Int)] = [:]
    var stack: [Frame] = []
    var total = 0
    try bytes.withUnsafeMutableBufferPointer { (buffer) throws(Excess) in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var event = yaml_event_t()
      while true {
        guard yaml_parser_parse(&parser, &event) == 1 else { return }
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + 1
        /// A finished node of `values` values and `depth` levels: counted into its parent.
        func add(_ values: Int, _ depth: Int) throws(Excess) {
          if stack.count + depth > maxDepth { throw Excess(limit: .depth, line: line) }
          guard !stack.isEmpty else { return }
          stack[stack.count - 1].values += values
          stack[stack.count - 1].depth = max(stack[stack.count - 1].depth, depth)
        }
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return
        case YAML_SCALAR_EVENT:
          total += 1
          if total > maxValues { throw Excess(limit: .values, line: line) }
          try add(1, 0)
          if let anchor = YAMLExpansionCheck.text(event.data.scalar.anchor) { anchors[anchor] = (1, 0) }
        case YAML_ALIAS_EVENT:
          // An unknown alias is a composer error that Yams reports.
          guard let name = YAMLExpansionCheck.text(event.data.alias.anchor), let size = anchors[name] else { return }
          total += size.values
          if total > maxValues { throw Excess(limit: .values, line: line) }
          try add(size.values, size.depth)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
          total += 1
          if total > maxValues { throw Excess(limit: .values, line: line) }
          if stack.count + 1 > maxDepth { throw Excess(limit: .depth, line: line) }
          let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
          stack.append(Frame(anchor: YAMLExpansionCheck.text(anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          guard let frame = stack.popLast() else { return }
          if let anchor = frame.anchor { anchors[anchor] = (frame.values, frame.depth + 1) }
          try add(frame.values, frame.depth + 1)
        default:
          continue
        }
      }
    }
  }

  private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: $0) }
  }
}
