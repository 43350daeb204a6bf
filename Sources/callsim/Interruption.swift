import CallSim
import Dispatch
import Foundation

/// Turns Ctrl-C (SIGINT) and SIGTERM into a ``StopRequest``, so a long command stops within a
/// second, finishes writing what it keeps, and exits with 128 + the signal number.
final class Interruption: @unchecked Sendable {
  let stop = StopRequest()
  private var sources: [DispatchSourceSignal] = []
  private let lock = NSLock()
  private var received: Int32 = 0

  init() {
    for sig in [SIGINT, SIGTERM] {
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler { [weak self] in self?.receive(sig) }
      source.resume()
      sources.append(source)
    }
  }

  private func receive(_ sig: Int32) {
    lock.lock()
    if received == 0 { received = sig }
    lock.unlock()
    stop.stop()
  }

  var signalName: String {
    lock.lock()
    defer { lock.unlock() }
    return received == SIGINT ? "Ctrl-C (SIGINT)" : "SIGTERM"
  }

  var exitCode: Int32 {
    lock.lock()
    defer { lock.unlock() }
    return 128 + (received == 0 ? SIGTERM : received)
  }
}
