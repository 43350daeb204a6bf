/// One agent group in one hour, as a replication's tally keeps it: agent time in seconds and
/// call counts as 32-bit integers, 88 bytes where the ``GroupCounts`` it reads as take 120.
/// A run keeps one per hour and group (see ``TypeHourCounts``).
///
/// `capped` and `abusiveAnswered` never pass `answered`; the tally checks `answered` and
/// `transferred` against ``TypeHourCounts/limit``.
struct GroupHourCounts: Sendable, Equatable, BitwiseCopyable {
  var talkSeconds = 0.0
  var busyAgentSeconds = 0.0
  var availableAgentSeconds = 0.0
  var scheduledAgentSeconds = 0.0
  var remoteBusyAgentSeconds = 0.0
  var remoteAvailableAgentSeconds = 0.0
  var paidAgentSeconds = 0.0
  var overtimeAgentSeconds = 0.0
  var recoveryAgentSeconds = 0.0
  var answered: UInt32 = 0
  var transferred: UInt32 = 0
  var capped: UInt32 = 0
  var abusiveAnswered: UInt32 = 0

  /// The same counts as ``GroupCounts``.
  var groupCounts: GroupCounts {
    var c = GroupCounts()
    c.answered = Double(answered)
    c.transferred = Double(transferred)
    c.talkSeconds = talkSeconds
    c.busyAgentSeconds = busyAgentSeconds
    c.availableAgentSeconds = availableAgentSeconds
    c.scheduledAgentSeconds = scheduledAgentSeconds
    c.remoteBusyAgentSeconds = remoteBusyAgentSeconds
    c.remoteAvailableAgentSeconds = remoteAvailableAgentSeconds
    c.paidAgentSeconds = paidAgentSeconds
    c.overtimeAgentSeconds = overtimeAgentSeconds
    c.capped = Double(capped)
    c.abusiveAnswered = Double(abusiveAnswered)
    c.recoveryAgentSeconds = recoveryAgentSeconds
    return c
  }
}

/// One agent group's chat time in one hour: kept beside ``GroupHourCounts`` only when the
/// model has chat types, so that other runs keep no more per hour than before chats existed.
struct ChatHourCounts: Sendable, Equatable, BitwiseCopyable {
  /// Agent-seconds holding at least one chat.
  var busyAgentSeconds = 0.0
  /// Chat-seconds: the time integral of the chats in progress.
  var chatSeconds = 0.0
}
