import CallSimEngine

/// A replication's calls per hour and call type (index `hour * types + type`), read as
/// ``CallCounts`` from the tally's compact ``TypeHourCounts``.
public struct HourlyTypeCounts: RandomAccessCollection, Equatable, Sendable {
  let cells: FrozenBuffer<TypeHourCounts>
  /// Call types per hour.
  public let types: Int

  public var startIndex: Int { 0 }
  public var endIndex: Int { cells.count }
  public subscript(i: Int) -> CallCounts { cells[i].callCounts }
}

/// A replication's agent groups per hour (index `hour * groups + group`), read as
/// ``GroupCounts`` from the tally's compact ``GroupHourCounts``.
public struct HourlyGroupCounts: RandomAccessCollection, Equatable, Sendable {
  let cells: FrozenBuffer<GroupHourCounts>
  /// The same cells' chat time; empty without chat types.
  let chats: FrozenBuffer<ChatHourCounts>

  public var startIndex: Int { 0 }
  public var endIndex: Int { cells.count }
  public subscript(i: Int) -> GroupCounts {
    var c = cells[i].groupCounts
    if !chats.isEmpty {
      c.chatBusyAgentSeconds = chats[i].busyAgentSeconds
      c.chatSeconds = chats[i].chatSeconds
    }
    return c
  }
}

/// A replication's hours, each the sum of its call types' counts and its groups' agent time.
public struct HourlyCallCounts: RandomAccessCollection, Equatable, Sendable {
  let byType: HourlyTypeCounts
  let byGroup: HourlyGroupCounts
  let groups: Int

  public var startIndex: Int { 0 }
  public var endIndex: Int { byGroup.count / groups }

  public subscript(h: Int) -> CallCounts {
    let types = byType.types
    var c = byType[h * types]
    for t in 1..<types { c += byType[h * types + t] }
    for g in 0..<groups { c.addAgentTime(byGroup[h * groups + g]) }
    return c
  }
}
