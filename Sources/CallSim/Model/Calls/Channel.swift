/// How a contact reaches the center, which decides how it is served.
///
/// - `phone`: through the lines and the IVR, with patience, redials, caps and call-back
///   offers; served before any message.
/// - `message` (text, app, e-mail): no line and no menu, never abandons, and is answered by
///   its `deadline` (``CallType/deadline``). An agent takes one only when no phone call it
///   could take waits, and only while its group keeps its ``AgentGroup/reserve`` free.
///
/// Each non-phone type has its own arrivals (``CallType/arrivals``), and its contacts their
/// own substreams, so adding messages to a scenario leaves its phone callers unchanged.
public enum Channel: String, Sendable, Equatable, CaseIterable, BitwiseCopyable {
  case phone, message
}
