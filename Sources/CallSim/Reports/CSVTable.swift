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
  /// The line is `storage[0..<count]`; the rest is room, so that a number's text is written
  /// in place (appending it from a buffer of its own cost about 100 instructions a number).
  private var storage = [UInt8](repeating: 0, count: 512)
  private var count = 0
  /// Cells written since the last ``reset()`` (a separator goes before every cell but the
  /// first, even after an empty one).
  private var cells = 0

  public init() {}

  /// The line so far, without its line end.
  public var bytes: ArraySlice<UInt8> { storage[0..<count] }

  /// Empties the line, keeping its buffer.
  public mutating func reset() {
    count = 0
    cells = 0
  }

  private mutating func separate() {
    if cells > 0 {
      reserve(1)
      storage[count] = UInt8(ascii: ",")
      count += 1
    }
    cells += 1
  }

  /// Makes room for `n` more bytes.
  private mutating func reserve(_ n: Int) {
    if count + n > storage.count { storage.append(contentsOf: repeatElement(0, count: max(n, storage.count))) }
  }

  private mutating func write(_ text: UnsafeBufferPointer<UInt8>) {
    guard let source = text.baseAddress else { return }
    reserve(text.count)
    let at = count
    storage.withUnsafeMutableBufferPointer { ($0.baseAddress! + at).update(from: source, count: text.count) }
    count += text.count
  }

  private mutating func write(_ text: String) {
    var text = text
    text.withUTF8 { write($0) }
  }

  /// A text cell.
  public mutating func append(_ text: String) {
    separate()
    write(text)
  }

  /// Lets `write` put up to ``CSVNumber/longestFixed`` bytes at the end of the line and
  /// keeps the length it returns; `false`, with nothing kept, when it returns `nil`.
  @inline(__always)
  private mutating func writeInPlace(_ write: (UnsafeMutablePointer<UInt8>) -> Int?) -> Bool {
    reserve(CSVNumber.longestFixed)
    let at = count
    guard let n = storage.withUnsafeMutableBufferPointer({ write($0.baseAddress! + at) }) else { return false }
    count += n
    return true
  }

  /// A whole-number cell.
  public mutating func append(_ value: Int) {
    separate()
    _ = writeInPlace { CSVNumber.writeFixed(negative: value < 0, whole: UInt64(value.magnitude), millionths: 0, to: $0) }
  }

  /// A number cell, formatted as ``CSVNumber/format(_:)`` does (empty for `nil`).
  public mutating func append(number value: Double?) {
    separate()
    guard let value, value.isFinite, !writeInPlace({ CSVNumber.write(value, to: $0) }) else { return }
    var text: [UInt8] = []
    CSVNumber.appendPrinted(value, to: &text)
    text.withUnsafeBufferPointer { write($0) }
  }

  /// A number cell in full precision: whole numbers below 10^15 as integers, others as the
  /// shortest text that reads back to the same double (an exponent where Swift writes one:
  /// `1e-07`); empty for `nil` or a non-finite value.
  public mutating func append(exactly value: Double?) {
    guard let value, value.isFinite else { return separate() }
    if value == value.rounded() && abs(value) < 1e15 {
      append(Int(value))
    } else {
      separate()
      write(value.description)
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
  /// The longest text ``writeFixed(negative:whole:millionths:to:)`` writes: a sign, UInt64's
  /// 20 digits, a point and 6 decimals.
  static let longestFixed = 28

  /// "00" to "99", for two digits a division.
  static let digitPairs: StaticString = """
    0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849\
    5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899
    """

  static func format(_ v: Double?) -> String {
    var bytes: [UInt8] = []
    append(v, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the text of `v` (nothing for `nil` or a non-finite value) to `bytes`.
  static func append(_ v: Double?, to bytes: inout [UInt8]) {
    guard let v, v.isFinite else { return }
    let written: Bool = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longestFixed) { text in
      guard let count = write(v, to: text.baseAddress!) else { return false }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[0..<count]))
      return true
    }
    if !written { appendPrinted(v, to: &bytes) }
  }

  /// Appends `%.6f` of finite `v` by `snprintf`, trailing zeros and a bare point removed: the
  /// numbers ``write(_:to:)`` leaves.
  static func appendPrinted(_ v: Double, to bytes: inout [UInt8]) {
    // %.6f of the largest finite double is 316 characters.
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
      let base = buffer.baseAddress!
      var n = Int(callsim_format_fixed6(base, 400, v))
      while n > 0 && base[n - 1] == CChar(UInt8(ascii: "0")) { n -= 1 }
      if n > 0 && base[n - 1] == CChar(UInt8(ascii: ".")) { n -= 1 }
      bytes.append(contentsOf: UnsafeRawBufferPointer(start: base, count: n))
    }
  }

  /// Writes the text of finite `v` to `out` (room for ``longestFixed`` bytes) and returns its
  /// length; `nil` when `snprintf` must write it (not 0 and below 2^-74 in magnitude, or
  /// 10^15 or more and whole). A whole number below 2^52 takes the fixed path: its
  /// millionths are 0, so it is written as the integer it is.
  @inline(__always)
  static func write(_ v: Double, to out: UnsafeMutablePointer<UInt8>) -> Int? {
    if let q = millionths(v.magnitude) {
      // In 64 bits when it fits (below 1.8 × 10^13): 128-bit division is a library call.
      let (whole, fraction) =
        q <= UInt128(UInt64.max)
        ? UInt64(q).quotientAndRemainder(dividingBy: 1_000_000) : (UInt64(q / 1_000_000), UInt64(q % 1_000_000))
      // `%.6f` writes the sign of any negative number, even one that rounds to 0 ("-0").
      return writeFixed(negative: v < 0, whole: whole, millionths: fraction, to: out)
    }
    if v == v.rounded() && abs(v) < 1e15 {
      return writeFixed(negative: v < 0, whole: UInt64(Int(v).magnitude), millionths: 0, to: out)
    }
    return nil
  }

  /// `a` (positive, finite) times 10^6 rounded to the nearest whole number, ties to even:
  /// exactly what `%.6f` prints as digits, computed on the exact binary value (significand ×
  /// 2^exponent, times 10^6, shifted, rounded on the bits shifted out). `nil` for numbers not
  /// in (2^-74, 2^52) or subnormal: whole ones are written as integers, the others by
  /// `snprintf`. From 2^-11 up (a shift below 64) in two 64-bit words: the product of the
  /// significand and 10^6 has at most 73 bits.
  @inline(__always)
  static func millionths(_ a: Double) -> UInt128? {
    guard a.exponentBitPattern != 0 else { return nil }
    let exponent = Int(a.exponentBitPattern) &- 1075  // a = significand × 2^exponent
    guard exponent < 0, exponent > -127 else { return nil }
    guard exponent > -64 else { return wideMillionths(a) }
    let shift = UInt64(truncatingIfNeeded: -exponent)
    let (high, low) = (a.significandBitPattern | (1 << 52)).multipliedFullWidth(by: 1_000_000)
    var q = UInt128(high &>> shift) << 64 | UInt128((low &>> shift) | (high &<< (64 &- shift)))
    let rest = low & ((1 &<< shift) &- 1)
    let half: UInt64 = 1 &<< (shift &- 1)
    if rest > half || (rest == half && q & 1 == 1) { q += 1 }
    return q
  }

  /// ``millionths(_:)`` in 128 bits, for shifts of 64 to 126.
  static func wideMillionths(_ a: Double) -> UInt128 {
    let shift = 1075 - Int(a.exponentBitPattern)
    let scaled = UInt128(a.significandBitPattern | (1 << 52)) * 1_000_000
    var q = scaled >> shift
    let rest = scaled & ((UInt128(1) << shift) - 1)
    let half = UInt128(1) << (shift - 1)
    if rest > half || (rest == half && q & 1 == 1) { q += 1 }
    return q
  }

  /// Writes `whole` and `millionths` (below 10^6) to `out` (room for ``longestFixed`` bytes)
  /// as `%.6f` would write their sum, trailing zeros and a bare point removed, a minus sign
  /// first when `negative`; returns the length. Two digits a division, from the right.
  @inline(__always)
  static func writeFixed(negative: Bool, whole: UInt64, millionths: UInt64, to out: UnsafeMutablePointer<UInt8>) -> Int {
    var n = 0
    if negative {
      out[0] = UInt8(ascii: "-")
      n = 1
    }
    var digits = 1
    var next: UInt64 = 10
    while digits < 20 && whole >= next {
      digits &+= 1
      next = next &* 10
    }
    n &+= digits
    let pairs = digitPairs.utf8Start
    writeDigits(of: whole, count: digits, endingAt: out + n, pairs: pairs)
    guard millionths != 0 else { return n }
    var fraction = millionths
    var decimals = 6
    while fraction % 10 == 0 {
      fraction /= 10
      decimals &-= 1
    }
    out[n] = UInt8(ascii: ".")
    n &+= 1 &+ decimals
    writeDigits(of: fraction, count: decimals, endingAt: out + n, pairs: pairs)
    return n
  }

  /// Writes the last `count` decimal digits of `value` (leading zeros included) to the
  /// `count` bytes before `end`.
  @inline(__always)
  private static func writeDigits(of value: UInt64, count: Int, endingAt end: UnsafeMutablePointer<UInt8>, pairs: UnsafePointer<UInt8>) {
    var rest = value
    var i = 0
    var left = count
    while left >= 2 {
      let (q, r) = rest.quotientAndRemainder(dividingBy: 100)
      i &-= 2
      end[i] = pairs[Int(truncatingIfNeeded: r) &* 2]
      end[i &+ 1] = pairs[Int(truncatingIfNeeded: r) &* 2 &+ 1]
      rest = q
      left &-= 2
    }
    if left == 1 { end[i &- 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10) }
  }
}
