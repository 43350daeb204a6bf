/// One scheduled occurrence on an ``EventCalendar``.
///
/// The engine does not know what an event means: `kind` is a small code chosen by the model,
/// and it doubles as the event's priority among events at the same time (lower runs first).
/// `id` and `tag` are the model's own payload (for example a slot index and its generation).
@frozen
public struct Event: Sendable, BitwiseCopyable {
  /// Simulation time in seconds.
  public var time: Double
  /// `kind << 56 | sequence`: ties at equal time are broken by kind, then by scheduling order.
  @usableFromInline var order: UInt64
  public var id: UInt32
  public var tag: UInt32

  /// The priority class given when the event was scheduled.
  @inlinable public var kind: UInt8 { UInt8(truncatingIfNeeded: order >> 56) }

  /// Scheduling order among events, unique per calendar.
  @inlinable public var sequence: UInt64 { order & Event.sequenceMask }

  @usableFromInline static let sequenceMask: UInt64 = (1 << 56) - 1

  @inlinable
  init(time: Double, order: UInt64, id: UInt32, tag: UInt32) {
    self.time = time
    self.order = order
    self.id = id
    self.tag = tag
  }

  /// Total order: time, then kind, then sequence.
  @inlinable @inline(__always)
  func runsBefore(_ other: Event) -> Bool {
    time < other.time || (time == other.time && order < other.order)
  }
}
