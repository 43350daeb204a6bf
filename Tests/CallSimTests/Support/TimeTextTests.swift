import CallSim
import Testing

/// The one formatter of clock times and durations, in both of its roundings (each kept for
/// the outputs that always used it).
struct TimeTextTests {
  @Test func clockRoundsToTheNearestMinuteByDefault() {
    #expect(TimeText.clock(0) == "00:00")
    #expect(TimeText.clock(9 * 3600 + 30 * 60) == "09:30")
    #expect(TimeText.clock(9 * 3600 + 29 * 60 + 30) == "09:30")
    #expect(TimeText.clock(9 * 3600 + 29 * 60 + 29) == "09:29")
    #expect(TimeText.clock(25 * 3600) == "25:00")
  }

  @Test func clockTowardZeroDropsTheSeconds() {
    #expect(TimeText.clock(9 * 3600 + 29 * 60 + 59, rounding: .towardZero) == "09:29")
    #expect(TimeText.clock(24 * 3600, rounding: .towardZero) == "24:00")
  }

  @Test func clockOfDayWrapsAtMidnight() {
    #expect(TimeText.clockOfDay(25 * 3600) == "01:00")
    #expect(TimeText.clockOfDay(86_400) == "24:00")
    #expect(TimeText.clockOfDay(2 * 86_400) == "24:00")
    #expect(TimeText.clockOfDay(0) == "00:00")
  }

  @Test func durationToTheSecond() {
    #expect(TimeText.duration(5400) == "1h30m")
    #expect(TimeText.duration(3605) == "1h5s")
    #expect(TimeText.duration(600) == "10m")
    #expect(TimeText.duration(44.6) == "45s")
    #expect(TimeText.duration(0.4) == "0s")
    #expect(TimeText.duration(-3) == "0s")
  }

  @Test func durationToATenth() {
    #expect(TimeText.duration(190.04, rounding: .tenths) == "3m10s")
    #expect(TimeText.duration(190.36, rounding: .tenths) == "3m10.4s")
    #expect(["45.3s", "45.2s"].contains(TimeText.duration(45.25, rounding: .tenths)))
    #expect(TimeText.duration(3725, rounding: .tenths) == "1h2m5s")
    #expect(TimeText.duration(3600, rounding: .tenths) == "1h")
    #expect(TimeText.duration(0.3, rounding: .tenths) == "0.3s")
    #expect(TimeText.duration(4.271, rounding: .tenths) == "4.27s")
    #expect(TimeText.duration(9.96, rounding: .tenths) == "10s")
    #expect(TimeText.duration(0.05321, rounding: .tenths) == "0.0532s")
    #expect(TimeText.duration(1e-5, rounding: .tenths) == "0.00001s")
    #expect(TimeText.duration(0, rounding: .tenths) == "0s")
  }
}
