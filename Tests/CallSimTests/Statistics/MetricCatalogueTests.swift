import CallSim
import CallSimTestSupport
import Foundation
import Testing

/// The metric catalogue: docs/outputs.md's table is the one it generates, and the lists every
/// output reads from it keep the columns the files had before it.
@Suite struct MetricCatalogueTests {
  /// docs/outputs.md's metric table is `Metric.markdownTable`, byte for byte. After a change
  /// to the catalogue, `CALLSIM_UPDATE_DOCS=1 swift test -c release --filter MetricCatalogueTests`
  /// writes the table into the document (the test then passes).
  @Test func docsTableIsTheCatalogues() throws {
    let url = Repository.root.appendingPathComponent("docs/outputs.md")
    let doc = try String(contentsOf: url, encoding: .utf8)
    let header = "| metric | unit | definition | per call type | hourly |"
    let start = try #require(doc.range(of: header) ?? doc.range(of: "@@TABLE@@\n"), "docs/outputs.md has no metric table")
    var end = start.lowerBound
    while end < doc.endIndex, doc[end] == "|" || doc[end...].hasPrefix("@@TABLE@@") {
      end = doc[end...].firstIndex(of: "\n").map { doc.index(after: $0) } ?? doc.endIndex
    }
    if ProcessInfo.processInfo.environment["CALLSIM_UPDATE_DOCS"] != nil {
      try (doc[..<start.lowerBound] + Metric.markdownTable + doc[end...]).write(to: url, atomically: true, encoding: .utf8)
      return
    }
    #expect(String(doc[start.lowerBound..<end]) == Metric.markdownTable, "expected:\n\(Metric.markdownTable)")
  }

  /// The hourly tables' columns, as they were before the catalogue (the cases' order is the
  /// columns' order); new metrics are not hourly.
  @Test func hourlyColumnsAreUnchanged() {
    #expect(
      HourlyTable.columns.map(\.name) == [
        "date", "weekday", "hour", "agents_scheduled", "agents_on_phones", "total_inflow", "inflow", "answered", "abandoned",
        "blocked", "ivr_hang_ups", "self_served", "in_system_at_end", "redials", "transferred", "answer_rate",
        "answer_rate_total", "service_level", "abandon_rate", "asa_seconds", "mean_wait_seconds", "occupancy", "capped",
        "call_backs", "abusive_answered", "recovery_hours",
      ])
    #expect(
      HourlyBreakdownTable.typeColumns.map(\.rawValue) == [
        "total_inflow", "inflow", "answered", "abandoned", "blocked", "ivr_hang_ups", "self_served", "in_system_at_end",
        "redials", "transferred", "answer_rate", "answer_rate_total", "service_level", "abandon_rate", "asa_seconds",
        "mean_wait_seconds", "capped", "call_backs", "abusive_answered",
      ])
    #expect(
      PairedComparison.agentTimeMetrics
        == [.occupancy, .agentsOnPhones, .agentsScheduled, .paidHours, .overtimeHours, .recoveryHours])
  }

  /// Every metric has a unit, a label and a one-line definition a Markdown table can hold;
  /// labels are distinct; the wait percentiles are read from the histogram, nothing else is.
  @Test func everyEntryIsComplete() {
    #expect(Set(Metric.allCases.map(\.label)).count == Metric.allCases.count)
    for m in Metric.allCases {
      #expect(!m.label.isEmpty && !m.definition.isEmpty, "\(m)")
      #expect(!m.definition.contains("|") && !m.definition.contains("\n"), "\(m)")
      #expect((m.waitQuantile != nil) == m.rawValue.hasPrefix("wait_p"), "\(m)")
      #expect(m.outputs.contains(.hourly) ? m.waitQuantile == nil : true, "\(m): percentiles are not hourly")
    }
    #expect(Metric.waitQuantiles.map(\.rawValue) == ["wait_p50_seconds", "wait_p80_seconds", "wait_p90_seconds", "wait_p95_seconds"])
  }
}
