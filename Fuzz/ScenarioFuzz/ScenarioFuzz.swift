import CallSim
import FuzzDriver

/// libFuzzer entry point: any bytes given as a scenario must decode or be refused with a
/// `ScenarioError` — never crash or hang. A small decoded scenario (at most two days and
/// 100,000 expected calls) is also simulated for one replication, so that everything
/// validation lets through is exercised by the model too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let scenario = try? Scenario.parse(text: text, file: "fuzz.yaml") else { return 0 }
  var model = scenario.model
  guard model.settings.days <= 2, model.arrivals.expectedCalls < 100_000 else { return 0 }
  model.settings.replications = 1
  _ = try? SimulationRunner.run(model, threads: 1)
  return 0
}

/// The executable's entry point: libFuzzer's driver on ``fuzz(_:_:)``.
@_cdecl("ScenarioFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runLibFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
