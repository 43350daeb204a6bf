/// Identical agents; a free agent for the next call is the one idle longest.

struct AgentPool {
  var busy: ContiguousArray<Bool>
  /// Ring of idle agent indices, longest idle at `head`.
  var idle: ContiguousArray<UInt32>
  var head = 0
  var idleCount: Int

  init(agents: Int) {
    busy = ContiguousArray(repeating: false, count: agents)
    idle = ContiguousArray((0..<UInt32(agents)).map { $0 })
    if idle.isEmpty { idle.append(0) }
    idleCount = agents
  }

  @inline(__always)
  var hasIdle: Bool { idleCount > 0 }

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

  /// Returns agent `a` to the back of the idle line.
  @inline(__always)
  mutating func release(_ a: UInt32) {
    busy[Int(a)] = false
    var tail = head + idleCount
    if tail >= idle.count { tail -= idle.count }
    idle[tail] = a
    idleCount += 1
  }
}
