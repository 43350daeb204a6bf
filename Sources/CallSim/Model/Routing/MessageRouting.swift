/// Where messages (``Channel/message``) go: a freed agent takes one only when no phone call
/// it may take waits, and only while at least its group's `reserve` of other agents stay
/// idle (``AgentGroup/reserve``); a message arriving goes to an idle agent on the same terms.
/// Among message queues: the lowest priority number, then the earliest to join.
///
/// Kept apart from ``RoutingPolicy``, and asked only after it found no phone call, so that
/// a scenario without messages pays one test of ``hasMessages`` where the loop asks, and its
/// phone path stays as it was (inlined with the messages' state, it spilled registers).
struct MessageRouting {
  /// Whether some call type is a message type; when not, nothing else here is read.
  let hasMessages: Bool
  /// Whether some group keeps a reserve: arriving messages are then placed here, not by
  /// ``RoutingPolicy``'s arrival lists.
  let keepsReserve: Bool
  /// Per queue: the groups that may take its messages (empty for phone queues).
  private let arrivalGroups: IndexLists
  /// Per group: the message queues it serves.
  private let servedQueues: IndexLists
  /// Per queue: priority (lower first).
  private let priority: [Int]
  /// Per group: agents kept idle for phone calls.
  private let reserve: [Int]

  /// `arrival` and `served` are ``RoutingPolicy``'s lists before they drop the message queues.
  init(model: CallCenterModel, arrival: [[Int]], served: [[Int]], isMessageQueue: [Bool], priority: [Int]) {
    hasMessages = isMessageQueue.contains(true)
    reserve = model.agentGroups.map(\.reserve)
    keepsReserve = hasMessages && reserve.contains { $0 > 0 }
    arrivalGroups = IndexLists(arrival.indices.map { isMessageQueue[$0] ? arrival[$0] : [] })
    servedQueues = IndexLists(served.map { $0.filter { isMessageQueue[$0] } })
    self.priority = priority
  }

  /// The group whose agent takes a message arriving in `queue` when groups keep a reserve:
  /// the longest idle agent among the groups with more idle agents than their reserve; `nil`
  /// for a phone queue or when none has.
  ///
  /// The search is a static function of the lists it reads: a method of the whole routing
  /// made every call that joins a queue copy all seven words of it to the stack first.
  @inline(__always)
  func group(forMessageIn queue: Int, pools: UnsafeMutableBufferPointer<AgentPool>) -> Int? {
    keepsReserve ? Self.groupKeepingReserve(forMessageIn: queue, arrivalGroups: arrivalGroups, reserve: reserve, pools: pools) : nil
  }

  @inline(never)
  private static func groupKeepingReserve(
    forMessageIn queue: Int, arrivalGroups: IndexLists, reserve: [Int], pools: UnsafeMutableBufferPointer<AgentPool>
  ) -> Int? {
    var best: Int?
    var bestSince = Double.infinity
    for p in arrivalGroups.range(queue) {
      let g = arrivalGroups.item(p)
      if pools[g].idleCount > reserve[g] && pools[g].longestIdleSince < bestSince {
        best = g
        bestSince = pools[g].longestIdleSince
      }
    }
    return best
  }

  /// The message queue whose front message a freed agent of `group` takes, with `free`
  /// other agents of the group idle; `nil` when none may go to it. Ask only when no phone
  /// call may (``RoutingPolicy/queue(for:now:queues:calls:)``).
  @inline(__always)
  func queue(for group: Int, free: Int, queues: UnsafeMutableBufferPointer<CallQueue>, calls: borrowing CallTable) -> Int? {
    hasMessages ? messageQueue(for: group, free: free, queues: queues, calls: calls) : nil
  }

  @inline(never)
  private func messageQueue(for group: Int, free: Int, queues: UnsafeMutableBufferPointer<CallQueue>, calls: borrowing CallTable) -> Int? {
    guard free >= reserve[group] else { return nil }
    return servedQueues.firstFront(of: group, priority: priority, queues: queues, calls: calls)
  }
}
