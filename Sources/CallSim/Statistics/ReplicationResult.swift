import CallSimEngine

/// Everything one replication counted: by hour of the horizon, by call type, by agent group,
/// and the waits. Hourly tables cover the whole horizon, warm-up included (reports skip it);
/// the per-type and per-group totals cover the measured hours only.
///
/// The hourly tables are the tally's own memory (``FrozenBuffer``), moved, never copied:
/// calls per hour and type as compact integer counts, agent time per hour and group. The
/// per-hour ``CallCounts`` and ``GroupCounts`` of the `hourly` tables are computed from them when
/// read, so a long horizon costs 120 bytes per hour and call type plus 88 per hour and group.
public struct ReplicationResult: Sendable {
  public var replication: Int
  /// One entry per hour: every call type's calls, every group's agent time.
  public let hourly: HourlyCallCounts
  /// Per hour and call type, index `hour * types + type` (call counts only).
  public let hourlyByType: HourlyTypeCounts
  /// Measured totals by call type (call counts only).
  public var byCallType: [CallCounts]
  /// Per hour and agent group, index `hour * groups + group`.
  public let hourlyByGroup: HourlyGroupCounts
  /// Measured totals by agent group.
  public var byGroup: [GroupCounts]
  public var answeredWaits: WaitHistogram
  public var abandonedWaits: WaitHistogram
  /// Percentiles of the answered waits of the measured hours, all call types together.
  public var answeredWaitQuantiles: WaitQuantiles
  /// The same per call type.
  public var answeredWaitQuantilesByType: [WaitQuantiles]
  /// The same per channel, in ``Channel/allCases`` order, when the model has message types;
  /// empty otherwise.
  public var answeredWaitQuantilesByChannel: [WaitQuantiles]
  /// Events processed, for benchmarks.
  public var events: UInt64

  /// Gathers the stores of a replication's tally: `typeHours` has `hours × types` entries,
  /// `groupHours` `hours × groups`, and `chatHours` as many or none (no chat types).
  init(
    replication: Int, types: Int, groups: Int, firstMeasuredHour: Int, typeHours: consuming OwnedBuffer<TypeHourCounts>,
    groupHours: consuming OwnedBuffer<GroupHourCounts>, chatHours: consuming OwnedBuffer<ChatHourCounts>, answeredWaits: WaitHistogram, abandonedWaits: WaitHistogram,
    answeredWaitQuantiles: WaitQuantiles, answeredWaitQuantilesByType: [WaitQuantiles],
    answeredWaitQuantilesByChannel: [WaitQuantiles], events: UInt64
  ) {
    let byType = HourlyTypeCounts(cells: FrozenBuffer(typeHours), types: types)
    let byHourAndGroup = HourlyGroupCounts(cells: FrozenBuffer(groupHours), chats: FrozenBuffer(chatHours))
    let hours = byHourAndGroup.count / groups
    var byCallType = Array(repeating: CallCounts(), count: types)
    var byGroup = Array(repeating: GroupCounts(), count: groups)
    for h in firstMeasuredHour..<hours {
      for t in 0..<types { byCallType[t] += byType[h * types + t] }
      for g in 0..<groups { byGroup[g] += byHourAndGroup[h * groups + g] }
    }
    self.replication = replication
    self.hourly = HourlyCallCounts(byType: byType, byGroup: byHourAndGroup, groups: groups)
    self.hourlyByType = byType
    self.byCallType = byCallType
    self.hourlyByGroup = byHourAndGroup
    self.byGroup = byGroup
    self.answeredWaits = answeredWaits
    self.abandonedWaits = abandonedWaits
    self.answeredWaitQuantiles = answeredWaitQuantiles
    self.answeredWaitQuantilesByType = answeredWaitQuantilesByType
    self.answeredWaitQuantilesByChannel = answeredWaitQuantilesByChannel
    self.events = events
  }

  /// Calls of type `type` arriving in hour `h`; with a single call type, also every group's
  /// agent time (the type's hour is the whole hour).
  public func counts(hour h: Int, type: Int) -> CallCounts {
    hourlyByType.types == 1 ? hourly[h] : hourlyByType[h * hourlyByType.types + type]
  }

  /// The measured totals of the call types of `channel` in `model` (this replication's model).
  public func counts(channel: Channel, of model: CallCenterModel) -> CallCounts {
    model.callTypes.indices.reduce(into: CallCounts()) { sum, t in
      if model.callTypes[t].channel == channel { sum += byCallType[t] }
    }
  }

  /// Calls of the types of `channel` in `model` arriving in hour `h`.
  public func counts(hour h: Int, channel: Channel, of model: CallCenterModel) -> CallCounts {
    model.callTypes.indices.reduce(into: CallCounts()) { sum, t in
      if model.callTypes[t].channel == channel { sum += counts(hour: h, type: t) }
    }
  }

  /// Group `group` in hour `h`.
  public func counts(hour h: Int, group: Int) -> GroupCounts {
    hourlyByGroup[h * byGroup.count + group]
  }

  /// Sum over hours `from..<hourly.count`.
  public func total(fromHour first: Int) -> CallCounts {
    var sum = CallCounts()
    for h in first..<hourly.count { sum += hourly[h] }
    return sum
  }
}
