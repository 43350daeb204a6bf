/// Whole hours of the day, such as 11:00–13:00, to which a comparison is restricted (the
/// lunch-hour answer rate). `to` at or before `from` wraps past midnight (22–02).
public struct HourWindow: Sendable, Equatable, CustomStringConvertible {
  /// First hour of the day, 0–23.
  public let from: Int
  /// Hour of the day at which the window ends, 1–24.
  public let to: Int

  /// Parses `HH-HH` or `HH:00-HH:00` (whole hours; `24` allowed as an end); `nil` otherwise.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    func hour(_ s: Substring, max: Int) -> Int? {
      let t = s.trimmingCharacters(in: .whitespaces)
      let h = t.hasSuffix(":00") ? t.dropLast(3) : Substring(t)
      guard !h.isEmpty, h.count <= 2, h.allSatisfy(\.isASCII), let v = Int(h), (0...max).contains(v) else { return nil }
      return v
    }
    guard parts.count == 2, let a = hour(parts[0], max: 23), let b = hour(parts[1], max: 24), a != b % 24 || b == 24 && a == 0
    else { return nil }
    from = a
    to = b
  }

  /// Whether hour `h` of the horizon (from its first midnight) falls in the window.
  public func contains(hour h: Int) -> Bool {
    let d = h % 24
    return from < to ? (from..<to).contains(d) : d >= from || d < to % 24
  }

  public var description: String {
    func pad(_ h: Int) -> String { h < 10 ? "0\(h):00" : "\(h):00" }
    return "\(pad(from))-\(pad(to))"
  }
}
