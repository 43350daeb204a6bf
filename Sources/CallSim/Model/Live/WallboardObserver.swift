import CallSimEngine

/// Follows a replication the way a contact center's wallboard does: per call type, calls
/// offered, answered (and within the service-level target) and abandoned today and in the
/// last 15 minutes; per group, calls answered today and which agents talk or are on a break.
///
/// "Today" is the simulated calendar day of the event (from midnight); the last 15 minutes
/// are 15 one-minute bins, so they cover 14 to 15 minutes. Today's answered waits are also
/// binned per call type (``DurationBins``, 22 KB per type) for the wait percentiles.
public struct WallboardObserver: CallObserver {
  /// Calls offered to the agent queue, answered, answered within the target, abandoned, and
  /// call-backs lost (every attempt missed the caller: ``CallBackOffer``).
  public struct Counts: Sendable, Equatable {
    public var offered = 0
    public var answered = 0
    public var answeredWithin = 0
    public var abandoned = 0
    public var callBacksLost = 0
    /// Sum of the answered calls' waits, seconds.
    public var answeredWaitSeconds = 0.0

    public init() {}

    public static func + (a: Counts, b: Counts) -> Counts {
      var c = a
      c.offered += b.offered
      c.answered += b.answered
      c.answeredWithin += b.answeredWithin
      c.abandoned += b.abandoned
      c.callBacksLost += b.callBacksLost
      c.answeredWaitSeconds += b.answeredWaitSeconds
      return c
    }

    /// Calls with an outcome: answered, abandoned or call-backs lost.
    public var resolved: Int { answered + abandoned + callBacksLost }
  }

  /// Seconds within which an answer counts for the service level.
  let within: Double
  /// Per call type: today's counts.
  public private(set) var today: [Counts]
  /// Per call type: today's answered waits in ``DurationBins`` (index `type * DurationBins.count + bin`).
  var todayWaits: [Double]
  /// The day `today` counts, from 0.
  public private(set) var day = 0
  /// Per call type and minute bin (`type * 15 + minute % 15`): the counts of that minute.
  var minuteCounts: [Counts]
  /// The minute each bin holds (minutes from the start); -1 for none.
  var minuteStamp: [Int]
  /// Per group: calls answered today.
  public private(set) var answeredToday: [Int]
  /// Per group and agent: seconds at which the agent's current talk ends (wrap-up after it).
  var talkEnd: [[Double]]
  /// Per group and agent: on a lunch, short break or remote log-in gap.
  var onBreak: [[Bool]]
  /// Per group: agents on a break now.
  public private(set) var onBreakCount: [Int]
  /// Calls offered, answered and abandoned since ``takeInterval()`` was last called.
  var interval = Counts()

  public init(model: CallCenterModel) {
    within = model.targets.serviceLevelWithin
    let types = model.callTypes.count
    let groups = model.agentGroups.count
    today = Array(repeating: Counts(), count: types)
    todayWaits = Array(repeating: 0, count: types * DurationBins.count)
    minuteCounts = Array(repeating: Counts(), count: types * 15)
    minuteStamp = Array(repeating: -1, count: types * 15)
    answeredToday = Array(repeating: 0, count: groups)
    talkEnd = Array(repeating: [], count: groups)
    onBreak = Array(repeating: [], count: groups)
    onBreakCount = Array(repeating: 0, count: groups)
  }

  public mutating func observe(_ event: CallEvent, call: CallFacts, at time: Double) {
    switch event {
    case .queued:
      count(type: call.type, at: time) { $0.offered += 1 }
    case let .answered(group, agent, _, wait, talk, _):
      let inTime = wait <= within
      count(type: call.type, at: time) {
        $0.answered += 1
        if inTime { $0.answeredWithin += 1 }
        $0.answeredWaitSeconds += wait
      }
      todayWaits[call.type * DurationBins.count + DurationBins.bin(of: wait)] += 1
      answeredToday[group] += 1
      setTalkEnd(group: group, agent: agent, time + talk)
    case let .transferred(group, agent, _, _, handle):
      setTalkEnd(group: group, agent: agent, time + handle)
    case .abandoned:
      count(type: call.type, at: time) { $0.abandoned += 1 }
    case .callBackLost:
      count(type: call.type, at: time) { $0.callBacksLost += 1 }
    case let .callBackMissed(group, agent, _, seconds):
      setTalkEnd(group: group, agent: agent, time + seconds)
    default:
      break
    }
  }

  public mutating func agentChanged(_ change: AgentChange, group: Int, agent: Int, at time: Double) {
    if onBreak[group].count <= agent { onBreak[group] += repeatElement(false, count: agent + 1 - onBreak[group].count) }
    let wasOnBreak = onBreak[group][agent]
    let isOnBreak: Bool
    switch change {
    case .loggedOut(.lunch), .loggedOut(.shortBreak), .loggedOut(.gap): isOnBreak = true
    default: isOnBreak = false
    }
    onBreak[group][agent] = isOnBreak
    onBreakCount[group] += (isOnBreak ? 1 : 0) - (wasOnBreak ? 1 : 0)
  }

  /// Whether agent `agent` of `group`, in a call, is still talking at `time` (else wrapping up).
  func isTalking(group: Int, agent: Int, at time: Double) -> Bool {
    agent < talkEnd[group].count && talkEnd[group][agent] > time
  }

  /// Today's answered waits of call type `type`, or of all types when `nil`, in ``DurationBins``.
  public func todayWaitHistogram(type: Int?) -> [Double] {
    let n = DurationBins.count
    if let type { return Array(todayWaits[type * n..<(type + 1) * n]) }
    return todayWaitHistogram(types: today.indices)
  }

  /// Today's answered waits of the call types `types` together (a channel's).
  public func todayWaitHistogram(types: some Sequence<Int>) -> [Double] {
    let n = DurationBins.count
    var all = [Double](repeating: 0, count: n)
    for t in types {
      for i in 0..<n { all[i] += todayWaits[t * n + i] }
    }
    return all
  }

  /// Per call type: the counts of the last 15 minutes before `time`.
  public func lastQuarterHour(at time: Double) -> [Counts] {
    let minute = Int(time / 60)
    return today.indices.map { t in
      var c = Counts()
      for i in 0..<15 where minuteStamp[t * 15 + i] > minute - 15 { c = c + minuteCounts[t * 15 + i] }
      return c
    }
  }

  /// The counts since the last call (all call types), and starts a new interval.
  mutating func takeInterval() -> Counts {
    defer { interval = Counts() }
    return interval
  }

  private mutating func setTalkEnd(group: Int, agent: Int, _ end: Double) {
    if talkEnd[group].count <= agent { talkEnd[group] += repeatElement(0, count: agent + 1 - talkEnd[group].count) }
    // An agent holding several chats is busy until the last ends (at one chat's pace: a
    // slowed chat ends later than shown); one call follows another, so for calls this is `end`.
    talkEnd[group][agent] = max(talkEnd[group][agent], end)
  }

  @inline(__always)
  private mutating func count(type: Int, at time: Double, _ change: (inout Counts) -> Void) {
    let d = Int(time / 86_400)
    if d != day {
      day = d
      for t in today.indices { today[t] = Counts() }
      for i in todayWaits.indices { todayWaits[i] = 0 }
      for g in answeredToday.indices { answeredToday[g] = 0 }
    }
    change(&today[type])
    change(&interval)
    let minute = Int(time / 60)
    let bin = type * 15 + minute % 15
    if minuteStamp[bin] != minute {
      minuteStamp[bin] = minute
      minuteCounts[bin] = Counts()
    }
    change(&minuteCounts[bin])
  }
}
