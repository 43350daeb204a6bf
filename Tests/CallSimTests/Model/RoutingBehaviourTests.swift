import CallSim
import CallSimTestSupport
import Foundation
import Testing

/// What routing does call by call, read from the `--trace` rows: agents serve only their
/// skills (and under split only their home type, but for the transfer step), misrouted calls
/// are transferred, and generalists talk longer by the stated factor.
@Suite struct RoutingBehaviourTests {
  struct Row {
    var replication: Int, callID: Int, type: String, arrival: Double, outcome: String, group: String
    var transferredBy: String, wait: Double?, handle: Double?
    var isRedial: Bool, caller: Int, talkDrawn: Double, patience: Double?
    /// `phone`, `chat` or `message`; the column is there only with chat or message types.
    var channel: String?
  }

  /// Runs `yaml` with a trace and returns the model, the result and the rows of calls.csv.
  static func traced(_ yaml: String) throws -> (CallCenterModel, RunResult, [Row]) {
    let model = try Scenario.parse(text: yaml, file: "traced.yaml").model
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callsim-trace-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try SimulationRunner.runAllowingStop(model, threads: 2, tracingInto: folder)
    let result = try #require(run.result)
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(3))")
    let csv = folder.appendingPathComponent("calls.csv")
    try CallTrace.merge(parts: (0..<model.settings.replications).map { CallTrace.part($0, in: folder) }, into: csv, model: model)
    let table = try CSVFile(contentsOf: csv)
    #expect(table.header.joined(separator: ",") == CallTrace.header(for: model))
    let hasChannel = table.header.contains("channel")
    let rows = table.rows.map { c in
      Row(
        replication: Int(c["replication"])!, callID: Int(c["call_id"])!, type: c["type"], arrival: c.number("arrival")!,
        outcome: c["outcome"], group: c["group"], transferredBy: c["transferred_by"], wait: c.number("wait_seconds"),
        handle: c.number("handle_seconds"), isRedial: c["is_redial"] == "true", caller: Int(c["caller"])!,
        talkDrawn: c.number("talk_drawn_seconds")!, patience: c.number("patience_seconds"),
        channel: hasChannel ? c["channel"] : nil)
    }
    return (model, result, rows)
  }

  static func scenario(routing: String, handle: String = "{dist: exponential, mean: 5m}", perHour: Int = 600) -> String {
    """
    scenario: routing-behaviour
    simulation: {days: 2, warmup: 2h, replications: 2, seed: 11}
    arrivals: {per_hour: \(perHour)}
    call_types:
      traffic: {share: 0.5, handle: \(handle), patience: {dist: exponential, mean: 3m}}
      water: {share: 0.3, handle: \(handle), patience: {dist: exponential, mean: 3m}}
      general: {share: 0.2, handle: \(handle), patience: {dist: exponential, mean: 3m}}
    agent_groups:
      traffic_team: {skills: [traffic, general], agents: 22}
      water_team: {skills: [water, traffic], agents: 14}
      general_team: {skills: [general, water, traffic], agents: 12}
    routing: \(routing)
    """
  }

  @Test(arguments: [
    "{mode: split, misroute: {share: 0.1, transfer: {dist: exponential, mean: 40s}}}",
    "{mode: overflow, overflow_after: 15s, misroute: {share: 0.1, transfer: {dist: exponential, mean: 40s}}}",
    "{mode: integrated}",
  ])
  func agentsServeOnlyTheirSkills(_ routing: String) throws {
    let (model, result, rows) = try Self.traced(Self.scenario(routing: routing))
    let groups = Dictionary(uniqueKeysWithValues: model.agentGroups.map { ($0.name, $0) })
    let typeNames = model.callTypes.map(\.name)
    let split = model.routing.mode == .split
    var crossServed = 0
    for row in rows where row.outcome == "answered" {
      let group = try #require(groups[row.group])
      let type = try #require(typeNames.firstIndex(of: row.type))
      #expect(group.skills.contains(type), "\(row.group) answered \(row.type)")
      if split { #expect(group.homeType == type, "under split \(row.group) answered \(row.type)") }
      if group.homeType != type { crossServed += 1 }
    }
    for row in rows where !row.transferredBy.isEmpty {
      let group = try #require(groups[row.transferredBy])
      #expect(group.homeType != typeNames.firstIndex(of: row.type), "\(row.transferredBy) transferred its own \(row.type)")
    }
    #expect(split ? crossServed == 0 : crossServed > 0, "calls answered outside the home type: \(crossServed)")
    // Every counted call has exactly one row.
    let counted = result.totals.reduce(0) { $0 + $1.totalInflow }
    #expect(Double(rows.count) == counted)
    #expect(Set(rows.map { "\($0.replication)/\($0.callID)" }).count == rows.count)
    if model.routing.misroute != nil {
      let transferred = result.totals.reduce(0) { $0 + $1.transferred }
      #expect(transferred > 0 && transferred < 0.1 * counted)
      #expect(rows.filter { !$0.transferredBy.isEmpty }.count > 0)
    }
  }

  /// factor(t) = f + (s − f)·2^(−days since `from` / half_life), applied to talk outside the
  /// home type only. Deterministic talk times make every served talk time exact.
  @Test func generalistsTalkLongerByTheFactor() throws {
    let yaml = Self.scenario(
      routing: "{mode: integrated, generalist: {handle_factor: 1.25, learning: {start_factor: 2, half_life: 12h, from: 2024-01-01}}}",
      handle: "{dist: deterministic, mean: 100s}", perHour: 300)
    let (model, _, rows) = try Self.traced(yaml)
    let home = Dictionary(uniqueKeysWithValues: model.agentGroups.map { ($0.name, model.callTypes[$0.homeType!].name) })
    var checked = 0
    for row in rows where row.outcome == "answered" {
      let answeredAt = row.arrival + (row.wait ?? 0)
      let factor = home[row.group] == row.type ? 1 : 1.25 + 0.75 * pow(2, -answeredAt / 43_200)
      #expect(abs(try #require(row.handle) - 100 * factor) < 1e-4, "\(row.group) on \(row.type) at \(answeredAt) s")
      checked += 1
    }
    #expect(checked > 1000)
  }

  /// Lower priority numbers are answered first: with one agent and a long queue, every
  /// waiting priority-0 call goes before any waiting priority-1 call that joined earlier.
  @Test func priorityIsServedFirst() throws {
    let yaml = """
      scenario: priority
      simulation: {days: 1, replications: 1, seed: 3}
      arrivals: {per_hour: 40}
      call_types:
        urgent: {share: 0.3, priority: 0, handle: {dist: exponential, mean: 2m}}
        routine: {share: 0.7, priority: 1, handle: {dist: exponential, mean: 2m}}
      agents: 1
      """
    let (_, result, _) = try Self.traced(yaml)
    let urgent = try #require(result.estimates(callType: 0)[.asaSeconds]?.mean)
    let routine = try #require(result.estimates(callType: 1)[.asaSeconds]?.mean)
    #expect(urgent < routine / 2, "urgent waits \(urgent) s, routine \(routine) s")
  }
}
