import CallSim
import CallSimTestSupport
import Foundation
import Testing

/// What the call cap and abusive callers do call by call, read from the `--trace` rows of
/// `calls.csv`, and the counts they add: caps end talk at the limit (always when forced, for
/// a share `compliance` when recommended), call-backs are redials, abusive callers reach
/// only the dedicated group, and every call still ends in exactly one outcome.
@Suite(.serialized) struct PolicyBehaviourTests {
  struct Row {
    var replication: Int, type: String, outcome: String, group: String, handle: Double?, isRedial: Bool, caller: Int
    var talkDrawn: Double, capped: Bool?, abusive: Bool?
  }

  /// Runs `yaml` with a trace; returns the result and the rows of calls.csv.
  static func traced(_ yaml: String) throws -> (RunResult, [Row]) {
    let model = try Scenario.parse(text: yaml, file: "traced.yaml").model
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callsim-policy-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try #require(try SimulationRunner.runAllowingStop(model, threads: 2, tracingInto: folder).result)
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(3))")
    let csv = folder.appendingPathComponent("calls.csv")
    try CallTrace.merge(parts: (0..<model.settings.replications).map { CallTrace.part($0, in: folder) }, into: csv, model: model)
    let table = try CSVFile(contentsOf: csv)
    #expect(table.header.joined(separator: ",") == CallTrace.header(for: model))
    let (hasCapped, hasAbusive) = (table.header.contains("capped"), table.header.contains("abusive"))
    let rows = table.rows.map { c in
      Row(
        replication: Int(c["replication"])!, type: c["type"], outcome: c["outcome"], group: c["group"],
        handle: c.number("handle_seconds"), isRedial: c["is_redial"] == "true", caller: Int(c["caller"])!,
        talkDrawn: c.number("talk_drawn_seconds")!, capped: hasCapped ? c["capped"] == "true" : nil,
        abusive: hasAbusive ? c["abusive"] == "true" : nil)
    }
    return (result, rows)
  }

  static func scenario(cap: String, abusive: String = "", groups: String = "agents: 14") -> String {
    """
    scenario: policy-behaviour
    simulation: {days: 6, warmup: 2h, replications: 4, seed: 99}
    arrivals: {per_hour: 150}
    call_types:
      a: {share: 0.7, handle: {dist: lognormal, mean: 5m, sd: 6m}, patience: {dist: exponential, mean: 3m}, redial: {probability: 0.3, delay: {dist: exponential, mean: 10m}}}
      b: {share: 0.3, handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 2m}}
    \(groups)
    call_cap: \(cap)
    \(abusive)
    """
  }

  @Test func forcedCapEndsEveryLongCallAtTheLimit() throws {
    let (result, rows) = try Self.traced(
      Self.scenario(cap: "{mode: forced, limit: 10m, call_back: 0.5, call_back_delay: {dist: exponential, mean: 20m}}"))
    let answered = rows.filter { $0.outcome == "answered" }
    #expect(answered.allSatisfy { $0.handle! <= 600 }, "an answered call talked past the forced limit")
    // Every call whose drawn talk passes the limit is cut (one pool, no generalist factor).
    #expect(answered.allSatisfy { $0.capped! == ($0.talkDrawn > 600) })
    #expect(answered.filter { $0.capped! }.allSatisfy { $0.handle! == 600 })
    let total = result.estimates()
    let capped = try #require(total[.capped]?.mean)
    #expect(capped > 100)
    #expect(Double(answered.filter { $0.capped! }.count) == capped * Double(result.replications.count))
    // Call-backs are redials and arrivals; about half the cut callers call back.
    let callBacks = try #require(total[.callBacks]?.mean)
    #expect(callBacks > 0.35 * capped && callBacks < 0.65 * capped, "call-backs \(callBacks) of \(capped) cut")
    #expect(try #require(total[.redials]?.mean) > callBacks)
    for r in result.replications {
      let t = r.total(fromHour: 0)
      #expect(t.callBacks <= t.redials)
    }
  }

  @Test func recommendedCapCutsTheComplyingShare() throws {
    let compliance = 0.6
    let (result, rows) = try Self.traced(Self.scenario(cap: "{mode: recommended, limit: 8m, compliance: \(compliance)}"))
    let over = rows.filter { $0.outcome == "answered" && $0.talkDrawn > 480 }
    #expect(rows.filter { $0.outcome == "answered" && $0.talkDrawn <= 480 }.allSatisfy { !$0.capped! })
    let cut = over.filter { $0.capped! }
    #expect(cut.allSatisfy { $0.handle! == 480 })
    #expect(over.filter { !$0.capped! }.allSatisfy { $0.handle! == $0.talkDrawn })
    // Each complying draw is an independent Bernoulli(compliance): the 99.9 % binomial band.
    let n = Double(over.count)
    let share = Double(cut.count) / n
    let halfWidth = 3.29 * (compliance * (1 - compliance) / n).squareRoot()
    #expect(n > 1000)
    #expect(abs(share - compliance) <= halfWidth, "cut share \(share) of \(n) calls over the limit, compliance \(compliance) ± \(halfWidth)")
    #expect(try #require(result.estimates()[.callBacks]?.mean) == 0)
  }

  /// A call type's own cap replaces the model's: here type b is exempt from a forced cap.
  @Test func callTypesOwnCapReplacesTheModels() throws {
    let yaml = Self.scenario(cap: "{mode: forced, limit: 3m}").replacingOccurrences(
      of: "b: {share: 0.3, handle: {dist: exponential, mean: 4m},",
      with: "b: {share: 0.3, handle: {dist: exponential, mean: 4m}, call_cap: {mode: none},")
    let (result, rows) = try Self.traced(yaml)
    let answered = rows.filter { $0.outcome == "answered" }
    #expect(answered.filter { $0.type == "a" }.allSatisfy { $0.capped! == ($0.talkDrawn > 180) })
    #expect(answered.filter { $0.type == "b" }.allSatisfy { !$0.capped! && $0.handle! == $0.talkDrawn })
    #expect(answered.contains { $0.type == "b" && $0.talkDrawn > 180 })
    #expect(try #require(result.estimates(callType: 0)[.capped]?.mean) > 0)
    #expect(result.estimates(callType: 1)[.capped]?.mean == 0)
  }

  @Test func noCapCutsNothingAndKeepsTheOldColumnsFirst() throws {
    let (result, rows) = try Self.traced(Self.scenario(cap: "{mode: none}"))
    #expect(rows.allSatisfy { $0.capped == false })
    #expect(rows.filter { $0.outcome == "answered" }.allSatisfy { $0.handle! == $0.talkDrawn })
    #expect(result.estimates()[.capped]?.mean == 0)
  }

  static let abusive = "abusive_callers: {share: 0.05, handle: {dist: lognormal, mean: 14m, sd: 10m}, patience: {dist: exponential, mean: 5m}, ROUTE recovery: 10m}"

  @Test func abusiveCallersReachOnlyTheDedicatedGroup() throws {
    let (result, rows) = try Self.traced(
      Self.scenario(
        cap: "{mode: none}", abusive: Self.abusive.replacingOccurrences(of: "ROUTE", with: "route_to: abuse_team,"),
        groups: "agent_groups:\n  general: {skills: [a, b], agents: 14}\n  abuse_team: {skills: [], agents: 2}"))
    let answered = rows.filter { $0.outcome == "answered" }
    #expect(answered.allSatisfy { ($0.group == "abuse_team") == $0.abusive! })
    #expect(answered.contains { $0.abusive! && $0.type == "a" } && answered.contains { $0.abusive! && $0.type == "b" })
    // A redial keeps its caller's flag.
    var flag: [Int: Bool] = [:]
    for r in rows {
      let key = r.replication << 32 | r.caller
      if let f = flag[key] { #expect(f == r.abusive!) } else { flag[key] = r.abusive! }
    }
    let share = Double(rows.filter { !$0.isRedial && $0.abusive! }.count) / Double(rows.filter { !$0.isRedial }.count)
    #expect(abs(share - 0.05) < 0.01, "abusive share \(share)")
    let team = result.estimates(group: 1)
    let general = result.estimates(group: 0)
    #expect(team[.abusiveAnswered]?.mean == team[.answered]?.mean)
    #expect(general[.abusiveAnswered]?.mean == 0 && general[.recoveryHours]?.mean == 0)
    // 10 minutes of recovery per abusive call, up to the calls whose recovery runs past an
    // hour edge of the counted period.
    let answeredByTeam = try #require(team[.abusiveAnswered]?.mean)
    let recovery = try #require(team[.recoveryHours]?.mean)
    #expect(abs(recovery - answeredByTeam / 6) <= 2 * 10.0 / 60 + 1e-9, "recovery \(recovery) h for \(answeredByTeam) calls")
    // Recovery is neither busy nor available: occupancy stays a share of the other time.
    let occupancy = try #require(team[.occupancy]?.mean)
    #expect(occupancy > 0 && occupancy <= 1)
    #expect(try #require(result.estimates()[.abusiveAnswered]?.mean) == answeredByTeam)
  }

  @Test func abusiveCallersUnderGeneralJoinTheirTypesQueue() throws {
    let (result, rows) = try Self.traced(
      Self.scenario(cap: "{mode: none}", abusive: Self.abusive.replacingOccurrences(of: "ROUTE", with: "")))
    let answered = rows.filter { $0.outcome == "answered" }
    #expect(answered.contains { $0.abusive! } && answered.allSatisfy { $0.group == "agents" })
    let agents = result.estimates(group: 0)
    #expect(try #require(agents[.recoveryHours]?.mean) > 0)
    #expect(agents[.abusiveAnswered]?.mean == result.estimates()[.abusiveAnswered]?.mean)
  }

  /// Same seed: the abusive callers and their talk are the same whether they are separated
  /// or not (common random numbers), so the paired comparison is about routing alone.
  @Test func abusiveFlagIsTheCallersWhateverTheRouting() throws {
    let separate = try Self.traced(
      Self.scenario(
        cap: "{mode: none}", abusive: Self.abusive.replacingOccurrences(of: "ROUTE", with: "route_to: abuse_team,"),
        groups: "agent_groups:\n  general: {skills: [a, b], agents: 14}\n  abuse_team: {skills: [], agents: 2}")).1
    let shared = try Self.traced(
      Self.scenario(
        cap: "{mode: none}", abusive: Self.abusive.replacingOccurrences(of: "ROUTE", with: "route_to: general,"),
        groups: "agents: 16")).1
    let first = { (rows: [Row]) in Dictionary(uniqueKeysWithValues: rows.filter { !$0.isRedial }.map { ($0.replication << 32 | $0.caller, ($0.abusive!, $0.talkDrawn)) }) }
    let a = first(separate), b = first(shared)
    let common = Set(a.keys).intersection(b.keys)
    #expect(common.count > 1000)
    #expect(common.allSatisfy { a[$0]! == b[$0]! })
    #expect(common.contains { a[$0]!.0 })
  }
}
