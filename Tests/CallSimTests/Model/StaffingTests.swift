import CallSim
import CallSimEngine
import Testing

@Suite struct StaffingTests {
  /// Nobody on duty from midnight to 08:00: calls wait (no patience) and are answered when
  /// the agents log in; logged-in time follows the plan, plus calls finishing after a shift.
  @Test func nightWithoutAgentsQueuesUntilMorning() throws {
    let settings = SimulationSettings(days: 2, replications: 2, seed: 4)
    let profile = (0..<24).map { $0 < 8 ? 0 : 10 }
    let model = try CallCenterModel(
      name: "night", settings: settings, arrivals: .constant(callsPerHour: 30, horizon: settings.horizon),
      callTypes: [CallType(name: "c", handle: .exponential(mean: 120))],
      staffing: .daily(profile, days: 2))
    let result = try #require(try SimulationRunner.run(model))
    #expect(result.conservationErrors.isEmpty)
    for r in result.replications {
      for h in 0..<8 {
        #expect(r.hourly[h].availableAgentSeconds == 0)
        // Calls are counted in the hour they arrived: night callers are answered from 08:00,
        // after waiting at least until then.
        #expect(r.hourly[h].answered > 0)
        #expect(r.hourly[h].answeredWaitSeconds / r.hourly[h].answered >= Double(7 - h) * 3600)
      }
      for h in 9..<24 { #expect(r.hourly[h].availableAgentSeconds == 10 * 3600) }
    }
  }

  /// Lowering the plan while agents are busy: they finish their call, then log out.
  @Test func busyAgentsFinishTheirCallBeforeLoggingOut() throws {
    let settings = SimulationSettings(days: 1, replications: 1, seed: 4)
    let profile = (0..<24).map { $0 < 12 ? 5 : 0 }
    let model = try CallCenterModel(
      name: "leave", settings: settings, arrivals: .constant(callsPerHour: 200, horizon: settings.horizon),
      callTypes: [CallType(name: "c", handle: .deterministic(1800))],
      staffing: .daily(profile, days: 1))
    let r = try #require(try SimulationRunner.run(model)).replications[0]
    // All 5 were busy at 12:00 with up to 30 minutes to go.
    #expect(r.hourly[12].availableAgentSeconds > 0)
    #expect(r.hourly[12].availableAgentSeconds <= 5 * 1800)
    #expect(r.hourly[12].answered == 0)
    #expect(r.hourly[13].availableAgentSeconds == 0)
  }
}
