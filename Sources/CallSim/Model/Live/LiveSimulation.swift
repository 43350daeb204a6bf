import Foundation

/// One replication of a model stepped by a caller — the live wallboard's simulation:
/// ``advance(until:)`` in pieces, a ``snapshot()`` between them, interventions at the
/// current simulated instant, each logged with its time, and the results of the day so far.
///
/// The loop is ``CallCenterSimulation`` with a ``WallboardObserver``, specialised in this
/// module, so stepping runs at the speed of `callsim run`. Stepping to the end with no
/// intervention gives exactly the counts of replication 0 of `callsim run`. Not thread-safe:
/// use it from one thread at a time.
public final class LiveSimulation {
  /// A change made while the simulation runs, at `time` seconds.
  public struct Intervention: Sendable {
    public var time: Double
    /// `add_agents`, `remove_agents`, `routing`, `pause`, `resume` or `speed`.
    public var action: String
    public var group: String?
    /// Agents asked to add or remove.
    public var agents: Int?
    /// Agents actually removed (fewer when fewer were logged in).
    public var applied: Int?
    public var mode: String?
    /// The new speed: simulated seconds per real second, or `max`.
    public var speed: String?
    /// With a switch to `overflow`: the wait after which any skilled agent may take a call, seconds.
    public var overflowAfter: Double?

    public init(
      time: Double, action: String, group: String? = nil, agents: Int? = nil, applied: Int? = nil, mode: String? = nil,
      speed: String? = nil, overflowAfter: Double? = nil
    ) {
      self.overflowAfter = overflowAfter
      self.time = time
      self.action = action
      self.group = group
      self.agents = agents
      self.applied = applied
      self.mode = mode
      self.speed = speed
    }

    /// The object written in `summary.json`'s `interventions`.
    public var json: [String: Any] {
      var o: [String: Any] = ["time_seconds": time, "action": action]
      if let group { o["group"] = group }
      if let agents { o["agents"] = agents }
      if let applied { o["applied"] = applied }
      if let mode { o["mode"] = mode }
      if let speed { o["speed"] = speed }
      if let overflowAfter { o["overflow_after_seconds"] = overflowAfter }
      return o
    }
  }

  /// One point of the wallboard's chart: the `interval` seconds ending at `time`.
  public struct HistoryPoint: Sendable {
    public var time: Double
    public var counts: WallboardObserver.Counts
    /// Calls waiting and agents logged in, at `time`.
    public var waiting: Int
    public var agentsLoggedIn: Int
  }

  /// An intervention naming something the model does not have.
  public struct InterventionError: Error, CustomStringConvertible {
    public var description: String
  }

  public let model: CallCenterModel
  var simulation: CallCenterSimulation<WallboardObserver>
  public private(set) var interventions: [Intervention] = []
  public private(set) var history: [HistoryPoint] = []
  /// Seconds between two points of ``history``.
  public let historyInterval: Double

  /// Replication 0 of `model`, started (its first events scheduled) at time 0.
  public init(model: CallCenterModel, historyInterval: Double = 900) {
    self.model = model
    self.historyInterval = historyInterval
    simulation = CallCenterSimulation(model: model, replication: 0, observer: WallboardObserver(model: model))
    simulation.start()
  }

  /// Seconds simulated so far.
  public var now: Double { simulation.now }
  /// The run's length, seconds.
  public var horizon: Double { simulation.horizonSeconds }
  public var isAtEnd: Bool { simulation.isAtEnd }

  /// Processes the events up to `time` seconds (at most the horizon), recording a history
  /// point at every multiple of ``historyInterval`` passed.
  public func advance(until time: Double) {
    let target = min(time, horizon)
    while true {
      let boundary = (Double(Int(simulation.now / historyInterval)) + 1) * historyInterval
      guard boundary <= target else { break }
      simulation.advance(until: boundary)
      let snap = simulation.snapshot()
      history.append(
        HistoryPoint(
          time: boundary, counts: simulation.observer.takeInterval(), waiting: snap.queues.reduce(0) { $0 + $1.waiting },
          agentsLoggedIn: snap.groups.reduce(0) { $0 + $1.talking + $1.wrapUp + $1.idle }))
    }
    simulation.advance(until: target)
  }

  public func snapshot() -> WallboardSnapshot { simulation.snapshot() }

  /// Today's answered waits of call type `type` (all types when `nil`) in ``DurationBins``:
  /// the wallboard's wait percentiles.
  public func todayWaitHistogram(type: Int?) -> [Double] { simulation.observer.todayWaitHistogram(type: type) }
  /// Today's answered waits of the call types `types` together.
  public func todayWaitHistogram(types: [Int]) -> [Double] { simulation.observer.todayWaitHistogram(types: types) }

  /// The model's index of the group named `name`, or an error naming the groups there are.
  public func group(named name: String) throws(InterventionError) -> Int {
    guard let g = model.agentGroups.firstIndex(where: { $0.name == name }) else {
      throw InterventionError(
        description: "unknown group \"\(name)\"; groups: \(model.agentGroups.map(\.name).joined(separator: ", "))")
    }
    return g
  }

  /// Adds `count` agents to the group named `group` now.
  @discardableResult
  public func addAgents(_ count: Int, group: String) throws(InterventionError) -> Intervention {
    let g = try self.group(named: group)
    simulation.addAgents(count, group: g)
    return log(Intervention(time: now, action: "add_agents", group: group, agents: count, applied: count))
  }

  /// Removes up to `count` logged-in agents of the group named `group` now.
  @discardableResult
  public func removeAgents(_ count: Int, group: String) throws(InterventionError) -> Intervention {
    let g = try self.group(named: group)
    let removed = simulation.removeAgents(count, group: g)
    return log(Intervention(time: now, action: "remove_agents", group: group, agents: count, applied: removed))
  }

  /// Switches the routing mode now, refusing what a scenario file could not say: `overflow`
  /// needs the wait after which any skilled agent may take a call — `overflowAfter` seconds,
  /// or the scenario's own `routing.overflow_after` when its routing (in force now) is
  /// overflow — and `overflowAfter` is used only with `overflow`; every call type must keep
  /// a group that may serve it under the new mode.
  @discardableResult
  public func switchRouting(to mode: RoutingMode, overflowAfter: Double? = nil) throws(InterventionError) -> Intervention {
    let inForce = simulation.routingModelInForce
    if let overflowAfter {
      guard mode.usesOverflowWait else {
        throw InterventionError(
          description: "\"overflow_after\" is used only with mode overflow (mode is \(mode.rawValue)), as routing.overflow_after in a scenario")
      }
      guard overflowAfter.isFinite, overflowAfter >= 0, overflowAfter <= Self.maxOverflowAfter else {
        throw InterventionError(description: "\"overflow_after\" must be a wait from 0 s to 1000000000 s")
      }
    }
    var wait = Double.infinity
    if mode.usesOverflowWait {
      let own = inForce.routing.mode.usesOverflowWait ? inForce.routing.overflowAfter : .infinity
      guard let chosen = overflowAfter ?? (own.isFinite ? own : nil) else {
        throw InterventionError(
          description:
            "mode overflow needs \"overflow_after\", the wait after which any skilled agent may take a call (a duration such as \"30s\", or seconds), as a scenario with routing mode overflow needs routing.overflow_after")
      }
      wait = chosen
    }
    for (t, type) in model.callTypes.enumerated() {
      if !model.agentGroups.contains(where: { mode.lets($0, serve: t) }) {
        throw InterventionError(
          description: "under \(mode.rawValue) routing no group could serve call type \"\(type.name)\" (no group lists it \(mode.servingRule))")
      }
    }
    simulation.switchRouting(to: mode, overflowAfter: wait)
    return log(Intervention(time: now, action: "routing", mode: mode.rawValue, overflowAfter: mode.usesOverflowWait ? wait : nil))
  }

  /// The longest overflow wait a control may give, seconds (the bound on scenario durations).
  public static let maxOverflowAfter = 1e9

  /// Records a change made outside the model (pause, resume, speed) at the current time.
  @discardableResult
  public func log(_ intervention: Intervention) -> Intervention {
    interventions.append(intervention)
    return intervention
  }

  /// The results of the run so far (to the horizon when it was reached): one replication.
  /// Call once; the simulation cannot advance after it.
  public func finish() throws(CountLimitError) -> RunResult {
    RunResult(model: model, replications: [try simulation.finish()])
  }
}
