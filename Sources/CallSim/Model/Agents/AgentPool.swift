import CallSimEngine

/// One group's agents: who is logged in, idle or busy, and the line of idle agents (a call
/// goes to the agent idle longest).
///
/// Agents are numbered from 0. The idle line is a doubly linked list through the agents, in
/// the order they became idle, so the longest idle is at its head and any agent can leave it
/// in constant time (a rostered agent going on a break).
///
/// Agents `0..<hourlyCapacity` follow the group's hourly plan, which changes their *number*
/// on duty (``setOnDuty(_:now:report:)``): idle ones log out at once, and if too few are
/// idle, busy ones log out when they finish their current call (nobody is cut off
/// mid-call). The agents after them are rostered: the simulation logs each in and out
/// (``logIn(_:remote:now:)``, ``logOut(_:)``) by its shift. A group uses one kind or the
/// other on a given day; a timeline may switch it.
///
/// Non-copyable, its per-agent state in ``OwnedBuffer``s: every answered call seizes an agent
/// and every freed agent becomes idle, each writing several of these stores, and as `Array`s
/// every such write paid a copy-on-write uniqueness check (about half of those left on the
/// reference case's hot path).
struct AgentPool: ~Copyable {
  private var busy: OwnedBuffer<Bool>
  private var isIdle: OwnedBuffer<Bool>
  private var next: OwnedBuffer<Int32>
  private var previous: OwnedBuffer<Int32>
  /// Seconds at which each idle agent became idle.
  private var idleSinceByAgent: OwnedBuffer<Double>
  /// Whether each agent works remotely (for per-location counts).
  private(set) var remote: OwnedBuffer<Bool>
  private var head: Int32 = -1
  private var tail: Int32 = -1
  private(set) var idleCount = 0
  /// Logged-out agents available to ``setOnDuty(_:now:)``, a stack (the last out logs in first).
  private var loggedOut: OwnedBuffer<UInt32>
  /// Agents logged in: idle, busy, and busy ones about to leave.
  private(set) var loggedIn = 0
  /// Remote agents among `loggedIn`.
  private(set) var loggedInRemote = 0
  /// Busy agents of the hourly plan who log out when their call ends.
  private(set) var leaving = 0
  /// Agents of the hourly plan logged in (counted in `loggedIn` too).
  private(set) var hourlyLoggedIn = 0
  /// Agents `0..<hourlyCapacity` follow the hourly plan.
  let hourlyCapacity: Int
  /// Agents of the plan and the roster; agents from here on were added by a live control.
  let fixedCount: Int
  /// Per agent: a live control sent it home (it logs out when its current call ends).
  private(set) var sentHome: OwnedBuffer<Bool>
  /// Seconds up to which the pool's logged-in time has been recorded.
  private var loggedInRecordedUntil = 0.0

  /// Every agent the pool has: planned, rostered and added live.
  var capacity: Int { busy.count }

  init(hourly: Int, rostered: Int) {
    hourlyCapacity = hourly
    let capacity = hourly + rostered
    busy = OwnedBuffer(repeating: false, count: capacity)
    isIdle = OwnedBuffer(repeating: false, count: capacity)
    next = OwnedBuffer(repeating: -1, count: capacity)
    previous = OwnedBuffer(repeating: -1, count: capacity)
    idleSinceByAgent = OwnedBuffer(repeating: 0, count: capacity)
    remote = OwnedBuffer(repeating: false, count: capacity)
    loggedOut = OwnedBuffer((0..<UInt32(hourly)).reversed())
    fixedCount = capacity
    sentHome = OwnedBuffer(repeating: false, count: capacity)
  }

  /// One pool per group of `model`, sized for its hourly peak and its rostered agents, freed
  /// by ``ReplicationMemory``.
  static func allocate(_ model: CallCenterModel, hourly: HourlyStaffing) -> UnsafeMutableBufferPointer<AgentPool> {
    let pools = UnsafeMutableBufferPointer<AgentPool>.allocate(capacity: model.agentGroups.count)
    for g in model.agentGroups.indices {
      (pools.baseAddress! + g).initialize(
        to: AgentPool(hourly: hourly.plan[g].max() ?? 0, rostered: model.rosteredAgents(group: g)))
    }
    return pools
  }

  var hasIdle: Bool { idleCount > 0 }

  /// Seconds since which the longest-idle agent has been idle; one must be idle.
  @inline(__always)
  var longestIdleSince: Double { idleSinceByAgent[Int(head)] }

  func isBusy(_ a: UInt32) -> Bool { busy[Int(a)] }

  func isIdle(_ a: UInt32) -> Bool { isIdle[Int(a)] }

  /// Takes the longest-idle agent; one must be idle.
  @inline(__always)
  mutating func seize() -> UInt32 {
    let a = UInt32(head)
    unlink(a)
    precondition(!busy[Int(a)], "agent \(a) is already in a call")
    busy[Int(a)] = true
    return a
  }

  /// Agent `a` has finished its work. Returns `false` when it logged out instead (hourly
  /// staffing lowered while it was busy); otherwise it stays marked busy until it takes its
  /// next call, becomes idle (``makeIdle(_:now:)``) or logs out (``logOut(_:)``).
  @inline(__always)
  mutating func finish(_ a: UInt32) -> Bool {
    if leaving > 0 && Int(a) < hourlyCapacity {
      busy[Int(a)] = false
      leaving -= 1
      loggedIn -= 1
      hourlyLoggedIn -= 1
      loggedOut.append(a)
      return false
    }
    return true
  }

  /// Puts agent `a` (logged in, not idle) at the back of the idle line, idle since `now`.
  @inline(__always)
  mutating func makeIdle(_ a: UInt32, now: Double) {
    let i = Int(a)
    assert(!isIdle[i], "agent \(a) is already idle")
    busy[i] = false
    isIdle[i] = true
    idleSinceByAgent[i] = now
    previous[i] = tail
    next[i] = -1
    if tail >= 0 { next[Int(tail)] = Int32(a) } else { head = Int32(a) }
    tail = Int32(a)
    idleCount += 1
  }

  @inline(__always)
  private mutating func unlink(_ a: UInt32) {
    let i = Int(a)
    let p = previous[i]
    let n = next[i]
    if p >= 0 { next[Int(p)] = n } else { head = n }
    if n >= 0 { previous[Int(n)] = p } else { tail = p }
    isIdle[i] = false
    idleCount -= 1
  }

  /// Records the pool's logged-in time since the last call, as group `g`; call it before
  /// every change of who is logged in (and at the end of the run).
  mutating func recordLoggedInTime(group g: Int, until now: Double, to recorder: inout some AgentTimeRecorder & ~Copyable) {
    recorder.loggedIn(loggedIn, remote: loggedInRemote, group: g, from: loggedInRecordedUntil, to: now)
    loggedInRecordedUntil = now
  }

  // MARK: - Rostered agents

  /// Rostered agent `a` (at least `hourlyCapacity`), logged out, logs in and becomes idle.
  mutating func logIn(_ a: UInt32, remote isRemote: Bool, now: Double) {
    precondition(!busy[Int(a)] && !isIdle[Int(a)], "agent \(a) is already logged in")
    remote[Int(a)] = isRemote
    loggedIn += 1
    if isRemote { loggedInRemote += 1 }
    makeIdle(a, now: now)
  }

  /// Agent `a`, idle or just finished (``finish(_:)``), logs out.
  mutating func logOut(_ a: UInt32) {
    busy[Int(a)] = false
    if isIdle[Int(a)] { unlink(a) }
    loggedIn -= 1
    if remote[Int(a)] { loggedInRemote -= 1 }
  }

  // MARK: - Hourly staffing

  /// Changes the number of agents on duty to `target` at `now` seconds; `report` hears each
  /// agent logging in (`true`) or out (`false`) now.
  mutating func setOnDuty(_ target: Int, now: Double, report: (UInt32, Bool) -> Void) {
    var effective = hourlyLoggedIn - leaving
    if target > effective {
      let cancelled = min(leaving, target - effective)
      leaving -= cancelled
      effective += cancelled
      while effective < target && loggedOut.count > 0 {
        let a = loggedOut.removeLast()
        loggedIn += 1
        hourlyLoggedIn += 1
        effective += 1
        makeIdle(a, now: now)
        report(a, true)
      }
    } else {
      // The most recently idle agents of the plan leave first.
      var a = tail
      while effective > target && a >= 0 {
        let before = previous[Int(a)]
        if Int(a) < hourlyCapacity {
          unlink(UInt32(a))
          loggedOut.append(UInt32(a))
          loggedIn -= 1
          hourlyLoggedIn -= 1
          effective -= 1
          report(UInt32(a), false)
        }
        a = before
      }
      leaving += effective - target
    }
  }

  // MARK: - Agents added and removed by live controls

  /// Appends `n` new agents, logged out; returns their numbers.
  mutating func addAgents(_ n: Int) -> Range<UInt32> {
    let first = UInt32(busy.count)
    for _ in 0..<n {
      busy.append(false)
      isIdle.append(false)
      next.append(-1)
      previous.append(-1)
      idleSinceByAgent.append(0)
      remote.append(false)
      sentHome.append(false)
    }
    return first..<UInt32(busy.count)
  }

  /// Marks agent `a` (added live) to be sent home (`true`) or back to work (`false`).
  mutating func setSentHome(_ a: UInt32, _ value: Bool) { sentHome[Int(a)] = value }

  /// The idle agents, most recently idle first.
  var idleAgentsNewestFirst: [UInt32] {
    var out: [UInt32] = []
    var a = tail
    while a >= 0 {
      out.append(UInt32(a))
      a = previous[Int(a)]
    }
    return out
  }
}
