/// A reported quantity, computed from ``CallCounts``. Raw values are the names used in
/// `summary.json` and the CSV headers; the unit is in the name where there is one.
public enum Metric: String, Sendable, CaseIterable, Codable {
  case totalInflow = "total_inflow"
  case inflow
  case answered
  case abandoned
  case blocked
  case ivrHangUps = "ivr_hang_ups"
  case selfServed = "self_served"
  case redials
  /// Misrouted calls transferred to their right queue (not an outcome: they end as any call).
  case transferred
  /// Calls still waiting in the agent queue, or with an agent transferring them, when the
  /// horizon ended (part of `in_system_at_end`).
  case inQueueAtEnd = "in_queue_at_end"
  /// Calls with no outcome yet when the horizon ended: in the IVR, waiting in the agent
  /// queue, or with an agent transferring them. An outcome of its own, so that the outcomes
  /// add up to `total_inflow` (see ``outcomes``).
  case inSystemAtEnd = "in_system_at_end"
  /// answered / inflow (the foundation's definition).
  case answerRate = "answer_rate"
  /// answered / total inflow (the auditors' definition).
  case answerRateTotal = "answer_rate_total"
  /// answered within the target time / inflow.
  case serviceLevel = "service_level"
  /// abandoned / inflow.
  case abandonRate = "abandon_rate"
  /// blocked / total inflow.
  case blockedShare = "blocked_share"
  /// Mean wait of answered calls.
  case asaSeconds = "asa_seconds"
  /// Mean wait of answered and abandoned calls.
  case meanWaitSeconds = "mean_wait_seconds"
  /// Busy (talk + wrap-up) over logged-in agent time outside recovery after abusive calls.
  case occupancy
  /// Time-average number of agents logged in.
  case agentsOnPhones = "agents_on_phones"
  /// Time-average number of agents scheduled.
  case agentsScheduled = "agents_scheduled"
  /// Agent-hours paid: shifts minus lunch, after any strike, before absence.
  case paidHours = "paid_hours"
  /// Agent-hours spent finishing calls after a shift's end.
  case overtimeHours = "overtime_hours"
  /// Answered calls whose talk was cut at the call cap.
  case capped
  /// Call-backs of callers cut at the call cap (also among `redials` and `total_inflow`).
  case callBacks = "call_backs"
  /// Answered calls of known abusive callers.
  case abusiveAnswered = "abusive_answered"
  /// Agent-hours of recovery after abusive calls (neither busy nor available).
  case recoveryHours = "recovery_hours"

  /// The value for `counts` over a period of `periodSeconds`; `nil` where undefined
  /// (a ratio with nothing to divide by).
  public func value(of c: CallCounts, periodSeconds: Double) -> Double? {
    func ratio(_ a: Double, _ b: Double) -> Double? { b > 0 ? a / b : nil }
    switch self {
    case .totalInflow: return c.totalInflow
    case .inflow: return c.inflow
    case .answered: return c.answered
    case .abandoned: return c.abandoned
    case .blocked: return c.blocked
    case .ivrHangUps: return c.ivrHangUps
    case .selfServed: return c.selfServed
    case .redials: return c.redials
    case .transferred: return c.transferred
    case .inQueueAtEnd: return c.inQueueAtEnd
    case .inSystemAtEnd: return c.inQueueAtEnd + c.inIVRAtEnd
    case .answerRate: return ratio(c.answered, c.inflow)
    case .answerRateTotal: return ratio(c.answered, c.totalInflow)
    case .serviceLevel: return ratio(c.answeredWithinTarget, c.inflow)
    case .abandonRate: return ratio(c.abandoned, c.inflow)
    case .blockedShare: return ratio(c.blocked, c.totalInflow)
    case .asaSeconds: return ratio(c.answeredWaitSeconds, c.answered)
    case .meanWaitSeconds: return ratio(c.answeredWaitSeconds + c.abandonedWaitSeconds, c.answered + c.abandoned)
    case .occupancy: return ratio(c.busyAgentSeconds, c.availableAgentSeconds - c.recoveryAgentSeconds)
    case .agentsOnPhones: return ratio(c.availableAgentSeconds, periodSeconds)
    case .agentsScheduled: return ratio(c.scheduledAgentSeconds, periodSeconds)
    case .paidHours: return c.paidAgentSeconds / 3600
    case .overtimeHours: return c.overtimeAgentSeconds / 3600
    case .capped: return c.capped
    case .callBacks: return c.callBacks
    case .abusiveAnswered: return c.abusiveAnswered
    case .recoveryHours: return c.recoveryAgentSeconds / 3600
    }
  }

  /// The outcomes as reported: every call counted in `total_inflow` ends in exactly one of
  /// them, so their values add up to `total_inflow` exactly — in every replication, hour and
  /// call type (``CallCounts/conservationError`` checks it). A call cut at the call cap is
  /// `answered`; `transferred` is not an outcome (a transferred call ends in one of these).
  public static let outcomes: [Metric] = [.answered, .abandoned, .blocked, .ivrHangUps, .selfServed, .inSystemAtEnd]

  /// Whether the metric is a count of calls (summed over periods) rather than a ratio.
  public var isCount: Bool {
    switch self {
    case .totalInflow, .inflow, .answered, .abandoned, .blocked, .ivrHangUps, .selfServed, .redials, .transferred, .inQueueAtEnd,
      .inSystemAtEnd, .capped, .callBacks, .abusiveAnswered:
      true
    default: false
    }
  }
}
