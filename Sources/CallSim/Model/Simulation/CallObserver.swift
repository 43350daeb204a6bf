/// What happened to a call, as the event loop reports it to its observers (the tally, the
/// trace, a wallboard). Times in seconds.
public enum CallEvent: Sendable {
  /// The call reached the number (a first attempt or a redial).
  case arrived
  /// All lines were busy.
  case blocked
  case ivrHangUp
  case selfServed
  /// The call reached the agent queue (it counts in `inflow` from here on).
  case queued
  /// An agent of `group` answered after `wait`; it talks `talk` (after any generalist
  /// factor) and then works `wrap` more.
  case answered(group: Int, wait: Double, talk: Double, wrap: Double)
  /// An agent of a wrong `group` answered after `wait`, spent `handle`, and sends the call to
  /// the back of its right queue.
  case transferred(group: Int, wait: Double, handle: Double)
  /// The caller hung up after waiting `wait`.
  case abandoned(wait: Double)
  /// Still waiting when the horizon ended.
  case inQueueAtEnd
  /// Still in the IVR when the horizon ended.
  case inIVRAtEnd
  /// After the abusive call just answered (reported right after `answered`), its agent of
  /// `group` stays off the phones for `seconds` from `start` (after the talk and wrap-up).
  case recovery(group: Int, start: Double, seconds: Double)
}

/// The call an event is about.
public struct CallFacts: Sendable {
  /// Number of the call in its replication, from 0.
  public var id: UInt32
  /// The caller: its first attempt's number among first attempts, from 0 (a redial keeps it).
  public var caller: UInt32
  /// Index of its call type in the model.
  public var type: Int
  /// Hour bin of its arrival (from 0 at the start of the horizon).
  public var hour: Int
  public var isRedial: Bool
  /// Arrival at the number, seconds.
  public var arrival: Double
  /// The group whose agent transferred the call, if one did.
  public var transferGroup: Int?
  /// The talk time drawn for the caller at arrival, seconds, before any generalist factor.
  public var drawnTalk: Double
  /// The caller's patience drawn at arrival, seconds; `.infinity` for one who never abandons.
  public var patience: Double
  /// A call-back of a caller cut at the call cap (it is also a redial).
  public var isCallBack: Bool
  /// A known abusive caller.
  public var isAbusive: Bool
  /// Answered and its talk cut at the call cap (meaningful from `answered` on).
  public var capped: Bool
}

/// Something that follows a replication call by call. The event loop is generic over its
/// observer, so each observer is compiled into the loop: one that ignores an event costs
/// nothing for it.
public protocol CallObserver: ~Copyable {
  mutating func observe(_ event: CallEvent, call: CallFacts, at time: Double)
}

/// The observer of a run that needs nothing beyond the tally.
public struct NoObserver: CallObserver {
  public init() {}
  @inlinable @inline(__always)
  public mutating func observe(_ event: CallEvent, call: CallFacts, at time: Double) {}
}
