import Foundation
import Synchronization

/// Fans out the stream's events to every connected client. Each event gets the next
/// sequence number; a client that connects gets the latest event first, then every event
/// after it. A client too slow to take 1,024 events loses the oldest.
public final class EventHub: Sendable {
  private struct State {
    var clients: [Int: AsyncStream<String>.Continuation] = [:]
    var nextClient = 0
    var latest: String?
    var sequence = 0
    var closed = false
  }

  private let state = Mutex(State())

  public init() {}

  /// The latest event published, if any.
  public var latest: String? { state.withLock { $0.latest } }

  /// Clients connected now.
  public var clientCount: Int { state.withLock { $0.clients.count } }

  /// Publishes the event `make(sequence)` returns (JSON on one line) to every client.
  public func publish(_ make: (Int) -> String) {
    state.withLock { s in
      guard !s.closed else { return }
      s.sequence += 1
      let event = make(s.sequence)
      s.latest = event
      for c in s.clients.values { c.yield(event) }
    }
  }

  /// A new client's events: the latest one first (if any), then each new one, until
  /// ``closeAll()`` or until the client goes away.
  public func subscribe() -> AsyncStream<String> {
    let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(1024))
    let id: Int? = state.withLock { s in
      guard !s.closed else { return nil }
      let id = s.nextClient
      s.nextClient += 1
      s.clients[id] = continuation
      if let latest = s.latest { continuation.yield(latest) }
      return id
    }
    guard let id else {
      continuation.finish()
      return stream
    }
    continuation.onTermination = { [weak self] _ in
      self?.state.withLock { _ = $0.clients.removeValue(forKey: id) }
    }
    return stream
  }

  /// Ends every client's stream; later subscribers get an empty one.
  public func closeAll() {
    let clients = state.withLock { s in
      s.closed = true
      defer { s.clients = [:] }
      return Array(s.clients.values)
    }
    for c in clients { c.finish() }
  }
}
