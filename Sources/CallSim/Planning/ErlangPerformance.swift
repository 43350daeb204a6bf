import Foundation

/// Steady-state performance of one staffing level of an ``ErlangQueue``.
///
/// Shares marked "of inflow" are fractions of the calls that were not blocked, i.e. of the
/// calls that reached an agent or the queue. Times are in seconds. Encoded with snake_case keys.
public struct ErlangPerformance: Sendable, Equatable, Codable {
  /// Number of agents (servers) this result describes.
  public var agents: Int
  /// Share of inflow that reaches an agent (answered / inflow), in [0, 1].
  public var answerRate: Double
  /// Share of inflow answered with a wait of at most the `within` threshold (seconds), in [0, 1].
  public var serviceLevel: Double
  /// Average speed of answer: mean wait, in seconds, of answered calls (zero waits included).
  public var asaSeconds: Double
  /// Mean time in queue, in seconds, of all inflow calls, answered or abandoned: E[min(wait, patience)].
  public var meanWaitSeconds: Double
  /// Carried load per agent: arrival rate × (1 − blockedShare) × answerRate × handle time / agents, in [0, 1].
  public var occupancy: Double
  /// Share of inflow that hangs up before being answered (abandoned / inflow), in [0, 1].
  public var abandonRate: Double
  /// Share of all arrivals turned away because every line was in use, in [0, 1].
  public var blockedShare: Double
  /// Probability that an accepted arrival finds every agent busy and has to queue, in [0, 1].
  public var probabilityOfWait: Double

  /// Creates a result from its measures (shares in [0, 1], times in seconds).
  public init(
    agents: Int,
    answerRate: Double,
    serviceLevel: Double,
    asaSeconds: Double,
    meanWaitSeconds: Double,
    occupancy: Double,
    abandonRate: Double,
    blockedShare: Double,
    probabilityOfWait: Double
  ) {
    self.agents = agents
    self.answerRate = answerRate
    self.serviceLevel = serviceLevel
    self.asaSeconds = asaSeconds
    self.meanWaitSeconds = meanWaitSeconds
    self.occupancy = occupancy
    self.abandonRate = abandonRate
    self.blockedShare = blockedShare
    self.probabilityOfWait = probabilityOfWait
  }

  enum CodingKeys: String, CodingKey {
    case agents
    case answerRate = "answer_rate"
    case serviceLevel = "service_level"
    case asaSeconds = "asa_seconds"
    case meanWaitSeconds = "mean_wait_seconds"
    case occupancy
    case abandonRate = "abandon_rate"
    case blockedShare = "blocked_share"
    case probabilityOfWait = "probability_of_wait"
  }
}
