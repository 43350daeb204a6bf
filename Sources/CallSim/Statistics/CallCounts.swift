/// What happened to the calls that arrived in one period (an hour, a call type, or a whole
/// replication). Every call is counted in the period of its first arrival at the number.
///
/// Each call that reaches the number ends in exactly one of: `blocked`, `ivrHangUps`,
/// `selfServed`, `inIVRAtEnd`, or reaches the agent queue (`inflow`); and each call in `inflow`
/// ends in exactly one of `answered`, `abandoned`, `callBackLost`, `inQueueAtEnd`. ``conservationError`` checks
/// both identities, and that the reported outcomes (``Metric/outcomes``) add up to
/// `totalInflow`.
public struct CallCounts: Sendable, Equatable, BitwiseCopyable, DoubleFieldCounts {
  /// Calls that reached the number, redials included.
  public var totalInflow = 0.0
  /// Calls that reached the agent queue.
  public var inflow = 0.0
  public var answered = 0.0
  public var abandoned = 0.0
  public var blocked = 0.0
  public var ivrHangUps = 0.0
  public var selfServed = 0.0
  /// Redials among `totalInflow`.
  public var redials = 0.0
  /// Transfers of misrouted calls to their right queue (a call may still end in any outcome).
  public var transferred = 0.0
  /// Calls still waiting in the agent queue, or being transferred by a wrong group's agent,
  /// when the horizon ended.
  public var inQueueAtEnd = 0.0
  /// Calls still in the IVR when the horizon ended.
  public var inIVRAtEnd = 0.0
  /// Answered with a wait of at most the service-level time.
  public var answeredWithinTarget = 0.0
  /// Sum of waits of answered calls, seconds.
  public var answeredWaitSeconds = 0.0
  /// Sum of waits of abandoned calls, seconds.
  public var abandonedWaitSeconds = 0.0
  /// Agent-seconds spent talking, in wrap-up and on transfers.
  public var busyAgentSeconds = 0.0
  /// Agent-seconds logged in.
  public var availableAgentSeconds = 0.0
  /// Agent-seconds scheduled (before absence and availability).
  public var scheduledAgentSeconds = 0.0
  /// Agent-seconds paid (shifts minus lunch).
  public var paidAgentSeconds = 0.0
  /// Agent-seconds finishing calls after a shift's end.
  public var overtimeAgentSeconds = 0.0
  /// Answered calls whose talk was cut at the call cap.
  public var capped = 0.0
  /// Call-backs of callers cut at the call cap, among `redials`.
  public var callBacks = 0.0
  /// Answered calls of known abusive callers.
  public var abusiveAnswered = 0.0
  /// Agent-seconds of recovery after abusive calls: logged in, but neither busy nor
  /// available (``Metric/occupancy`` leaves them out).
  public var recoveryAgentSeconds = 0.0
  /// Waiting callers offered a call-back in the queue, and those who accepted.
  public var callBackOffered = 0.0
  public var callBackAccepted = 0.0
  /// Call-backs that reached their caller (among `answered`), and those of them within the
  /// service-level time of the caller's hang-up.
  public var callBackReached = 0.0
  public var callBackReachedWithinTarget = 0.0
  /// Call-backs whose attempts all failed: an outcome of `inflow`.
  public var callBackLost = 0.0
  /// Sum of hang-up-to-call-back delays of the call-backs that reached their caller, seconds.
  public var callBackDelaySeconds = 0.0
  /// Messages (``Channel/message``) that reached their queue (among `inflow`), and those
  /// answered within their type's deadline.
  public var messageInflow = 0.0
  public var messagesOnTime = 0.0
  /// Messages answered (among `answered`), and the sum of their waits, seconds.
  public var messagesAnswered = 0.0
  public var messageWaitSeconds = 0.0
  /// Messages waiting at the end of each hour, summed over the period's hours (an hour's
  /// own count in an hourly row): divided by the hours, the mean backlog at an hour's end.
  public var messageBacklog = 0.0

  public init() {}

  /// Every field (for names and checks; sums and scaling go through ``DoubleFieldCounts``).
  nonisolated(unsafe) static let fields: [WritableKeyPath<CallCounts, Double>] = [
    \.totalInflow, \.inflow, \.answered, \.abandoned, \.blocked, \.ivrHangUps, \.selfServed, \.redials, \.transferred,
    \.inQueueAtEnd, \.inIVRAtEnd, \.answeredWithinTarget, \.answeredWaitSeconds, \.abandonedWaitSeconds,
    \.busyAgentSeconds, \.availableAgentSeconds, \.scheduledAgentSeconds, \.paidAgentSeconds, \.overtimeAgentSeconds,
    \.capped, \.callBacks, \.abusiveAnswered, \.recoveryAgentSeconds, \.callBackOffered, \.callBackAccepted,
    \.callBackReached, \.callBackReachedWithinTarget, \.callBackLost, \.callBackDelaySeconds, \.messageInflow,
    \.messagesOnTime, \.messagesAnswered, \.messageWaitSeconds, \.messageBacklog,
  ]

  public static func += (a: inout CallCounts, b: CallCounts) {
    a.addFields(of: b)
  }

  /// Adds a group's agent time (the call counts are the call types').
  public mutating func addAgentTime(_ g: GroupCounts) {
    busyAgentSeconds += g.busyAgentSeconds
    availableAgentSeconds += g.availableAgentSeconds
    scheduledAgentSeconds += g.scheduledAgentSeconds
    paidAgentSeconds += g.paidAgentSeconds
    overtimeAgentSeconds += g.overtimeAgentSeconds
    recoveryAgentSeconds += g.recoveryAgentSeconds
  }

  /// `nil` when every call is accounted for exactly once; otherwise which identity fails.
  public var conservationError: String? {
    let reached = blocked + ivrHangUps + selfServed + inIVRAtEnd + inflow
    if reached != totalInflow {
      return "total inflow \(totalInflow) ≠ blocked + IVR hang-ups + self-served + in IVR at end + inflow = \(reached)"
    }
    let ended = answered + abandoned + callBackLost + inQueueAtEnd
    if ended != inflow {
      return "inflow \(inflow) ≠ answered + abandoned + lost call-backs + in queue at end = \(ended)"
    }
    let reported = Metric.outcomes.reduce(0.0) { $0 + ($1.value(of: self, periodSeconds: 3600) ?? .nan) }
    if reported != totalInflow {
      return "total inflow \(totalInflow) ≠ the reported outcomes (\(Metric.outcomes.map(\.rawValue).joined(separator: " + "))) = \(reported)"
    }
    return nil
  }
}

extension CallCounts {
  /// Every field multiplied by `factor` (to turn sums over replications into means).
  public mutating func scale(by factor: Double) {
    scaleFields(by: factor)
  }
}
