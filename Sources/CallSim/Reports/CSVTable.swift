import CNumberText

/// A CSV table produced line by line, so that it can be streamed to a file without sitting
/// whole in memory, or collected as text for tests and small outputs.
public protocol CSVTable {
  /// Calls `body` with the header, then each row, without line ends.
  func forEachLine(_ body: (String) throws -> Void) rethrows

  /// Streams the table into a file sink, each line ended by a line feed. The default goes
  /// through ``forEachLine(_:)``; the large tables write their bytes straight into the sink.
  func write(to sink: inout TextSink) throws
}

extension CSVTable {
  /// The whole table as text.
  public func csv() -> String {
    var lines: [String] = []
    forEachLine { lines.append($0) }
    return lines.joined(separator: "\n") + "\n"
  }

  public func write(to sink: inout TextSink) throws {
    try forEachLine { try sink.append($0 + "\n") }
  }
}

/// A ``CSVTable`` whose rows are built as bytes in one reused ``CSVLine`` (the hourly tables,
/// thousands of rows of twenty numbers) and reach a file without passing through `String`.
public protocol CSVLineTable: CSVTable {
  /// Calls `body` with the header, then each row, all in the same ``CSVLine``.
  func forEachRow(_ body: (CSVLine) throws -> Void) rethrows
}

extension CSVLineTable {
  public func forEachLine(_ body: (String) throws -> Void) rethrows {
    try forEachRow { try body($0.text) }
  }

  public func write(to sink: inout TextSink) throws {
    try forEachRow { try sink.append(line: $0) }
  }
}

/// One line of a CSV file built as UTF-8 bytes, cell after cell, in a buffer reused from
/// line to line: the hourly tables write thousands of rows of twenty numbers, and building
/// each cell as a `String` and joining them cost more than the simulation of an hour.
/// Cells are written as given (no quoting: callers pass names and numbers only).
public struct CSVLine {
  /// The line so far, without its line end.
  public private(set) var bytes: [UInt8] = []
  /// Cells written since the last ``reset()`` (a separator goes before every cell but the
  /// first, even after an empty one).
  private var cells = 0

  public init() { bytes.reserveCapacity(512) }

  /// Empties the line, keeping its buffer.
  public mutating func reset() {
    bytes.removeAll(keepingCapacity: true)
    cells = 0
  }

  private mutating func separate() {
    if cells > 0 { bytes.append(UInt8(ascii: ",")) }
    cells += 1
  }

  /// A text cell.
  public mutating func append(_ text: String) {
    separate()
    bytes.append(contentsOf: text.utf8)
  }

  /// A whole-number cell.
  public mutating func append(_ value: Int) {
    separate()
    CSVNumber.appendInteger(value, to: &bytes)
  }

  /// A number cell, formatted as ``CSVNumber/format(_:)`` does (empty for `nil`).
  public mutating func append(number value: Double?) {
    separate()
    CSVNumber.append(value, to: &bytes)
  }

  /// A number cell in full precision: whole numbers below 10^15 as integers, others as the
  /// shortest text that reads back to the same double (an exponent where Swift writes one:
  /// `1e-07`); empty for `nil` or a non-finite value.
  public mutating func append(exactly value: Double?) {
    separate()
    guard let value, value.isFinite else { return }
    if value == value.rounded() && abs(value) < 1e15 {
      CSVNumber.appendInteger(Int(value), to: &bytes)
    } else {
      bytes.append(contentsOf: value.description.utf8)
    }
  }

  /// The line as text (for ``CSVTable/forEachLine(_:)``).
  public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Numbers in CSV files: up to 6 significant decimals, no exponent for ordinary values,
/// empty for undefined.
///
/// Whole numbers below 10^15 are written as integers; others as C's `%.6f` would write them
/// (the text the files have always had, first through Foundation's `String(format:)`, then
/// `snprintf`), trailing zeros and a bare point removed. That text is computed exactly here
/// for the numbers the tables hold (``millionths(_:)``, about a tenth of `snprintf`'s
/// 2,000 instructions); the rest — below 2^-74 in magnitude, or whole — goes through
/// `snprintf` by a plain C function (``callsim_format_fixed6``), not `withVaList`.
enum CSVNumber {
  static func format(_ v: Double?) -> String {
    var bytes: [UInt8] = []
    append(v, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the text of `v` (nothing for `nil` or a non-finite value) to `bytes`.
  static func append(_ v: Double?, to bytes: inout [UInt8]) {
    guard let v, v.isFinite else { return }
    if v == v.rounded() && abs(v) < 1e15 {
      appendInteger(Int(v), to: &bytes)
      return
    }
    if let q = millionths(abs(v)) {
      // In 64 bits when it fits (below 1.8 × 10^13): 128-bit division is a library call.
      let (whole, fraction) =
        q <= UInt128(UInt64.max)
        ? UInt64(q).quotientAndRemainder(dividingBy: 1_000_000) : (UInt64(q / 1_000_000), UInt64(q % 1_000_000))
      // `%.6f` writes the sign of any negative number, even one that rounds to 0 ("-0").
      appendFixed(negative: v < 0, whole: whole, millionths: fraction, to: &bytes)
      return
    }
    // %.6f of the largest finite double is 316 characters.
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
      let base = buffer.baseAddress!
      var n = Int(callsim_format_fixed6(base, 400, v))
      while n > 0 && base[n - 1] == CChar(UInt8(ascii: "0")) { n -= 1 }
      if n > 0 && base[n - 1] == CChar(UInt8(ascii: ".")) { n -= 1 }
      bytes.append(contentsOf: UnsafeRawBufferPointer(start: base, count: n))
    }
  }

  /// `a` (positive, finite) times 10^6 rounded to the nearest whole number, ties to even:
  /// exactly what `%.6f` prints as digits, computed on the exact binary value (significand ×
  /// 2^exponent, times 10^6 in 128 bits, shifted, rounded on the bits shifted out). `nil`
  /// for numbers not in (2^-74, 2^52) or subnormal: whole ones are written as integers,
  /// the others by `snprintf`.
  static func millionths(_ a: Double) -> UInt128? {
    guard a.exponentBitPattern != 0 else { return nil }
    let exponent = Int(a.exponentBitPattern) - 1075  // a = significand × 2^exponent
    guard exponent < 0, exponent > -127 else { return nil }
    let shift = -exponent
    let scaled = UInt128(a.significandBitPattern | (1 << 52)) * 1_000_000
    var q = scaled >> shift
    let rest = scaled & ((UInt128(1) << shift) - 1)
    let half = UInt128(1) << (shift - 1)
    if rest > half || (rest == half && q & 1 == 1) { q += 1 }
    return q
  }

  /// Appends `whole` and `millionths` (below 10^6) as `%.6f` would write their sum, trailing
  /// zeros and a bare point removed, a minus sign first when `negative`: built in a buffer on
  /// the stack and appended at once (appending each character cost more than the digits).
  static func appendFixed(negative: Bool, whole: UInt64, millionths: UInt64, to bytes: inout [UInt8]) {
    // A sign, UInt64's 20 digits, a point and 6 decimals.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 28) { text in
      var i = 28
      var fraction = millionths
      if fraction != 0 {
        var digits = 6
        while fraction % 10 == 0 {
          fraction /= 10
          digits -= 1
        }
        for _ in 0..<digits {
          i -= 1
          text[i] = UInt8(ascii: "0") + UInt8(fraction % 10)
          fraction /= 10
        }
        i -= 1
        text[i] = UInt8(ascii: ".")
      }
      var rest = whole
      repeat {
        i -= 1
        text[i] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      } while rest > 0
      if negative {
        i -= 1
        text[i] = UInt8(ascii: "-")
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[i..<28]))
    }
  }

  /// Appends the decimal digits of `v` (a minus sign first when negative), as `String(v)`.
  static func appendInteger(_ v: Int, to bytes: inout [UInt8]) {
    appendFixed(negative: v < 0, whole: UInt64(v.magnitude), millionths: 0, to: &bytes)
  }
}
