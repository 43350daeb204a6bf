/// Where chats (``Channel/chat``) go. An arriving chat goes to the allowed agent holding the
/// fewest chats: an idle agent first (the one idle longest, ``LongestIdleAgent``), then one
/// holding 1, 2, … chats below its group's ``AgentGroup/chatConcurrency`` (the one that has
/// held that number longest), never an agent due to leave. A freed agent takes a waiting
/// chat only when no phone call it may take waits, and then fills its room with waiting
/// chats; an agent finishing one of several chats takes the next waiting chat. Among chat
/// queues: the lowest priority number, then the earliest to join.
///
/// Kept apart from ``RoutingPolicy`` like ``MessageRouting``, and asked only when some call
/// type is a chat type. Which groups take a chat type follows the routing mode as for
/// messages: a chat never overflows.
struct ChatRouting {
  /// Whether some call type is a chat type; when not, nothing else here is read.
  let hasChats: Bool
  /// Per queue: the groups that may take its chats (empty for other queues).
  private let arrivalGroups: IndexLists
  /// Per group: the chat queues it serves.
  private let servedQueues: IndexLists
  /// Per queue: priority (lower first).
  private let priority: [Int]

  /// `arrival` and `served` are ``RoutingPolicy``'s lists before they drop the chat queues.
  init(arrival: [[Int]], served: [[Int]], isChatQueue: [Bool], priority: [Int]) {
    hasChats = isChatQueue.contains(true)
    arrivalGroups = IndexLists(arrival.indices.map { isChatQueue[$0] ? arrival[$0] : [] })
    servedQueues = IndexLists(served.map { $0.filter { isChatQueue[$0] } })
    self.priority = priority
  }

  /// The group and agent that take a chat arriving in `queue`, an idle agent (`agent` nil:
  /// the group's longest idle) before one with room; `nil` when no allowed agent has room.
  /// `leaving(g, a)`: agent `a` of group `g` is due to leave and takes no more chats.
  func agent(
    forChatIn queue: Int, pools: UnsafeMutableBufferPointer<AgentPool>, loads: [ChatLoad], leaving: (Int, UInt32) -> Bool
  ) -> (group: Int, agent: UInt32?)? {
    if let g = LongestIdleAgent.group(among: arrivalGroups, list: queue, pools: pools) { return (g, nil) }
    var best: (group: Int, agent: UInt32?)?
    var bestChats = Int.max
    var bestSince = Double.infinity
    for p in arrivalGroups.range(queue) {
      let g = arrivalGroups.item(p)
      guard let (a, n, since) = loads[g].agentWithRoom(leaving: { leaving(g, $0) }) else { continue }
      if n < bestChats || (n == bestChats && since < bestSince) {
        best = (g, a)
        bestChats = n
        bestSince = since
      }
    }
    return best
  }

  /// The chat queue whose front chat an agent of `group` with room takes; `nil` when none waits.
  func queue(for group: Int, queues: UnsafeMutableBufferPointer<CallQueue>, calls: borrowing CallTable) -> Int? {
    servedQueues.firstFront(of: group, priority: priority, queues: queues, calls: calls)
  }
}
