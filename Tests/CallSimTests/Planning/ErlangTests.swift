import Foundation
import Testing
import CallSim

/// |actual − expected| ≤ tolerance × max(1, |expected|).
private func isClose(_ actual: Double, _ expected: Double, _ tolerance: Double) -> Bool {
  abs(actual - expected) <= tolerance * max(1, abs(expected))
}

// MARK: - Erlang B

/// B(n, a) from the recursion evaluated in mpmath at 40 significant digits. Published tables
/// agree to the digits they print: B(10, 5) = 0.01838, B(100, 90) = 0.02696.
@Test(arguments: [
  (10, 5.0, 0.01838457033665),
  (100, 90.0, 0.02695738046436),
  (45, 50.0, 0.1717197396027),
  (40, 40.0, 0.1161559843108),
  (1, 1.0, 0.5),
])
func erlangBTableValues(agents: Int, load: Double, expected: Double) {
  #expect(isClose(ErlangQueue.erlangB(agents: agents, load: load), expected, 1e-12))
}

@Test func erlangBRecursionStaysFiniteForVeryLargeGroups() {
  let b = ErlangQueue.erlangB(agents: 100_000, load: 99_000)
  #expect(b.isFinite && b > 0 && b < 1)
  #expect(ErlangQueue.erlangB(agents: 0, load: 3) == 1)
}

@Test func linesEqualToAgentsWithoutPatienceIsErlangB() throws {
  // 600 calls/h × 300 s = 50 Erlangs on 45 lines and 45 agents.
  let queue = ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, lines: 45)
  let p = try queue.performance(agents: 45)
  #expect(isClose(p.blockedShare, ErlangQueue.erlangB(agents: 45, load: 50), 1e-12))
  #expect(isClose(p.blockedShare, 0.1717197396027, 1e-12))
  #expect(p.probabilityOfWait == 0)
  #expect(p.asaSeconds == 0)
  #expect(p.meanWaitSeconds == 0)
  #expect(p.serviceLevel == 1)
  #expect(p.answerRate == 1)
  #expect(p.abandonRate == 0)
  #expect(isClose(p.occupancy, 50 * (1 - p.blockedShare) / 45, 1e-12))
}

// MARK: - Erlang C

/// Required acceptance value: 600 calls/h, 300 s handle (50 Erlangs), 80 % within 20 s.
/// Closed form gives SL(56) = 0.79264 and SL(57) = 0.845441 (mpmath, 40 digits).
@Test func erlangCFewestAgentsAcceptance() throws {
  let queue = ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300)
  let p = try queue.fewestAgents(serviceLevel: 0.8, maxAbandon: nil)
  #expect(p.agents == 57)
  #expect(abs(p.serviceLevel - 0.8454) <= 0.0001)
  #expect(isClose(p.serviceLevel, 0.8454407761965, 1e-11))
  #expect(isClose(p.probabilityOfWait, 0.2464709200547, 1e-11))
  #expect(isClose(try queue.performance(agents: 56).serviceLevel, 0.7926379710014, 1e-11))
  #expect(p.answerRate == 1)
  #expect(p.abandonRate == 0)
  #expect(p.blockedShare == 0)
  #expect(isClose(p.occupancy, 50.0 / 57.0, 1e-14))
  #expect(p.meanWaitSeconds == p.asaSeconds)
}

/// Classic worked example used to explain Erlang C (360 calls per half hour, 4-minute calls,
/// 55 agents, 15 s target): 48 Erlangs. Reference values from the closed forms in mpmath:
/// P(wait) = 0.238701, SL(15 s) = 0.845883, ASA = 8.18403 s.
@Test func erlangCTextbookCase() throws {
  let queue = ErlangQueue(arrivalRatePerHour: 720, meanHandleSeconds: 240)
  #expect(queue.offeredLoad == 48)
  let p = try queue.performance(agents: 55, within: 15)
  #expect(isClose(p.probabilityOfWait, 0.2387009363780, 1e-11))
  #expect(isClose(p.serviceLevel, 0.8458830921706, 1e-11))
  #expect(isClose(p.asaSeconds, 8.184032104389, 1e-11))
  #expect(isClose(ErlangQueue.erlangC(agents: 55, load: 48), 0.2387009363780, 1e-11))
}

@Test func erlangCLargeCenter() throws {
  let queue = ErlangQueue(arrivalRatePerHour: 99_000 * 12, meanHandleSeconds: 300)
  let p = try queue.fewestAgents(serviceLevel: 0.8, maxAbandon: nil)
  #expect(p.serviceLevel >= 0.8)
  #expect(try queue.performance(agents: p.agents - 1).serviceLevel < 0.8)
}

// MARK: - Erlang A and finite lines against independent references

struct ErlangAReference: Sendable, CustomTestStringConvertible {
  var perHour: Double
  var handle: Double
  var patience: Double?
  var lines: Int?
  var agents: Int
  var within: Double
  var answer: Double
  var serviceLevel: Double
  var asa: Double
  var meanWait: Double
  var probabilityOfWait: Double
  var blocked: Double

  var testDescription: String {
    "\(perHour)/h, \(handle) s, patience \(patience.map { "\($0) s" } ?? "none"), lines \(lines.map(String.init) ?? "unlimited"), \(agents) agents, \(within) s"
  }
}

/// Reference values produced in Python with mpmath at 40 digits, by methods independent of the
/// Swift solver:
/// - no line limit: the Mandelbaum & Zeltyn integral formulas for M/M/n+G with exponential
///   patience (virtual wait V with density λ·exp(λ(1 − e^{−θx})/θ − nμx)/(E + λJ), answered iff
///   patience ≥ V), integrated with mpmath.quad;
/// - line limit: the brute-force birth–death chain with the service level from the matrix
///   exponential of the tagged caller's absorbing chain (mpmath.expm), or the Erlang CDF when
///   nobody abandons.
/// The 48-agent case also matches an independent C simulation (answered share 0.914304).
/// Both sides are exact up to rounding (observed agreement ~1e-12), so 1e-9 relative is a safe
/// tolerance that still catches any modelling error.
private let erlangAReferences: [ErlangAReference] = [
  ErlangAReference(perHour: 600, handle: 300, patience: 180, lines: nil, agents: 48, within: 20, answer: 0.9143042477614, serviceLevel: 0.6435659417466, asa: 14.78020773511, meanWait: 15.42523540295, probabilityOfWait: 0.5578385416399, blocked: 0),
  ErlangAReference(perHour: 600, handle: 300, patience: 180, lines: nil, agents: 50, within: 20, answer: 0.9365531486831, serviceLevel: 0.7311052817527, asa: 10.80325548928, meanWait: 11.42043323704, probabilityOfWait: 0.4579654889536, blocked: 0),
  ErlangAReference(perHour: 600, handle: 300, patience: 180, lines: nil, agents: 55, within: 20, answer: 0.9749277221446, serviceLevel: 0.8926092752791, asa: 4.195408766283, meanWait: 4.513010013963, probabilityOfWait: 0.2302393114169, blocked: 0),
  ErlangAReference(perHour: 600, handle: 300, patience: 60, lines: nil, agents: 40, within: 20, answer: 0.7799231416529, serviceLevel: 0.5704668848500, asa: 12.60126022397, meanWait: 13.20461150083, probabilityOfWait: 0.6975077654028, blocked: 0),
  ErlangAReference(perHour: 600, handle: 300, patience: 180, lines: nil, agents: 20, within: 20, answer: 0.3999979485659, serviceLevel: 0.0004428758601283, asa: 157.5384407491, meanWait: 108.0003692581, probabilityOfWait: 0.9999342054401, blocked: 0),
  ErlangAReference(perHour: 5880, handle: 300, patience: 180, lines: nil, agents: 500, within: 20, answer: 0.9885443054405, serviceLevel: 0.9790995788520, asa: 2.018405075350, meanWait: 2.062025020702, probabilityOfWait: 0.2922078182556, blocked: 0),
  ErlangAReference(perHour: 5880, handle: 300, patience: 180, lines: nil, agents: 480, within: 20, answer: 0.9676159600958, serviceLevel: 0.9127170596682, asa: 5.774809841890, meanWait: 5.829127182750, probabilityOfWait: 0.5998347858598, blocked: 0),
  ErlangAReference(perHour: 5880, handle: 300, patience: 180, lines: nil, agents: 480, within: 3600, answer: 0.9676159600958, serviceLevel: 0.9676159600958, asa: 5.774809841890, meanWait: 5.829127182750, probabilityOfWait: 0.5998347858598, blocked: 0),
  ErlangAReference(perHour: 5880, handle: 300, patience: 180, lines: nil, agents: 480, within: 0, answer: 0.9676159600958, serviceLevel: 0.4001652141402, asa: 5.774809841890, meanWait: 5.829127182750, probabilityOfWait: 0.5998347858598, blocked: 0),
  ErlangAReference(perHour: 600, handle: 300, patience: 180, lines: 55, agents: 48, within: 20, answer: 0.9466721068932, serviceLevel: 0.7566528073704, asa: 9.259916407368, meanWait: 9.599020759226, probabilityOfWait: 0.4789833910142, blocked: 0.04049630084646),
  ErlangAReference(perHour: 600, handle: 300, patience: nil, lines: 60, agents: 48, within: 20, answer: 1, serviceLevel: 0.4627973807758, asa: 30.28401885356, meanWait: 30.28401885356, probabilityOfWait: 0.6937408844744, blocked: 0.06945252320602),
  ErlangAReference(perHour: 600, handle: 300, patience: 120, lines: 40, agents: 40, within: 20, answer: 1, serviceLevel: 1, asa: 0, meanWait: 0, probabilityOfWait: 0, blocked: 0.2497923918597),
]

@Test(arguments: erlangAReferences)
func matchesIndependentReference(_ ref: ErlangAReference) throws {
  let queue = ErlangQueue(arrivalRatePerHour: ref.perHour, meanHandleSeconds: ref.handle, meanPatienceSeconds: ref.patience, lines: ref.lines)
  let p = try queue.performance(agents: ref.agents, within: ref.within)
  let tolerance = 1e-9
  #expect(p.agents == ref.agents)
  #expect(isClose(p.answerRate, ref.answer, tolerance))
  #expect(isClose(p.serviceLevel, ref.serviceLevel, tolerance))
  #expect(isClose(p.asaSeconds, ref.asa, tolerance))
  #expect(isClose(p.meanWaitSeconds, ref.meanWait, tolerance))
  #expect(isClose(p.probabilityOfWait, ref.probabilityOfWait, tolerance))
  #expect(isClose(p.blockedShare, ref.blocked, tolerance))
  #expect(isClose(p.abandonRate, 1 - ref.answer, tolerance))
}

@Test func erlangAAnsweredShareMatchesSimulation() throws {
  let queue = ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, meanPatienceSeconds: 180)
  let p = try queue.performance(agents: 48)
  #expect(abs(p.answerRate - 0.914304) < 5e-7)
}

@Test func erlangAIsStableAboveCapacity() throws {
  // 50 Erlangs on 20 agents: every agent is busy almost always and 60 % abandon.
  let queue = ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, meanPatienceSeconds: 180)
  let p = try queue.performance(agents: 20)
  #expect(p.occupancy > 0.9999 && p.occupancy <= 1)
  #expect(isClose(p.abandonRate, 0.6000020514341, 1e-9))
}

// MARK: - Consistency

@Test func veryPatientCallersConvergeToErlangC() throws {
  let erlangC = try ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300).performance(agents: 57)
  let patient = try ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, meanPatienceSeconds: 1e9).performance(agents: 57)
  // Abandonment is θ × mean wait ≈ 1e-8, so every measure moves by about that much.
  #expect(abs(patient.serviceLevel - erlangC.serviceLevel) < 1e-6)
  #expect(abs(patient.probabilityOfWait - erlangC.probabilityOfWait) < 1e-6)
  #expect(abs(patient.asaSeconds - erlangC.asaSeconds) < 1e-4)
  #expect(abs(patient.meanWaitSeconds - erlangC.meanWaitSeconds) < 1e-4)
  #expect(abs(patient.answerRate - 1) < 1e-6)
  #expect(abs(patient.occupancy - erlangC.occupancy) < 1e-6)
}

@Test func generousLineLimitEqualsErlangC() throws {
  let erlangC = try ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300).performance(agents: 57)
  let limited = try ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, lines: 2_000).performance(agents: 57)
  #expect(isClose(limited.serviceLevel, erlangC.serviceLevel, 1e-10))
  #expect(isClose(limited.probabilityOfWait, erlangC.probabilityOfWait, 1e-10))
  #expect(isClose(limited.asaSeconds, erlangC.asaSeconds, 1e-10))
  #expect(limited.blockedShare < 1e-15)
}

@Test(arguments: [
  ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, meanPatienceSeconds: 180),
  ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, meanPatienceSeconds: 30, lines: 52),
  ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, lines: 52),
  ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300),
  ErlangQueue(arrivalRatePerHour: 5880, meanHandleSeconds: 300, meanPatienceSeconds: 180),
])
func sharesAndOccupancyAreConsistent(_ queue: ErlangQueue) throws {
  let lambdaPerSecond = queue.arrivalRatePerHour / 3600
  for agents in [30, 45, 51, 52, 490, 520] {
    if let lines = queue.lines, agents > lines { continue }
    if queue.meanPatienceSeconds == nil, queue.lines == nil, Double(agents) <= queue.offeredLoad { continue }
    let p = try queue.performance(agents: agents)
    #expect(abs(p.answerRate + p.abandonRate - 1) < 1e-9)
    let carried = lambdaPerSecond * (1 - p.blockedShare) * p.answerRate * queue.meanHandleSeconds
    #expect(isClose(p.occupancy, carried / Double(agents), 1e-12))
    #expect(p.serviceLevel <= p.answerRate + 1e-12)
    #expect(p.serviceLevel >= 1 - p.probabilityOfWait - 1e-12)
    if let patience = queue.meanPatienceSeconds {
      // Abandonment rate θ × E[time in queue] (Little's law).
      #expect(isClose(p.abandonRate, p.meanWaitSeconds / patience, 1e-9))
    } else {
      #expect(isClose(p.meanWaitSeconds, p.asaSeconds, 1e-9))
    }
  }
}

// MARK: - Staffing search

@Test func fewestAgentsWithPatienceIsTheFirstFeasibleLevel() throws {
  let queue = ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, meanPatienceSeconds: 180)
  let p = try queue.fewestAgents(serviceLevel: 0.8, maxAbandon: 0.03)
  #expect(p.serviceLevel >= 0.8 && p.abandonRate <= 0.03)
  let fewer = try queue.performance(agents: p.agents - 1)
  #expect(fewer.serviceLevel < 0.8 || fewer.abandonRate > 0.03)
  #expect(p == (try queue.performance(agents: p.agents)))
}

@Test func fewestAgentsWithOnlyAnAbandonTarget() throws {
  let queue = ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, meanPatienceSeconds: 180)
  let p = try queue.fewestAgents(serviceLevel: nil, maxAbandon: 0.3)
  #expect(p.abandonRate <= 0.3)
  #expect(try queue.performance(agents: p.agents - 1).abandonRate > 0.3)
}

@Test func fewestAgentsHeavyErlangA() throws {
  // 490 Erlangs, patience 180 s.
  let queue = ErlangQueue(arrivalRatePerHour: 5880, meanHandleSeconds: 300, meanPatienceSeconds: 180)
  let p = try queue.fewestAgents(serviceLevel: 0.9, maxAbandon: 0.02)
  #expect(p.serviceLevel >= 0.9 && p.abandonRate <= 0.02)
  let fewer = try queue.performance(agents: p.agents - 1)
  #expect(fewer.serviceLevel < 0.9 || fewer.abandonRate > 0.02)
}

@Test func fewestAgentsNeverExceedsTheLineLimit() throws {
  let queue = ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, lines: 52)
  let p = try queue.fewestAgents(serviceLevel: 0.9, maxAbandon: nil)
  #expect(p.agents <= 52)
  #expect(p.serviceLevel >= 0.9)
}

// MARK: - Errors

@Test func unstableErlangCThrows() {
  let queue = ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300)
  #expect(throws: ErlangError.unstable(offeredLoad: 50, agents: 50)) {
    try queue.performance(agents: 50)
  }
  let error = ErlangError.unstable(offeredLoad: 50, agents: 50)
  #expect(error.description.contains("Unstable"))
  #expect(error.description.contains("50"))
}

@Test func invalidInputsThrowDescriptiveErrors() {
  #expect(throws: ErlangError.invalidArrivalRate(0)) {
    try ErlangQueue(arrivalRatePerHour: 0, meanHandleSeconds: 300).performance(agents: 10)
  }
  #expect(throws: ErlangError.invalidHandleTime(-5)) {
    try ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: -5).performance(agents: 10)
  }
  #expect(throws: ErlangError.invalidPatience(0)) {
    try ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, meanPatienceSeconds: 0).performance(agents: 60)
  }
  #expect(throws: ErlangError.invalidAgents(0)) {
    try ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, meanPatienceSeconds: 60).performance(agents: 0)
  }
  #expect(throws: ErlangError.linesBelowAgents(lines: 40, agents: 45)) {
    try ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, lines: 40).performance(agents: 45)
  }
  #expect(throws: ErlangError.invalidThreshold(-1)) {
    try ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300).performance(agents: 60, within: -1)
  }
  let queue = ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300)
  #expect(throws: ErlangError.missingTarget) {
    try queue.fewestAgents(serviceLevel: nil, maxAbandon: nil)
  }
  #expect(throws: ErlangError.invalidServiceLevelTarget(80)) {
    try queue.fewestAgents(serviceLevel: 80, maxAbandon: nil)
  }
  #expect(throws: ErlangError.invalidAbandonTarget(-0.1)) {
    try queue.fewestAgents(serviceLevel: nil, maxAbandon: -0.1)
  }
  #expect(throws: ErlangError.noStaffingMeetsTarget(serviceLevel: 0.8, maxAbandon: nil, within: 20, maxAgents: 55)) {
    try queue.fewestAgents(serviceLevel: 0.8, maxAbandon: nil, maxAgents: 55)
  }

  let messages: [(ErlangError, String)] = [
    (.invalidArrivalRate(0), "calls per hour"),
    (.invalidHandleTime(-5), "handle time"),
    (.invalidPatience(0), "patience"),
    (.invalidAgents(0), "at least 1"),
    (.linesBelowAgents(lines: 40, agents: 45), "Line limit (40)"),
    (.invalidThreshold(-1), "seconds"),
    (.missingTarget, "target"),
    (.invalidServiceLevelTarget(80), "between 0 and 1"),
    (.invalidAbandonTarget(-0.1), "between 0 and 1"),
    (.noStaffingMeetsTarget(serviceLevel: 0.8, maxAbandon: 0.05, within: 20, maxAgents: 55), "80.0% within 20 s"),
    (.stateSpaceTooLarge(states: 10_000_000), "too large"),
  ]
  for (error, fragment) in messages {
    #expect(error.description.contains(fragment), "\(error.description)")
    #expect(!error.description.contains("\n"))
  }
}

// MARK: - Encoding

@Test func performanceEncodesWithSnakeCaseKeys() throws {
  let p = try ErlangQueue(arrivalRatePerHour: 600, meanHandleSeconds: 300, meanPatienceSeconds: 180).performance(agents: 48)
  let data = try JSONEncoder().encode(p)
  let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  #expect(Set(object.keys) == [
    "agents", "answer_rate", "service_level", "asa_seconds", "mean_wait_seconds",
    "occupancy", "abandon_rate", "blocked_share", "probability_of_wait",
  ])
  #expect(try JSONDecoder().decode(ErlangPerformance.self, from: data) == p)
}
