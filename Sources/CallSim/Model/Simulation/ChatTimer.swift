import CallSimEngine

/// A chat in progress ends on a calendar timer (``EventCalendar/scheduleTimer(at:kind:id:tag:)``)
/// with the id of its call's patience timer, free once the chat was answered: its agent's
/// pace changes whenever the agent's number of chats does (``AgentGroup/chatSlowdown``), and
/// the end moves with it. The tag names the agent: its group in the low 10 bits, its number
/// above them.
enum ChatTimer {
  /// Groups a model with chats may have (the tag's low bits).
  static let maxGroups = 1024

  @inline(__always) static func tag(group: Int, agent: UInt32) -> UInt32 { agent &<< 10 | UInt32(group) }
  @inline(__always) static func group(_ tag: UInt32) -> Int { Int(tag & 0x3ff) }
  @inline(__always) static func agent(_ tag: UInt32) -> UInt32 { tag >> 10 }
}
