import CallSimEngine

/// The routing rules of a model in the form the event loop asks them: which idle agent an
/// arriving call goes to, and which waiting call a freed agent takes. Nothing else in the
/// loop knows the mode: ``RoutingMode`` only shapes the lists built here.
///
/// Agent choice: ``LongestIdleAgent`` among the groups allowed. Call choice: the lowest
/// priority number among the queues allowed, then the earliest to join (arrival order
/// across types); under `overflow`, an agent's home queue before the overflowed calls of its
/// other skills.
///
/// Chats and messages (``Channel``) wait in their own queues, which a group serves only when
/// none of its phone queues has a call it may take (``ChatRouting``, then ``MessageRouting``);
/// they never overflow.
///
/// Known abusive callers routed to a dedicated group (``AbusiveCallers/routeTo``) wait in
/// one extra queue, after the call types' queues, that only that group serves; the group
/// serves no other queue and answers abusive callers of any type at their own talk time.
struct RoutingPolicy {
  /// Per queue (call type): groups that may take a call as soon as it joins.
  let arrivalGroups: IndexLists
  /// Per queue: groups that may take a call once it has waited `overflowAfter`.
  let overflowGroups: IndexLists
  /// Per group: the phone queues it takes calls from.
  let servedQueues: IndexLists
  /// Per group and queue position in `servedQueues`: whether calls there must have waited
  /// `overflowAfter` first.
  let gated: [Bool]
  /// Per queue: the call type's priority (lower first).
  let priority: [Int]
  /// Per group × call type: whether the group may serve the type (else it transfers).
  let serves: [Bool]
  let types: Int
  /// Per group: its home type, or -1.
  let homeType: [Int]
  /// Seconds before a call may go to any skilled agent; infinite without overflow.
  let overflowAfter: Double
  let generalist: GeneralistFactor
  /// Callers who pick a wrong field in the voice menu (none unless callers choose a field).
  let misrouting: MisroutingPolicy
  /// Where messages go: asked only when no phone call or chat is taken (none without message types).
  let messages: MessageRouting
  /// Where chats go (none without chat types).
  let chats: ChatRouting
  /// Whether some call type is a chat or message type: a freed agent with no phone call to
  /// take then asks ``chats`` and ``messages``.
  let hasOtherChannels: Bool
  /// The queue of abusive callers routed to a dedicated group, or -1 (none, or `general`).
  let abuseQueue: Int
  /// The dedicated group of abusive callers, or -1.
  let abuseGroup: Int
  /// Queues: one per call type, plus the abusive callers' queue if they have a group.
  var queueCount: Int { abuseQueue >= 0 ? types + 1 : types }

  init(model: CallCenterModel) {
    let mode = model.routing.mode
    let n = model.callTypes.count
    let groups = model.agentGroups
    // Chats and messages: their own queues, no waiting limit.
    let isOwnChannel = model.callTypes.map { $0.channel != .phone }
    func homeGroups(_ t: Int) -> [Int] { groups.indices.filter { groups[$0].homeType == t } }
    func skilledGroups(_ t: Int) -> [Int] { groups.indices.filter { groups[$0].skills.contains(t) } }
    var arrival: [[Int]]
    var overflow: [[Int]]
    var served: [[Int]]
    // Per group, for each of its served queues: gated by `overflowAfter`.
    var gates: [[Bool]]
    switch mode {
    case .split:
      arrival = (0..<n).map(homeGroups)
      overflow = Array(repeating: [], count: n)
      served = groups.map { $0.homeType.map { [$0] } ?? [] }
      gates = served.map { $0.map { _ in false } }
    case .integrated:
      arrival = (0..<n).map(skilledGroups)
      overflow = Array(repeating: [], count: n)
      served = groups.map(\.skills)
      gates = served.map { $0.map { _ in false } }
    case .overflow:
      // Messages have no waiting limit: every group skilled for them takes them at once.
      arrival = (0..<n).map { isOwnChannel[$0] ? skilledGroups($0) : homeGroups($0) }
      overflow = (0..<n).map { t in isOwnChannel[t] ? [] : skilledGroups(t).filter { groups[$0].homeType != t } }
      served = groups.map(\.skills)
      gates = groups.map { g in g.skills.map { $0 != g.homeType } }
    }
    var serves = groups.flatMap { g in (0..<n).map { t in mode.lets(g, serve: t) } }
    var priority = model.callTypes.map(\.priority)
    if let g = model.abusiveCallers?.routeTo {
      abuseQueue = n
      abuseGroup = g
      arrival.append([g])
      overflow.append([])
      served[g] = [n]
      gates[g] = [false]
      priority.append(0)
      for t in 0..<n { serves[g * n + t] = true }
    } else {
      abuseQueue = -1
      abuseGroup = -1
    }
    let isOwnQueue = isOwnChannel + (abuseQueue >= 0 ? [false] : [])
    let channels = model.callTypes.map(\.channel) + (abuseQueue >= 0 ? [.phone] : [])
    let isMessageQueue = channels.map { $0 == .message }
    let messages = MessageRouting(model: model, arrival: arrival, served: served, isMessageQueue: isMessageQueue, priority: priority)
    self.messages = messages
    chats = ChatRouting(arrival: arrival, served: served, isChatQueue: channels.map { $0 == .chat }, priority: priority)
    hasOtherChannels = messages.hasMessages || chats.hasChats
    // Messages taken at once only where no reserve is kept (else ``MessageRouting`` decides);
    // chats placed by ``ChatRouting``.
    arrivalGroups = IndexLists(arrival.indices.map { channels[$0] == .chat || (isMessageQueue[$0] && messages.keepsReserve) ? [] : arrival[$0] })
    overflowGroups = IndexLists(overflow)
    servedQueues = IndexLists(served.map { $0.filter { !isOwnQueue[$0] } })
    gated = zip(served, gates).flatMap { queues, gates in zip(queues, gates).filter { !isOwnQueue[$0.0] }.map(\.1) }
    self.serves = serves
    self.priority = priority
    types = n
    homeType = groups.map { $0.homeType ?? -1 }
    overflowAfter = mode.usesOverflowWait ? model.routing.overflowAfter : .infinity
    generalist = model.routing.generalist
    misrouting = MisroutingPolicy(
      model: model, share: mode.callersChooseAField ? (model.routing.misroute?.share ?? 0) : 0,
      homed: (0..<n).map { !homeGroups($0).isEmpty })
  }

  /// The group whose agent takes a call waiting in queue `queue` for `waited` seconds, by
  /// ``LongestIdleAgent``: first among the groups that take the queue's calls at once, then,
  /// once it has waited `overflowAfter`, among those it may overflow to; `nil` when nobody
  /// allowed is idle.
  @inline(__always)
  func group(forCallIn queue: Int, waited: Double, pools: UnsafeMutableBufferPointer<AgentPool>) -> Int? {
    if let g = LongestIdleAgent.group(among: arrivalGroups, list: queue, pools: pools) { return g }
    return waited >= overflowAfter ? group(forOverflowIn: queue, pools: pools) : nil
  }

  /// The group whose agent takes a call of queue `queue` that has just waited `overflowAfter`.
  @inline(__always)
  func group(forOverflowIn queue: Int, pools: UnsafeMutableBufferPointer<AgentPool>) -> Int? {
    LongestIdleAgent.group(among: overflowGroups, list: queue, pools: pools)
  }

  /// The phone queue whose front call a freed agent of `group` takes at `now`; `nil` when no
  /// call it may take waits (messages are ``messages``' to give). Calls of queues open to
  /// the group at once come first; overflowed calls of its other skills only when none of
  /// those waits. Stale entries met on the way are dropped.
  @inline(__always)
  func queue(for group: Int, now: Double, queues: UnsafeMutableBufferPointer<CallQueue>, calls: borrowing CallTable) -> Int? {
    let range = servedQueues.range(group)
    if range.count == 1 {
      let q = servedQueues.item(range.lowerBound)
      guard let front = queues[q].front(isLive: { calls.isWaiting($0, generation: $1) }) else { return nil }
      if gated[range.lowerBound] && now - calls.records[Int(front.slot)].queuedAt < overflowAfter { return nil }
      return q
    }
    var best: Int?
    var bestPriority = Int.max
    var bestSequence = UInt64.max
    var bestGated = true
    for p in range {
      let q = servedQueues.item(p)
      guard let front = queues[q].front(isLive: { calls.isWaiting($0, generation: $1) }) else { continue }
      let isGated = gated[p]
      if isGated && (best != nil && !bestGated || now - calls.records[Int(front.slot)].queuedAt < overflowAfter) { continue }
      let pr = priority[q]
      if (bestGated && !isGated) || pr < bestPriority || (pr == bestPriority && front.sequence < bestSequence) {
        best = q
        bestPriority = pr
        bestSequence = front.sequence
        bestGated = isGated
      }
    }
    return best
  }

  /// Whether an agent of `group` serves a call of type `type` (otherwise it transfers it).
  @inline(__always)
  func serves(group: Int, type: Int) -> Bool { serves[group * types + type] }

  /// The talk-time factor for an agent of `group` serving `type` at `now` seconds.
  @inline(__always)
  func talkFactor(group: Int, type: Int, now: Double) -> Double {
    homeType[group] == type || group == abuseGroup ? 1 : generalist.factor(at: now)
  }

  /// The queue of abusive callers when `call` is from a known abusive caller and they have a
  /// group of their own; `nil` otherwise (the call goes where ``misrouting`` sends it).
  @inline(__always)
  func abuseQueue(for call: CallRecord) -> Int? { abuseQueue >= 0 && call.abusive ? abuseQueue : nil }

  /// Whether an agent of `group` answering a call of `type` transfers it to its right
  /// queue (a misrouted caller: ``MisroutingPolicy/transfer(slot:group:agent:remote:now:callers:calls:calendar:tally:observer:)``).
  @inline(__always)
  func transfers(group: Int, type: Int) -> Bool { misrouting.share > 0 && !serves(group: group, type: type) }

}
