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

  /// Takes over `base` (allocated for `capacity` elements, the first `count` initialized).
  init(adopting base: UnsafeMutablePointer<Element>, capacity: Int, count: Int) {
    self.base = base
    self.capacity = capacity
    storedCount = count
  }

  deinit {
    base.deallocate()
  }

  /// Moves the elements out into a new store, leaving this one empty (its memory goes with
  /// them, nothing is copied): how a non-copyable owner hands a large store on.
  public mutating func take() -> OwnedBuffer<Element> {
    let taken = OwnedBuffer(adopting: base, capacity: capacity, count: storedCount)
    base = .allocate(capacity: 1)
    capacity = 1
    storedCount = 0
    return taken
  }

  /// Gives up the memory: the caller owns `base` (the first `count` elements initialized)
  /// and must deallocate it.
  consuming func release() -> (base: UnsafeMutablePointer<Element>, count: Int) {
    let memory = (base, storedCount)
    discard self
    return memory
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

  /// Keeps the first `count` elements (at most the count stored), keeping the memory.
  @inlinable
  public mutating func truncate(to count: Int) {
    assert(count >= 0 && count <= storedCount)
    storedCount = count
  }

  /// The elements as an array.
  public var elements: [Element] { Array(UnsafeBufferPointer(start: base, count: storedCount)) }

  @usableFromInline
  mutating func grow() {
    let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
    bigger.moveInitialize(from: base, count: storedCount)
    base.deallocate()
    base = bigger
    capacity *= 2
  }
}

/// An immutable array of plain values that adopts an ``OwnedBuffer``'s memory instead of
/// copying it: a replication's hourly tables (a few MiB for a long horizon) pass from the
/// running tally to the results without being held twice, so peak memory follows the
/// horizon, not twice it. A class, so copies of a result share it; never mutated after
/// creation, so safe to share across threads.
public final class FrozenBuffer<Element: BitwiseCopyable>: RandomAccessCollection {
  private let base: UnsafeMutablePointer<Element>
  public let count: Int

  /// The elements of `buffer`, in its memory.
  public init(_ buffer: consuming OwnedBuffer<Element>) {
    (base, count) = buffer.release()
  }

  /// No elements.
  public convenience init() {
    self.init(OwnedBuffer(capacity: 1))
  }

  deinit {
    base.deallocate()
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  public subscript(i: Int) -> Element {
    precondition(i >= 0 && i < count, "index \(i) out of 0..<\(count)")
    return base[i]
  }
}

extension FrozenBuffer: @unchecked Sendable where Element: Sendable {}

extension FrozenBuffer: Equatable where Element: Equatable {
  public static func == (a: FrozenBuffer, b: FrozenBuffer) -> Bool { a.elementsEqual(b) }
}
