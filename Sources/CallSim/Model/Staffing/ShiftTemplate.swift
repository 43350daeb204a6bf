/// A shift as planners write it: start and end to the minute, a lunch inside a window, short
/// breaks at a regular interval. Times are seconds from the midnight of the day the shift
/// starts (a shift crossing midnight belongs to the day it starts).
///
/// **Staggering.** Agents of one roster line do not all pause at once. Agent `k` of a line
/// (0-based, in the line's order) on a day:
/// - starts lunch at the `k mod n`-th of the `n` candidate starts `window.start`,
///   `window.start + step`, … up to `window.end − lunch.length`;
/// - takes its breaks at `start + j·every + (⌊k / n⌋ mod m)·step` for j = 1, 2, …, with
///   `m = max(1, ⌊every / (2·step)⌋)` (the offsets spread over the first half of the
///   interval, and agents who lunch together break at different times); a break is
///   skipped when it would overlap the agent's lunch or end after the shift.
/// With `step` 0 (`stagger: none`) everyone pauses at the earliest time.
public struct ShiftTemplate: Sendable, Equatable {
  public struct Lunch: Sendable, Equatable {
    /// Earliest lunch start, seconds from the shift day's midnight.
    public var windowStart: Double
    /// Latest lunch end, seconds from the shift day's midnight.
    public var windowEnd: Double
    /// Seconds.
    public var length: Double

    public init(windowStart: Double, windowEnd: Double, length: Double) {
      self.windowStart = windowStart
      self.windowEnd = windowEnd
      self.length = length
    }
  }

  public struct Breaks: Sendable, Equatable {
    /// Seconds between break starts, counted from the shift start.
    public var every: Double
    /// Seconds.
    public var length: Double

    public init(every: Double, length: Double) {
      self.every = every
      self.length = length
    }
  }

  /// A time off the phones inside the shift: seconds from the shift day's midnight.
  public struct Pause: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case lunch, shortBreak }
    public var start: Double
    public var length: Double
    public var kind: Kind
    public var end: Double { start + length }
  }

  /// The largest share of its span a pause may take: a break at most half of its interval
  /// (`every`), a lunch at most half of the shift. Agents must spend at least as long on the
  /// phones as on pauses: a plan like a 9 min 59 s break every 10 minutes leaves a shift with
  /// almost no one on the phones and cannot meet any target, so it is refused as a mistake
  /// (real plans are far below: 10 minutes every 2 hours is 8 %).
  public static let maxPauseShare = 0.5

  public var name: String
  /// Seconds from midnight, in [0, 86 400).
  public var start: Double
  /// Seconds, in (0, 86 400].
  public var length: Double
  public var lunch: Lunch?
  public var breaks: Breaks?
  /// Seconds between staggered pause starts; 0 for none.
  public var staggerStep: Double

  public init(
    name: String, start: Double, length: Double, lunch: Lunch? = nil, breaks: Breaks? = nil, staggerStep: Double = 900
  ) throws(ModelError) {
    try ModelError.require(start >= 0 && start < 86_400, "shift \(name) must start within its day")
    try ModelError.require(length > 0 && length <= 86_400, "shift \(name) must last more than 0 and at most 24 hours")
    if let lunch {
      try ModelError.require(lunch.length > 0, "shift \(name)'s lunch must last more than 0")
      try ModelError.require(
        lunch.windowStart >= start && lunch.windowEnd <= start + length && lunch.windowEnd - lunch.windowStart >= lunch.length,
        "shift \(name)'s lunch window must lie inside the shift and hold the lunch")
    }
    if let lunch {
      try ModelError.require(
        lunch.length <= length * ShiftTemplate.maxPauseShare, "shift \(name)'s lunch must take at most half of the shift")
    }
    if let breaks {
      try ModelError.require(
        breaks.length > 0 && breaks.length <= breaks.every * ShiftTemplate.maxPauseShare,
        "shift \(name)'s breaks must take at most half of their interval")
    }
    try ModelError.require(staggerStep >= 0, "shift \(name)'s stagger step cannot be negative")
    self.name = name
    self.start = start
    self.length = length
    self.lunch = lunch
    self.breaks = breaks
    self.staggerStep = staggerStep
  }

  /// Seconds from the shift day's midnight at which it ends (beyond 86 400 when it crosses midnight).
  public var end: Double { start + length }

  /// Seconds of the shift minus the lunch: the paid time.
  public var paidLength: Double { length - (lunch?.length ?? 0) }

  /// Number of distinct pause plans among a line's agents (agent `k` follows plan `k mod variants`).
  public var variants: Int { lunchStarts * breakOffsets }

  private var lunchStarts: Int {
    guard let lunch, staggerStep > 0 else { return 1 }
    return Int(((lunch.windowEnd - lunch.length - lunch.windowStart) / staggerStep).rounded(.down)) + 1
  }

  private var breakOffsets: Int {
    guard let breaks, staggerStep > 0 else { return 1 }
    return max(1, Int((breaks.every / (2 * staggerStep)).rounded(.down)))
  }

  /// The pauses of agent `k` of a line, in time order.
  public func pauses(agent k: Int) -> [Pause] {
    var result: [Pause] = []
    var lunchPause: Pause?
    if let lunch {
      let s = lunch.windowStart + Double(k % lunchStarts) * staggerStep
      lunchPause = Pause(start: s, length: lunch.length, kind: .lunch)
      result.append(lunchPause!)
    }
    if let breaks {
      let offset = Double((k / lunchStarts) % breakOffsets) * staggerStep
      var j = 1.0
      while true {
        let s = start + j * breaks.every + offset
        j += 1
        if s + breaks.length > end { break }
        if let l = lunchPause, s < l.end && l.start < s + breaks.length { continue }
        result.append(Pause(start: s, length: breaks.length, kind: .shortBreak))
      }
    }
    return result.sorted { $0.start < $1.start }
  }
}
