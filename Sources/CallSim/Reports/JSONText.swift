import Foundation

/// JSON text for the report files (`summary.json`, `compare.json`, `plan.json`, the bench and
/// fit outputs, the live events): byte for byte what `JSONSerialization.data(withJSONObject:
/// options:)` writes with `.sortedKeys` (and `.prettyPrinted` when `pretty` is set), for the
/// `Any` trees those callers build.
///
/// Why our own: Foundation's writer on Linux casts every value through a long chain of dynamic
/// casts, bridges numbers through `NSNumber` and looks up protocol conformances per value,
/// about 60–70 million instructions for one `summary.json`, a fixed cost of every run. Here a
/// value's exact type is compared first (one metatype comparison for the common `String`,
/// `Double`, `Int`, `[String: Any]`, `NSNull`, `Bool` and `[Any]`) and the slower casts are
/// reached only by the other types.
///
/// What is kept identical (each checked against `JSONSerialization` by `JSONTextTests`):
/// - Layout: pretty text indents by 2 spaces, separates keys from values by `" : "` and items
///   by `",\n"`; an empty array is `"[\n\n<indent>]"` and an empty object `"{\n\n<indent>}"`
///   when pretty (Foundation's quirk), `[]` and `{}` when compact.
/// - Key order: Foundation's own comparison, `String.compare` with `[.numeric,
///   .caseInsensitive, .forcedOrdering]` in the system locale (ICU collation: `type2` before
///   `type10`, `_` before digits before letters, `ä` beside `a`). It is costly per call, so
///   the order found for a set of keys is remembered for the rest of the text: the same order
///   again, as the comparison is a total order on distinct keys.
/// - Strings: `"`, `\` and `/` escaped (`\/`), `\b \f \n \r \t`, other control characters as
///   lowercase `\u00xx`; everything else (DEL and non-ASCII included) as its UTF-8 bytes.
/// - Numbers: integers by `description`; `Double` and `Float` by their shortest `description`
///   with a trailing `.0` removed (`48`, `-0`, `1e-05`, `1e+20`); a NaN or an infinity
///   throws, as Foundation does (callers write `NSNull` for those); `Bool` as `true`/`false`.
///   An `NSNumber` (from `JSONSerialization.jsonObject`) is written as Foundation writes it:
///   booleans as `true`/`false`, integers as integers, floating point as above, and an
///   `NSDecimalNumber` by its `Decimal`'s `description`.
/// - `NSNull` and a `nil` optional as `null`.
///
/// Anything else (a `Date`, a `Set`, a dictionary whose keys are not strings) throws
/// ``UnsupportedValue`` naming its type; Foundation throws there too. Unlike Foundation, a
/// top-level value that is not an array or an object is written rather than trapping.
public enum JSONText {
  /// A value that has no JSON form here (and none in `JSONSerialization` either).
  public struct UnsupportedValue: Error, CustomStringConvertible {
    public let description: String
  }

  /// `object` as JSON text with its keys sorted as `JSONSerialization`'s `.sortedKeys` sorts
  /// them; indented as `.prettyPrinted` when `pretty`, otherwise on one line. No trailing
  /// newline.
  public static func text(_ object: Any, pretty: Bool) throws -> String {
    var writer = Writer(pretty: pretty)
    try writer.value(object)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// `a` before `b` in `JSONSerialization`'s `.sortedKeys` order: the very comparison it makes.
  static func foundationKeyOrder(_ a: String, _ b: String) -> Bool {
    a.compare(b, options: [.numeric, .caseInsensitive, .forcedOrdering], range: a.startIndex..<a.endIndex, locale: NSLocale.system)
      == .orderedAscending
  }

  /// An `Optional` seen through `Any`, so that `nil` is written as `null`.
  fileprivate protocol OptionalValue {
    var wrappedValue: Any? { get }
  }

  /// The text under construction, its indentation and the key orders found so far.
  private struct Writer {
    let pretty: Bool
    var bytes: [UInt8] = []
    var indent = 0
    /// A set of keys (sorted by `<`, a canonical form) → their order in the text, as indices
    /// into that sorted array (so that a key is written as this object spells it, even when a
    /// canonically equivalent spelling of it found the set first).
    var keyOrders: [[String]: [Int]] = [:]

    init(pretty: Bool) {
      self.pretty = pretty
      bytes.reserveCapacity(16_384)
    }

    mutating func value(_ v: Any) throws {
      // Exact types first: a metatype comparison and an unconditional cast each.
      let type = Swift.type(of: v)
      if type == String.self {
        string(v as! String)
      } else if type == Double.self {
        try floatingPoint(v as! Double)
      } else if type == Int.self {
        bytes.append(contentsOf: (v as! Int).description.utf8)
      } else if type == [String: Any].self {
        try object(v as! [String: Any])
      } else if type == NSNull.self {
        append("null")
      } else if type == Bool.self {
        append((v as! Bool) ? "true" : "false")
      } else if type == [Any].self {
        try array(v as! [Any])
      } else {
        try otherValue(v, type: type)
      }
    }

    /// The types the exact comparisons miss: `NSNumber`s, other integer and floating-point
    /// types, collections of narrower element types (`[String: Int]`, `[Double]`,
    /// `[[String: Any]]`), bridged strings and optionals.
    mutating func otherValue(_ v: Any, type: Any.Type) throws {
      // Before any cast to a Swift number: an NSNumber casts to Double, Int and Bool alike.
      if type is NSNumber.Type {
        try number(v as! NSNumber)
        return
      }
      // An optional in an `Any`: its value, or `null` (before the casts, which would see
      // through it and might bridge an optional NSNumber to a Swift number).
      if let optional = v as? any OptionalValue {
        if let wrapped = optional.wrappedValue { try value(wrapped) } else { append("null") }
        return
      }
      switch v {
      case let o as [String: Any]: try object(o)
      case let a as [Any]: try array(a)
      case let s as String: string(s)
      case let b as Bool: append(b ? "true" : "false")
      case let n as Int: append(n.description)
      case let n as Int8: append(n.description)
      case let n as Int16: append(n.description)
      case let n as Int32: append(n.description)
      case let n as Int64: append(n.description)
      case let n as UInt: append(n.description)
      case let n as UInt8: append(n.description)
      case let n as UInt16: append(n.description)
      case let n as UInt32: append(n.description)
      case let n as UInt64: append(n.description)
      case let d as Double: try floatingPoint(d)
      case let f as Float: try floatingPoint(f)
      case let d as Decimal: append(d.description)
      case is NSNull: append("null")
      default:
        throw UnsupportedValue(description: "JSONText: a value of type \(type) has no JSON form")
      }
    }

    /// As `JSONSerialization` writes the numbers `jsonObject` returns.
    mutating func number(_ n: NSNumber) throws {
      if let d = n as? NSDecimalNumber {
        append(d.decimalValue.description)
      } else if n === NSNumber(value: true) {
        append("true")
      } else if n === NSNumber(value: false) {
        append("false")
      } else {
        switch n.objCType.pointee {
        case 0x64: try floatingPoint(n.doubleValue)  // "d"
        case 0x66: try floatingPoint(n.floatValue)  // "f"
        case 0x63, 0x73, 0x69, 0x71: append(n.int64Value.description)  // "c", "s", "i", "q"
        case 0x51: append(n.uint64Value.description)  // "Q": above Int64.max, from a UInt64
        default: throw UnsupportedValue(description: "JSONText: the number \(n) has no JSON form here")
        }
      }
    }

    mutating func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ x: T) throws {
      guard x.isFinite else { throw UnsupportedValue(description: "JSONText: the number \(x) has no JSON form") }
      let text = x.description
      if text.hasSuffix(".0") {
        append(text.dropLast(2))
      } else {
        append(text)
      }
    }

    mutating func object(_ o: [String: Any]) throws {
      append("{")
      if pretty {
        newline()
        indent += 2
        if !o.isEmpty { writeIndent() }
      }
      var first = true
      for key in sortedKeys(o) {
        if first {
          first = false
        } else if pretty {
          append(",\n")
          writeIndent()
        } else {
          append(",")
        }
        string(key)
        append(pretty ? " : " : ":")
        try value(o[key]!)
      }
      if pretty {
        newline()
        indent -= 2
        writeIndent()
      }
      append("}")
    }

    mutating func array(_ a: [Any]) throws {
      append("[")
      if pretty {
        newline()
        indent += 2
      }
      var first = true
      for element in a {
        if first {
          first = false
        } else {
          append(pretty ? ",\n" : ",")
        }
        if pretty { writeIndent() }
        try value(element)
      }
      if pretty {
        newline()
        indent -= 2
        writeIndent()
      }
      append("]")
    }

    /// `o`'s keys in Foundation's order, remembered per set of keys (the reports repeat a few
    /// sets hundreds of times: `{ci95, max, mean, min}`, every call type's metrics).
    mutating func sortedKeys(_ o: [String: Any]) -> [String] {
      var keys = Array(o.keys)
      guard keys.count > 1 else { return keys }
      keys.sort()
      if let order = keyOrders[keys] { return order.map { keys[$0] } }
      let order = keys.indices.sorted { JSONText.foundationKeyOrder(keys[$0], keys[$1]) }
      keyOrders[keys] = order
      return order.map { keys[$0] }
    }

    mutating func string(_ s: String) {
      bytes.append(0x22)
      var s = s
      s.withUTF8 { utf8 in
        var start = 0
        for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x2F {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
          start = i + 1
          bytes.append(0x5C)
          switch byte {
          case 0x22, 0x5C, 0x2F: bytes.append(byte)
          case 0x08: bytes.append(0x62)  // b
          case 0x0C: bytes.append(0x66)  // f
          case 0x0A: bytes.append(0x6E)  // n
          case 0x0D: bytes.append(0x72)  // r
          case 0x09: bytes.append(0x74)  // t
          default:  // u00xx, lowercase hex as Foundation writes it
            let low = byte & 0xF
            bytes.append(contentsOf: [0x75, 0x30, 0x30, 0x30 + (byte >> 4), low < 10 ? 0x30 + low : 0x57 + low])
          }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
      }
      bytes.append(0x22)
    }

    mutating func append<S: StringProtocol>(_ text: S) {
      bytes.append(contentsOf: text.utf8)
    }

    mutating func newline() { bytes.append(0x0A) }

    mutating func writeIndent() {
      bytes.append(contentsOf: repeatElement(0x20, count: indent))
    }
  }
}

extension Optional: JSONText.OptionalValue {
  fileprivate var wrappedValue: Any? { map { $0 as Any } }
}
