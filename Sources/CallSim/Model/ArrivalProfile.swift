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

  public init(slotSeconds: Double, callsPerHour: [Double], dayNoiseCV: Double = 0) {
    precondition(slotSeconds > 0 && !callsPerHour.isEmpty)
    self.slotSeconds = slotSeconds
    self.callsPerHour = callsPerHour
    self.dayNoiseCV = dayNoiseCV
  }

  /// A constant rate over `horizon` seconds.
  public static func constant(callsPerHour: Double, horizon: Double) -> ArrivalProfile {
    ArrivalProfile(slotSeconds: horizon, callsPerHour: [callsPerHour])
  }

  /// Expected calls over the whole profile.
  public var expectedCalls: Double { callsPerHour.reduce(0, +) * slotSeconds / 3600 }
}
