/// The unit of a ``Metric``, as docs/outputs.md names it.
public enum MetricUnit: String, Sendable, CaseIterable {
  case calls, share, seconds, agents
  case agentHours = "agent-hours"
}

/// The outputs that show a metric, besides `summary.json`'s `metrics` (every metric), `compare.csv`
/// (every metric of each scope) and the metrics a sweep file may name (every metric).
public struct MetricOutputs: OptionSet, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// `summary.json`'s `call_types.NAME` and `compare`'s call-type rows (agent time is not per type).
  public static let perCallType = MetricOutputs(rawValue: 1 << 0)
  /// A column of `hourly.csv` (and of `hourly_types.csv` if also `perCallType`).
  public static let hourly = MetricOutputs(rawValue: 1 << 1)
  /// A row of the summary `callsim run` prints.
  public static let console = MetricOutputs(rawValue: 1 << 2)
  /// An overall row of the table `callsim compare` prints.
  public static let compareConsole = MetricOutputs(rawValue: 1 << 3)
  /// A call-type row of the table `callsim compare` prints.
  public static let compareTypeConsole = MetricOutputs(rawValue: 1 << 4)
  /// A value in each queue's "today" on the live wallboard (`metrics` of its events).
  public static let wallboard = MetricOutputs(rawValue: 1 << 5)
}

/// The catalogue: each metric's unit, console label, definition and outputs, written once.
/// Every output lists its metrics from here (``listed(in:)``), in the cases' order, and
/// docs/outputs.md's metric table is ``markdownTable`` (a test checks it).
extension Metric {
  public var unit: MetricUnit {
    switch self {
    case .answerRate, .answerRateTotal, .serviceLevel, .abandonRate, .blockedShare, .occupancy: .share
    case .asaSeconds, .meanWaitSeconds, .waitP50Seconds, .waitP80Seconds, .waitP90Seconds, .waitP95Seconds,
      .callBackDelaySeconds, .responseSeconds:
      .seconds
    case .callBackDelayWithinTarget, .onTimeShare: .share
    case .agentsOnPhones, .agentsScheduled: .agents
    case .paidHours, .overtimeHours, .recoveryHours: .agentHours
    default: .calls
    }
  }

  /// The row label in the printed tables (`callsim run` adds ` (s)` to seconds and the
  /// service-level time; `compare` writes the unit with the values).
  public var label: String {
    switch self {
    case .totalInflow: "total inflow (calls)"
    case .inflow: "inflow to agents (calls)"
    case .answered: "answered (calls)"
    case .abandoned: "abandoned (calls)"
    case .blocked: "blocked (calls)"
    case .ivrHangUps: "IVR hang-ups (calls)"
    case .selfServed: "self-served (calls)"
    case .inSystemAtEnd: "in system at end (calls)"
    case .inQueueAtEnd: "in queue at end (calls)"
    case .redials: "redials (calls)"
    case .transferred: "transferred (calls)"
    case .answerRate: "answer rate"
    case .answerRateTotal: "answer rate (of total)"
    case .serviceLevel: "service level"
    case .abandonRate: "abandon rate"
    case .blockedShare: "blocked share"
    case .asaSeconds: "ASA"
    case .meanWaitSeconds: "mean wait"
    case .waitP50Seconds: "answered wait p50"
    case .waitP80Seconds: "answered wait p80"
    case .waitP90Seconds: "answered wait p90"
    case .waitP95Seconds: "answered wait p95"
    case .occupancy: "occupancy"
    case .agentsOnPhones: "agents on the phones"
    case .agentsScheduled: "agents scheduled"
    case .paidHours: "paid (agent-hours)"
    case .overtimeHours: "overtime (agent-hours)"
    case .capped: "capped (calls)"
    case .callBacks: "call-backs (calls)"
    case .abusiveAnswered: "abusive answered (calls)"
    case .recoveryHours: "recovery (agent-hours)"
    case .callBackOffered: "call-backs offered (calls)"
    case .callBackAccepted: "call-backs accepted (calls)"
    case .callBackCompleted: "call-backs completed (calls)"
    case .callBackLost: "call-backs lost (calls)"
    case .callBackDelaySeconds: "call-back delay"
    case .callBackDelayWithinTarget: "call-backs in time"
    case .responseSeconds: "message response"
    case .onTimeShare: "messages on time"
    case .backlog: "message backlog (messages)"
    }
  }

  /// What it measures, as docs/outputs.md's table says it (Markdown, one line, no `|`).
  public var definition: String {
    switch self {
    case .totalInflow: "calls that reached the number, redials included"
    case .inflow: "calls that reached the agent queue"
    case .answered, .abandoned, .blocked: "outcomes"
    case .ivrHangUps, .selfServed: "ended in the IVR"
    case .redials: "calls among `total_inflow` that were redials"
    case .transferred: "misrouted calls transferred to their right queue (not an outcome: they end like any call)"
    case .inSystemAtEnd:
      "no outcome yet when the horizon ended: in the IVR, waiting in the agent queue, or with an agent of a wrong group transferring it (`in_system_at_end` in `calls.csv`); the last outcome, so that the outcomes add up to `total_inflow`"
    case .inQueueAtEnd: "those of `in_system_at_end` that had reached the agent queue (waiting, or being transferred)"
    case .answerRate: "answered / inflow (the foundation's definition)"
    case .answerRateTotal: "answered / total inflow (the auditors' definition)"
    case .serviceLevel: "answered within `targets.service_level.within` / inflow"
    case .abandonRate: "abandoned / inflow"
    case .blockedShare: "blocked / total inflow"
    case .asaSeconds: "mean wait of answered calls"
    case .meanWaitSeconds: "mean wait of answered and abandoned calls"
    case .waitP50Seconds, .waitP80Seconds, .waitP90Seconds, .waitP95Seconds:
      "the \(Int((waitQuantile! * 100).rounded()))th percentile of the waits of answered calls, in each replication (see [Wait percentiles](#wait-percentiles))"
    case .occupancy:
      "agent time talking or in wrap-up / agent time logged in and not in recovery after an abusive call"
    case .agentsScheduled:
      "time-average of agents the hourly plans, roster lines and reinforcement rules put on duty (shifts including their pauses; after any strike, before absence)"
    case .agentsOnPhones:
      "time-average of agents logged in and not on a break, lunch or log-in gap (those finishing a call past their shift or hour included)"
    case .paidHours:
      "shifts minus lunch of the rostered agents (after any strike, before absence: leave is paid), plus the hours of hourly plans; counted in the hour a shift starts; in a live run, also the logged-in hours of agents added live"
    case .overtimeHours: "agent time spent finishing calls after a shift's end"
    case .capped: "answered calls whose talk was cut at the `call_cap` limit"
    case .callBacks: "calls among `redials` that are call-backs of callers cut at the cap"
    case .abusiveAnswered: "answered calls of known abusive callers"
    case .recoveryHours: "agent time in recovery after abusive calls"
    case .callBackOffered: "waiting callers offered a call-back (`callback_offer`); only with offers, as the five below"
    case .callBackAccepted: "callers who accepted the call-back offered: they hang up and keep their place in the queue"
    case .callBackCompleted: "call-backs that reached their caller (counted among `answered`: an answered call whose wait ran from joining the queue to the call-back)"
    case .callBackLost: "call-backs whose every attempt missed the caller: an outcome"
    case .callBackDelaySeconds: "mean time from a caller's hang-up to the call-back that reached it"
    case .callBackDelayWithinTarget: "completed call-backs that started within `targets.service_level.within` of the hang-up / completed call-backs"
    case .responseSeconds:
      "mean wait of answered messages, from arrival to an agent taking it up (`channel: message` types; only with them, as the two below)"
    case .onTimeShare:
      "messages answered within their type's `deadline` / messages that arrived"
    case .backlog:
      "messages waiting (not yet answered) at an hour's end, averaged over the period's hours: in an hourly row, at that hour's end (the backlog at the end of the run is `in_queue_at_end`)"
    }
  }

  /// The outputs that show it (besides those that show every metric: see ``MetricOutputs``).
  public var outputs: MetricOutputs {
    switch self {
    case .totalInflow, .inflow, .answered, .abandoned:
      [.perCallType, .hourly, .console, .compareConsole]
    case .blocked: [.perCallType, .hourly, .console]
    case .ivrHangUps, .selfServed, .inSystemAtEnd: [.perCallType, .hourly]
    case .inQueueAtEnd, .blockedShare: [.perCallType]
    case .redials, .transferred: [.perCallType, .hourly, .compareConsole]
    case .answerRate, .serviceLevel, .abandonRate: [.perCallType, .hourly, .console, .compareConsole, .compareTypeConsole]
    case .answerRateTotal, .meanWaitSeconds: [.perCallType, .hourly, .console, .compareConsole]
    case .asaSeconds: [.perCallType, .hourly, .console, .compareConsole, .compareTypeConsole, .wallboard]
    // Not hourly: a histogram per hour and call type would make a long horizon's results
    // grow by 22 KB per hour and type (docs/outputs.md, Wait percentiles).
    case .waitP50Seconds, .waitP80Seconds, .waitP90Seconds, .waitP95Seconds:
      [.perCallType, .console, .compareConsole, .wallboard]
    case .occupancy: [.hourly, .console, .compareConsole]
    case .agentsScheduled, .agentsOnPhones: [.hourly]
    case .paidHours, .overtimeHours: []
    case .capped, .callBacks, .abusiveAnswered: [.perCallType, .hourly, .compareConsole]
    case .recoveryHours: [.hourly, .compareConsole]
    case .callBackOffered, .callBackAccepted, .callBackCompleted, .callBackLost, .callBackDelaySeconds,
      .callBackDelayWithinTarget:
      [.perCallType, .hourly, .console, .compareConsole]
    case .responseSeconds, .onTimeShare, .backlog: [.perCallType, .hourly, .console, .compareConsole]
    }
  }

  /// When a row of `compare`'s printed table shows only if some scenario has the feature.
  public enum Feature: Sendable {
    case callCap, abusiveCallers, callBackOffers
    /// Some call type is not a phone type: the message metrics, `summary.json`'s `channels`
    /// and `hourly_types.csv`'s `channel` column.
    case messages

    /// Whether `model` has the feature.
    public func isUsed(by model: CallCenterModel) -> Bool {
      switch self {
      case .callCap: model.hasCallCap
      case .abusiveCallers: model.abusiveCallers != nil
      case .callBackOffers: model.hasCallBackOffers
      case .messages: model.hasMessages
      }
    }
  }

  /// The feature a `compareConsole` row needs; `nil` for a row always shown.
  public var shownWith: Feature? {
    switch self {
    case .capped, .callBacks: .callCap
    case .abusiveAnswered, .recoveryHours: .abusiveCallers
    default: reportedWith
    }
  }

  /// The feature without which the metric is not reported at all — not in `summary.json`, the
  /// printed tables, `compare` or sweeps — so that a scenario without it gives the same
  /// outputs as before the feature existed; `nil` for the metrics of every run.
  public var reportedWith: Feature? {
    switch self {
    case .callBackOffered, .callBackAccepted, .callBackCompleted, .callBackLost, .callBackDelaySeconds,
      .callBackDelayWithinTarget:
      .callBackOffers
    case .responseSeconds, .onTimeShare, .backlog: .messages
    default: nil
    }
  }

  /// The metrics a run of `model` reports, in the cases' order.
  public static func reported(for model: CallCenterModel) -> [Metric] {
    allCases.filter { $0.reportedWith?.isUsed(by: model) ?? true }
  }

  /// The metrics `output` shows, in the cases' order.
  public static func listed(in output: MetricOutputs) -> [Metric] {
    allCases.filter { $0.outputs.contains(output) }
  }

  /// The metrics `output` shows for a run of `model`.
  public static func listed(in output: MetricOutputs, for model: CallCenterModel) -> [Metric] {
    reported(for: model).filter { $0.outputs.contains(output) }
  }

  /// Agent time: reported overall, not per call type.
  public var isAgentTime: Bool { !outputs.contains(.perCallType) }

  /// docs/outputs.md's metric table: one row per metric.
  public static var markdownTable: String {
    var lines = ["| metric | unit | definition | per call type | hourly |", "| --- | --- | --- | --- | --- |"]
    for m in allCases {
      let mark = { (o: MetricOutputs) in m.outputs.contains(o) ? "✓" : "" }
      let cells = ["`\(m.rawValue)`", m.unit.rawValue, m.definition, mark(.perCallType), mark(.hourly)]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
