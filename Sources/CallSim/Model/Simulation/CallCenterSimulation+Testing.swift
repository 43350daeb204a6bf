extension CallCenterSimulation {
  /// Schedules one call to arrive at exactly `time` seconds, so that a hand-worked test can
  /// make two events land on the same instant (Poisson arrivals never do). For models without
  /// arrivals of their own (rate 0): the arrival event also draws the model's next arrival,
  /// which would otherwise start a second Poisson stream.
  @_spi(Testing)
  public mutating func scheduleArrival(at time: Double) {
    precondition(model.arrivals.expectedCalls == 0, "scheduleArrival is for models without arrivals of their own")
    calendar.schedule(at: time, kind: EventKind.arrival.rawValue)
  }
}
