import Foundation
import CallSimEngine

/// Arrival times of a non-homogeneous Poisson process with piecewise-constant rate, generated
/// exactly by inverting the cumulative rate: a unit exponential is spent across slots until it
/// is used up. With one slot this is the ordinary exponential inter-arrival time.
struct ArrivalGenerator {
  /// Calls per second in each slot, day noise applied.
  private var ratePerSecond: [Double]
  private let slotSeconds: Double
  private let horizon: Double
  private var slot = 0

  init(profile: ArrivalProfile, days: Int, horizon: Double, dayNoise: RandomStream) {
    slotSeconds = profile.slotSeconds
    self.horizon = horizon
    ratePerSecond = profile.callsPerHour.map { $0 / 3600 }
    let cv = profile.dayNoiseCV
    if cv > 0 {
      // Gamma day factor with mean 1 and coefficient of variation cv.
      let shape = 1 / (cv * cv)
      let slotsPerDay = 86_400 / slotSeconds
      precondition(slotsPerDay == slotsPerDay.rounded(), "day noise needs slots that divide a day")
      let perDay = Int(slotsPerDay)
      for day in 0..<days {
        let factor = dayNoise.gamma(shape: shape, scale: 1 / shape)
        for s in (day * perDay)..<min(ratePerSecond.count, (day + 1) * perDay) {
          ratePerSecond[s] *= factor
        }
      }
    }
  }

  /// The first arrival after `now` seconds, or `nil` when none falls before the horizon.
  @inline(__always)
  mutating func next(after now: Double, _ stream: RandomStream) -> Double? {
    var need = -log(stream.uniformPositive())
    var t = now
    while slot < ratePerSecond.count {
      let rate = ratePerSecond[slot]
      let end = slot + 1 == ratePerSecond.count ? horizon : Double(slot + 1) * slotSeconds
      if rate > 0 {
        let available = rate * (end - t)
        if need <= available {
          let at = t + need / rate
          return at <= horizon ? at : nil
        }
        need -= available
      }
      t = end
      slot += 1
    }
    return nil
  }
}
