/// The tally of one replication of a ``CallCenterModel``: its bins and the names its count
/// limit errors give.
extension ReplicationTally {
  init(model: CallCenterModel) {
    let settings = model.settings
    self.init(
      hours: settings.hours, callTypes: model.callTypes.count, groups: model.agentGroups.count,
      firstMeasuredHour: settings.firstMeasuredHour, horizon: settings.horizon,
      within: model.targets.serviceLevelWithin, channels: model.callTypes.map(\.channel),
      deadlines: model.callTypes.map { $0.deadline ?? -1 })
  }

  /// Throws when an hourly count of replication `replication` reached the count limit.
  func checkCountLimits(model: CallCenterModel, replication: Int) throws(CountLimitError) {
    if overflowCell >= 0 {
      let (hour, type) = overflowCell.quotientAndRemainder(dividingBy: model.callTypes.count)
      throw CountLimitError(counted: "calls of type \(model.callTypes[type].name)", hour: hour, replication: replication)
    }
    if overflowGroupCell >= 0 {
      let (hour, group) = overflowGroupCell.quotientAndRemainder(dividingBy: model.agentGroups.count)
      throw CountLimitError(counted: "calls answered by group \(model.agentGroups[group].name)", hour: hour, replication: replication)
    }
  }
}
