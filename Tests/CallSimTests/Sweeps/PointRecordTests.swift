import CallSim
import Foundation
import Testing

/// A point's record must read back from `points.jsonl` exactly as it was written — what
/// makes a resumed or merged `points.csv` byte-identical — and shards must split the grid.
@Suite struct PointRecordTests {
  static let parameters = ["agents", "routing.mode", "note"]
  static let metrics: [SweepMetric] = [SweepMetric(.answerRate), SweepMetric(.asaSeconds), SweepMetric(.answerRate, channel: .phone)]

  /// `points.jsonl` holds numbers as JSON numbers, a removed key as null, other values as
  /// strings, and reads each back to its label.
  @Test func parametersAreTypedInJSON() throws {
    let record = PointRecord(number: 3, labels: ["12", "0.25", "integrated", "", "1e+20"], values: [.init(mean: 0.5, ci95: nil)])
    let parameters = ["agents", "arrivals.share", "routing.mode", "routing.overflow_after_seconds", "arrivals.per_day"]
    let line = record.jsonLine(parameters: parameters, metrics: [SweepMetric(.answerRate)])
    let decoded = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let values = try #require(decoded["parameters"] as? [String: Any])
    #expect(values["agents"] as? Int == 12 && values["arrivals.share"] as? Double == 0.25 && values["arrivals.per_day"] as? Double == 1e20)
    #expect(values["routing.mode"] as? String == "integrated" && values["routing.overflow_after_seconds"] is NSNull)
    #expect(PointRecord.parse(jsonLine: Substring(line), parameters: parameters, metrics: [SweepMetric(.answerRate)]) == record)
  }

  @Test func roundTripsEveryDoubleExactly() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      // Any bit pattern of a finite double: subnormals, huge and tiny exponents.
      var v = Double(bitPattern: generator.next())
      while !v.isFinite { v = Double(bitPattern: generator.next()) }
      let record = PointRecord(
        number: 7, labels: ["12", "split", "a \"quoted\", \\ text\n"],
        values: [.init(mean: v, ci95: nil), .init(mean: 0.1 + 0.2, ci95: 1e-300), .init(mean: nil, ci95: nil)])
      let line = record.jsonLine(parameters: Self.parameters, metrics: Self.metrics)
      #expect(!line.contains("\n"))
      let back = PointRecord.parse(jsonLine: Substring(line), parameters: Self.parameters, metrics: Self.metrics)
      #expect(back == record, "\(line)")
      #expect(back?.csvRow == record.csvRow)
    }
  }

  @Test func refusesTornAndForeignLines() {
    let record = PointRecord(number: 1, labels: ["1", "split", ""], values: Array(repeating: .init(mean: 0.5, ci95: 0.01), count: 3))
    let line = record.jsonLine(parameters: Self.parameters, metrics: Self.metrics)
    #expect(PointRecord.parse(jsonLine: line.dropLast(5), parameters: Self.parameters, metrics: Self.metrics) == nil)
    #expect(PointRecord.parse(jsonLine: Substring(line), parameters: ["agents"], metrics: Self.metrics) == nil)
    #expect(PointRecord.parse(jsonLine: Substring(line), parameters: Self.parameters, metrics: [SweepMetric(.answerRate)]) == nil)
  }

  @Test func csvRowQuotesWhatNeedsIt() {
    let record = PointRecord(number: 1, labels: ["[1, 2]", "say \"hi\"", ""], values: [.init(mean: 1, ci95: nil)])
    #expect(record.csvRow == "\"[1, 2]\",\"say \"\"hi\"\"\",,1.0,")
  }

  @Test func shardsPartitionTheGrid() throws {
    let shards = (1...3).map { try! Shard.parse("\($0)/3").get() }
    for point in 1...10 { #expect(shards.filter { $0.contains(point) }.count == 1) }
    #expect((1...10).filter { shards[1].contains($0) } == [2, 5, 8])
    for bad in ["0/3", "4/3", "1/0", "x/2", "1/2/3", "", "2"] {
      guard case .failure = Shard.parse(bad) else { Issue.record("accepted '\(bad)'"); continue }
    }
  }
}
