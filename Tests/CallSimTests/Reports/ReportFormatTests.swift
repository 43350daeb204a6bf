@testable import CallSim
import Foundation
import Testing

/// The byte writers of the CSV files and the counts' element-wise arithmetic, which replaced
/// `String` cells joined per row and key-path loops: the same text and the same sums.
@Suite struct ReportFormatTests {
  /// Every stored property of the counts is a `Double` listed in `fields`, so the buffer view
  /// of ``CallCounts/withFields(_:)`` covers exactly them.
  @Test func countsAreTheirFields() {
    #expect(CallCounts.fieldCount == CallCounts.fields.count)
    #expect(GroupCounts.fieldCount == GroupCounts.fields.count)
    #expect(MemoryLayout<CallCounts>.size == CallCounts.fields.count * MemoryLayout<Double>.size)
    #expect(MemoryLayout<GroupCounts>.size == GroupCounts.fields.count * MemoryLayout<Double>.size)
  }

  @Test func sumsAndScalingTouchEveryField() {
    var a = CallCounts(), b = CallCounts()
    for (i, f) in CallCounts.fields.enumerated() {
      a[keyPath: f] = Double(i + 1)
      b[keyPath: f] = Double(100 * (i + 1))
    }
    a += b
    a.scale(by: 0.5)
    for (i, f) in CallCounts.fields.enumerated() { #expect(a[keyPath: f] == Double(101 * (i + 1)) / 2, "field \(i)") }

    var g = GroupCounts(), h = GroupCounts()
    for (i, f) in GroupCounts.fields.enumerated() {
      g[keyPath: f] = Double(i + 1)
      h[keyPath: f] = Double(100 * (i + 1))
    }
    g += h
    let s = g.scaled(by: 2)
    for (i, f) in GroupCounts.fields.enumerated() {
      #expect(g[keyPath: f] == Double(101 * (i + 1)), "field \(i)")
      #expect(s[keyPath: f] == Double(202 * (i + 1)), "field \(i)")
    }
  }

  /// What the files held before the byte writer: `String(Int(v))` for whole numbers,
  /// otherwise `%.6f` with trailing zeros and point removed.
  static func formattedBefore(_ v: Double?) -> String {
    guard let v, v.isFinite else { return "" }
    if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
    var s = String(format: "%.6f", v)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
  }

  @Test func numbersAsBefore() {
    var values: [Double?] = [
      nil, 0, -0.0, 1, -1, 0.5, -0.5, 1e-7, -1e-7, 0.0000005, 0.0000015, 123456.789, 1e15, -1e15, 1e15 + 0.5, 9.99e14,
      .infinity, -.infinity, .nan, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
      Double(Int.max), Double(Int.min) / 2,
    ]
    // Exact ties at the sixth decimal (odd multiples of 1/128) round to even, as in C.
    values += (1..<3000).map { Double($0) / 128 } + (1..<500).map { -Double($0) / 1024 }
    values += [0.0078125, 0.0234375, -0.0078125, 1e-300, -1e-300, 5e-324, 2.2250738585072014e-308, 0x1p-74, 0x1p-75, 0x1p52 + 0.5]
    var g = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      let v = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &g))
      if v.isFinite { values.append(v) }
    }
    for _ in 0..<20_000 {
      let magnitude = Double.random(in: -12...18, using: &g)
      let v = pow(10, magnitude) * (Bool.random(using: &g) ? 1 : -1)
      values.append(v)
      values.append(v.rounded())
    }
    for v in values {
      #expect(CSVNumber.format(v) == Self.formattedBefore(v), "\(String(describing: v))")
    }
  }

  /// A line writes its numbers in place, in its own buffer: the same text as before, cell for
  /// cell, on lines that outgrow that buffer many times (and numbers only `snprintf` writes).
  @Test func lineNumbersAreWrittenAsBefore() {
    var g = SystemRandomNumberGenerator()
    var line = CSVLine()
    for length in [1, 2, 30, 100, 1000] {
      line.reset()
      var expected: [String] = []
      for i in 0..<length {
        let v: Double
        switch i % 5 {
        case 0: v = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &g))
        case 1: v = pow(10, Double.random(in: -12...18, using: &g)) * (Bool.random(using: &g) ? 1 : -1)
        case 2: v = Double(Int.random(in: -100_000...100_000, using: &g)) / 128
        case 3: v = Double.random(in: 0x1p-12...0x1p-10, using: &g)
        default: v = [1e-300, 3e15, -0.0, .nan, 0x1p-75][i / 5 % 5]
        }
        line.append(number: v)
        expected.append(Self.formattedBefore(v))
        if i % 7 == 0 {
          line.append(i - length)
          expected.append(String(i - length))
        }
      }
      #expect(line.text == expected.joined(separator: ","), "\(length) numbers")
    }
  }

  @Test func lineCellsAreSeparatedEvenWhenEmpty() {
    var line = CSVLine()
    line.append("")
    line.append(number: nil)
    line.append(-42)
    line.append(number: 0.25)
    line.append("x")
    #expect(line.text == ",,-42,0.25,x")
    line.reset()
    line.append(Int.min)
    line.append(Int.max)
    #expect(line.text == "\(Int.min),\(Int.max)")
  }
}
