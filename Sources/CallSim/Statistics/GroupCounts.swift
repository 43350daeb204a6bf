/// What one agent group did in one period (an hour, or a whole replication). Calls are
/// counted in the hour of their arrival, agent time in the hour it was spent (paid time in
/// the hour its shift starts).
public struct GroupCounts: Sendable, Equatable, BitwiseCopyable, DoubleFieldCounts {
  /// Calls the group's agents answered and served.
  public var answered = 0.0
  /// Misrouted calls the group's agents answered and transferred to the right queue.
  public var transferred = 0.0
  /// Seconds of talk of the calls in `answered` (after any generalist and remote factor).
  public var talkSeconds = 0.0
  /// Agent-seconds spent talking, in wrap-up, on transfers, or holding chats.
  public var busyAgentSeconds = 0.0
  /// Agent-seconds logged in and not on a pause (finishing a call past a shift's end included).
  public var availableAgentSeconds = 0.0
  /// Agent-seconds scheduled (after any strike, before absence; pauses included).
  public var scheduledAgentSeconds = 0.0
  /// The part of `busyAgentSeconds` worked by remote agents.
  public var remoteBusyAgentSeconds = 0.0
  /// The part of `availableAgentSeconds` of remote agents.
  public var remoteAvailableAgentSeconds = 0.0
  /// Agent-seconds paid: shifts minus lunch (after any strike, before absence); scheduled
  /// time for a group staffed by the hour.
  public var paidAgentSeconds = 0.0
  /// Agent-seconds spent finishing calls after a shift's end.
  public var overtimeAgentSeconds = 0.0
  /// Calls in `answered` whose talk was cut at the call cap.
  public var capped = 0.0
  /// Calls in `answered` of known abusive callers.
  public var abusiveAnswered = 0.0
  /// Agent-seconds of recovery after abusive calls (logged in, neither busy nor available).
  public var recoveryAgentSeconds = 0.0
  /// The part of `busyAgentSeconds` spent holding at least one chat.
  public var chatBusyAgentSeconds = 0.0
  /// Chat-seconds: the time integral of the chats in progress (two chats for a minute: 120).
  public var chatSeconds = 0.0

  public init() {}

  /// Every field (for names and checks; sums and scaling go through ``DoubleFieldCounts``).
  nonisolated(unsafe) static let fields: [WritableKeyPath<GroupCounts, Double>] = [
    \.answered, \.transferred, \.talkSeconds, \.busyAgentSeconds, \.availableAgentSeconds, \.scheduledAgentSeconds,
    \.remoteBusyAgentSeconds, \.remoteAvailableAgentSeconds, \.paidAgentSeconds, \.overtimeAgentSeconds, \.capped,
    \.abusiveAnswered, \.recoveryAgentSeconds, \.chatBusyAgentSeconds, \.chatSeconds,
  ]

  public static func += (a: inout GroupCounts, b: GroupCounts) {
    a.addFields(of: b)
  }

  /// Every field multiplied by `factor`.
  public func scaled(by factor: Double) -> GroupCounts {
    var c = self
    c.scaleFields(by: factor)
    return c
  }
}

/// A reported quantity of an agent group. Raw values name it in `summary.json` and CSV headers.
public enum GroupMetric: String, Sendable, CaseIterable {
  case answered
  case transferred
  /// Busy (talk, wrap-up, transfers, holding at least one chat) over logged-in agent time
  /// outside pauses and recovery.
  case occupancy
  /// Occupancy of the office agents (recovery after abusive calls counted as available).
  case occupancyOffice = "occupancy_office"
  /// Occupancy of the remote agents (recovery after abusive calls counted as available).
  case occupancyRemote = "occupancy_remote"
  /// Time-average number of agents logged in and not on a pause.
  case agentsOnPhones = "agents_on_phones"
  /// The remote agents among `agents_on_phones`.
  case agentsOnPhonesRemote = "agents_on_phones_remote"
  /// Time-average number of agents scheduled.
  case agentsScheduled = "agents_scheduled"
  /// Mean talk time of the calls answered.
  case meanTalkSeconds = "mean_talk_seconds"
  case paidHours = "paid_hours"
  case overtimeHours = "overtime_hours"
  /// Answered calls cut at the call cap.
  case capped
  /// Answered calls of known abusive callers.
  case abusiveAnswered = "abusive_answered"
  /// Agent-hours of recovery after abusive calls.
  case recoveryHours = "recovery_hours"
  /// Time-average number of chats an agent holds while it holds at least one.
  case chatsPerAgent = "chats_per_agent"

  /// Whether runs of `models` (one run, or the scenarios compared) report this metric: the
  /// chats per agent only when one of them has chat types.
  public func isReported(by models: [CallCenterModel]) -> Bool { self != .chatsPerAgent || models.contains(where: \.hasChats) }

  /// The group metrics a run of `model` reports.
  public static func reported(for model: CallCenterModel) -> [GroupMetric] { allCases.filter { $0.isReported(by: [model]) } }

  /// The value for `c` over `periodSeconds`; `nil` where undefined.
  public func value(of c: GroupCounts, periodSeconds: Double) -> Double? {
    func ratio(_ a: Double, _ b: Double) -> Double? { b > 0 ? a / b : nil }
    switch self {
    case .answered: return c.answered
    case .transferred: return c.transferred
    case .occupancyOffice:
      return ratio(c.busyAgentSeconds - c.remoteBusyAgentSeconds, c.availableAgentSeconds - c.remoteAvailableAgentSeconds)
    case .occupancyRemote: return ratio(c.remoteBusyAgentSeconds, c.remoteAvailableAgentSeconds)
    case .occupancy: return ratio(c.busyAgentSeconds, c.availableAgentSeconds - c.recoveryAgentSeconds)
    case .agentsOnPhones: return ratio(c.availableAgentSeconds, periodSeconds)
    case .agentsOnPhonesRemote: return ratio(c.remoteAvailableAgentSeconds, periodSeconds)
    case .agentsScheduled: return ratio(c.scheduledAgentSeconds, periodSeconds)
    case .meanTalkSeconds: return ratio(c.talkSeconds, c.answered)
    case .paidHours: return c.paidAgentSeconds / 3600
    case .overtimeHours: return c.overtimeAgentSeconds / 3600
    case .capped: return c.capped
    case .abusiveAnswered: return c.abusiveAnswered
    case .recoveryHours: return c.recoveryAgentSeconds / 3600
    case .chatsPerAgent: return ratio(c.chatSeconds, c.chatBusyAgentSeconds)
    }
  }
}
