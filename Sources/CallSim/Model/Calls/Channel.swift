/// How a contact reaches the center, which decides how it is served.
///
/// - `phone`: through the lines and the IVR, with patience, redials, caps and call-back
///   offers; served before any chat or message.
/// - `chat`: real-time text with an agent, who holds up to its group's
///   ``AgentGroup/chatConcurrency`` chats at once, each slower the more it holds
///   (``AgentGroup/chatSlowdown``). No line and no menu; a waiting chat abandons at its
///   patience like a call, and never redials. An agent holding any chat takes no phone call,
///   and one on a phone call takes no chat (`blend: separate`, the only mode); a freed agent
///   takes a waiting phone call before a chat.
/// - `message` (text, app, e-mail): no line and no menu, never abandons, and is answered by
///   its `deadline` (``CallType/deadline``). An agent takes one only when no phone call or
///   chat it could take waits, and only while its group keeps its ``AgentGroup/reserve`` free.
///
/// Each non-phone type has its own arrivals (``CallType/arrivals``), and its contacts their
/// own substreams, so adding chats or messages to a scenario leaves its phone callers unchanged.
public enum Channel: String, Sendable, Equatable, CaseIterable, BitwiseCopyable {
  case phone, chat, message
}
