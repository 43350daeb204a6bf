import CallSim
import FuzzDriver
import Foundation

/// libFuzzer entry point for the two inputs `callsim erlang` and rate tables read.
///
/// The first byte chooses. Even: the rest is up to eight lines, the values of `--rate`,
/// `--handle`, `--patience`, `--lines`, `--within`, `--agents`, `--target-sl` and
/// `--max-abandon` (an empty or missing line leaves the option out), parsed as the command
/// parses them and answered through ``ErlangRequest``, as the command answers them: the
/// answer must be an ``ErlangError`` or a result whose every number is finite. Odd: the rest
/// is an `arrivals.rates` CSV file, loaded through a scenario as a user's would be: it must
/// decode or be refused with a ``ScenarioError``. Never a crash, a hang or a non-finite number.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
  if data[0] % 2 == 0 { fuzzErlang(text) } else { fuzzRateTable(text) }
  return 0
}

/// Largest offered load (Erlangs) and agent or line count the erlang fuzzing computes.
let largestFuzzedLoad = 300.0
let largestFuzzedCount = 5_000

/// The option values in `text`, through the command's parsers and calculator.
func fuzzErlang(_ text: String) {
  var values = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  values += Array(repeating: "", count: max(0, 8 - values.count))
  func given(_ i: Int) -> String? { values[i].isEmpty ? nil : values[i] }
  // As argument-parser reads Double and Int options, and the command its durations.
  guard let rate = given(0).flatMap({ Double($0) }), let handle = given(1).flatMap(ErlangRequest.duration) else { return }
  let patience = given(2).map(ErlangRequest.duration)
  let lines = given(3).map { Int($0) }
  let within = given(4).map(ErlangRequest.duration) ?? 20
  let agents = given(5).map { Int($0) }
  let targetSL = given(6).map { Double($0) }
  let maxAbandon = given(7).map { Double($0) }
  // An option given but unparsable is refused by the command before anything is computed.
  if patience == .some(nil) || lines == .some(nil) || agents == .some(nil) || targetSL == .some(nil)
    || maxAbandon == .some(nil)
  {
    return
  }
  guard let within else { return }
  // The command's own check: agents, or targets, not both and not neither.
  let targets = (targetSL ?? nil) != nil || (maxAbandon ?? nil) != nil
  guard (agents ?? nil) != nil ? !targets : targets else { return }
  let queue = ErlangQueue(arrivalRatePerHour: rate, meanHandleSeconds: handle, meanPatienceSeconds: patience ?? nil, lines: lines ?? nil)
  // Large but valid centers cost time in proportion to their size (a target search at 1,000
  // Erlangs takes 0.1 s in release, over 10 s under this instrumentation): past these sizes
  // an input would only test the fuzzer's timeout, not the calculator. The bounds themselves
  // are tested in ErlangCommandTests.
  if queue.offeredLoad.isFinite && queue.offeredLoad > largestFuzzedLoad { return }
  if let n = lines ?? nil, n > largestFuzzedCount { return }
  if let n = agents ?? nil, n > largestFuzzedCount { return }
  let request = ErlangRequest(
    queue: queue, within: within, agents: agents ?? nil, targetServiceLevel: targetSL ?? nil, maxAbandon: maxAbandon ?? nil)
  guard let p = try? request.evaluate() else { return }
  let numbers = [
    p.answerRate, p.serviceLevel, p.asaSeconds, p.meanWaitSeconds, p.occupancy, p.abandonRate, p.blockedShare,
    p.probabilityOfWait, request.queue.offeredLoad,
  ]
  precondition(numbers.allSatisfy(\.isFinite), "non-finite result for \(request): \(p)")
  _ = request.modelName(agents: p.agents)
}

/// A folder of this process's own for the rate table file.
let folder: URL = {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("callsim-erlangfuzz-\(getpid())")
  try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}()

/// `text` as the rate table of a small scenario (a week from a Monday, so that weekday
/// and date tables both apply).
func fuzzRateTable(_ text: String) {
  let table = folder.appendingPathComponent("rates.csv")
  guard (try? Data(text.utf8).write(to: table)) != nil else { return }
  let scenario = """
    scenario: fuzz
    simulation: {start: 2024-09-02, days: 7, replications: 1, holidays: [2024-09-04]}
    arrivals: {rates: rates.csv}
    call_types: {call: {handle: {dist: exponential, mean: 1m}}}
    agents: 10
    """
  do {
    let loaded = try Scenario.parse(text: scenario, file: folder.appendingPathComponent("fuzz.yaml").path)
    let rates = loaded.model.arrivals.callsPerHour
    precondition(rates.count == 7 * 24 && rates.allSatisfy { $0.isFinite && $0 >= 0 }, "bad rates \(rates)")
  } catch is ScenarioError {
  } catch {
    preconditionFailure("not a ScenarioError: \(error)")
  }
}

/// The executable's entry point: libFuzzer's driver on ``fuzz(_:_:)``.
@_cdecl("ErlangFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runLibFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
