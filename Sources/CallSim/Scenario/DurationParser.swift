/// Parses human durations: `45s`, `3m`, `3m30s`, `1h`, `1.5h`, `2d`, `250ms`; a bare number
/// means seconds. Locale-independent.
public enum DurationParser {
  /// Seconds, or `nil` when `text` is not a duration.
  public static func seconds(_ text: String) -> Double? {
    let s = text.trimmingCharacters(in: .whitespaces).lowercased()
    if s.isEmpty { return nil }
    if let bare = ScenarioField.parseNumber(s) { return bare }
    var total = 0.0
    var number = ""
    var rest = Substring(s)
    var lastUnit = Double.infinity
    while let c = rest.first {
      if c.isNumber || c == "." {
        number.append(c)
        rest = rest.dropFirst()
        continue
      }
      let unitText: String
      if rest.hasPrefix("ms") { unitText = "ms" } else { unitText = String(c) }
      guard let unit = units[unitText], let value = Double(number), value.isFinite, unit < lastUnit else { return nil }
      total += value * unit
      lastUnit = unit
      number = ""
      rest = rest.dropFirst(unitText.count)
    }
    guard number.isEmpty, total.isFinite else { return nil }
    return total
  }

  private static let units: [String: Double] = ["d": 86_400, "h": 3600, "m": 60, "s": 1, "ms": 0.001]
}

import Foundation
