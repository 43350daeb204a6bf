import Foundation

/// Why an Erlang calculation could not be carried out.
public enum ErlangError: Error, CustomStringConvertible, Equatable {
  /// Arrival rate (calls per hour) is not a positive finite number.
  case invalidArrivalRate(Double)
  /// Mean handle time (seconds) is not a positive finite number.
  case invalidHandleTime(Double)
  /// Mean patience (seconds) is not a positive finite number.
  case invalidPatience(Double)
  /// Fewer than one agent.
  case invalidAgents(Int)
  /// Line limit below the number of agents (or below one).
  case linesBelowAgents(lines: Int, agents: Int)
  /// Service-level threshold (seconds) is negative or not finite.
  case invalidThreshold(Double)
  /// `fewestAgents` was called without any target.
  case missingTarget
  /// Service-level target is outside [0, 1].
  case invalidServiceLevelTarget(Double)
  /// Abandonment target is outside [0, 1].
  case invalidAbandonTarget(Double)
  /// Search limit for `fewestAgents` is below one.
  case invalidMaxAgents(Int)
  /// Callers never abandon, lines are unlimited and offered load (Erlangs) is at least the number of agents.
  case unstable(offeredLoad: Double, agents: Int)
  /// No number of agents up to `maxAgents` meets the targets.
  case noStaffingMeetsTarget(serviceLevel: Double?, maxAbandon: Double?, within: Double, maxAgents: Int)
  /// The stationary distribution needs more states than the solver allows.
  case stateSpaceTooLarge(states: Int)
  /// More lines than ``ErlangQueue/maxLines``.
  case tooManyLines(Int)
  /// Offered load (Erlangs) above ``ErlangQueue/maxOfferedLoad``.
  case offeredLoadTooLarge(Double)
  /// The service-level threshold (seconds) spans more uniformized jumps than the solver sums.
  case thresholdSpansTooManyEvents(within: Double, jumps: Double)
  /// Some result was not a finite number for these inputs.
  case notComputable(agents: Int)

  /// The `callsim erlang` option an error is about, when it is about one.
  public var option: String? {
    switch self {
    case .invalidArrivalRate: "--rate"
    case .invalidHandleTime: "--handle"
    case .invalidPatience: "--patience"
    case .invalidAgents: "--agents"
    case .linesBelowAgents, .tooManyLines: "--lines"
    case .invalidThreshold, .thresholdSpansTooManyEvents: "--within"
    case .invalidServiceLevelTarget: "--target-sl"
    case .invalidAbandonTarget: "--max-abandon"
    case .offeredLoadTooLarge: "--rate × --handle"
    default: nil
    }
  }

  public var description: String {
    switch self {
    case .invalidArrivalRate(let v):
      return "Arrival rate must be above 0 and at most \(Self.show(ErlangQueue.maxArrivalRatePerHour)) calls per hour (got \(v))."
    case .invalidHandleTime(let v):
      return "Mean handle time must be from \(Self.show(ErlangQueue.durationRange.lowerBound)) to \(Self.show(ErlangQueue.durationRange.upperBound)) seconds (got \(v))."
    case .invalidPatience(let v):
      return "Mean patience must be from \(Self.show(ErlangQueue.durationRange.lowerBound)) to \(Self.show(ErlangQueue.durationRange.upperBound)) seconds, or absent if callers never abandon (got \(v))."
    case .invalidAgents(let n):
      return "Number of agents must be at least 1 and at most \(ErlangQueue.maxAgents) (got \(n))."
    case .linesBelowAgents(let lines, let agents):
      return "Line limit (\(lines)) must be at least the number of agents (\(agents)) and at least 1."
    case .invalidThreshold(let v):
      return "Service-level threshold must be from 0 to \(Self.show(ErlangQueue.maxThreshold)) seconds (got \(v))."
    case .missingTarget:
      return "Give at least one staffing target: a service level or a maximum abandonment rate."
    case .invalidServiceLevelTarget(let v):
      return "Service-level target must be a share between 0 and 1 (got \(v))."
    case .invalidAbandonTarget(let v):
      return "Maximum abandonment rate must be a share between 0 and 1 (got \(v))."
    case .invalidMaxAgents(let n):
      return "Maximum number of agents to search must be at least 1 (got \(n))."
    case .unstable(let load, let agents):
      return "Unstable queue: \(Self.format(load, digits: 2)) Erlangs offered to \(agents) agents with no abandonment and no line limit; the queue grows without bound. Use more than \(Int(load.rounded(.down))) agents, or model patience or a line limit."
    case .noStaffingMeetsTarget(let sl, let ab, let within, let maxAgents):
      var targets: [String] = []
      if let sl { targets.append("service level ≥ \(Self.format(sl * 100, digits: 1))% within \(Self.format(within, digits: 0)) s") }
      if let ab { targets.append("abandonment ≤ \(Self.format(ab * 100, digits: 1))%") }
      return "No staffing up to \(maxAgents) agents meets the target (\(targets.joined(separator: ", ")))."
    case .stateSpaceTooLarge(let states):
      return "Queue model too large to solve exactly (about \(states) states); check that patience and line limit are realistic."
    case .tooManyLines(let lines):
      return "Line limit must be at most \(ErlangQueue.maxLines) (got \(lines))."
    case .offeredLoadTooLarge(let load):
      return "Offered load (rate × handle time) must be at most \(Self.show(ErlangQueue.maxOfferedLoad)) Erlangs (got \(load))."
    case .thresholdSpansTooManyEvents(let within, let jumps):
      return "Service-level threshold of \(within) seconds spans about \(jumps) queue events, more than the \(Self.show(ErlangQueue.maxJumpsWithinThreshold)) the exact method sums; use a shorter threshold."
    case .notComputable(let agents):
      return "No finite result with \(agents) agents for these inputs (nearly every call is blocked, or the numbers are at the edge of double precision)."
    }
  }

  /// A bound for a message: whole numbers without a decimal point, others as Swift prints them.
  private static func show(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  private static func format(_ value: Double, digits: Int) -> String {
    String(format: "%.\(digits)f", value)
  }
}
