import CallSim
import Foundation
import Synchronization

/// Runs a ``LiveSimulation`` paced to the wall clock on a thread of its own: simulated
/// seconds = speed × real seconds since the last start, resume or change of speed. About once
/// a second, and at every control, it publishes the wallboard (``LiveEvent``) to the
/// ``EventHub``. Controls are queued by any thread and applied between two steps, at the
/// simulated instant reached.
///
/// The simulation is touched only by the engine's thread while it runs, and by ``finish()``
/// after ``stop()``; the rest of the state is behind a mutex.
public final class LiveEngine: @unchecked Sendable {
  /// The reply to a control: the JSON sent back, or why it was refused (and the HTTP status).
  public typealias Reply = Result<String, LiveControlFailure>

  private struct Shared {
    var pending: [(LiveControl, CheckedContinuation<Reply, Never>)] = []
    var stopRequested = false
    var threadDone = false
    var ended = false
  }

  public let hub: EventHub
  private let simulation: LiveSimulation
  private let shared = Mutex(Shared())
  private let finished = DispatchSemaphore(value: 0)
  /// Seconds of wall time between two state events.
  private let publishInterval: Double
  /// Seconds of wall time the thread sleeps between steps when paced.
  private let tick: Double
  // The thread's own state.
  private var speed: LiveSpeed
  private var paused: Bool
  private var anchorWall = 0.0
  private var anchorSim = 0.0
  private var startWall = 0.0

  /// `startAt`: seconds simulated at once, before pacing starts.
  public init(
    model: CallCenterModel, speed: LiveSpeed, paused: Bool = false, startAt: Double = 0, publishInterval: Double = 1,
    tick: Double = 0.05
  ) {
    simulation = LiveSimulation(model: model)
    simulation.advance(until: startAt)
    hub = EventHub()
    self.speed = speed
    self.paused = paused
    self.publishInterval = publishInterval
    self.tick = tick
  }

  public var model: CallCenterModel { simulation.model }

  /// Whether the simulation has reached its horizon.
  public var hasEnded: Bool { shared.withLock { $0.ended } }

  /// Publishes the first state, then starts the thread (so that the page and the stream have
  /// an event from the first request on).
  public func start() {
    startWall = LiveEngine.wallNow()
    anchorWall = startWall
    anchorSim = simulation.now
    publish(type: "state")
    let thread = Thread { [self] in
      loop()
      shared.withLock { $0.threadDone = true }
      finished.signal()
    }
    thread.name = "callsim-live"
    thread.start()
  }

  /// Queues `control` and waits until the thread has applied it (at most a tick).
  public func submit(_ control: LiveControl) async -> Reply {
    await withCheckedContinuation { continuation in
      let accepted = shared.withLock { s -> Bool in
        guard !s.stopRequested && !s.threadDone else { return false }
        s.pending.append((control, continuation))
        return true
      }
      if !accepted { continuation.resume(returning: .failure(.init(status: 503, message: "the live run is stopping"))) }
    }
  }

  /// Stops the thread and waits for it; the hub's clients are disconnected.
  public func stop() {
    let alreadyDone = shared.withLock { s -> Bool in
      s.stopRequested = true
      return s.threadDone
    }
    if !alreadyDone { finished.wait() }
    hub.closeAll()
  }

  /// After ``stop()``: the results of the run so far, and the interventions made.
  public func finish() throws(CountLimitError) -> (result: RunResult, interventions: [LiveSimulation.Intervention], reachedEnd: Bool, simulatedSeconds: Double) {
    let reached = simulation.isAtEnd
    let seconds = simulation.now
    return (try simulation.finish(), simulation.interventions, reached, seconds)
  }

  // MARK: - The thread

  private static func wallNow() -> Double { ProcessInfo.processInfo.systemUptime }

  private func loop() {
    startWall = LiveEngine.wallNow()
    anchorWall = startWall
    anchorSim = simulation.now
    var lastPublish = -Double.infinity
    var endPublished = false
    while true {
      let (controls, stopping) = shared.withLock { s in
        defer { s.pending = [] }
        return (s.pending, s.stopRequested)
      }
      for (control, continuation) in controls {
        continuation.resume(returning: apply(control))
      }
      if stopping {
        for (_, c) in shared.withLock({ s in defer { s.pending = [] }; return s.pending }) {
          c.resume(returning: .failure(.init(status: 503, message: "the live run is stopping")))
        }
        publish(type: "stopped")
        return
      }
      let wall = LiveEngine.wallNow()
      if !paused && !simulation.isAtEnd {
        switch speed {
        case .max:
          simulation.advance(until: simulation.now + 900)
        case .factor(let f):
          simulation.advance(until: anchorSim + f * (wall - anchorWall))
        }
      }
      if simulation.isAtEnd && !endPublished {
        endPublished = true
        shared.withLock { $0.ended = true }
        publish(type: "end")
        lastPublish = LiveEngine.wallNow()
      } else if wall - lastPublish >= publishInterval {
        publish(type: "state")
        lastPublish = wall
      }
      if case .max = speed, !paused, !simulation.isAtEnd { continue }
      Thread.sleep(forTimeInterval: tick)
    }
  }

  /// Re-anchors pacing at the current instant (after a resume or change of speed).
  private func reanchor() {
    anchorWall = LiveEngine.wallNow()
    anchorSim = simulation.now
  }

  private func apply(_ control: LiveControl) -> Reply {
    let record: LiveSimulation.Intervention
    switch control {
    case .pause:
      paused = true
      record = simulation.log(.init(time: simulation.now, action: "pause"))
    case .resume:
      paused = false
      reanchor()
      record = simulation.log(.init(time: simulation.now, action: "resume"))
    case .speed(let s):
      speed = s
      reanchor()
      record = simulation.log(.init(time: simulation.now, action: "speed", speed: s.description))
    case .addAgents, .removeAgents, .routing:
      guard !simulation.isAtEnd else {
        return .failure(.init(status: 409, message: "the simulated period has ended; nothing left to change"))
      }
      do {
        switch control {
        case .addAgents(let group, let count): record = try simulation.addAgents(count, group: group)
        case .removeAgents(let group, let count): record = try simulation.removeAgents(count, group: group)
        case .routing(let mode, let overflowAfter): record = try simulation.switchRouting(to: mode, overflowAfter: overflowAfter)
        default: preconditionFailure("handled above")
        }
      } catch {
        return .failure(.init(status: 400, message: error.description))
      }
    }
    let sequence = publish(type: "intervention", intervention: record)
    let reply: [String: Any] = ["ok": true, "applied": LiveEvent.interventionJSON(record, model: model), "event": sequence]
    return .success(LiveEvent.encode(reply))
  }

  /// Publishes the wallboard now; returns the event's sequence number.
  @discardableResult
  private func publish(type: String, intervention: LiveSimulation.Intervention? = nil) -> Int {
    let wall = LiveEngine.wallNow()
    var lag = 0.0
    if case .factor(let f) = speed, !paused, !simulation.isAtEnd {
      lag = max(0, (anchorSim + f * (wall - anchorWall) - simulation.now) / f)
    }
    let status = LiveEvent.Status(
      type: type, speed: speed, paused: paused, ended: simulation.isAtEnd, wallSeconds: wall - startWall, lagSeconds: lag)
    let object = LiveEvent.object(simulation: simulation, status: status, intervention: intervention)
    var sequence = 0
    hub.publish { seq in
      sequence = seq
      var o = object
      o["seq"] = seq
      return LiveEvent.encode(o)
    }
    return sequence
  }
}

/// A refused control: the HTTP status and a message.
public struct LiveControlFailure: Error, Sendable {
  public var status: Int
  public var message: String
}
