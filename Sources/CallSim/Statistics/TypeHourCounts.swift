/// One call type's calls that arrived in one hour, as a replication's tally keeps them:
/// counts as 32-bit integers and the three sums of seconds, 120 bytes where the
/// ``CallCounts`` they read as take 256 (agent time is kept per group, in ``GroupCounts``).
/// A run keeps one per hour and call type, so this size is most of what its memory grows
/// by per simulated hour.
///
/// Each call adds at most one to each count of its cell, so no count passes `totalInflow`
/// except `transferred` (a call may be transferred again); the tally checks those two
/// against ``limit`` and the replication ends in ``CountLimitError`` rather than in counts
/// that wrapped.
struct TypeHourCounts: Sendable, Equatable, BitwiseCopyable {
  var answeredWaitSeconds = 0.0
  var abandonedWaitSeconds = 0.0
  var totalInflow: UInt32 = 0
  var inflow: UInt32 = 0
  var answered: UInt32 = 0
  var abandoned: UInt32 = 0
  var blocked: UInt32 = 0
  var ivrHangUps: UInt32 = 0
  var selfServed: UInt32 = 0
  var redials: UInt32 = 0
  var transferred: UInt32 = 0
  var inQueueAtEnd: UInt32 = 0
  var inIVRAtEnd: UInt32 = 0
  var answeredWithinTarget: UInt32 = 0
  var capped: UInt32 = 0
  var callBacks: UInt32 = 0
  var abusiveAnswered: UInt32 = 0
  var callBackOffered: UInt32 = 0
  var callBackAccepted: UInt32 = 0
  var callBackReached: UInt32 = 0
  var callBackLost: UInt32 = 0
  var callBackReachedWithinTarget: UInt32 = 0
  var callBackDelaySeconds = 0.0
  var messageInflow: UInt32 = 0
  var messagesOnTime: UInt32 = 0
  /// Messages waiting at the hour's end (changes by hour while the replication runs).
  var messageBacklog: UInt32 = 0

  /// The most calls of one type and hour a count holds: 4,294,967,295 (1.2 million a second).
  static let limit = UInt32.max

  /// The same counts as ``CallCounts``, with no agent time.
  var callCounts: CallCounts {
    var c = CallCounts()
    c.totalInflow = Double(totalInflow)
    c.inflow = Double(inflow)
    c.answered = Double(answered)
    c.abandoned = Double(abandoned)
    c.blocked = Double(blocked)
    c.ivrHangUps = Double(ivrHangUps)
    c.selfServed = Double(selfServed)
    c.redials = Double(redials)
    c.transferred = Double(transferred)
    c.inQueueAtEnd = Double(inQueueAtEnd)
    c.inIVRAtEnd = Double(inIVRAtEnd)
    c.answeredWithinTarget = Double(answeredWithinTarget)
    c.answeredWaitSeconds = answeredWaitSeconds
    c.abandonedWaitSeconds = abandonedWaitSeconds
    c.capped = Double(capped)
    c.callBacks = Double(callBacks)
    c.abusiveAnswered = Double(abusiveAnswered)
    c.callBackOffered = Double(callBackOffered)
    c.callBackAccepted = Double(callBackAccepted)
    c.callBackReached = Double(callBackReached)
    c.callBackLost = Double(callBackLost)
    c.callBackReachedWithinTarget = Double(callBackReachedWithinTarget)
    c.callBackDelaySeconds = callBackDelaySeconds
    c.messageInflow = Double(messageInflow)
    c.messagesOnTime = Double(messagesOnTime)
    // A cell holds one call type, and a call is counted in its arrival's hour: where a
    // message arrived, every call answered is a message.
    if messageInflow > 0 {
      c.messagesAnswered = c.answered
      c.messageWaitSeconds = answeredWaitSeconds
    }
    c.messageBacklog = Double(messageBacklog)
    return c
  }
}
