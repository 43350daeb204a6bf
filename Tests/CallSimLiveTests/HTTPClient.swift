import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal HTTP/1.1 client over a loopback socket, for the live server's tests: a request
/// with its whole answer, and a reader of a server-sent event stream.
final class LoopbackHTTP {
  let fd: Int32
  private var buffer = [UInt8]()

  /// Connects to 127.0.0.1:`port`; gives up after `timeout` seconds of reading nothing.
  init(port: Int, timeout: Double = 5) throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EBADF) }
    var tv = timeval(tv_sec: Int(timeout.rounded(.up)), tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = in_port_t(UInt16(port).bigEndian)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let ok = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard ok == 0 else {
      close(fd)
      throw POSIXError(.ECONNREFUSED)
    }
  }

  deinit { close(fd) }

  func send(_ text: String) {
    let bytes = Array(text.utf8)
    var sent = 0
    while sent < bytes.count {
      let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if n <= 0 { return }
      sent += n
    }
  }

  /// Reads more bytes; `false` at the end of the stream or after the timeout.
  private func fill() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65_536)
    let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard n > 0 else { return false }
    buffer += chunk[0..<n]
    return true
  }

  /// One line (without CR LF), or `nil` at the end.
  func readLine() -> String? {
    while true {
      if let i = buffer.firstIndex(of: 10) {
        var line = Array(buffer[..<i])
        buffer.removeFirst(i + 1)
        if line.last == 13 { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
      }
      guard fill() else { return nil }
    }
  }

  /// `POST`s (or `GET`s, without a body) and returns the status and the body. `headers`
  /// replace the usual `Host: 127.0.0.1` and `Content-Type: application/json` (a value of
  /// `nil` leaves the header out).
  static func request(
    port: Int, method: String, path: String, body: String? = nil, headers: [String: String?] = [:]
  ) throws -> (status: Int, body: String) {
    let c = try LoopbackHTTP(port: port)
    var fields: [(String, String?)] = [("Host", "127.0.0.1"), ("Connection", "close")]
    if let body { fields += [("Content-Type", "application/json"), ("Content-Length", "\(body.utf8.count)")] }
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
      if let i = fields.firstIndex(where: { $0.0 == name }) { fields[i].1 = value } else { fields.append((name, value)) }
    }
    var head = "\(method) \(path) HTTP/1.1\r\n"
    for case let (name, value?) in fields { head += "\(name): \(value)\r\n" }
    c.send(head + "\r\n" + (body ?? ""))
    var all = [UInt8]()
    while c.fill() {}
    all = c.buffer
    let text = String(decoding: all, as: UTF8.self)
    let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
    let parts = text.components(separatedBy: "\r\n\r\n")
    var payload = parts.dropFirst().joined(separator: "\r\n\r\n")
    if text.lowercased().contains("transfer-encoding: chunked") {
      // Chunked: keep the JSON between the size lines.
      payload = payload.components(separatedBy: "\r\n").enumerated().filter { $0.offset % 2 == 1 }.map(\.element).joined()
    }
    return (status, payload)
  }

  /// Opens `GET /events` and returns a reader positioned after the headers.
  static func events(port: Int) throws -> LoopbackHTTP {
    let c = try LoopbackHTTP(port: port)
    c.send("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    while let line = c.readLine(), !line.isEmpty {}
    return c
  }

  /// The next `data:` event's JSON, or `nil` at the end of the stream.
  func nextEvent() -> [String: Any]? {
    while let line = readLine() {
      guard line.hasPrefix("data: ") else { continue }
      let json = line.dropFirst(6)
      if let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] { return object }
    }
    return nil
  }
}

