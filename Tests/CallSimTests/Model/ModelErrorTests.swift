import CallSim
import Testing

/// A library user who builds a model from Swift with impossible values gets a ``ModelError``,
/// not a stopped program.
@Suite struct ModelErrorTests {
  static let settings = SimulationSettings(days: 1, replications: 1)
  static let call = CallType(name: "call", handle: .exponential(mean: 60))

  @Test func impossibleModelsThrow() throws {
    let arrivals = try ArrivalProfile.constant(callsPerHour: 10, horizon: Self.settings.horizon)
    let day = try StaffingPlan.constant(2, hours: 24)
    #expect(throws: ModelError("a model needs at least one call type")) {
      try CallCenterModel(name: "m", settings: Self.settings, arrivals: arrivals, callTypes: [], staffing: day)
    }
    #expect(throws: ModelError("group agents's staffing plan covers 12 hours, not the 24 of the horizon")) {
      try CallCenterModel(
        name: "m", settings: Self.settings, arrivals: arrivals, callTypes: [Self.call], staffing: .constant(2, hours: 12))
    }
    #expect(throws: ModelError("group g has a skill that names no call type")) {
      try CallCenterModel(
        name: "m", settings: Self.settings, arrivals: arrivals, callTypes: [Self.call],
        agentGroups: [AgentGroup(name: "g", skills: [3], staffing: day)])
    }
    #expect(throws: ModelError("call type names must differ")) {
      try CallCenterModel(name: "m", settings: Self.settings, arrivals: arrivals, callTypes: [Self.call, Self.call], staffing: day)
    }
    #expect(throws: ModelError("the arrival profile ends before the horizon")) {
      try CallCenterModel(
        name: "m", settings: Self.settings, arrivals: .constant(callsPerHour: 10, horizon: 3600), callTypes: [Self.call],
        staffing: day)
    }
  }

  @Test func impossiblePlansAndProfilesThrow() {
    #expect(throws: ModelError.self) { try StaffingPlan(agentsByHour: []) }
    #expect(throws: ModelError.self) { try StaffingPlan.constant(-1, hours: 24) }
    #expect(throws: ModelError.self) { try StaffingPlan.daily([1, 2, 3], days: 2) }
    #expect(throws: ModelError.self) { try ArrivalProfile(slotSeconds: 0, callsPerHour: [1]) }
    #expect(throws: ModelError.self) { try ArrivalProfile(slotSeconds: 3600, callsPerHour: [-1]) }
    #expect(throws: ModelError.self) { try ArrivalProfile(slotSeconds: 3600, callsPerHour: [.nan]) }
    #expect(throws: ModelError.self) { try ArrivalProfile(slotSeconds: 7000, callsPerHour: [1], dayNoiseCV: 0.1) }
  }
}
