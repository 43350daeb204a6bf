import CallSim
import Foundation

/// The JSON of one stream event (`data:` line of `GET /events`).
///
/// `seq` numbers events from 1; `type` is `state` (about once a second), `intervention`
/// (a control was applied: `intervention` says which), `end` (the simulated period is over)
/// or `stopped`. Rates over calls resolved (answered + abandoned): `answer_rate` = answered /
/// resolved, `service_level` = answered within the target / resolved, `null` when none.
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
    let queues: [[String: Any]] = snap.queues.map { q in
      [
        "name": q.name, "waiting": q.waiting, "longest_wait": round1(q.longestWait),
        "today": counts(q.today), "last_15m": counts(q.lastQuarterHour),
      ]
    }
    let groups: [[String: Any]] = snap.groups.map { g in
      [
        "name": g.name, "talking": g.talking, "wrap_up": g.wrapUp, "idle": g.idle, "on_break": g.onBreak,
        "logged_off": g.loggedOff, "answered_today": g.answeredToday,
      ]
    }
    let sum = { (key: KeyPath<WallboardSnapshot.QueueTile, WallboardObserver.Counts>) in
      snap.queues.map { $0[keyPath: key] }.reduce(into: WallboardObserver.Counts()) { total, c in
        total.offered += c.offered
        total.answered += c.answered
        total.answeredWithin += c.answeredWithin
        total.abandoned += c.abandoned
      }
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
      "totals": [
        "waiting": snap.queues.reduce(0) { $0 + $1.waiting },
        "longest_wait": round1(snap.queues.map(\.longestWait).max() ?? 0),
        "today": counts(sum(\.today)), "last_15m": counts(sum(\.lastQuarterHour)),
      ] as [String: Any],
      "history_interval": simulation.historyInterval,
      "history": history,
      "interventions": simulation.interventions.suffix(8).map { interventionJSON($0, model: model) },
    ]
    if let intervention { o["intervention"] = interventionJSON(intervention, model: model) }
    return o
  }

  static func interventionJSON(_ i: LiveSimulation.Intervention, model: CallCenterModel) -> [String: Any] {
    var o = i.json
    o["clock"] = clock(i.time, model: model)
    return o
  }

  static func counts(_ c: WallboardObserver.Counts) -> [String: Any] {
    let resolved = c.answered + c.abandoned
    return [
      "offered": c.offered, "answered": c.answered, "answered_within": c.answeredWithin, "abandoned": c.abandoned,
      "answer_rate": resolved == 0 ? NSNull() : Double(c.answered) / Double(resolved) as Any,
      "service_level": resolved == 0 ? NSNull() : Double(c.answeredWithin) / Double(resolved) as Any,
    ]
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
