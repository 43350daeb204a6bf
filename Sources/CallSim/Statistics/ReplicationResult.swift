import CallSimEngine

/// Everything one replication counted: by hour of the horizon, by call type, by agent group,
/// and the waits. Hourly arrays cover the whole horizon, warm-up included (reports skip it);
/// the per-type and per-group totals cover the measured hours only.
public struct ReplicationResult: Sendable {
  public var replication: Int
  /// One entry per hour: every call type's calls, every group's agent time.
  public let hourly: FrozenBuffer<CallCounts>
  /// Per hour and call type, index `hour * types + type` (call counts only); empty when the
  /// model has one call type, whose hours are `hourly`.
  public let hourlyByType: FrozenBuffer<CallCounts>
  /// Measured totals by call type (call counts only).
  public var byCallType: [CallCounts]
  /// Per hour and agent group, index `hour * groups + group`.
  public let hourlyByGroup: FrozenBuffer<GroupCounts>
  /// Measured totals by agent group.
  public var byGroup: [GroupCounts]
  public var answeredWaits: WaitHistogram
  public var abandonedWaits: WaitHistogram
  /// Events processed, for benchmarks.
  public var events: UInt64

  /// Gathers the stores of a replication's tally: `typeHours` has `hours × types` entries,
  /// `groupHours` `hours × groups`.
  ///
  /// The hourly tables keep the tally's memory (``FrozenBuffer``): with one call type,
  /// `typeHours` becomes `hourly` in place, and the group table is never copied either, so
  /// the tables of a long horizon are not held twice at the end of a replication.
  init(
    replication: Int, types: Int, groups: Int, firstMeasuredHour: Int, typeHours: consuming OwnedBuffer<CallCounts>,
    groupHours: consuming OwnedBuffer<GroupCounts>, answeredWaits: WaitHistogram, abandonedWaits: WaitHistogram, events: UInt64
  ) {
    let hours = groupHours.count / groups
    var byCallType = Array(repeating: CallCounts(), count: types)
    var byGroup = Array(repeating: GroupCounts(), count: groups)
    for h in firstMeasuredHour..<hours {
      for t in 0..<types { byCallType[t] += typeHours[h * types + t] }
    }
    var hourly: OwnedBuffer<CallCounts>
    if types == 1 {
      hourly = typeHours
      self.hourlyByType = FrozenBuffer()
    } else {
      hourly = OwnedBuffer(repeating: CallCounts(), count: hours)
      for h in 0..<hours {
        for t in 0..<types { hourly[h] += typeHours[h * types + t] }
      }
      self.hourlyByType = FrozenBuffer(typeHours)
    }
    for h in 0..<hours {
      for g in 0..<groups {
        let c = groupHours[h * groups + g]
        hourly[h].addAgentTime(c)
        if h >= firstMeasuredHour { byGroup[g] += c }
      }
    }
    self.replication = replication
    self.hourly = FrozenBuffer(hourly)
    self.byCallType = byCallType
    self.hourlyByGroup = FrozenBuffer(groupHours)
    self.byGroup = byGroup
    self.answeredWaits = answeredWaits
    self.abandonedWaits = abandonedWaits
    self.events = events
  }

  /// Calls of type `type` arriving in hour `h`.
  public func counts(hour h: Int, type: Int) -> CallCounts {
    if hourlyByType.isEmpty { return hourly[h] }
    let types = hourlyByType.count / hourly.count
    return hourlyByType[h * types + type]
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
