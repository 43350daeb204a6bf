/// The tally counts the agent time staffing reports (see ``AgentTimeRecorder``).
extension ReplicationTally: AgentTimeRecorder {}
