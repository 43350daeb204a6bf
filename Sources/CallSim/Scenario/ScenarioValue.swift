import Yams

/// A YAML value that remembers the file and line it came from, so that a scenario merged
/// from several files (`extends:`) still reports each problem where it was written.
public indirect enum ScenarioValue: Sendable, Equatable {
  case scalar(String, quoted: Bool, origin: Origin)
  case sequence([ScenarioValue], origin: Origin)
  /// Keys in file order.
  case mapping([(key: String, value: ScenarioValue)], origin: Origin)

  public struct Origin: Sendable, Equatable {
    public var file: String
    public var line: Int?
  }

  public var origin: Origin {
    switch self {
    case .scalar(_, _, let o), .sequence(_, let o), .mapping(_, let o): o
    }
  }

  public static func == (a: ScenarioValue, b: ScenarioValue) -> Bool {
    switch (a, b) {
    case let (.scalar(x, qx, _), .scalar(y, qy, _)): return x == y && qx == qy
    case let (.sequence(x, _), .sequence(y, _)): return x == y
    case let (.mapping(x, _), .mapping(y, _)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: return false
    }
  }

  /// The value under `key`, if this is a mapping that has it.
  public subscript(key: String) -> ScenarioValue? {
    guard case .mapping(let pairs, _) = self else { return nil }
    return pairs.first { $0.key == key }?.value
  }

  /// Deep merge (`extends:`): mappings merge key by key, `child` wins everywhere else. A key
  /// the child sets to YAML's null (`~`, `null`, or nothing) is removed from the result — the
  /// way to drop an inherited key such as `targets: {answer_rate: ~}` — as in the timeline
  /// and sweeps. A null for a key the base does not have simply leaves it out. Values inside
  /// sequences are not keys and stay as written.
  public static func merge(base: ScenarioValue, child: ScenarioValue) -> ScenarioValue {
    guard case .mapping(var pairs, _) = base, case .mapping(let childPairs, let origin) = child else {
      return child
    }
    for (key, value) in childPairs {
      if value.isNull {
        pairs.removeAll { $0.key == key }
      } else if let i = pairs.firstIndex(where: { $0.key == key }) {
        pairs[i].value = merge(base: pairs[i].value, child: value)
      } else if case .mapping(_, let o) = value {
        pairs.append((key, merge(base: .mapping([], origin: o), child: value)))
      } else {
        pairs.append((key, value))
      }
    }
    return .mapping(pairs, origin: origin)
  }

  /// A copy with the value at a dotted `path` replaced (or added), creating mappings as needed.
  public func setting(_ path: [String], to value: ScenarioValue) -> ScenarioValue {
    guard let key = path.first else { return value }
    var pairs: [(key: String, value: ScenarioValue)] = []
    var origin = value.origin
    if case .mapping(let p, let o) = self {
      pairs = p
      origin = o
    }
    let empty = ScenarioValue.mapping([], origin: origin)
    if let i = pairs.firstIndex(where: { $0.key == key }) {
      pairs[i].value = pairs[i].value.setting(Array(path.dropFirst()), to: value)
    } else {
      pairs.append((key, empty.setting(Array(path.dropFirst()), to: value)))
    }
    return .mapping(pairs, origin: origin)
  }

  /// A copy without the top-level `key`.
  public func removing(_ key: String) -> ScenarioValue {
    guard case .mapping(let pairs, let origin) = self else { return self }
    return .mapping(pairs.filter { $0.key != key }, origin: origin)
  }

  /// YAML text of this value (for `scenario.resolved.yaml`).
  public func yaml() throws -> String {
    try Yams.serialize(node: node, sortKeys: false)
  }

  /// Tagged implicitly with the basic resolver: the emitter writes no tags for implicit
  /// nodes, so the default resolver's regular expressions would be compiled for nothing.
  var node: Node {
    let implicit = Tag(.implicit, .basic)
    switch self {
    case .scalar(let text, let quoted, _):
      return .scalar(.init(text, implicit, quoted ? .doubleQuoted : .any))
    case .sequence(let items, _):
      let flow = items.allSatisfy { if case .scalar = $0 { true } else { false } }
      return .sequence(.init(items.map(\.node), implicit, flow ? .flow : .block))
    case .mapping(let pairs, _):
      let flow = pairs.allSatisfy { if case .scalar = $0.value { true } else { false } } && pairs.count <= 6
      return .mapping(.init(pairs.map { (Node.scalar(.init($0.key, implicit)), $0.value.node) }, implicit, flow ? .flow : .block))
    }
  }
}
