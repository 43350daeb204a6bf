import CallSim
import CallSimEngine
import CallSimTestSupport
import Foundation
import Testing

/// Chats against exact theory. Statistical: run in release (`swift test -c release --filter
/// ChatValidationTests`); seeds are fixed and the tolerance is the 99.9 % band
/// (``TheoryCheck``).
@Suite(.serialized) struct ChatValidationTests {
  static func scenario(agents: Int, concurrency: Int, slowdown: [Double]? = nil, perHour: Double, handle: Double, patience: Double, days: Int) -> String {
    """
    scenario: chat-theory
    simulation: {days: \(days), warmup: 6h, replications: 10, seed: 20261207}
    call_types:
      chats: {channel: chat, arrivals: {per_hour: \(perHour)}, handle: {dist: exponential, mean: \(handle)s}, patience: {dist: exponential, mean: \(patience)s}}
    agent_groups:
      desk: {skills: [chats], agents: \(agents), chat_concurrency: \(concurrency)\(slowdown.map { ", chat_slowdown: \($0)" } ?? "")}
    """
  }

  static func run(_ yaml: String) throws -> RunResult {
    let result = try #require(try SimulationRunner.run(try Scenario.parse(text: yaml, file: "chats.yaml").model, threads: 2))
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(3))")
    return result
  }

  /// The simulated metrics by name, with `occupancy` replaced by the share of the c·k chat
  /// places in use (chat-seconds over k × logged-in agent-seconds, per replication): what
  /// Erlang A's occupancy of c·k agents measures.
  static func simulated(_ result: RunResult, concurrency: Int) -> [String: TheoryCheck.Simulated] {
    var out: [String: TheoryCheck.Simulated] = [:]
    for (metric, e) in result.estimates() {
      if let mean = e.mean, let ci95 = e.ci95 { out[metric.rawValue] = (mean, ci95) }
    }
    let places = Estimate(result.replications.map { r in
      let g = r.byGroup[0]
      return g.chatSeconds / (Double(concurrency) * g.availableAgentSeconds)
    })
    out["occupancy"] = (places.mean!, places.ci95!)
    return out
  }

  /// A chat-only group of c agents holding up to k chats each, with no slow-down, is the
  /// M/M/(c·k)+M queue: answer rate, service level, waits and the places in use agree with
  /// exact Erlang A for c·k agents, at two sizes (the ``ValidationPoint``s of 10 and 48).
  @Test(arguments: [(5, 2, ValidationPoint.all[3]), (16, 3, ValidationPoint.all[5])])
  func chatsWithoutSlowdownAreErlangA(_ agents: Int, _ concurrency: Int, _ point: ValidationPoint) throws {
    #expect(agents * concurrency == point.agents)
    let result = try Self.run(
      Self.scenario(
        agents: agents, concurrency: concurrency, perHour: point.callsPerHour, handle: point.handleSeconds,
        patience: try #require(point.patienceSeconds), days: point.days))
    let problems = TheoryCheck.problems(point, simulated: Self.simulated(result, concurrency: concurrency), exact: try point.exact)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  /// One agent holding up to k chats, each at 1/n of its pace with n held (`chat_slowdown:
  /// [1, 2, …, k]`), finishes work at the same rate μ whatever it holds: with exponential
  /// handle times, the chats in the system are the birth–death process with death rate
  /// μ·[n ≥ 1] + θ·(n − k)⁺. Its answer rate, mean wait (Little: waiting chats / λ), share of
  /// time busy and chats per agent while busy (E[min(n, k) | n ≥ 1]) are exact.
  @Test func slowdownSharesTheAgentsPace() throws {
    let (k, perHour, handle, patience) = (3, 10.0, 300.0, 240.0)
    let result = try Self.run(
      Self.scenario(
        agents: 1, concurrency: k, slowdown: (1...k).map(Double.init), perHour: perHour, handle: handle, patience: patience, days: 200))
    let (lambda, mu, theta) = (perHour / 3600, 1 / handle, 1 / patience)
    var p = [1.0]
    for n in 1..<400 { p.append(p[n - 1] * lambda / (mu + theta * Double(max(n - k, 0)))) }
    let total = p.reduce(0, +)
    let pi = p.map { $0 / total }
    let waiting = pi.enumerated().reduce(0) { $0 + $1.element * Double(max($1.offset - k, 0)) }
    let busy = 1 - pi[0]
    let held = pi.enumerated().reduce(0) { $0 + $1.element * Double(min($1.offset, k)) }
    let exact: [(String, Double)] = [
      ("answer_rate", 1 - waiting * theta / lambda), ("mean_wait_seconds", waiting / lambda), ("occupancy", busy),
    ]
    let widening = StudentT.quantile(0.9995, degreesOfFreedom: 9) / StudentT.quantile(0.975, degreesOfFreedom: 9)
    let estimates = result.estimates()
    for (name, value) in exact {
      let e = try #require(estimates.first { $0.key.rawValue == name }?.value)
      let mean = try #require(e.mean), ci95 = try #require(e.ci95)
      #expect(abs(mean - value) <= widening * ci95 + 1e-3 * value, "\(name): simulated \(mean) ± \(ci95), exact \(value)")
      #expect(ci95 < 0.03 * value, "\(name): half-width \(ci95) is not under 3 % of \(value) (too little power)")
    }
    let perAgent = try #require(result.estimates(group: 0)[.chatsPerAgent])
    let mean = try #require(perAgent.mean), ci95 = try #require(perAgent.ci95)
    #expect(abs(mean - held / busy) <= widening * ci95, "chats per agent: simulated \(mean) ± \(ci95), exact \(held / busy)")
    #expect(abs(mean - 1) > 0.1, "too few times with several chats for the check")
  }
}
