import CallSimEngine

/// A value in the scenario tree together with its key path, with typed readers that report a
/// precise problem (file, line, key path, expected, found) and return `nil` on failure.
struct ScenarioField {
  let value: ScenarioValue
  let path: String
  let diagnostics: ScenarioDiagnostics

  var origin: ScenarioValue.Origin { value.origin }

  func error(_ message: String) { diagnostics.error(origin, path, message) }
  func warning(_ message: String) { diagnostics.warning(origin, path, message) }

  /// A short rendering of the value for messages.
  var found: String {
    switch value {
    case .scalar(let s, _, _): s.isEmpty ? "an empty value" : "'\(s)'"
    case .sequence: "a list"
    case .mapping: "a mapping"
    }
  }

  func expected(_ what: String) { error("expected \(what), found \(found)") }

  /// Builds a model value from checked input; a ``ModelError`` (a check the decoder missed)
  /// is still reported here, as a problem of this key, rather than stopping the program.
  func build<T>(_ make: () throws(ModelError) -> T) -> T? {
    do { return try make() } catch { self.error(error.description); return nil }
  }

  var scalar: String? {
    if case .scalar(let s, _, _) = value { return s }
    return nil
  }

  func string() -> String? {
    guard let s = scalar, !s.isEmpty else { expected("a text value"); return nil }
    return s
  }

  /// One of `E`'s cases, named by its raw value; otherwise "expected one of …" listing them.
  func oneOf<E: CaseIterable & RawRepresentable>(_: E.Type) -> E? where E.RawValue == String {
    guard let s = string(), let value = E(rawValue: s) else {
      expected("one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
      return nil
    }
    return value
  }

  /// A finite number (locale-independent: `.` is the decimal separator).
  func number(_ range: ClosedRange<Double>? = nil, what: String = "a number") -> Double? {
    guard let s = scalar, let v = ScenarioField.parseNumber(s) else { expected(what); return nil }
    if let range, !range.contains(v) {
      expected("\(what) in \(ScenarioField.show(range.lowerBound))…\(ScenarioField.show(range.upperBound))")
      return nil
    }
    return v
  }

  /// A number strictly above zero.
  func positiveNumber(what: String = "a positive number") -> Double? {
    guard let v = number(what: what) else { return nil }
    guard v > 0 else { expected(what); return nil }
    return v
  }

  /// A share in [0, 1].
  func share() -> Double? { number(0...1, what: "a share between 0 and 1") }

  func integer(_ range: ClosedRange<Int>, what: String = "a whole number") -> Int? {
    guard let s = scalar, let v = Int(s), range.contains(v) else {
      expected("\(what) from \(range.lowerBound) to \(range.upperBound)")
      return nil
    }
    return v
  }

  /// Longest duration accepted, seconds (about 31.7 years): far beyond any horizon, and
  /// small enough that samples around it and sums of them stay finite (an exponential
  /// of mean 1e308 drew infinite talk times).
  static let maxDurationSeconds = 1e9

  /// A duration in seconds: `45s`, `3m30s`, `1.5h`, `2d`, or a bare number of seconds.
  func duration(allowZero: Bool = false) -> Double? {
    guard let s = scalar, let v = DurationParser.seconds(s) else {
      expected("a duration such as 45s, 3m30s, 1h or 2d (a bare number means seconds)")
      return nil
    }
    guard v <= ScenarioField.maxDurationSeconds else {
      expected("a duration of at most \(ScenarioField.show(ScenarioField.maxDurationSeconds)) seconds (about 31 years)")
      return nil
    }
    guard allowZero ? v >= 0 : v > 0 else {
      expected(allowZero ? "a duration of at least 0" : "a duration above 0")
      return nil
    }
    return v
  }

  func date() -> CalendarDate? {
    guard let s = scalar, let d = CalendarDate(iso: s) else { expected("a date as YYYY-MM-DD"); return nil }
    return d
  }

  func list() -> [ScenarioField]? {
    guard case .sequence(let items, _) = value else { expected("a list"); return nil }
    return items.enumerated().map { ScenarioField(value: $1, path: "\(path)[\($0)]", diagnostics: diagnostics) }
  }

  /// Reads a mapping whose allowed keys are `keys`; unknown keys are reported with the
  /// closest known key as a suggestion.
  func mapping(_ keys: [String], what: String = "a mapping") -> ScenarioMapping? {
    guard case .mapping(let pairs, _) = value else { expected(what); return nil }
    for (key, v) in pairs where !keys.contains(key) {
      ScenarioField(value: v, path: child(key), diagnostics: diagnostics).unknownKey(key, known: keys)
    }
    return ScenarioMapping(field: self, pairs: pairs)
  }

  /// A mapping with free keys (names of call types, for example).
  func entries(what: String = "a mapping") -> [(key: String, field: ScenarioField)]? {
    guard case .mapping(let pairs, _) = value else { expected(what); return nil }
    return pairs.map { ($0.key, ScenarioField(value: $0.value, path: child($0.key), diagnostics: diagnostics)) }
  }

  func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  func unknownKey(_ key: String, known: [String]) {
    var message = "unknown key"
    if let suggestion = KeySuggestion.closest(to: key, among: known) { message += "; did you mean '\(suggestion)'?" }
    message += " (expected one of: \(known.joined(separator: ", ")))"
    error(message)
  }

  static func parseNumber(_ s: String) -> Double? {
    let t = s.trimmingCharacters(in: .whitespaces)
    guard let first = t.unicodeScalars.first, "+-.0123456789".unicodeScalars.contains(first),
      let v = Double(t), v.isFinite
    else { return nil }
    return v
  }

  static func show(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
  }
}

/// The keys of one mapping in the scenario tree.
struct ScenarioMapping {
  let field: ScenarioField
  let pairs: [(key: String, value: ScenarioValue)]

  subscript(key: String) -> ScenarioField? {
    pairs.first { $0.key == key }.map { ScenarioField(value: $0.value, path: field.child(key), diagnostics: field.diagnostics) }
  }

  func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

  /// The field, or a "missing key" problem.
  func required(_ key: String, _ what: String) -> ScenarioField? {
    if let f = self[key] { return f }
    field.diagnostics.error(field.origin, field.child(key), "missing; expected \(what)")
    return nil
  }
}

import Foundation
