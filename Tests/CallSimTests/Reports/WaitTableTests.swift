@_spi(Testing) import CallSim
import CallSimEngine
import Testing

/// `waits.csv` counts calls answered without waiting apart from the first second, so the
/// cumulative share of waits is exact at 0 (it used to be read off a [0, 1) s bin).
@Suite struct WaitTableTests {
  @Test func zeroHasABinOfItsOwn() {
    #expect(WaitHistogram.bin(of: 0) == 0)
    #expect(WaitHistogram.bin(of: 1e-9) == 1 && WaitHistogram.bin(of: 0.999) == 1 && WaitHistogram.bin(of: 1) == 2)
    #expect(WaitHistogram.bin(of: 60) == 61 && WaitHistogram.bin(of: 7199.9) == 176 && WaitHistogram.bin(of: 1e9) == 177)
    #expect(WaitHistogram.lowerEdge(0) == 0 && WaitHistogram.upperEdge(0) == 0)
    #expect(WaitHistogram.lowerEdge(1) == 0 && WaitHistogram.upperEdge(1) == 1)
    #expect(WaitHistogram.upperEdge(WaitHistogram.binCount - 1) == .infinity)
    for i in 1..<WaitHistogram.binCount {
      #expect(WaitHistogram.bin(of: WaitHistogram.lowerEdge(i).nextUp) == i, "bin \(i)")
      #expect(WaitHistogram.upperEdge(i) > WaitHistogram.lowerEdge(i), "bin \(i)")
    }
  }

  /// One agent from 3600 s, talk exactly 100 s, no patience limit: X arrives at 3500 and
  /// waits 100 s, Y at 3590 waits until 3700 (110 s), Z at 3850 finds the agent idle (free
  /// since 3800) and waits 0 s.
  @Test func answeredWithoutWaitingHaveTheirOwnRow() throws {
    let settings = SimulationSettings(days: 1, warmup: 0, replications: 1, seed: 1)
    let model = try CallCenterModel(
      name: "waits", settings: settings, arrivals: .constant(callsPerHour: 0, horizon: settings.horizon),
      callTypes: [CallType(name: "c", handle: .deterministic(100))],
      staffing: .daily([0] + Array(repeating: 1, count: 23), days: 1))
    var simulation = CallCenterSimulation(model: model, replication: 0)
    for t in [3500.0, 3590, 3850] { simulation.scheduleArrival(at: t) }
    let outcome = try simulation.run()
    let replication = try #require(outcome)
    let rows = WaitTable(result: RunResult(model: model, replications: [replication])).csv().split(separator: "\n")
    #expect(rows.count == 1 + WaitHistogram.binCount)
    #expect(rows[0] == "wait_from_seconds,wait_to_seconds,answered,abandoned")
    #expect(rows[1] == "0,0,1,0")
    #expect(rows[2] == "0,1,0,0")
    let nonEmpty = rows.dropFirst().filter { !$0.hasSuffix(",0,0") }
    #expect(nonEmpty == ["0,0,1,0", "100,105,1,0", "110,115,1,0"])
  }
}
