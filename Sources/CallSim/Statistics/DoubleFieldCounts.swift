/// Counters whose stored properties are all `Double`s, laid out one after another, so that
/// sums and scaling can run over them as one buffer. Key paths (the `fields` lists, kept for
/// names and checks) cost a generic-metadata lookup per read, about 400 instructions: a tenth
/// of the reference case's writing of its results went to them.
protocol DoubleFieldCounts: BitwiseCopyable {
  /// Every field, in layout order; `ReportFormatTests` checks it covers the whole struct.
  static var fields: [WritableKeyPath<Self, Double>] { get }
}

extension DoubleFieldCounts {
  /// The number of `Double` fields: the size of the struct.
  static var fieldCount: Int { MemoryLayout<Self>.size / MemoryLayout<Double>.size }

  /// Calls `body` with every field as one buffer of `Double`s.
  @inline(__always)
  mutating func withFields<R>(_ body: (UnsafeMutableBufferPointer<Double>) -> R) -> R {
    withUnsafeMutableBytes(of: &self) { raw in
      body(UnsafeMutableBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: Double.self), count: Self.fieldCount))
    }
  }

  /// Adds `other`'s fields to these, one by one.
  @inline(__always)
  mutating func addFields(of other: Self) {
    var other = other
    other.withFields { b in
      withFields { a in
        for i in 0..<Self.fieldCount { a[i] += b[i] }
      }
    }
  }

  /// Multiplies every field by `factor`.
  @inline(__always)
  mutating func scaleFields(by factor: Double) {
    withFields { f in
      for i in 0..<Self.fieldCount { f[i] *= factor }
    }
  }
}
