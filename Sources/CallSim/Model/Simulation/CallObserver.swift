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
  /// Agent `agent` of `group` answered after `wait`; it talks `talk` (after any generalist
  /// and remote factor) and then works `wrap` more.
  case answered(group: Int, agent: Int, remote: Bool, wait: Double, talk: Double, wrap: Double)
  /// Agent `agent` of a wrong `group` answered after `wait`, spent `handle`, and sends the
  /// call to the back of its right queue.
  case transferred(group: Int, agent: Int, remote: Bool, wait: Double, handle: Double)
  /// The caller hung up after waiting `wait`.
  case abandoned(wait: Double)
  /// Still waiting when the horizon ended.
  case inQueueAtEnd
  /// Still in the IVR when the horizon ended.
  case inIVRAtEnd
  /// After the abusive call just answered (reported right after `answered`), its agent of
  /// `group` stays off the phones for `seconds` from `start` (after the talk and wrap-up).
  case recovery(group: Int, start: Double, seconds: Double)
  /// The waiting caller was offered a call-back (``CallBackOffer``) and `accepted` it or not.
  case callBackOffered(accepted: Bool)
  /// Agent `agent` of `group` called back and did not reach the caller; the attempt took
  /// `seconds`. The call-back goes to the back of the queue, or is lost (`callBackLost`).
  case callBackMissed(group: Int, agent: Int, remote: Bool, seconds: Double)
  /// A call-back reached its caller `delay` seconds after the caller hung up (reported right
  /// before `answered`).
  case callBackReached(delay: Double)
  /// The call-back's attempts all failed to reach the caller: an outcome, as `abandoned`.
  case callBackLost
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

extension CallFacts {
  @inline(__always)
  init(_ r: CallRecord) {
    self.init(
      id: r.id, caller: r.caller, type: Int(r.type), hour: Int(r.hour), isRedial: r.attempt > 0, arrival: r.arrival,
      transferGroup: r.transferGroup < 0 ? nil : Int(r.transferGroup), drawnTalk: r.talk, patience: r.patience,
      isCallBack: r.callBack, isAbusive: r.abusive, capped: r.capped)
  }
}

/// Something that follows a replication call by call. The event loop is generic over its
/// observer, so each observer is compiled into the loop: one that ignores an event costs
/// nothing for it.
public protocol CallObserver: ~Copyable {
  mutating func observe(_ event: CallEvent, call: CallFacts, at time: Double)
  /// Agent `agent` of `group` changed state at `time` seconds. Optional: the default ignores it.
  mutating func agentChanged(_ change: AgentChange, group: Int, agent: Int, at time: Double)
}

extension CallObserver where Self: ~Copyable {
  @inlinable @inline(__always)
  public mutating func agentChanged(_ change: AgentChange, group: Int, agent: Int, at time: Double) {}
}

/// What happened to an agent, as the event loop reports it to its observers.
public enum AgentChange: Sendable, Equatable {
  /// Logged in and free to take calls (start of a shift, back from a pause or a log-in gap).
  case loggedIn(remote: Bool)
  /// Stopped taking calls, for `reason`; an agent in a call stops when the call ends.
  case loggedOut(AgentLeave)
  /// Rostered for a shift starting at this time but absent that day.
  case absent
}

/// Why an agent logged out.
public enum AgentLeave: String, Sendable, Equatable {
  case lunch
  case shortBreak = "break"
  /// A remote agent's random log-in gap.
  case gap
  case endOfShift = "end_of_shift"
  /// An hourly staffing plan lowered the number on duty.
  case staffing
}

/// The observer of a run that needs nothing beyond the tally.
public struct NoObserver: CallObserver {
  public init() {}
  @inlinable @inline(__always)
  public mutating func observe(_ event: CallEvent, call: CallFacts, at time: Double) {}
}
