import CallSimEngine

/// The arrival rate of calls to the number over the horizon, piecewise constant.
///
/// Rates are per slot of `slotSeconds` (3600, 1800 or 900), for every slot of the horizon,
/// already multiplied by weekday and holiday factors. Each replication may further scale each
/// day by a random factor (day noise).
public struct ArrivalProfile: Sendable, Equatable {
  /// Slot length, seconds.
  public var slotSeconds: Double
  /// Calls per hour in each slot, from the first slot of day 0.
  public var callsPerHour: [Double]
  /// Coefficient of variation of a gamma-distributed day factor of mean 1 (Poisson–gamma
  /// day-level volume noise); 0 for none.
  public var dayNoiseCV: Double

  /// Throws unless the slot is a positive length, there is at least one slot, every rate is
  /// finite and ≥ 0, and the day-noise coefficient is finite and ≥ 0 (with slots that divide a
  /// day when it is above 0).
  public init(slotSeconds: Double, callsPerHour: [Double], dayNoiseCV: Double = 0) throws(ModelError) {
    try ModelError.require(slotSeconds.isFinite && slotSeconds > 0, "an arrival slot must last more than 0 s, found \(slotSeconds)")
    try ModelError.require(!callsPerHour.isEmpty, "an arrival profile needs at least one slot")
    try ModelError.require(
      callsPerHour.allSatisfy { $0.isFinite && $0 >= 0 }, "arrival rates must be finite and at least 0")
    try ModelError.require(dayNoiseCV.isFinite && dayNoiseCV >= 0, "day noise must be finite and at least 0, found \(dayNoiseCV)")
    let slotsPerDay = 86_400 / slotSeconds
    try ModelError.require(
      dayNoiseCV == 0 || slotsPerDay == slotsPerDay.rounded(), "day noise needs slots that divide a day, found \(slotSeconds) s")
    self.slotSeconds = slotSeconds
    self.callsPerHour = callsPerHour
    self.dayNoiseCV = dayNoiseCV
  }

  /// A constant rate over `horizon` seconds.
  public static func constant(callsPerHour: Double, horizon: Double) throws(ModelError) -> ArrivalProfile {
    try ArrivalProfile(slotSeconds: horizon, callsPerHour: [callsPerHour])
  }

  /// Expected calls over the whole profile.
  public var expectedCalls: Double { callsPerHour.reduce(0, +) * slotSeconds / 3600 }
}
