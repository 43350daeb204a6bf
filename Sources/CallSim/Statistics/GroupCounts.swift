/// What one agent group did in one period (an hour, or a whole replication). Calls are
/// counted in the hour of their arrival, agent time in the hour it was spent.
public struct GroupCounts: Sendable, Equatable, BitwiseCopyable {
  /// Calls the group's agents answered and served.
  public var answered = 0.0
  /// Misrouted calls the group's agents answered and transferred to the right queue.
  public var transferred = 0.0
  /// Seconds of talk of the calls in `answered` (after any generalist factor).
  public var talkSeconds = 0.0
  /// Agent-seconds spent talking, in wrap-up, or on transfers.
  public var busyAgentSeconds = 0.0
  /// Agent-seconds logged in.
  public var availableAgentSeconds = 0.0
  /// Agent-seconds scheduled.
  public var scheduledAgentSeconds = 0.0
  /// Calls in `answered` whose talk was cut at the call cap.
  public var capped = 0.0
  /// Calls in `answered` of known abusive callers.
  public var abusiveAnswered = 0.0
  /// Agent-seconds of recovery after abusive calls (logged in, neither busy nor available).
  public var recoveryAgentSeconds = 0.0

  public init() {}

  public static func += (a: inout GroupCounts, b: GroupCounts) {
    a.answered += b.answered
    a.transferred += b.transferred
    a.talkSeconds += b.talkSeconds
    a.busyAgentSeconds += b.busyAgentSeconds
    a.availableAgentSeconds += b.availableAgentSeconds
    a.scheduledAgentSeconds += b.scheduledAgentSeconds
    a.capped += b.capped
    a.abusiveAnswered += b.abusiveAnswered
    a.recoveryAgentSeconds += b.recoveryAgentSeconds
  }

  /// Every field multiplied by `factor`.
  public func scaled(by factor: Double) -> GroupCounts {
    var c = self
    c.answered *= factor
    c.transferred *= factor
    c.talkSeconds *= factor
    c.busyAgentSeconds *= factor
    c.availableAgentSeconds *= factor
    c.scheduledAgentSeconds *= factor
    c.capped *= factor
    c.abusiveAnswered *= factor
    c.recoveryAgentSeconds *= factor
    return c
  }
}

/// A reported quantity of an agent group. Raw values name it in `summary.json` and CSV headers.
public enum GroupMetric: String, Sendable, CaseIterable {
  case answered
  case transferred
  /// Busy (talk, wrap-up, transfers) over logged-in agent time outside recovery.
  case occupancy
  /// Time-average number of agents logged in.
  case agentsOnPhones = "agents_on_phones"
  /// Time-average number of agents scheduled.
  case agentsScheduled = "agents_scheduled"
  /// Mean talk time of the calls answered.
  case meanTalkSeconds = "mean_talk_seconds"
  /// Answered calls cut at the call cap.
  case capped
  /// Answered calls of known abusive callers.
  case abusiveAnswered = "abusive_answered"
  /// Agent-hours of recovery after abusive calls.
  case recoveryHours = "recovery_hours"

  /// The value for `c` over `periodSeconds`; `nil` where undefined.
  public func value(of c: GroupCounts, periodSeconds: Double) -> Double? {
    func ratio(_ a: Double, _ b: Double) -> Double? { b > 0 ? a / b : nil }
    switch self {
    case .answered: return c.answered
    case .transferred: return c.transferred
    case .occupancy: return ratio(c.busyAgentSeconds, c.availableAgentSeconds - c.recoveryAgentSeconds)
    case .agentsOnPhones: return ratio(c.availableAgentSeconds, periodSeconds)
    case .agentsScheduled: return ratio(c.scheduledAgentSeconds, periodSeconds)
    case .meanTalkSeconds: return ratio(c.talkSeconds, c.answered)
    case .capped: return c.capped
    case .abusiveAnswered: return c.abusiveAnswered
    case .recoveryHours: return c.recoveryAgentSeconds / 3600
    }
  }
}
