import CallSim
import Dispatch
import CallSimEngine
import Foundation

/// Turns Ctrl-C (SIGINT) and SIGTERM into ``StopRequest``s, so a long command stops within a
/// second at any moment — simulating or writing — and exits with 128 + the first signal's
/// number.
///
/// The first signal during the simulation stops it and lets the finished replications be
/// written; any signal after that (or any signal at all once the simulation has run to its
/// end) stops the writing too, which then leaves nothing behind.
final class Interruption: Sendable {
  /// Stops the simulation: set by every signal.
  let stop = StopRequest()
  private let state = Locked(State())

  private struct State {
    /// The first signal received, 0 before any.
    var first: Int32 = 0
    /// Signals received so far.
    var count = 0
    /// The write phase's request and how many signals it lets pass.
    var writing: (request: StopRequest, allowed: Int)?
    var sources: [DispatchSourceSignal] = []
  }

  init() {
    for sig in [SIGINT, SIGTERM] {
      signal(sig, SIG_IGN)
      state.withLock { s in
        let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
        source.setEventHandler { [weak self] in self?.receive(sig) }
        source.resume()
        s.sources.append(source)
      }
    }
  }

  private func receive(_ sig: Int32) {
    let writing = state.withLock { s -> StopRequest? in
      if s.first == 0 { s.first = sig }
      s.count += 1
      guard let w = s.writing, s.count > w.allowed else { return nil }
      return w.request
    }
    stop.stop()
    writing?.stop()
  }

  /// The stop request for writing the results. `simulationStopped`: whether a signal stopped
  /// the simulation, whose kept replications that one signal still lets be written.
  func stopForWriting(simulationStopped: Bool) -> StopRequest {
    let request = StopRequest()
    let already = state.withLock { s in
      s.writing = (request, simulationStopped ? 1 : 0)
      return s.count > (simulationStopped ? 1 : 0)
    }
    if already { request.stop() }
    return request
  }

  var signalName: String {
    state.withLock { $0.first } == SIGINT ? "Ctrl-C (SIGINT)" : "SIGTERM"
  }

  var exitCode: Int32 {
    let first = state.withLock { $0.first }
    return 128 + (first == 0 ? SIGTERM : first)
  }
}
