import Foundation

/// `calls.csv` (with `--trace`): one row per counted call — a call arriving after the
/// warm-up — written when the call's outcome is known. Each replication writes its own part
/// file, streamed in 64 KiB blocks; ``CallTrace/merge(parts:into:)`` joins the parts in
/// replication order, so the file does not depend on the thread count.
public struct CallTrace: CallObserver {
  /// The columns. `arrival` is seconds from the start of the horizon; `group` is the group
  /// that answered (empty otherwise); `transferred_by` the group that transferred a
  /// misrouted call; `wait_seconds` is the time waiting in queues (answered or abandoned
  /// calls); `handle_seconds` the talk time served, after any generalist factor. `caller` is
  /// the caller's number (its first attempt's among first attempts, kept by its redials);
  /// `talk_drawn_seconds` and `patience_seconds` are the caller's draws at arrival, before any
  /// generalist factor (empty patience: never abandons) — the same in every scenario on the
  /// same seed. `handle_seconds` is after any call cap.
  public static let header =
    "replication,call_id,type,is_redial,arrival,outcome,group,transferred_by,wait_seconds,handle_seconds,"
    + "caller,talk_drawn_seconds,patience_seconds"

  /// The header for `model`: ``header``, then `capped` (true/false: an answered call's talk
  /// was cut at the cap) when the model has a call cap, and `abusive` (true/false: a known
  /// abusive caller) when it has abusive callers — columns only where they can say something.
  public static func header(for model: CallCenterModel) -> String {
    header + (model.hasCallCap ? ",capped" : "") + (model.abusiveCallers != nil ? ",abusive" : "")
  }

  /// Estimated bytes per row, for the size announced before a traced run.
  public static let bytesPerRow = 96.0

  private let sink: Sink
  private let replication: String
  private let typeNames: [String]
  private let groupNames: [String]
  private let firstMeasuredHour: Int
  private let hasCap: Bool
  private let hasAbusive: Bool

  /// A trace of replication `replication` of `model` into the part file `url`.
  public init(model: CallCenterModel, replication: Int, url: URL) throws {
    sink = try Sink(url: url)
    self.replication = String(replication)
    typeNames = model.callTypes.map(\.name)
    groupNames = model.agentGroups.map(\.name)
    firstMeasuredHour = model.settings.firstMeasuredHour
    hasCap = model.hasCallCap
    hasAbusive = model.abusiveCallers != nil
  }

  public mutating func observe(_ event: CallEvent, call: CallFacts, at time: Double) {
    guard call.hour >= firstMeasuredHour else { return }
    let outcome: String
    var group = "", wait = "", handle = ""
    switch event {
    case .arrived, .queued, .transferred, .recovery: return
    case .blocked: outcome = "blocked"
    case .ivrHangUp: outcome = "ivr_hang_up"
    case .selfServed: outcome = "self_served"
    case .answered(let g, let w, let talk, _):
      outcome = "answered"
      group = groupNames[g]
      wait = CSVNumber.format(w)
      handle = CSVNumber.format(talk)
    case .abandoned(let w):
      outcome = "abandoned"
      wait = CSVNumber.format(w)
    case .inQueueAtEnd, .inIVRAtEnd: outcome = "in_system_at_end"
    }
    var row = [
      replication, String(call.id), typeNames[call.type], call.isRedial ? "true" : "false",
      CSVNumber.format(call.arrival), outcome, group, call.transferGroup.map { groupNames[$0] } ?? "", wait, handle,
      String(call.caller), CSVNumber.format(call.drawnTalk), call.patience.isFinite ? CSVNumber.format(call.patience) : "",
    ]
    if hasCap { row.append(call.capped ? "true" : "false") }
    if hasAbusive { row.append(call.isAbusive ? "true" : "false") }
    sink.append(row.joined(separator: ",") + "\n")
  }

  /// Writes what is still buffered and closes the part file.
  public func close() throws { try sink.close() }

  /// Writes `calls.csv` to `url` atomically: the header (``header``, or
  /// ``header(for:)`` when given `model`), then each part in order, streamed.
  public static func merge(parts: [URL], into url: URL, model: CallCenterModel? = nil, stop: StopRequest? = nil) throws {
    let header = model.map(CallTrace.header(for:)) ?? header
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
    var buffer = Data()
    var failure: Error?

    init(url: URL) throws {
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
      guard failure == nil, !buffer.isEmpty else { return }
      do { try handle.write(contentsOf: buffer) } catch { failure = error }
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
    progress: (@Sendable (Int) -> Void)? = nil, stop: StopRequest? = nil, tracingInto folder: URL
  ) throws -> (result: RunResult?, stopped: Bool) {
    try runAllowingStop(
      model, threads: threads, progress: progress, stop: stop,
      observer: { try CallTrace(model: model, replication: $0, url: CallTrace.part($0, in: folder)) },
      finish: { try $0.close() })
  }
}

extension CallTrace {
  /// The part file of replication `r` in `folder`.
  public static func part(_ r: Int, in folder: URL) -> URL { folder.appendingPathComponent("calls-\(r).part") }
}
