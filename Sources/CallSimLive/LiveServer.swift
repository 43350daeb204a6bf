import CallSim
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// The wallboard's HTTP server (Hummingbird): `GET /` the page, `GET /events` the
/// server-sent events, `POST /control` the controls.
public struct LiveServer: Sendable {
  /// Bytes a control request's body may have.
  public static let maxControlBody = 16 * 1024

  public let engine: LiveEngine
  public let host: String
  public let port: Int
  /// The port bound (known once the server runs; `port` until then).
  private let served: ServedPort

  public init(engine: LiveEngine, host: String, port: Int) {
    self.engine = engine
    self.host = host
    self.port = port
    served = ServedPort(port)
  }

  /// Who may send controls (``ControlAccess``), for the port bound.
  public var access: ControlAccess { ControlAccess(boundHost: host, port: served.value.withLock { $0 }) }

  /// Serves until `shouldStop()` returns true (polled ten times a second), then stops the
  /// engine, ends every event stream and closes the server. `onRunning` gets the port bound
  /// (useful with port 0).
  public func run(onRunning: @escaping @Sendable (Int) -> Void, shouldStop: @escaping @Sendable () -> Bool) async throws {
    var logger = Logger(label: "callsim-live")
    logger.logLevel = .critical
    let app = Application(
      router: makeRouter(),
      configuration: .init(address: .hostname(host, port: port), serverName: "callsim-live"),
      onServerRunning: { [served] channel in
        let bound = channel.localAddress?.port ?? port
        served.value.withLock { $0 = bound }
        onRunning(bound)
      },
      logger: logger)
    let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
    let engine = engine
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await services.run() }
      group.addTask {
        while !shouldStop() { try await Task.sleep(for: .milliseconds(100)) }
        // Ends the event streams first, so that the server's graceful shutdown does not wait on them.
        engine.stop()
        await services.triggerGracefulShutdown()
      }
      do {
        // The server ends first only when it failed (to bind, say).
        try await group.next()
        try await group.next()
      } catch {
        engine.stop()
        group.cancelAll()
        throw error
      }
    }
  }

  func makeRouter() -> Router<BasicRequestContext> {
    let router = Router()
    let engine = engine
    router.get("/") { _, _ -> Response in
      Response(
        status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
        body: .init(byteBuffer: ByteBuffer(string: WallboardPage.html(latest: engine.hub.latest))))
    }
    router.get("/events") { _, _ -> Response in
      let stream = engine.hub.subscribe()
      return Response(
        status: .ok,
        headers: [.contentType: "text/event-stream", .cacheControl: "no-cache", .connection: "keep-alive"],
        body: ResponseBody { writer in
          try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
          for await event in stream {
            try await writer.write(ByteBuffer(string: "data: \(event)\n\n"))
          }
          try await writer.finish(nil)
        })
    }
    let server = self
    router.post("/control") { request, _ -> Response in
      // Before the body is read: a refused request changes nothing.
      if let refusal = server.access.check(
        host: request.head.authority, origin: request.headers[.origin],
        contentType: request.headers[.contentType])
      {
        return LiveServer.json(status: refusal.status, message: refusal.message)
      }
      var request = request
      let body: ByteBuffer
      do {
        body = try await request.collectBody(upTo: LiveServer.maxControlBody)
      } catch {
        return LiveServer.json(status: 413, message: "the body is over \(LiveServer.maxControlBody) bytes")
      }
      let control: LiveControl
      do {
        control = try LiveControl.parse(Data(body.readableBytesView), model: engine.model)
      } catch {
        return LiveServer.json(status: 400, message: "\(error)")
      }
      switch await engine.submit(control) {
      case .success(let reply):
        return Response(
          status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: reply + "\n")))
      case .failure(let failure):
        return LiveServer.json(status: failure.status, message: failure.message)
      }
    }
    return router
  }

  static func json(status: Int, message: String) -> Response {
    let body = LiveEvent.encode(["ok": false, "error": message]) + "\n"
    return Response(
      status: HTTPResponse.Status(code: status), headers: [.contentType: "application/json"],
      body: .init(byteBuffer: ByteBuffer(string: body)))
  }
}

/// The port the server bound, set once it runs.
final class ServedPort: Sendable {
  let value: Mutex<Int>
  init(_ port: Int) { value = Mutex(port) }
}
