/// One group's agents, who log in and out as its staffing plan changes; a call goes to the
/// agent idle longest.
///
/// When the plan lowers the number on duty, idle agents log out at once; if too few are idle,
/// busy agents log out when they finish their current call (nobody is cut off mid-call).
struct AgentPool {
  var busy: [Bool]
  /// Ring of idle logged-in agent indices, longest idle at `head`.
  var idle: [UInt32]
  /// Seconds at which each agent in `idle` became idle (parallel to it).
  var idleSince: [Double]
  var head = 0
  var idleCount = 0
  /// Logged-out agents, available to log in.
  var loggedOut: [UInt32]
  /// Agents logged in: idle, busy, and busy ones about to leave.
  private(set) var loggedIn = 0
  /// Busy agents who log out when their call ends.
  private(set) var leaving = 0

  init(capacity: Int) {
    busy = Array(repeating: false, count: capacity)
    idle = Array(repeating: 0, count: max(1, capacity))
    idleSince = Array(repeating: 0, count: max(1, capacity))
    loggedOut = (0..<UInt32(capacity)).reversed().map { $0 }
  }

  var hasIdle: Bool { idleCount > 0 }

  /// Seconds since which the longest-idle agent has been idle; one must be idle.
  @inline(__always)
  var longestIdleSince: Double { idleSince[head] }

  /// Takes the longest-idle agent; one must be idle.
  @inline(__always)
  mutating func seize() -> UInt32 {
    let a = idle[head]
    head += 1
    if head == idle.count { head = 0 }
    idleCount -= 1
    precondition(!busy[Int(a)], "agent \(a) is already in a call")
    busy[Int(a)] = true
    return a
  }

  /// Agent `a` has finished its work. Returns `false` when it logged out instead of becoming idle.
  @inline(__always)
  mutating func finish(_ a: UInt32) -> Bool {
    busy[Int(a)] = false
    if leaving > 0 {
      leaving -= 1
      loggedIn -= 1
      loggedOut.append(a)
      return false
    }
    return true
  }

  /// Puts agent `a` (logged in, not busy) at the back of the idle line, idle since `now`.
  @inline(__always)
  mutating func makeIdle(_ a: UInt32, now: Double) {
    var tail = head + idleCount
    if tail >= idle.count { tail -= idle.count }
    idle[tail] = a
    idleSince[tail] = now
    idleCount += 1
  }

  /// Changes the number of agents on duty to `target` at `now` seconds.
  mutating func setOnDuty(_ target: Int, now: Double) {
    var effective = loggedIn - leaving
    if target > effective {
      let cancelled = min(leaving, target - effective)
      leaving -= cancelled
      effective += cancelled
      while effective < target, let a = loggedOut.popLast() {
        loggedIn += 1
        effective += 1
        makeIdle(a, now: now)
      }
    } else {
      while effective > target && idleCount > 0 {
        // The most recently idle agent leaves first.
        var tail = head + idleCount - 1
        if tail >= idle.count { tail -= idle.count }
        loggedOut.append(idle[tail])
        idleCount -= 1
        loggedIn -= 1
        effective -= 1
      }
      leaving += effective - target
    }
  }
}
