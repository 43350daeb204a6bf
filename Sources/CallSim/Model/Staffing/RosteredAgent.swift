import CallSimEngine

/// What the event loop knows of one rostered agent's current duty: its shift's end, pauses
/// and remote log-in gaps, and what the agent does when its current call ends.
struct RosteredAgent {
  /// What a due `agentOff` event, or the end of the current call, means for the agent.
  enum Leave: UInt8 {
    case none, pause, gap, end
  }

  /// Increased at every new duty: events of an earlier duty carry an older token and are
  /// ignored.
  var token: UInt32 = 0
  /// Index of the group in the model.
  var group: Int
  /// Index within the group's agents.
  var agent: UInt32
  /// Seconds from the horizon's start at which the current shift ends.
  var end = 0.0
  /// The shift's pauses, in seconds from the horizon's start, in time order.
  var pauses: [ShiftTemplate.Pause] = []
  /// The next pause not yet taken.
  var nextPause = 0
  var isRemote = false
  /// Mean seconds of a logged-in spell between remote log-in gaps; infinite for none.
  var meanLoggedInSpell = Double.infinity
  /// What the scheduled `agentOff` event is for.
  var due = Leave.none
  /// What the agent does when its current call ends.
  var pending = Leave.none
  /// Seconds of the pause or gap the agent starts at `due` (or at the end of its call).
  var leaveLength = 0.0
  var leaveKind = AgentLeave.endOfShift
  /// Log-in gaps drawn today (keys the draws' substreams).
  var gapsDrawn: UInt32 = 0
  /// The day of the current duty (keys the draws' substreams).
  var day = 0
  /// Whether the agent is between a shift's start and the end of its last call.
  var onDuty = false

  init(group: Int, agent: UInt32) {
    self.group = group
    self.agent = agent
  }
}
