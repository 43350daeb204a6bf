import CallSimEngine

/// What the roster part of the event loop needs from the model in force over some days (the
/// base model, or one of its timeline's changes), gathered once so that the loop does not
/// copy models per shift or per pause.
struct StaffingEpoch {
  let lines: [RosterLine]
  let absence: Double
  /// Per group and rostered agent: whether the agent works remotely.
  let isRemote: [[Bool]]
  /// Per group: its remote work, if any.
  let remoteWork: [RemoteWork?]
  /// Per group: the talk-time factor of remote agents (1 without remote work).
  let remoteHandleFactor: [Double]

  init(_ model: CallCenterModel) {
    lines = model.roster.lines
    absence = model.roster.absence
    let groups = model.agentGroups.indices
    remoteWork = model.agentGroups.map(\.remote)
    isRemote = groups.map { g in
      let total = model.roster.agents(group: g)
      return RemoteWork.remoteAgents(model.agentGroups[g].remote?.remoteAgents(of: total) ?? 0, of: total)
    }
    remoteHandleFactor = model.agentGroups.map { $0.remote?.handleFactor ?? 1 }
  }
}
