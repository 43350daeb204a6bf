import CallSimEngine

/// What the roster part of the event loop needs from the model in force over some days (the
/// base model, or one of its timeline's changes), gathered once so that the loop does not
/// copy models per shift or per pause.
struct StaffingEpoch {
  let lines: [RosterLine]
  let absence: Double
  /// Per group: rostered agents, remote agents among them, and their remote work.
  let rostered: [Int]
  let remote: [Int]
  let remoteWork: [RemoteWork?]
  /// Per group: the talk-time factor of remote agents (1 without remote work).
  let remoteHandleFactor: [Double]

  init(_ model: CallCenterModel) {
    lines = model.roster.lines
    absence = model.roster.absence
    let groups = model.agentGroups.indices
    rostered = groups.map { model.roster.agents(group: $0) }
    remoteWork = model.agentGroups.map(\.remote)
    remote = groups.map { g in model.agentGroups[g].remote?.remoteAgents(of: model.roster.agents(group: g)) ?? 0 }
    remoteHandleFactor = model.agentGroups.map { $0.remote?.handleFactor ?? 1 }
  }
}
