/// Which agents may answer which calls.
///
/// What differs between modes is asked of the mode through the properties below, each an
/// exhaustive `switch`: a new mode does not compile until every one of them is decided
/// (and ``RoutingPolicy`` builds its queues for it).
public enum RoutingMode: String, Sendable, Equatable, CaseIterable {
  /// A call is served only by groups whose home type it is: one queue per field.
  case split
  /// Any agent with the skill serves the call; callers in arrival order across types
  /// (after priority).
  case integrated
  /// Home groups first; once a call has waited `overflowAfter`, any skilled agent.
  case overflow
}

extension RoutingMode {
  /// Whether `group` may ever answer a call of type `type` (an index into the model's call
  /// types): only its home type under split; any of its skills otherwise (under overflow,
  /// other groups' types once the call has waited `overflow_after`).
  public func lets(_ group: AgentGroup, serve type: Int) -> Bool {
    switch self {
    case .split: group.homeType == type
    case .integrated, .overflow: group.skills.contains(type)
    }
  }

  /// How ``lets(_:serve:)`` reads in a message: where a type must be listed for a group to serve it.
  public var servingRule: String {
    switch self {
    case .split: "as its home type (the first skill; split routing)"
    case .integrated, .overflow: "among its skills"
    }
  }

  /// Whether each field has its own queue in the menu, so that callers can pick a wrong one
  /// (`routing.misroute` applies).
  public var callersChooseAField: Bool {
    switch self {
    case .split, .overflow: true
    case .integrated: false
    }
  }

  /// Whether a call waits for its home groups for `routing.overflow_after` before any skilled
  /// agent may take it.
  public var usesOverflowWait: Bool {
    switch self {
    case .overflow: true
    case .split, .integrated: false
    }
  }

  /// Whether all call types share the agents as one pool, so that the planner staffs their
  /// pooled load once rather than each home type's load.
  public var poolsTypes: Bool {
    switch self {
    case .integrated: true
    case .split, .overflow: false
    }
  }
}
