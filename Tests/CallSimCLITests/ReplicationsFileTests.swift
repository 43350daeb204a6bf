import CallSim
import CallSimTestSupport
import Foundation
import Testing

/// `replications.csv`: one row per replication and one column per metric of `summary.json`,
/// whose means over the rows are the summary's means.
@Suite struct ReplicationsFileTests {
  @Test func columnMeansAreTheSummarysMeans() throws {
    let dir = try CLI.temporaryFolder()
    let file = try CLI.write(RunCommandTests.minimal, to: "s.yaml", in: dir)
    let out = dir.appendingPathComponent("out")
    let r = try CLI.run(["run", file, "--out", out.path, "--replications", "5", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let table = try CSVFile(contentsOf: out.appendingPathComponent("replications.csv"))
    let metrics = try #require(try CLI.json(out.appendingPathComponent("summary.json"))["metrics"] as? [String: [String: Any]])
    #expect(table.header == ["replication"] + Metric.allCases.filter { $0.reportedWith == nil }.map(\.rawValue))
    #expect(table.rows.map { $0["replication"] } == ["0", "1", "2", "3", "4"])
    for name in table.header.dropFirst() {
      let values = table.rows.compactMap { $0.number(name) }
      let mean = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
      let expected = metrics[name]?["mean"] as? Double
      #expect((mean == nil) == (expected == nil), "\(name)")
      if let mean, let expected { #expect(abs(mean - expected) <= 1e-12 * max(1, abs(expected)), "\(name): \(mean) ≠ \(expected)") }
    }
  }
}
