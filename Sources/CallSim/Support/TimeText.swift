import Foundation

/// Seconds as people and scenario files write them: clock times (`09:30`) and durations
/// (`1h30m`, `45s`, `3m10.4s`). The one formatter of times for every layer, so a time in a
/// message, a plan's `roster.yaml` and a fitted scenario snippet reads the same; where two
/// outputs have always rounded differently, the rounding is an argument, not a second copy.
public enum TimeText {
  /// Seconds from midnight as `HH:MM` (`24:00` and beyond for the next day's times), to the
  /// minute by `rounding`: to the nearest minute by default (how scenarios and plans write a
  /// time); `.towardZero` drops the seconds (how interval labels and placement lines read).
  public static func clock(_ seconds: Double, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> String {
    let minutes = Int((seconds / 60).rounded(rounding))
    let h = minutes / 60, m = minutes % 60
    return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
  }

  /// Seconds from a day's midnight as the clock reads it: `01:00` for 25 h, `24:00` for a
  /// time at a later midnight.
  public static func clockOfDay(_ seconds: Double) -> String {
    let r = seconds.truncatingRemainder(dividingBy: 86_400)
    return clock(r == 0 && seconds > 0 ? 86_400 : r)
  }

  /// How finely ``duration(_:rounding:)`` writes a duration.
  public enum DurationRounding: Sendable {
    /// To the second (`1h30m`, `45s`): durations a person chose, such as shifts and limits.
    case seconds
    /// To 0.1 s from 10 s on (`3m10.4s`); below, to 3 significant digits (`4.27s`,
    /// `0.0532s`; at most 9 decimals), so a positive duration never reads `0s`: measured
    /// durations, such as fitted means.
    case tenths
  }

  /// Seconds as a duration a scenario accepts, with only the units that are not zero
  /// (`1h2m5s`, `10m`); `0s` for zero or less.
  public static func duration(_ seconds: Double, rounding: DurationRounding = .seconds) -> String {
    switch rounding {
    case .seconds:
      return units(Int(seconds.rounded()), fraction: 0)
    case .tenths:
      if seconds < 9.95 {
        guard seconds > 0 else { return "0s" }
        let decimals = min(9, max(1, 2 - Int(log10(seconds).rounded(.down))))
        var text = String(format: "%.\(decimals)f", seconds)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "0" ? "0s" : text + "s"
      }
      let tenths = Int((seconds * 10).rounded())
      return units(tenths / 10, fraction: tenths % 10)
    }
  }

  /// `whole` seconds and `fraction` tenths as hours, minutes and seconds, leaving out units
  /// that are zero.
  private static func units(_ whole: Int, fraction: Int) -> String {
    guard whole > 0 || fraction > 0 else { return "0s" }
    var text = ""
    if whole >= 3600 { text += "\(whole / 3600)h" }
    if whole % 3600 >= 60 { text += "\((whole % 3600) / 60)m" }
    let s = whole % 60
    if s > 0 || fraction > 0 || text.isEmpty { text += fraction > 0 ? "\(s).\(fraction)s" : "\(s)s" }
    return text
  }
}
