/// The placement tests' center: two measured days with a late-morning peak (8:00–18:00) that
/// one day shift of 22 agents leaves short, so that workers placed at 10:00 help most.
public enum PlacementScenario {
  /// The scenario text, with `targets` (a YAML flow mapping) when given.
  public static func text(replications: Int, seed: Int, targets: String? = nil) -> String {
    """
    scenario: place
    simulation: {days: 3, warmup: 1d, replications: \(replications), seed: \(seed)}
    arrivals: {per_day: 2400, hourly: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3, 3, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]}
    call_types:
      call: {handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 2m}}
    agent_groups:
      team: {skills: [call]}
    shifts:
      day: {start: "08:00", end: "18:00"}
    roster:
      - {group: team, shift: day, agents: 22, days: all}
    """ + (targets.map { "\ntargets: \($0)" } ?? "")
  }
}
