/// A growable buffer of plain values that it owns outright: non-copyable, so reads and writes
/// need no copy-on-write uniqueness check. For the state of a hot simulation loop (records,
/// rings, counters), where `Array`'s checks measured several per cent of the run time.
///
/// Indices are checked by `assert` only (debug builds); callers keep them in range.
public struct OwnedBuffer<Element: BitwiseCopyable>: ~Copyable {
  @usableFromInline var base: UnsafeMutablePointer<Element>
  @usableFromInline var capacity: Int
  @usableFromInline var storedCount: Int

  /// `count` copies of `value`.
  public init(repeating value: Element, count: Int) {
    capacity = max(1, count)
    base = .allocate(capacity: capacity)
    base.initialize(repeating: value, count: count)
    storedCount = count
  }

  /// An empty store with room for `capacity` elements before it grows.
  public init(capacity: Int) {
    self.capacity = max(1, capacity)
    base = .allocate(capacity: self.capacity)
    storedCount = 0
  }

  /// The given elements.
  public init<S: Sequence>(_ elements: S) where S.Element == Element {
    let array = Array(elements)
    let memory = UnsafeMutablePointer<Element>.allocate(capacity: max(1, array.count))
    for (i, e) in array.enumerated() { (memory + i).initialize(to: e) }
    base = memory
    capacity = max(1, array.count)
    storedCount = array.count
  }

  deinit {
    base.deallocate()
  }

  @inlinable public var count: Int { storedCount }

  @inlinable
  public subscript(i: Int) -> Element {
    @inline(__always) unsafeAddress {
      assert(i >= 0 && i < storedCount, "index \(i) out of 0..<\(storedCount)")
      return UnsafePointer(base + i)
    }
    @inline(__always) unsafeMutableAddress {
      assert(i >= 0 && i < storedCount, "index \(i) out of 0..<\(storedCount)")
      return base + i
    }
  }

  @inlinable
  public mutating func append(_ value: Element) {
    if storedCount == capacity { grow() }
    (base + storedCount).initialize(to: value)
    storedCount += 1
  }

  /// Removes and returns the last element; the store must not be empty.
  @inlinable
  public mutating func removeLast() -> Element {
    assert(storedCount > 0)
    storedCount -= 1
    return base[storedCount]
  }

  /// Removes every element, keeping the memory.
  @inlinable
  public mutating func removeAll() { storedCount = 0 }

  /// The elements as an array.
  public var elements: [Element] { Array(UnsafeBufferPointer(start: base, count: storedCount)) }

  /// The elements as an array, freeing the store's memory as they leave it (the store is
  /// empty after): a large store handed on is not held twice for longer than its copy.
  public mutating func takeElements() -> [Element] {
    let array = elements
    base.deallocate()
    capacity = 1
    base = .allocate(capacity: 1)
    storedCount = 0
    return array
  }

  @usableFromInline
  mutating func grow() {
    let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
    bigger.moveInitialize(from: base, count: storedCount)
    base.deallocate()
    base = bigger
    capacity *= 2
  }
}
