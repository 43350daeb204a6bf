import CallSim

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
  _ = SimulationRunner.run(model, threads: 1)
  return 0
}

/// libFuzzer's driver, called from the entry point SwiftPM gives executable targets
/// (`<module>_main`), since SwiftPM links executables through that symbol.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("ScenarioFuzz_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var count = argc
  var arguments = argv
  return runFuzzerDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
