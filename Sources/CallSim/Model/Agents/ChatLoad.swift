/// One group's chats in progress, agent by agent: how many each holds, the work each chat
/// has left, and the agents holding 1…k − 1 chats in the order they reached that number (a
/// waiting chat goes to the agent with the fewest chats, ties to the one that has had its
/// number longest, as an idle agent is picked by the time it has been idle).
///
/// Work is kept in seconds at one chat: with n chats held, each advances at 1 / `slowdown`[n − 1]
/// of a second per second, so a change of n rescales the time left of the agent's other
/// chats, and their ends move (``ChatTimer``). Agents with no chat are the ``AgentPool``'s
/// idle or phone agents; an agent with a chat is busy in its pool, so no phone call reaches it.
struct ChatLoad {
  let concurrency: Int
  /// Seconds per second of work with n chats held, at index n − 1 (all 1 without slow-down).
  let slowdown: [Double]
  /// Whether the pace depends on the number of chats held.
  let slowsDown: Bool
  /// Per agent: chats held.
  private var held: [Int] = []
  /// Per agent × seat (`agent * concurrency + seat`, seats `0..<held`): the chat's call slot
  /// and its work left in seconds at one chat, as of `since`.
  private var slots: [UInt32] = []
  private var workLeft: [Double] = []
  /// Per agent: seconds since its number of chats last changed (its work left is as of then).
  private var since: [Double] = []
  /// Per agent: links of the list of agents holding as many chats (−1: none).
  private var next: [Int32] = []
  private var previous: [Int32] = []
  /// Per number of chats n in 1..<concurrency (index n): the first and last agent holding n.
  private var head: [Int32]
  private var tail: [Int32]

  init(group: AgentGroup) {
    concurrency = group.chatConcurrency
    slowdown = (1...group.chatConcurrency).map { group.slowdown(chats: $0) }
    slowsDown = Set(slowdown).count > 1
    head = Array(repeating: -1, count: concurrency)
    tail = Array(repeating: -1, count: concurrency)
  }

  /// Chats agent `a` holds.
  func chats(_ a: UInt32) -> Int { Int(a) < held.count ? held[Int(a)] : 0 }

  /// Seconds since agent `a`'s number of chats last changed.
  func heldSince(_ a: UInt32) -> Double { since[Int(a)] }

  /// The agent with the fewest chats among those holding 1…k − 1 and not `leaving`, with its
  /// number of chats and how long it has held it; `nil` when none has room.
  func agentWithRoom(leaving: (UInt32) -> Bool) -> (agent: UInt32, chats: Int, since: Double)? {
    for n in 1..<max(concurrency, 1) {
      var a = head[n]
      while a >= 0 {
        if !leaving(UInt32(a)) { return (UInt32(a), n, since[Int(a)]) }
        a = next[Int(a)]
      }
    }
    return nil
  }

  /// Agent `a` takes the chat in `slot` with `work` seconds of work at one chat, at `now`.
  /// Returns the chats it held before and since when (for the agent's chat time).
  mutating func add(_ slot: UInt32, work: Double, agent a: UInt32, now: Double) -> (chats: Int, since: Double) {
    grow(to: Int(a) + 1)
    let before = change(a, by: 1, now: now)
    let seat = Int(a) * concurrency + held[Int(a)] - 1
    slots[seat] = slot
    workLeft[seat] = work
    return before
  }

  /// The chat in `slot` of agent `a` ends at `now`. Returns the chats the agent held before
  /// and since when.
  mutating func remove(_ slot: UInt32, agent a: UInt32, now: Double) -> (chats: Int, since: Double) {
    let before = change(a, by: -1, now: now)
    let first = Int(a) * concurrency
    let last = first + held[Int(a)]
    let seat = (first...last).first { slots[$0] == slot }!
    slots[seat] = slots[last]
    workLeft[seat] = workLeft[last]
    return before
  }

  /// Calls `body` with the slot and end time (seconds) of each chat agent `a` holds.
  func forEachChat(of a: UInt32, _ body: (UInt32, Double) -> Void) {
    let first = Int(a) * concurrency
    let pace = slowdown[max(held[Int(a)], 1) - 1]
    for seat in first..<(first + held[Int(a)]) { body(slots[seat], since[Int(a)] + workLeft[seat] * pace) }
  }

  /// Brings agent `a`'s work left up to `now`, changes its number of chats by `delta` and
  /// moves it between the lists; returns the number before and since when.
  private mutating func change(_ a: UInt32, by delta: Int, now: Double) -> (chats: Int, since: Double) {
    let i = Int(a)
    let n = held[i]
    let before = (n, since[i])
    if n > 0 {
      let done = (now - since[i]) / slowdown[n - 1]
      for seat in (i * concurrency)..<(i * concurrency + n) { workLeft[seat] -= done }
    }
    if n > 0 && n < concurrency { unlink(a, from: n) }
    held[i] = n + delta
    since[i] = now
    if held[i] > 0 && held[i] < concurrency { append(a, to: held[i]) }
    return before
  }

  private mutating func append(_ a: UInt32, to n: Int) {
    let i = Int(a)
    previous[i] = tail[n]
    next[i] = -1
    if tail[n] >= 0 { next[Int(tail[n])] = Int32(a) } else { head[n] = Int32(a) }
    tail[n] = Int32(a)
  }

  private mutating func unlink(_ a: UInt32, from n: Int) {
    let i = Int(a)
    let p = previous[i]
    let x = next[i]
    if p >= 0 { next[Int(p)] = x } else { head[n] = x }
    if x >= 0 { previous[Int(x)] = p } else { tail[n] = p }
  }

  /// Room for agents `0..<count` (agents added live come after the planned ones).
  private mutating func grow(to count: Int) {
    guard count > held.count else { return }
    let more = count - held.count
    held += repeatElement(0, count: more)
    since += repeatElement(0, count: more)
    next += repeatElement(-1, count: more)
    previous += repeatElement(-1, count: more)
    slots += repeatElement(0, count: more * concurrency)
    workLeft += repeatElement(0, count: more * concurrency)
  }
}
