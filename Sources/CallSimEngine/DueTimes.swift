/// Times at which held resources come free, counted only when someone asks how many are free.
///
/// A resource that is only checked at a limit (a center's phone lines: only an arrival that
/// finds every line busy asks) need not have an event of its own when it comes free: the
/// release time is kept here, and the releases due by the time of the check are counted then
/// (``takeDue(notAfter:)``). It is the same count the events would have given, for a check made
/// after every release due at that time, at a fraction of the cost.
///
/// The times are kept unsorted, with their earliest: a check before the earliest costs one
/// comparison, and a check after it removes every due time in one pass over the store. The
/// store holds at most the limit's resources (the holder checks when its count reaches the
/// limit), and a pass removes every release since the last one, so a time costs about one
/// comparison in each pass it survives — a few, unless the resources are nearly all truly
/// busy; a heap paid a sift through log n levels for every time.
///
/// - Complexity: ``add(_:)`` O(1) amortized; ``takeDue(notAfter:)`` O(1) when nothing is due,
///   else O(n) for the n times kept.
public struct DueTimes: ~Copyable {
  @usableFromInline var times: OwnedBuffer<Double>
  /// The earliest time kept; infinity when none is.
  @usableFromInline var earliest: Double = .infinity

  public init(capacity: Int = 64) { times = OwnedBuffer(capacity: capacity) }

  /// Number of times kept (releases not yet counted).
  @inlinable public var count: Int { times.count }

  /// Keeps `time` (seconds), a release to count once it is due.
  @inlinable
  public mutating func add(_ time: Double) {
    precondition(time == time, "release time is NaN")
    times.append(time)
    if time < earliest { earliest = time }
  }

  /// Removes the times at or before `limit` and returns how many there were.
  @inlinable
  public mutating func takeDue(notAfter limit: Double) -> Int {
    guard earliest <= limit else { return 0 }
    let n = times.count
    var kept = 0
    var next = Double.infinity
    for i in 0..<n {
      let time = times[i]
      if time > limit {
        times[kept] = time
        kept &+= 1
        next = min(next, time)
      }
    }
    times.truncate(to: kept)
    earliest = next
    return n &- kept
  }
}
