/// A reported quantity, computed from ``CallCounts`` (and, for the wait percentiles, from the
/// replication's histogram of answered waits, ``WaitQuantiles``). Raw values are the names
/// used in `summary.json` and the CSV headers; the unit is in the name where there is one.
///
/// The cases' order is the order of every output (the hourly tables' columns, the console
/// rows, `compare.csv`); what else each output needs — unit, label, definition, which outputs
/// show it — is the catalogue in `Metric+Catalogue.swift`, so a case added here and there
/// reaches `summary.json`, the console, the hourly tables, `compare`, sweeps, the wallboard
/// and the table of docs/outputs.md.
public enum Metric: String, Sendable, CaseIterable, Codable {
  /// Time-average number of agents scheduled.
  case agentsScheduled = "agents_scheduled"
  /// Time-average number of agents logged in.
  case agentsOnPhones = "agents_on_phones"
  case totalInflow = "total_inflow"
  case inflow
  case answered
  case abandoned
  case blocked
  case ivrHangUps = "ivr_hang_ups"
  case selfServed = "self_served"
  /// Calls with no outcome yet when the horizon ended: in the IVR, waiting in the agent
  /// queue, or with an agent transferring them. An outcome of its own, so that the outcomes
  /// add up to `total_inflow` (see ``outcomes``).
  case inSystemAtEnd = "in_system_at_end"
  /// Calls still waiting in the agent queue, or with an agent transferring them, when the
  /// horizon ended (part of `in_system_at_end`).
  case inQueueAtEnd = "in_queue_at_end"
  case redials
  /// Misrouted calls transferred to their right queue (not an outcome: they end as any call).
  case transferred
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
  /// Mean wait of answered calls, seconds.
  case asaSeconds = "asa_seconds"
  /// Mean wait of answered and abandoned calls, seconds.
  case meanWaitSeconds = "mean_wait_seconds"
  /// Percentiles of the wait of answered calls, seconds (``waitQuantile``).
  case waitP50Seconds = "wait_p50_seconds"
  case waitP80Seconds = "wait_p80_seconds"
  case waitP90Seconds = "wait_p90_seconds"
  case waitP95Seconds = "wait_p95_seconds"
  /// Busy (talk + wrap-up) over logged-in agent time outside recovery after abusive calls.
  case occupancy
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
  /// Waiting callers offered a call-back in the queue (``CallBackOffer``), and those who
  /// accepted; reported only when some call type has an offer.
  case callBackOffered = "callbacks_offered"
  case callBackAccepted = "callbacks_accepted"
  /// Call-backs that reached their caller (counted among `answered`).
  case callBackCompleted = "callbacks_completed"
  /// Call-backs whose every attempt missed the caller: an outcome.
  case callBackLost = "callbacks_lost"
  /// Mean seconds from a caller's hang-up to the call-back that reached it.
  case callBackDelaySeconds = "callback_delay_seconds"
  /// Share of completed call-backs that started within the service-level time of the hang-up.
  case callBackDelayWithinTarget = "callback_delay_within_target"
  /// Mean wait of answered messages, seconds (their `asa_seconds`, apart from the phones' and
  /// chats'); reported, as the two below, only when some call type is a message type.
  case responseSeconds = "response_seconds"
  /// Messages answered within their type's deadline / messages that reached their queue.
  case onTimeShare = "on_time_share"
  /// Messages waiting at an hour's end, averaged over the period's hours.
  case backlog

  /// The value for `counts` over a period of `periodSeconds`, with `waits` the percentiles
  /// of the same calls' answered waits; `nil` where undefined (a ratio with nothing to
  /// divide by, a percentile with no call answered or no `waits` given, as in an hour).
  public func value(of c: CallCounts, waits: WaitQuantiles? = nil, periodSeconds: Double) -> Double? {
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
    case .waitP50Seconds, .waitP80Seconds, .waitP90Seconds, .waitP95Seconds: return waits?[self]
    case .occupancy: return ratio(c.busyAgentSeconds, c.availableAgentSeconds - c.recoveryAgentSeconds)
    case .agentsOnPhones: return ratio(c.availableAgentSeconds, periodSeconds)
    case .agentsScheduled: return ratio(c.scheduledAgentSeconds, periodSeconds)
    case .paidHours: return c.paidAgentSeconds / 3600
    case .overtimeHours: return c.overtimeAgentSeconds / 3600
    case .capped: return c.capped
    case .callBacks: return c.callBacks
    case .abusiveAnswered: return c.abusiveAnswered
    case .recoveryHours: return c.recoveryAgentSeconds / 3600
    case .callBackOffered: return c.callBackOffered
    case .callBackAccepted: return c.callBackAccepted
    case .callBackCompleted: return c.callBackReached
    case .callBackLost: return c.callBackLost
    case .callBackDelaySeconds: return ratio(c.callBackDelaySeconds, c.callBackReached)
    case .callBackDelayWithinTarget: return ratio(c.callBackReachedWithinTarget, c.callBackReached)
    case .responseSeconds: return ratio(c.messageWaitSeconds, c.messagesAnswered)
    case .onTimeShare: return ratio(c.messagesOnTime, c.messageInflow)
    case .backlog: return ratio(c.messageBacklog, periodSeconds / 3600)
    }
  }

  /// For a percentile of answered waits, its level (0.5 for the median); `nil` otherwise.
  public var waitQuantile: Double? {
    switch self {
    case .waitP50Seconds: 0.5
    case .waitP80Seconds: 0.8
    case .waitP90Seconds: 0.9
    case .waitP95Seconds: 0.95
    default: nil
    }
  }

  /// The metrics read from the answered-wait histogram (``waitQuantile`` not `nil`).
  public static let waitQuantiles: [Metric] = allCases.filter { $0.waitQuantile != nil }

  /// The outcomes as reported: every call counted in `total_inflow` ends in exactly one of
  /// them, so their values add up to `total_inflow` exactly — in every replication, hour and
  /// call type (``CallCounts/conservationError`` checks it). A call cut at the call cap is
  /// `answered`; `transferred` is not an outcome (a transferred call ends in one of these).
  public static let outcomes: [Metric] = [
    .answered, .abandoned, .callBackLost, .blocked, .ivrHangUps, .selfServed, .inSystemAtEnd,
  ]

  /// Whether the metric is a count of calls (summed over periods) rather than a ratio.
  public var isCount: Bool { unit == .calls }
}
