extension ScenarioValue {
  /// A copy with the value at `path` replaced (or added, creating mappings as needed), or
  /// removed when `value` is `nil`. A list index must name an item the list already has:
  /// a sweep or a timeline change edits the base scenario's list, it does not grow it.
  func setting(_ path: ScenarioKeyPath, to value: ScenarioValue?) throws(ScenarioKeyPath.Problem) -> ScenarioValue {
    try setting(path.components[...], to: value, at: "")
  }

  private func setting(_ path: ArraySlice<ScenarioKeyPath.Component>, to value: ScenarioValue?, at written: String)
    throws(ScenarioKeyPath.Problem) -> ScenarioValue
  {
    guard let first = path.first else { return value ?? self }
    let rest = path.dropFirst()
    switch first {
    case .key(let key):
      let here = written.isEmpty ? key : "\(written).\(key)"
      var pairs: [(key: String, value: ScenarioValue)] = []
      var origin = value?.origin ?? self.origin
      switch self {
      case .mapping(let p, let o):
        pairs = p
        origin = o
      case .scalar(let s, _, _) where s.isEmpty || s == "~" || s == "null":
        break  // an empty value: becomes a mapping
      default:
        throw ScenarioKeyPath.Problem("cannot set '\(here)': '\(written)' is \(kind) in the base scenario, not a mapping")
      }
      if let i = pairs.firstIndex(where: { $0.key == key }) {
        if rest.isEmpty && value == nil {
          pairs.remove(at: i)
        } else {
          pairs[i].value = try pairs[i].value.setting(rest, to: value, at: here)
        }
      } else if value != nil {
        if case .index(let n) = rest.first {
          throw ScenarioKeyPath.Problem("cannot set '\(here)[\(n)]': the base scenario has no '\(here)' (a list item can be set only in a list the scenario has)")
        }
        // A mapping the sweep adds is placed where the sweep's value was written.
        pairs.append((key, try ScenarioValue.mapping([], origin: value?.origin ?? origin).setting(rest, to: value, at: here)))
      }
      return .mapping(pairs, origin: origin)
    case .index(let n):
      let here = "\(written)[\(n)]"
      guard case .sequence(var items, let origin) = self else {
        throw ScenarioKeyPath.Problem("cannot set '\(here)': '\(written)' is \(kind) in the base scenario, not a list")
      }
      guard n < items.count else {
        throw ScenarioKeyPath.Problem(
          "cannot set '\(here)': '\(written)' has \(items.count) item\(items.count == 1 ? "" : "s") in the base scenario (indices from 0)")
      }
      if rest.isEmpty && value == nil {
        items.remove(at: n)
      } else {
        items[n] = try items[n].setting(rest, to: value, at: here)
      }
      return .sequence(items, origin: origin)
    }
  }

  /// "a value", "a list" or "a mapping", for messages.
  var kind: String {
    switch self {
    case .scalar: "a value"
    case .sequence: "a list"
    case .mapping: "a mapping"
    }
  }

  /// Compact one-line YAML flow text of the value (`5m`, `[1, 2]`, `{mode: split}`): how a
  /// parameter value is shown in `points.csv` and in messages.
  var flowText: String {
    switch self {
    case .scalar(let s, _, _): s
    case .sequence(let items, _): "[" + items.map(\.flowText).joined(separator: ", ") + "]"
    case .mapping(let pairs, _): "{" + pairs.map { "\($0.key): \($0.value.flowText)" }.joined(separator: ", ") + "}"
    }
  }

  /// Whether this is YAML's null (`~`, `null`, or nothing), which a sweep uses to remove a key.
  var isNull: Bool {
    guard case .scalar(let s, let quoted, _) = self, !quoted else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(s)
  }
}
