@testable import CallSim
import Foundation
import Testing

/// ``JSONText`` against its oracle, `JSONSerialization` with `.sortedKeys` (and
/// `.prettyPrinted`): the same bytes on hand-picked edge cases, on a few hundred random trees
/// and on a real `summary.json` and `compare.json`; and an error, not a trap, for a value
/// with no JSON form.
@Suite struct JSONTextTests {
  static func foundation(_ object: Any, pretty: Bool) throws -> String {
    let options: JSONSerialization.WritingOptions = pretty ? [.prettyPrinted, .sortedKeys] : [.sortedKeys]
    return String(decoding: try JSONSerialization.data(withJSONObject: object, options: options), as: UTF8.self)
  }

  /// Both layouts of `object` (a top-level array or object, as Foundation requires) match.
  static func expectSame(_ object: Any, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
    for pretty in [true, false] {
      let expected = try foundation(object, pretty: pretty)
      let actual = try JSONText.text(object, pretty: pretty)
      #expect(actual == expected, comment, sourceLocation: sourceLocation)
    }
  }

  static let keys = [
    "type2", "type10", "Type1", "type1", "TYPE3", "a_b", "a1", "aB", "ab", "Ab", "_x", "__", "z", "é", "e", "E", "f", "10",
    "9", "09", "a-b", "a.b", "a b", "A", "a", "ä", "Ä", "b", "abc", "ab_c", "ab1", "x2y10", "x2y9", "x02", "x2", "ca", "č", "ch",
    "", " ", "漢字", "🎉", "ß", "ss", "ı", "i", "İ", "service_level", "service_level_within_seconds", "ci95", "max", "mean", "min",
    "q\"uote", "back\\slash", "sl/ash", "new\nline", "\u{1}", "agent2_team", "agent10_team", "1.5", "1.10", "-1", "+1",
  ]

  @Test func layoutOfEmptyAndNestedContainers() throws {
    try Self.expectSame([String: Any]())
    try Self.expectSame([Any]())
    try Self.expectSame(["a": [Any](), "b": [String: Any](), "c": [[String: Any]()], "d": [1, [2, [Any]()]] as [Any]] as [String: Any])
    try Self.expectSame([[Any](), [String: Any](), [[[Any]()]]] as [Any])
    try Self.expectSame([
      "rows": [["a": 1, "b": [1.5, 2.0]] as [String: Any], ["c": NSNull(), "d": ["e": ["f": [true, false]]]] as [String: Any]]
    ] as [String: Any])
  }

  @Test func keyOrder() throws {
    var object: [String: Any] = [:]
    for (i, key) in Self.keys.enumerated() { object[key] = i }
    try Self.expectSame(object)
    // Every pair alone, and the keys of the reports.
    for a in Self.keys { for b in Self.keys where a != b { try Self.expectSame([a: 1, b: 2]) } }
    try Self.expectSame(["mean": 1, "ci95": 2, "min": 3, "max": 4, "Mean": 5, "mean2": 6, "mean10": 7])
    // The same set of keys twice in one text, spelled differently (precomposed, decomposed):
    // each object keeps its own spelling.
    try Self.expectSame([["\u{E9}": 1, "f": 2, "e": 3], ["e\u{301}": 1, "f": 2, "e": 3], ["\u{E9}": 1, "f": 2, "e": 3]])
  }

  @Test func stringEscapes() throws {
    var all = ""
    for v in 0..<0x80 { all.unicodeScalars.append(Unicode.Scalar(UInt8(v))) }
    try Self.expectSame(["all ASCII": all, all: "as a key"])
    try Self.expectSame([
      "q\"b\\s/n\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{b}\u{7f} é 漢 🎉", "", "/", "//a//", "\u{2028}\u{2029}", "\u{FEFF}x", "e\u{301}",
      "\u{80}\u{9f}\u{a0}", String(repeating: "long/\"", count: 500),
    ] as [Any])
    try Self.expectSame(["bridged": NSString(string: "a/b\"c")] as [String: Any])
  }

  @Test func numbers() throws {
    let doubles: [Double] = [
      0, -0.0, 48, -48, 0.1, 1.0 / 3, 1e-05, 1e-4, 0.00012, 1e+15, 1e+16, 1e+20, 1e21, 1e22, 123_456_789_012_345_680, 9_007_199_254_740_994,
      .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 2.5, 1234.5678, 0.339, 3600, 86_400,
      Double(Int64.max), Double(UInt64.max), -1e-300, 100, 1e2, 0.30000000000000004,
    ]
    try Self.expectSame(["d": doubles, "any": doubles.map { $0 as Any }] as [String: Any])
    try Self.expectSame([
      Int.min, Int.max, 0, -1, Int8.min, Int16.max, Int32.min, Int64.max, UInt.max, UInt8.max, UInt16.max, UInt32.max, UInt64.max,
      UInt64(7), true, false, Float(0.1), Float(3), Float(-0.0), Float.greatestFiniteMagnitude, Float(1e-7), Decimal(string: "12.50")!,
      Decimal(string: "123456789012345678901234")!,
    ] as [Any])
    try Self.expectSame(["ints": [1, 2, 3], "map": ["a": 1, "B": 2], "doubles": ["x": 0.5], "bools": [true]] as [String: Any])
  }

  /// Numbers as `JSONSerialization.jsonObject` returns them (`NSNumber`s: booleans, integers,
  /// doubles, a `UInt64` above `Int64.max`, an `NSDecimalNumber`), as in `plan.json`'s
  /// iterations and `callsim erlang --json`.
  @Test func parsedNumbers() throws {
    let text = """
      {"t": true, "f": false, "i": 3, "n": -4, "d": 2.5, "e": 1e3, "x": 1.0, "one": 1, "zero": 0, "u": 18446744073709551615,
       "i64": 9223372036854775807, "min": -9223372036854775808, "big": 123456789012345678901234, "tiny": 1e-7, "neg0": -0.0,
       "list": [1, 1.5, true, null, "s/", {"k": [false, 0, 1]}], "exp": 1.5e300}
      """
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    try Self.expectSame(object)
    try Self.expectSame([
      NSNumber(value: 3.0), NSNumber(value: Int8(5)), NSNumber(value: true), NSNumber(value: UInt64.max), NSNumber(value: Float(0.1)),
      NSNumber(value: Int16(-300)), NSNumber(value: 0.25),
    ] as [Any])
  }

  @Test func optionalsAreTheirValueOrNull() throws {
    let none: Int? = nil, some: Int? = 3, nested: [String: Any]? = ["b": 1]
    try Self.expectSame(["none": none as Any, "some": some as Any, "nested": nested as Any] as [String: Any])
  }

  @Test func unsupportedValuesThrow() {
    let bad: [Any] = [Date(), Set([1]), [1: "int key"], Double.nan, Double.infinity, -Double.infinity, Float.nan, NSNumber(value: Double.nan), URL(fileURLWithPath: "/")]
    for value in bad {
      #expect(throws: JSONText.UnsupportedValue.self, "\(type(of: value))") { try JSONText.text(["a": ["b": value]], pretty: true) }
      #expect(throws: (any Error).self) { try Self.foundation(["a": ["b": value]], pretty: true) }
    }
    let error = try? #require(throws: JSONText.UnsupportedValue.self) { try JSONText.text([Date()], pretty: false) }
    #expect(error?.description.contains("Date") == true)
  }

  /// A few hundred random trees from a seeded generator: the keys above mixed with random
  /// ones, strings of escapes, controls and non-ASCII, integers, doubles of every magnitude,
  /// booleans, nulls, and containers of narrower element types.
  @Test func randomTrees() throws {
    var random = SplitMix(seed: 20_261_127)
    for i in 0..<300 {
      let tree: Any = random.below(4) == 0 ? random.array(depth: 0) : random.object(depth: 0)
      try Self.expectSame(tree, "tree \(i)")
    }
  }

  /// `summary.json` and `compare.json` of a center with three call types and three groups.
  @Test func reportsOfARealRun() throws {
    func run(_ routing: String) throws -> RunResult {
      let model = try Scenario.parse(text: CommonRandomNumbersTests.scenario(routing: routing), file: "json.yaml").model
      return try #require(try SimulationRunner.run(model, threads: 2))
    }
    let split = try run("{mode: split, misroute: {share: 0.1, transfer: {dist: exponential, mean: 40s}}}")
    let integrated = try run("{mode: integrated, generalist: {handle_factor: 1.2}}")

    let summary = SummaryReport(result: split, wallSeconds: 1.2345, version: "test", extra: ["interventions": [["at": 3.5, "what": "a/b"]]])
    let object = summary.object()
    #expect((object["call_types"] as? [String: Any])?.count == 3)
    #expect(try summary.json() == Self.foundation(object, pretty: true) + "\n")

    let compare = CompareReport(comparisons: [PairedComparison(baseline: split, other: integrated), PairedComparison(baseline: split, other: split)])
    #expect(try compare.json() == Self.foundation(compare.object(), pretty: true) + "\n")
  }

  /// SplitMix64, for trees that are the same on every run.
  struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    static let pieces = ["a", "B", "_", "/", "\\", "\"", "\n", "\u{1}", "\u{1f}", "\u{7f}", "é", "漢", "🎉", " ", "0", "9", "\t", "x", "Z", "10", "2"]

    mutating func text() -> String { (0..<below(8)).map { _ in pick(Self.pieces) }.joined() }

    mutating func key() -> String {
      switch below(3) {
      case 0: pick(JSONTextTests.keys)
      case 1: pick(["type", "Type", "agent", "a", "A", "_", "x", "é", "z", "group_"]) + String(below(120)) + pick(["", "_team", "b", "B"])
      default: text()
      }
    }

    mutating func double() -> Double {
      switch below(5) {
      case 0: return Double(Int(truncatingIfNeeded: next()) >> below(64))
      case 1: return (Double(below(2_000_000)) - 1_000_000) / 1000
      case 2: return Double(below(1000)) * pow(10, Double(below(60) - 30))
      case 3: return Double(next() >> 11) / Double(1 << 53)
      default:
        let d = Double(bitPattern: next())
        return d.isFinite ? d : 0.5
      }
    }

    mutating func leaf() -> Any {
      switch below(12) {
      case 0, 1: return text()
      case 2, 3: return double()
      case 4: return Int(truncatingIfNeeded: next()) >> below(64)
      case 5: return below(2) == 0
      case 6: return NSNull()
      case 7: return next()  // UInt64
      case 8: return (0..<below(4)).map { _ in double() }  // [Double]
      case 9: return Dictionary((0..<below(4)).map { _ in (key(), below(100)) }, uniquingKeysWith: { a, _ in a })  // [String: Int]
      case 10:
        let f = Float(double())
        return f.isFinite ? f : Float(0.25)
      default: return [text(), text()]  // [String]
      }
    }

    mutating func value(depth: Int) -> Any {
      if depth >= 4 || below(3) != 0 { return leaf() }
      return below(2) == 0 ? array(depth: depth + 1) : object(depth: depth + 1)
    }

    mutating func array(depth: Int) -> Any {
      if below(4) == 0 { return (0..<below(4)).map { _ in object(depth: depth + 1) as! [String: Any] } }  // [[String: Any]]
      return (0..<below(6)).map { _ in value(depth: depth) } as [Any]
    }

    mutating func object(depth: Int) -> Any {
      var o: [String: Any] = [:]
      for _ in 0..<below(7) { o[key()] = value(depth: depth) }
      return o
    }
  }
}
