/// More calls in one hour of a replication than its tally counts exactly
/// (``TypeHourCounts/limit``, 1.2 million a second) — of one call type, or answered by one
/// agent group: the run fails rather than report counts that wrapped. Only arrival rates near
/// the decoder's bound with callers who redial again and again get there.
public struct CountLimitError: Error, CustomStringConvertible, Equatable {
  /// What was counted: "calls of type traffic", "calls answered by group general_team".
  public let counted: String
  /// Hours from the start of the horizon.
  public let hour: Int
  public let replication: Int

  public var description: String {
    "replication \(replication + 1): more than 4,294,967,294 \(counted) in hour \(hour) of the horizon, the most callsim counts per hour; lower the arrival rates or the redial probability"
  }
}
