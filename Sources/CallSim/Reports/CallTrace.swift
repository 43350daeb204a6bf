import Foundation

/// `calls.csv` (with `--trace`): one row per counted call — a call arriving after the
/// warm-up — written when the call's outcome is known; and `agents.csv`: one row per change
/// of an agent's state over the whole horizon (warm-up included, so each agent's state is
/// known throughout). Each replication writes its own part files, streamed in 64 KiB blocks;
/// ``CallTrace/merge(parts:into:header:model:stop:)`` joins the parts in replication order, so the
/// files do not depend on the thread count.
public struct CallTrace: CallObserver {
  /// The columns. `arrival` is seconds from the start of the horizon; `group` is the group
  /// that answered (empty otherwise); `transferred_by` the group that transferred a
  /// misrouted call; `wait_seconds` is the time waiting in queues (answered or abandoned
  /// calls); `handle_seconds` the talk time served, after any generalist factor. `caller` is
  /// the caller's number (its first attempt's among first attempts, kept by its redials);
  /// `talk_drawn_seconds` and `patience_seconds` are the caller's draws at arrival, before any
  /// generalist factor (empty patience: never abandons) — the same in every scenario on the
  /// same seed. `handle_seconds` is after any call cap. `agent` is the number of the answering
  /// agent in its group (from 0; rostered agents in roster order) and `remote` whether that
  /// agent works remotely.
  public static let header =
    "replication,call_id,type,is_redial,arrival,outcome,group,transferred_by,wait_seconds,handle_seconds,"
    + "caller,talk_drawn_seconds,patience_seconds,agent,remote"

  /// The columns of `agents.csv`. `change` is `logged_in`, `lunch`, `break`, `gap` (a remote
  /// agent's log-in gap), `end_of_shift`, `staffing` (an hourly plan lowered), or `absent` (a
  /// rostered agent absent for the shift starting then); an agent in a call when a pause or
  /// its shift's end is due logs out when the call ends.
  public static let agentHeader = "replication,time_seconds,group,agent,change,remote"

  public static let agentFile = "agents.csv"

  /// The header for `model`: ``header``, then `capped` (true/false: an answered call's talk
  /// was cut at the cap) when the model has a call cap, `abusive` (true/false: a known
  /// abusive caller) when it has abusive callers, and `channel` (`phone`, `chat`, `message`)
  /// when it has chat or message types — columns only where they can say something. A
  /// chat's `handle_seconds` is its handle at one chat, not its length slowed by others.
  public static func header(for model: CallCenterModel) -> String {
    header + (model.hasCallCap ? ",capped" : "") + (model.abusiveCallers != nil ? ",abusive" : "")
      + (model.hasOtherChannels ? ",channel" : "")
  }

  /// Estimated bytes per row, for the size announced before a traced run.
  public static let bytesPerRow = 96.0

  private let sink: Sink
  private let agentSink: Sink
  private let replication: String
  private let typeNames: [String]
  private let groupNames: [String]
  private let firstMeasuredHour: Int
  private let hasCap: Bool
  private let hasAbusive: Bool
  /// Each call type's channel, when some type is not a phone type; empty otherwise.
  private let channels: [String]

  /// A trace of replication `replication` of `model` into the part file `url` (and its
  /// agent changes into ``agentPart(of:)``).
  /// `budget`, when given, bounds the bytes written by every trace sharing it (``TraceBudget``).
  public init(model: CallCenterModel, replication: Int, url: URL, budget: TraceBudget? = nil) throws {
    sink = try Sink(url: url, budget: budget)
    agentSink = try Sink(url: CallTrace.agentPart(of: url), budget: budget)
    self.replication = String(replication)
    typeNames = model.callTypes.map(\.name)
    groupNames = model.agentGroups.map(\.name)
    firstMeasuredHour = model.settings.firstMeasuredHour
    hasCap = model.hasCallCap
    hasAbusive = model.abusiveCallers != nil
    channels = model.hasOtherChannels ? model.callTypes.map(\.channel.rawValue) : []
  }

  public mutating func observe(_ event: CallEvent, call: CallFacts, at time: Double) {
    guard call.hour >= firstMeasuredHour else { return }
    let outcome: String
    var group = "", wait = "", handle = "", agent = "", remote = ""
    switch event {
    case .arrived, .queued, .transferred, .recovery, .callBackOffered, .callBackMissed, .callBackReached: return
    case .blocked: outcome = "blocked"
    case .ivrHangUp: outcome = "ivr_hang_up"
    case .selfServed: outcome = "self_served"
    case .answered(let g, let a, let r, let w, let talk, _):
      outcome = "answered"
      group = groupNames[g]
      wait = CSVNumber.format(w)
      handle = CSVNumber.format(talk)
      agent = String(a)
      remote = r ? "true" : "false"
    case .abandoned(let w):
      outcome = "abandoned"
      wait = CSVNumber.format(w)
    case .callBackLost: outcome = "callback_lost"
    case .inQueueAtEnd, .inIVRAtEnd: outcome = "in_system_at_end"
    }
    var row = [
      replication, String(call.id), typeNames[call.type], call.isRedial ? "true" : "false",
      CSVNumber.format(call.arrival), outcome, group, call.transferGroup.map { groupNames[$0] } ?? "", wait, handle,
      String(call.caller), CSVNumber.format(call.drawnTalk), call.patience.isFinite ? CSVNumber.format(call.patience) : "",
      agent, remote,
    ]
    if hasCap { row.append(call.capped ? "true" : "false") }
    if hasAbusive { row.append(call.isAbusive ? "true" : "false") }
    if !channels.isEmpty { row.append(channels[call.type]) }
    sink.append(row.joined(separator: ",") + "\n")
  }

  public mutating func agentChanged(_ change: AgentChange, group: Int, agent: Int, at time: Double) {
    let name: String
    var remote = ""
    switch change {
    case .loggedIn(let r):
      name = "logged_in"
      remote = r ? "true" : "false"
    case .loggedOut(let reason): name = reason.rawValue
    case .absent: name = "absent"
    }
    agentSink.append([replication, CSVNumber.format(time), groupNames[group], String(agent), name, remote].joined(separator: ",") + "\n")
  }

  /// Writes what is still buffered and closes the part files.
  public func close() throws {
    try sink.close()
    try agentSink.close()
  }

  /// Writes a trace file to `url` atomically: `header` (by default `calls.csv`'s: ``header``,
  /// or ``header(for:)`` when given `model`), then each part in order, streamed.
  public static func merge(
    parts: [URL], into url: URL, header: String? = nil, model: CallCenterModel? = nil, stop: StopRequest? = nil
  ) throws {
    let header = header ?? model.map(CallTrace.header(for:)) ?? CallTrace.header
    try AtomicFile.write(to: url, stop: stop) { out in
      try out.append(header + "\n")
      for part in parts {
        let handle = try FileHandle(forReadingFrom: part)
        defer { try? handle.close() }
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
          try out.append(block)
        }
      }
    }
  }

  /// A buffered part file; a class so that copies of the trace share one file.
  private final class Sink: @unchecked Sendable {
    let handle: FileHandle
    let budget: TraceBudget?
    var buffer = Data()
    var failure: Error?

    init(url: URL, budget: TraceBudget?) throws {
      self.budget = budget
      guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
        throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
      }
      handle = try FileHandle(forWritingTo: url)
      buffer.reserveCapacity(1 << 16)
    }

    func append(_ text: String) {
      buffer.append(contentsOf: text.utf8)
      if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
      guard failure == nil, !buffer.isEmpty else {
        buffer.removeAll(keepingCapacity: true)
        return
      }
      if let budget, !budget.spend(buffer.count) {
        failure = TraceBudget.Exceeded(limit: budget.limit)
      } else {
        do { try handle.write(contentsOf: buffer) } catch { failure = error }
      }
      buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
      flush()
      try handle.close()
      if let failure { throw failure }
    }
  }
}

extension SimulationRunner {
  /// Like ``runAllowingStop(_:threads:progress:stop:)``, tracing every call: replication `r`
  /// writes `folder/calls-r.part`; ``CallTrace/merge(parts:into:)`` joins them afterwards.
  public static func runAllowingStop(
    _ model: CallCenterModel, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (Int) -> Void)? = nil, stop: StopRequest? = nil, tracingInto folder: URL,
    budget: TraceBudget? = nil
  ) throws -> (result: RunResult?, stopped: Bool) {
    try runAllowingStop(
      model, threads: threads, progress: progress, stop: stop,
      observer: { try CallTrace(model: model, replication: $0, url: CallTrace.part($0, in: folder), budget: budget) },
      finish: { try $0.close() })
  }
}

extension CallTrace {
  /// The part file of replication `r` in `folder`.
  public static func part(_ r: Int, in folder: URL) -> URL { folder.appendingPathComponent("calls-\(r).part") }

  /// The `agents.csv` part beside the `calls.csv` part `callPart`.
  public static func agentPart(of callPart: URL) -> URL {
    callPart.deletingLastPathComponent().appendingPathComponent("agents-" + callPart.lastPathComponent.dropFirst("calls-".count))
  }
}
