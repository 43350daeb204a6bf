import CallSim
import Foundation
import Testing

/// `arrivals.rates` tables: rows are bounded as `per_hour` is, and an hour given twice is
/// refused naming both lines (the last row used to win silently).
@Suite struct RateTableFileTests {
  static func scenario(start: String = "2024-09-02", days: Int = 1) -> String {
    """
    scenario: table
    simulation: {start: \(start), days: \(days), replications: 1}
    arrivals: {rates: rates.csv}
    call_types: {call: {handle: {dist: exponential, mean: 30s}}}
    agents: 10
    """
  }

  static var weekdayTable: String {
    var csv = "weekday,hour,calls_per_hour\n"
    for d in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] { for h in 0..<24 { csv += "\(d),\(h),10\n" } }
    return csv
  }

  static var dateTable: String {
    "date,hour,calls\n" + (0..<24).map { "2024-09-02,\($0),10\n" }.joined()
  }

  func problems(_ csv: String) throws -> [String] {
    let fixture = try ScenarioFixture()
    try fixture.write("rates.csv", csv)
    return try fixture.problems(Self.scenario()).map { $0.replacingOccurrences(of: fixture.folder.path + "/", with: "") }
  }

  @Test func theTablesAreValid() throws {
    #expect(try problems(Self.weekdayTable).isEmpty)
    #expect(try problems(Self.dateTable).isEmpty)
  }

  @Test func aDateHourGivenTwiceNamesBothLines() throws {
    let p = try problems(Self.dateTable + "# a comment\n\n2024-09-02,5,99\n")
    #expect(p == ["error: bad.yaml:3: arrivals.rates: rates.csv:28: 2024-09-02 hour 5 appears twice (lines 7 and 28)"])
  }

  @Test func aWeekdayHourGivenTwiceNamesBothLines() throws {
    let p = try problems(Self.weekdayTable + "mon,0,11\n")
    #expect(p == ["error: bad.yaml:3: arrivals.rates: rates.csv:170: mon hour 0 appears twice (lines 2 and 170)"])
  }

  @Test func ratesAreBoundedAsPerHourIs() throws {
    let p = try problems(Self.dateTable.replacingOccurrences(of: "2024-09-02,3,10", with: "2024-09-02,3,1e300"))
    #expect(p == ["error: bad.yaml:3: arrivals.rates: rates.csv:5: calls '1e300' is not a number from 0 to 1000000000"])
    let w = try problems(Self.weekdayTable.replacingOccurrences(of: "tue,0,10", with: "tue,0,2e9"))
    #expect(w == ["error: bad.yaml:3: arrivals.rates: rates.csv:26: calls_per_hour '2e9' is not a number from 0 to 1000000000"])
  }
}
