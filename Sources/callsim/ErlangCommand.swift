import ArgumentParser
import CallSim
import Foundation

struct ErlangCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "erlang",
    abstract: "Exact queueing formulas: Erlang C, Erlang A (with --patience) and Erlang B (--lines equal to agents).",
    discussion: """
      Give --agents for the performance of a staffing level, or --target-sl / --max-abandon for the fewest agents meeting every target given. Durations as in scenarios: 45s, 3m30s, 1h. Definitions: answer_rate = answered / calls not blocked; service_level = answered within --within / calls not blocked; asa_seconds = mean wait of answered calls; mean_wait_seconds = mean wait of answered and abandoned calls; occupancy = carried load / agents.
      """
  )

  @Option(help: "Arrival rate, calls per hour.")
  var rate: Double

  @Option(help: "Mean handle time (exponential), e.g. 5m.", transform: ErlangCommand.duration)
  var handle: Double

  @Option(help: "Mean patience (exponential), e.g. 3m; omit for callers who never abandon.", transform: ErlangCommand.duration)
  var patience: Double?

  @Option(help: "Lines: calls finding this many calls in the system are blocked.")
  var lines: Int?

  @Option(help: "Service-level threshold.", transform: ErlangCommand.duration)
  var within: Double = 20

  @Option(help: "Agents on duty.")
  var agents: Int?

  @Option(name: .customLong("target-sl"), help: "Find the fewest agents with at least this service level (0–1).")
  var targetSL: Double?

  @Option(name: .customLong("max-abandon"), help: "Find the fewest agents with at most this abandon rate (0–1).")
  var maxAbandon: Double?

  @Flag(help: "Print one JSON object.")
  var json = false

  static func duration(_ text: String) throws -> Double {
    guard let v = ErlangRequest.duration(text) else {
      throw ValidationError("'\(text)' is not a duration; expected e.g. 45s, 3m30s, 1h")
    }
    return v
  }

  /// The question the options ask.
  var request: ErlangRequest {
    ErlangRequest(
      queue: ErlangQueue(arrivalRatePerHour: rate, meanHandleSeconds: handle, meanPatienceSeconds: patience, lines: lines),
      within: within, agents: agents, targetServiceLevel: targetSL, maxAbandon: maxAbandon)
  }

  func validate() throws {
    if agents == nil && targetSL == nil && maxAbandon == nil {
      throw ValidationError("give --agents N, or a target: --target-sl S and/or --max-abandon S")
    }
    if agents != nil && (targetSL != nil || maxAbandon != nil) {
      throw ValidationError("give either --agents or targets (--target-sl, --max-abandon), not both")
    }
  }

  func run() throws {
    let request = self.request
    let queue = request.queue
    let performance: ErlangPerformance
    do {
      performance = try request.evaluate()
    } catch let error as ErlangError {
      Diagnostics.printError("error: " + (error.option.map { "\($0): " } ?? "") + error.description)
      throw ExitCode(1)
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      var object = try JSONSerialization.jsonObject(with: encoder.encode(performance)) as! [String: Any]
      object["offered_load"] = queue.offeredLoad
      object["model"] = request.modelName(agents: performance.agents)
      object["lines"] = lines ?? NSNull()
      print(try JSONText.text(object, pretty: false))
      return
    }
    let p = performance
    print(String(format: "%@: %.1f calls/h, handle %.0f s → offered load %.3f Erlangs", request.modelName(agents: p.agents), rate, handle, queue.offeredLoad))
    print("agents               \(p.agents)")
    print(String(format: "answer rate          %.4f", p.answerRate))
    print(String(format: "service level (%.0f s) %.4f", within, p.serviceLevel))
    print(String(format: "P(wait)              %.4f", p.probabilityOfWait))
    print(String(format: "ASA                  %.2f s", p.asaSeconds))
    print(String(format: "mean wait            %.2f s", p.meanWaitSeconds))
    print(String(format: "abandon rate         %.4f", p.abandonRate))
    print(String(format: "blocked share        %.4f", p.blockedShare))
    print(String(format: "occupancy            %.4f", p.occupancy))
  }
}
