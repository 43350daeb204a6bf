import CallSimEngine
import Foundation

/// Progress of a sweep on standard error: on a terminal one line redrawn in place (points
/// done, replications per second, time left); otherwise — a batch job's log — a plain line
/// at most every `plainInterval` seconds and at the end.
final class SweepProgress: Sendable {
  private let total: Int
  private let enabled: Bool
  private let terminal: Bool
  private let start = ContinuousClock.now
  /// Seconds between plain lines.
  static let plainInterval = 10.0
  private let state = Locked((done: 0, replications: 0, lastLine: -Double.infinity))

  /// `total`: points this run will simulate (not those an earlier run finished).
  init(total: Int, enabled: Bool) {
    self.total = total
    self.enabled = enabled
    terminal = isatty(STDERR_FILENO) == 1
  }

  /// Records one more finished point that ran `replications` replications.
  func pointFinished(replications: Int) {
    guard enabled else { return }
    let seconds = elapsed
    let line = state.withLock { s -> String? in
      s.done += 1
      s.replications += replications
      let rate = Double(s.replications) / max(seconds, 1e-3)
      let left = seconds / Double(s.done) * Double(total - s.done)
      let text = "points \(s.done)/\(total) · \(String(format: "%.1f", rate)) replications/s · about \(Self.duration(left)) left"
      if terminal { return "\r\u{1B}[K" + text }
      guard s.done == total || seconds - s.lastLine >= Self.plainInterval else { return nil }
      s.lastLine = seconds
      return text + "\n"
    }
    if let line { FileHandle.standardError.write(Data(line.utf8)) }
  }

  func finish() {
    guard enabled, terminal else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }

  var elapsed: Double {
    let d = start.duration(to: .now)
    return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }

  /// `45 s`, `12 min`, `3 h 20 min`.
  static func duration(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    if s < 90 { return "\(s) s" }
    if s < 5400 { return "\((s + 30) / 60) min" }
    return "\(s / 3600) h \((s % 3600 + 30) / 60) min"
  }
}
