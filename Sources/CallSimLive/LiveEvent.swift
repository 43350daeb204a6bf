import CallSim
import Foundation

/// The JSON of one stream event (`data:` line of `GET /events`).
///
/// `seq` numbers events from 1; `type` is `state` (about once a second), `intervention`
/// (a control was applied: `intervention` says which), `end` (the simulated period is over)
/// or `stopped`. Each queue names its `channel`; with message types, `channels` has one tile
/// per channel (the totals over its queues). Rates over calls resolved (answered + abandoned +
/// call-backs lost): `answer_rate` = answered / resolved, `service_level` = answered within the
/// target / resolved, `null` when none.
enum LiveEvent {
  struct Status {
    var type: String
    var speed: LiveSpeed
    var paused: Bool
    var ended: Bool
    /// Seconds of wall time since the run started.
    var wallSeconds: Double
    /// Seconds of wall time the simulation is behind its pace.
    var lagSeconds: Double
  }

  /// Hours of history in each event.
  static let historyHours = 8.0

  static func object(simulation: LiveSimulation, status: Status, intervention: LiveSimulation.Intervention?) -> [String: Any] {
    let model = simulation.model
    let snap = simulation.snapshot()
    // The abusive callers' queue, after the call types', is the phones'.
    func channel(ofQueue i: Int) -> Channel { i < model.callTypes.count ? model.callTypes[i].channel : .phone }
    let queues: [[String: Any]] = snap.queues.enumerated().map { i, q in
      [
        "name": q.name, "channel": channel(ofQueue: i).rawValue,
        "waiting": q.waiting, "longest_wait": round1(q.longestWait),
        "today": counts(q.today), "last_15m": counts(q.lastQuarterHour),
        "metrics": metrics(q.today, waits: i < model.callTypes.count ? WaitQuantiles(histogram: simulation.todayWaitHistogram(type: i)) : nil),
      ]
    }
    let groups: [[String: Any]] = snap.groups.map { g in
      [
        "name": g.name, "talking": g.talking, "wrap_up": g.wrapUp, "idle": g.idle, "on_break": g.onBreak,
        "logged_off": g.loggedOff, "answered_today": g.answeredToday,
      ]
    }
    let since = snap.time - historyHours * 3600
    let history: [[String: Any]] = simulation.history.filter { $0.time > since }.map { p in
      [
        "t": p.time, "offered": p.counts.offered, "answered": p.counts.answered, "abandoned": p.counts.abandoned,
        "waiting": p.waiting, "agents": p.agentsLoggedIn,
      ]
    }
    var o: [String: Any] = [
      "type": status.type,
      "sim_time": round1(snap.time),
      "clock": clock(snap.time, model: model),
      "day": Int(snap.time / 86_400) + 1,
      "days": model.settings.days,
      "horizon": simulation.horizon,
      "speed": status.speed.description,
      "paused": status.paused,
      "ended": status.ended,
      "routing": snap.routing.rawValue,
      "wall_seconds": (status.wallSeconds * 1000).rounded() / 1000,
      "lag_seconds": (status.lagSeconds * 1000).rounded() / 1000,
      "service_level_within": model.targets.serviceLevelWithin,
      "scenario": model.name,
      "queues": queues,
      "groups": groups,
      "totals": total(of: snap.queues, waits: simulation.todayWaitHistogram(type: nil)),
      "metric_tiles": tiles,
      "history_interval": simulation.historyInterval,
      "history": history,
      "interventions": simulation.interventions.suffix(8).map { interventionJSON($0, model: model) },
    ]
    if model.hasOtherChannels {
      // One tile per channel: the totals over its queues.
      o["channels"] = model.channels.map { c -> [String: Any] in
        let members = snap.queues.indices.filter { channel(ofQueue: $0) == c }
        var tile = total(
          of: members.map { snap.queues[$0] },
          waits: simulation.todayWaitHistogram(types: members.filter { $0 < model.callTypes.count }))
        tile["name"] = c.rawValue
        return tile
      }
    }
    if let intervention { o["intervention"] = interventionJSON(intervention, model: model) }
    return o
  }

  /// The tile of several queues together (all of them, or a channel's), with `waits` their
  /// answered waits today in ``DurationBins``.
  static func total(of queues: [WallboardSnapshot.QueueTile], waits: [Double]) -> [String: Any] {
    let today = queues.map(\.today).reduce(WallboardObserver.Counts(), +)
    return [
      "waiting": queues.reduce(0) { $0 + $1.waiting }, "longest_wait": round1(queues.map(\.longestWait).max() ?? 0),
      "today": counts(today), "last_15m": counts(queues.map(\.lastQuarterHour).reduce(WallboardObserver.Counts(), +)),
      "metrics": metrics(today, waits: WaitQuantiles(histogram: waits)),
    ]
  }

  static func interventionJSON(_ i: LiveSimulation.Intervention, model: CallCenterModel) -> [String: Any] {
    var o = i.json
    o["clock"] = clock(i.time, model: model)
    return o
  }

  static func counts(_ c: WallboardObserver.Counts) -> [String: Any] {
    let resolved = c.resolved
    return [
      "offered": c.offered, "answered": c.answered, "answered_within": c.answeredWithin, "abandoned": c.abandoned,
      "callbacks_lost": c.callBacksLost,
      "answer_rate": resolved == 0 ? NSNull() : Double(c.answered) / Double(resolved) as Any,
      "service_level": resolved == 0 ? NSNull() : Double(c.answeredWithin) / Double(resolved) as Any,
    ]
  }

  /// The wallboard's metrics, from the catalogue (``MetricOutputs/wallboard``): name, label, unit.
  static var tiles: [[String: Any]] { Metric.listed(in: .wallboard).map {
    ["name": $0.rawValue, "label": $0.label, "unit": $0.unit.rawValue]
  } }

  /// The wallboard metrics of today's counts `c` and answered waits `waits` (the catalogue's
  /// definitions over the calls offered today: `inflow` is the calls offered); seconds
  /// rounded to 0.1 s, `null` where undefined.
  static func metrics(_ c: WallboardObserver.Counts, waits: WaitQuantiles?) -> [String: Any] {
    var counts = CallCounts()
    counts.totalInflow = Double(c.offered)
    counts.inflow = Double(c.offered)
    counts.answered = Double(c.answered)
    counts.answeredWithinTarget = Double(c.answeredWithin)
    counts.abandoned = Double(c.abandoned)
    counts.callBackLost = Double(c.callBacksLost)
    counts.answeredWaitSeconds = c.answeredWaitSeconds
    var o: [String: Any] = [:]
    for m in Metric.listed(in: .wallboard) {
      let v = m.value(of: counts, waits: waits, periodSeconds: 86_400)
      o[m.rawValue] = v.map { m.unit == .seconds ? round1($0) : $0 } ?? NSNull()
    }
    return o
  }

  /// `Mon 2024-09-02 09:15:00` for `seconds` from the start of the run.
  static func clock(_ seconds: Double, model: CallCenterModel) -> String {
    let day = Int(seconds / 86_400)
    let date = model.settings.date(ofDay: day)
    let s = Int(seconds) - day * 86_400
    let weekday = date.weekday.rawValue.prefix(1).uppercased() + date.weekday.rawValue.dropFirst()
    return "\(weekday) \(date) " + String(format: "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
  }

  static func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }

  /// One line of JSON, keys sorted.
  static func encode(_ object: [String: Any]) -> String {
    guard let text = try? JSONText.text(object, pretty: false) else {
      preconditionFailure("a live event is not valid JSON")
    }
    return text
  }
}
