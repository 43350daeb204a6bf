import Foundation

/// Who may send `POST /control`: a web page open in the user's browser can post to a loopback
/// server too (a form or `fetch` with `text/plain`, or a page whose name was made to resolve
/// to 127.0.0.1 — DNS rebinding), so a control is taken only when
/// - its `Host` is this server: `127.0.0.1` (any `127.x.y.z`), `localhost` or `[::1]`, with the
///   port served or none; bound elsewhere explicitly (`--host`), also the bound name and any
///   IP address (a page cannot give another site's name an IP address's `Host`);
/// - its `Origin`, if it has one, is this same origin (`http://` and the `Host`'s name and
///   port): browsers send `Origin` with every cross-site `POST`, other clients such as `curl`
///   send none;
/// - its `Content-Type` is `application/json` (which a cross-site page cannot send without a
///   preflight this server never answers).
/// Refused: 403 for the first two, 415 for the last; nothing reaches the simulation.
public struct ControlAccess: Sendable, Equatable {
  /// The address the server was asked to bind (`--host`).
  public let boundHost: String
  /// The port served (the one bound, with `--port 0`).
  public let port: Int

  public init(boundHost: String, port: Int) {
    self.boundHost = boundHost
    self.port = port
  }

  /// A refusal: the HTTP status and the message.
  public struct Refusal: Error, Sendable, Equatable {
    public var status: Int
    public var message: String
  }

  /// Whether the server listens on loopback only (then only loopback `Host`s are taken).
  public var isLoopbackBound: Bool { Self.isLoopback(Self.bare(boundHost.lowercased())) }

  /// `nil` when a control with these headers may be applied, else why not.
  public func check(host: String?, origin: String?, contentType: String?) -> Refusal? {
    let allowed = isLoopbackBound ? "127.0.0.1, localhost or [::1]" : "127.0.0.1, localhost, [::1], \(boundHost) or an IP address"
    guard let host, let (name, hostPort) = Self.split(authority: host), isAllowed(name), hostPort == nil || hostPort == port
    else {
      return Refusal(
        status: 403,
        message:
          "refused: Host \(host.map { "\"\($0)\"" } ?? "missing") is not this server (\(allowed), port \(port)); controls are taken only from the wallboard's own address")
    }
    if let origin {
      let prefix = "http://"
      let same: Bool = {
        guard origin.lowercased().hasPrefix(prefix), let (oName, oPort) = Self.split(authority: String(origin.dropFirst(prefix.count)))
        else { return false }
        return oName == name && (oPort ?? 80) == (hostPort ?? port)
      }()
      if !same {
        return Refusal(
          status: 403,
          message: "refused: a control from the page at \(origin.prefix(200)) (Origin) is not from the wallboard's own page, http://\(host)")
      }
    }
    let media = contentType?.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    guard media == "application/json" else {
      return Refusal(
        status: 415,
        message:
          "refused: controls must be sent with Content-Type: application/json (found \(contentType.map { "\"\($0.prefix(100))\"" } ?? "none"))")
    }
    return nil
  }

  func isAllowed(_ name: String) -> Bool {
    if Self.isLoopback(name) { return true }
    if isLoopbackBound { return false }
    return name == Self.bare(boundHost.lowercased()) || Self.isIPAddress(name)
  }

  /// `name` without the brackets of an IPv6 literal.
  static func bare(_ name: String) -> String {
    name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
  }

  static func isLoopback(_ name: String) -> Bool {
    if name == "localhost" || name == "::1" { return true }
    var v4 = in_addr()
    return inet_pton(AF_INET, name, &v4) == 1 && name.hasPrefix("127.")
  }

  static func isIPAddress(_ name: String) -> Bool {
    var v4 = in_addr(), v6 = in6_addr()
    return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
  }

  /// `name` (lowercased, IPv6 without brackets) and the port, if any, of `host[:port]` or
  /// `[v6][:port]`; `nil` when malformed.
  static func split(authority: String) -> (String, Int?)? {
    let text = authority.lowercased()
    guard !text.isEmpty, text.count <= 300, !text.contains("/"), !text.contains("@") else { return nil }
    var name: String, rest: Substring
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else { return nil }
      name = String(text[text.index(after: text.startIndex)..<close])
      rest = text[text.index(after: close)...]
    } else if let colon = text.firstIndex(of: ":") {
      name = String(text[..<colon])
      rest = text[colon...]
    } else {
      name = text
      rest = ""
    }
    if name.hasSuffix(".") { name.removeLast() }
    guard !name.isEmpty else { return nil }
    if rest.isEmpty { return (name, nil) }
    guard rest.first == ":", case let digits = rest.dropFirst(), !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let port = Int(digits), (0...65_535).contains(port)
    else { return nil }
    return (name, port)
  }
}
