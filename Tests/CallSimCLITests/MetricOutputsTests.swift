import CallSim
import CallSimTestSupport
import Foundation
import Testing

/// A metric of the catalogue reaches every output from its one entry: summary.json (overall,
/// and per call type unless agent time), the printed summary, the hourly tables, compare.csv
/// and the printed comparison, and a sweep's points.csv when named. (The wallboard's list is
/// checked in CallSimLiveTests.LiveEventTests.) The scenario has call-back offers and a
/// message type, so that it reports every metric; without them, their metrics are in no output.
@Suite struct MetricOutputsTests {
  static let plain = """
    scenario: outputs
    simulation: {days: 2, warmup: 2h, replications: 3, seed: 5}
    arrivals: {per_hour: 300}
    call_types:
      call: {handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}
    agents: 26
    """
  static let scenario = plain.replacingOccurrences(
    of: "call_types:\n",
    with: "call_types:\n  texts: {channel: message, arrivals: {per_hour: 30}, handle: {dist: exponential, mean: 3m}, deadline: 1h}\n")
    + "\ncallback_offer: {after: 30s, accept: 0.5, reach: 0.9}\n"

  /// Writes `text` to `name` in a new folder and runs it into `run/` there: the folder, the
  /// scenario's path, the results folder and what `callsim run` printed.
  static func runScenario(_ text: String, named name: String) throws -> (dir: URL, file: String, out: URL, run: CLI.Output) {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(text, to: name, in: dir)
    let out = dir.appendingPathComponent("run")
    let run = try CLI.run(["run", file, "--out", out.path, "--threads", "2"])
    #expect(run.status == 0, "\(run.stderr)")
    return (dir, file, out, run)
  }

  @Test func everyMetricReachesEveryOutput() throws {
    let (dir, file, out, run) = try Self.runScenario(Self.scenario, named: "a.yaml")
    let summary = try CLI.json(out.appendingPathComponent("summary.json"))
    let metrics = try #require(summary["metrics"] as? [String: Any])
    #expect(Set(metrics.keys) == Set(Metric.allCases.map(\.rawValue)))
    let type = try #require((summary["call_types"] as? [String: Any])?["call"] as? [String: Any])
    #expect(Set(type.keys) == Set(Metric.listed(in: .perCallType).map(\.rawValue)))
    let channels = try #require(summary["channels"] as? [String: Any])
    #expect(Set(channels.keys) == ["phone", "message"])
    for case let (name, channel as [String: Any]) in channels {
      #expect(Set(channel.keys) == Set(Metric.listed(in: .perCallType).map(\.rawValue)), "channels.\(name)")
    }
    for m in Metric.waitQuantiles {
      let e = try #require(metrics[m.rawValue] as? [String: Any])
      #expect(e["mean"] is Double && e["ci95"] is Double, "\(m): \(e)")
    }
    for m in Metric.listed(in: .console) { #expect(run.stdout.contains(m.label), "\(m.label) not printed:\n\(run.stdout)") }
    let hourly = try String(contentsOf: out.appendingPathComponent("hourly.csv"), encoding: .utf8).prefix { $0 != "\n" }
    #expect(hourly == (["date", "weekday", "hour"] + Metric.listed(in: .hourly).map(\.rawValue)).joined(separator: ","))
    let types = try String(contentsOf: out.appendingPathComponent("hourly_types.csv"), encoding: .utf8).prefix { $0 != "\n" }
    #expect(
      types == (["date", "weekday", "hour", "type", "channel"] + Metric.listed(in: .hourly).filter { !$0.isAgentTime }.map(\.rawValue))
        .joined(separator: ","))

    let more = try CLI.write(Self.scenario.replacingOccurrences(of: "agents: 26", with: "agents: 28"), to: "b.yaml", in: dir)
    let cmp = dir.appendingPathComponent("cmp")
    let compare = try CLI.run(["compare", file, more, "--out", cmp.path, "--threads", "2"])
    #expect(compare.status == 0, "\(compare.stderr)")
    let rows = try String(contentsOf: cmp.appendingPathComponent("compare.csv"), encoding: .utf8).split(separator: "\n")
      .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let overall = Set(rows.filter { $0.count > 3 && $0[1] == "overall" }.map { $0[3] })
    let perType = Set(rows.filter { $0.count > 3 && $0[1] == "call_type" }.map { $0[3] })
    #expect(overall == Set(Metric.allCases.map(\.rawValue)))
    #expect(perType == Set(Metric.listed(in: .perCallType).map(\.rawValue)))
    for channel in ["phone", "message"] {
      let metrics = Set(rows.filter { $0.count > 3 && $0[1] == "channel" && $0[2] == channel }.map { $0[3] })
      #expect(metrics == Set(Metric.listed(in: .perCallType).map(\.rawValue)), "channel \(channel) in compare.csv")
      #expect(compare.stdout.contains("channel \(channel)"), "channel \(channel) not in the comparison")
    }
    for m in Metric.listed(in: .compareConsole) where m.shownWith == nil || m.shownWith == .callBackOffers || m.shownWith == .messages {
      #expect(compare.stdout.contains(m.label), "\(m.label) not in the comparison:\n\(compare.stdout)")
    }

    let sweepFile = try CLI.write(
      """
      sweep: outputs
      base: a.yaml
      parameters: {agents: [26, 28]}
      metrics: [\(Metric.allCases.map(\.rawValue).joined(separator: ", "))]
      """, to: "sweep.yaml", in: dir)
    let swp = dir.appendingPathComponent("sweep")
    let sweep = try CLI.run(["sweep", sweepFile, "--out", swp.path, "--threads", "2", "-q"])
    #expect(sweep.status == 0, "\(sweep.stderr)")
    let points = try String(contentsOf: swp.appendingPathComponent("points.csv"), encoding: .utf8).split(separator: "\n")
    #expect(points.first.map(String.init) == (["agents"] + Metric.allCases.flatMap { ["\($0.rawValue)_mean", "\($0.rawValue)_ci95"] }).joined(separator: ","))
    let p90 = try #require(points.first?.split(separator: ",").firstIndex(of: "wait_p90_seconds_mean"))
    #expect(points.count == 3 && points.dropFirst().allSatisfy { Double($0.split(separator: ",", omittingEmptySubsequences: false)[p90]) != nil })
  }

  /// A scenario without `callback_offer` or message types writes what it wrote before they
  /// existed: none of their metrics in summary.json, the printed summary or compare.csv, no
  /// `channels` in summary.json and no `channel` column in hourly_types.csv.
  @Test func callBackAndMessageMetricsOnlyWithThem() throws {
    let (dir, file, out, run) = try Self.runScenario(Self.plain, named: "plain.yaml")
    let offerMetrics = Metric.allCases.filter { $0.reportedWith == .callBackOffers }
    #expect(offerMetrics.count == 6)
    #expect(Metric.allCases.filter { $0.reportedWith == .messages } == [.responseSeconds, .onTimeShare, .backlog])
    let summary = try CLI.json(out.appendingPathComponent("summary.json"))
    let metrics = try #require(summary["metrics"] as? [String: Any])
    #expect(Set(metrics.keys) == Set(Metric.allCases.filter { $0.reportedWith == nil }.map(\.rawValue)))
    #expect(!run.stdout.contains("call-back") && !run.stdout.contains("message"), "\(run.stdout)")
    #expect(summary["channels"] == nil)
    let types = try String(contentsOf: out.appendingPathComponent("hourly_types.csv"), encoding: .utf8).prefix { $0 != "\n" }
    #expect(types.hasPrefix("date,weekday,hour,type,total_inflow"))
    #expect(run.stdout.contains("\nmetric                    mean"), "the summary's columns moved:\n\(run.stdout)")
    let cmp = dir.appendingPathComponent("cmp")
    let compare = try CLI.run(["compare", file, file, "--out", cmp.path, "--threads", "2"])
    #expect(compare.status == 0, "\(compare.stderr)")
    let csv = try String(contentsOf: cmp.appendingPathComponent("compare.csv"), encoding: .utf8)
    for m in Metric.allCases where m.reportedWith != nil { #expect(!csv.contains(",\(m.rawValue),"), "\(m)") }
    #expect(!csv.contains(",channel,"))
  }
}
