/// Where staffing reports agent time: logged-in time, paid time, overtime and the agents
/// scheduled. The model's staffing types call it as agents come and go; the replication's
/// tally (in `Statistics/`) implements it, so staffing needs no type from a layer above it.
/// Times are seconds from the horizon's start; hours index the horizon's hours.
protocol AgentTimeRecorder: ~Copyable {
  /// `agents` of `group`, `remote` of them remote, logged in over [start, end).
  mutating func loggedIn(_ agents: Int, remote: Int, group: Int, from start: Double, to end: Double)
  /// `agents` (a time-average) scheduled in `group` in hour `hour`.
  mutating func scheduled(_ agents: Double, group: Int, hour: Int)
  /// `seconds` of paid time of `group`, counted in hour `hour`.
  mutating func paid(_ seconds: Double, group: Int, hour: Int)
  /// Paid time of `group` over [start, end), counted in the hours it spans.
  mutating func paid(group: Int, from start: Double, to end: Double)
  /// An agent of `group` working over [start, end) after its shift ended.
  mutating func overtime(group: Int, from start: Double, to end: Double)
}
