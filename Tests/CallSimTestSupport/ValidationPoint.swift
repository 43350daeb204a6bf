import CallSim
import Foundation

/// A single-queue case with a known exact answer (Erlang C without patience, Erlang A with
/// exponential patience), and the model that simulates it.
public struct ValidationPoint: Sendable, CustomStringConvertible {
  public var agents: Int
  public var callsPerHour: Double
  public var handleSeconds: Double
  public var patienceSeconds: Double?
  /// Simulated days per replication, chosen so every rate's half-width stays under 2 %.
  public var days: Int
  public var replications = 10

  public init(agents: Int, callsPerHour: Double, handleSeconds: Double, patienceSeconds: Double?, days: Int, replications: Int = 10) {
    self.agents = agents
    self.callsPerHour = callsPerHour
    self.handleSeconds = handleSeconds
    self.patienceSeconds = patienceSeconds
    self.days = days
    self.replications = replications
  }

  public var load: Double { callsPerHour * handleSeconds / 3600 / Double(agents) }

  public var description: String {
    "n=\(agents) ρ=\(String(format: "%.2f", load))" + (patienceSeconds.map { " patience \(Int($0))s" } ?? "")
  }

  public var model: CallCenterModel {
    get throws {
      let settings = SimulationSettings(days: days, warmup: 3600 * 6, replications: replications, seed: 20_240_902)
      return try CallCenterModel(
        name: "validation", settings: settings,
        arrivals: .constant(callsPerHour: callsPerHour, horizon: settings.horizon),
        callTypes: [
          CallType(
            name: "call", handle: .exponential(mean: handleSeconds),
            patience: patienceSeconds.map { .exponential(mean: $0) })
        ],
        agents: agents)
    }
  }

  public var exact: ErlangPerformance {
    get throws {
      try ErlangQueue(arrivalRatePerHour: callsPerHour, meanHandleSeconds: handleSeconds, meanPatienceSeconds: patienceSeconds)
        .performance(agents: agents, within: 20)
    }
  }

  /// 2 to 500 agents, loads 0.5 to 0.98, with and without patience.
  /// The same point as a scenario file, for the command-line tests.
  public var scenarioYAML: String {
    let patience = patienceSeconds.map { ", patience: {dist: exponential, mean: \($0)s}" } ?? ""
    return """
      scenario: validation
      simulation: {days: \(days), warmup: 6h, replications: \(replications), seed: 20240902}
      arrivals: {per_hour: \(callsPerHour)}
      call_types: {call: {handle: {dist: exponential, mean: \(handleSeconds)s}\(patience)}}
      agents: \(agents)
      """
  }

  /// `callsim erlang` arguments for the exact values of this point.
  public var erlangArguments: [String] {
    ["erlang", "--rate", "\(callsPerHour)", "--handle", "\(handleSeconds)s", "--agents", "\(agents)", "--json"]
      + (patienceSeconds.map { ["--patience", "\($0)s"] } ?? [])
  }

  public static let all: [ValidationPoint] = [
    ValidationPoint(agents: 2, callsPerHour: 30, handleSeconds: 120, patienceSeconds: nil, days: 60),
    ValidationPoint(agents: 2, callsPerHour: 40, handleSeconds: 144, patienceSeconds: 300, days: 60),
    ValidationPoint(agents: 10, callsPerHour: 108, handleSeconds: 300, patienceSeconds: nil, days: 60),
    ValidationPoint(agents: 10, callsPerHour: 84, handleSeconds: 300, patienceSeconds: 120, days: 40),
    ValidationPoint(agents: 48, callsPerHour: 552, handleSeconds: 300, patienceSeconds: nil, days: 400),
    ValidationPoint(agents: 48, callsPerHour: 600, handleSeconds: 300, patienceSeconds: 180, days: 20),
    ValidationPoint(agents: 100, callsPerHour: 1176, handleSeconds: 300, patienceSeconds: 180, days: 10),
    ValidationPoint(agents: 200, callsPerHour: 2280, handleSeconds: 300, patienceSeconds: nil, days: 10),
    ValidationPoint(agents: 500, callsPerHour: 5880, handleSeconds: 300, patienceSeconds: 240, days: 4),
    ValidationPoint(agents: 500, callsPerHour: 3000, handleSeconds: 300, patienceSeconds: nil, days: 4),
  ]
}
