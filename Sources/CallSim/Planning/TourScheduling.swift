import Foundation

/// The tour-scheduling integer program: weekly schedules for *people*, each working at most
/// ``TourRules/daysPerWeek`` days in each Monday–Sunday week (optionally with two adjacent
/// days off), within a head count and a share of short shifts, at the least cost.
///
/// Implicit tour scheduling (shifts and days-on patterns are chosen apart, linked per day):
/// - x(d, s) ≥ 0 integer: starts of candidate `s` on day `d`, exactly the columns of
///   ``ShiftScheduling`` (same allowed days, caps and coverage coefficients), which are reused;
/// - w(k, p) ≥ 0 integer: people following days-on pattern `p` of week `k` (``TourWeek``);
/// - P ≥ 0 integer, at most ``TourRules/headCount``: people; P ≥ Σ_p w(k, p) for each week;
/// - coverage: Σ coverage · x ≥ requirement(t) per interval, with ``CoveringProgram``'s
///   head-count cuts (Σ x over the starts covering t ≥ ⌈requirement / largest coefficient⌉);
/// - linking, per day d of week k: Σ_s x(d, s) ≤ Σ_{p ∋ d} w(k, p);
/// - short share: Σ_{short s} h_s·x − σ·Σ_s h_s·x ≤ 0 (h_s paid hours, see ``TourRules``);
/// - no overlap: a person who starts `s` on day d cannot start on day d + 1 a shift that
///   begins before `s` ends. For each start time τ of a shift of day d + 1 that a shift of
///   day d still runs at, the starts on d + 1 beginning at or before τ and the starts on d
///   ending after τ need distinct people working on d or d + 1:
///   Σ_{start ≤ τ} x(d+1, ·) + Σ_{end > τ} x(d, ·) ≤ Σ_{p ∩ {d, d+1} ≠ ∅} w(k, p) (or ≤ P when
///   d + 1 begins the next week). These are Hall's conditions of that two-day assignment;
///   ``TourRoster`` then builds the people;
/// - objective: costPerPaidHour × Σ h_s·x + ε·P (``epsilon``).
public struct TourScheduling: Sendable {
  /// The covering program whose columns are the x(d, s) (``ShiftScheduling/starts`` order).
  public let shifts: ShiftScheduling
  public let rules: TourRules
  /// The horizon's Monday–Sunday weeks and their patterns.
  public let weeks: [TourWeek]
  /// The program: x in ``shifts``' column order, then w week by week, then P.
  public internal(set) var program: IntegerProgram
  /// Column of w(k, p): `patternColumns[k][p]`.
  public let patternColumns: [[Int]]
  /// Column of P.
  public let peopleColumn: Int
  /// Objective weight of one person (see the type's comment and ``epsilon(rules:candidates:peopleBound:)``).
  public let epsilon: Double

  public var settings: SimulationSettings { shifts.settings }
  public var candidates: [ShiftCandidate] { shifts.candidates }

  /// Builds the program.
  /// - Parameters: as ``ShiftScheduling/init(settings:intervalLength:requirement:candidates:absence:)``, and the rules.
  /// - Throws: ``SchedulingError/invalidAbsence(_:)`` for an absence share outside [0, 1).
  public init(
    settings: SimulationSettings, intervalLength: Double, requirement: [Double], candidates: [ShiftCandidate],
    absence: Double = 0, rules: TourRules
  ) throws(SchedulingError) {
    let shifts = try ShiftScheduling(
      settings: settings, intervalLength: intervalLength, requirement: requirement, candidates: candidates, absence: absence)
    self.shifts = shifts
    self.rules = rules
    let weeks = TourWeek.weeks(settings: settings, rules: rules)
    self.weeks = weeks
    let covering = shifts.program
    let starts = shifts.starts

    var program = IntegerProgram()
    let upperBox = Self.startBoxes(covering)
    for column in covering.columns {
      program.addColumn(cost: rules.costPerPaidHour * column.cost, upper: column.upper.map(Double.init))
    }
    var patternColumns: [[Int]] = []
    for week in weeks { patternColumns.append(week.patterns.map { _ in program.addColumn(cost: 0) }) }
    let peopleBound = rules.headCount ?? upperBox.reduce(0, +)
    let epsilon = Self.epsilon(rules: rules, candidates: candidates, peopleBound: peopleBound)
    let people = program.addColumn(cost: epsilon, upper: rules.headCount.map(Double.init))

    // Coverage rows and head-count cuts.
    var byRow = [[IntegerProgram.Term]](repeating: [], count: covering.demands.count)
    var largest = [Double](repeating: 0, count: covering.demands.count)
    for (j, column) in covering.columns.enumerated() {
      for e in column.entries {
        byRow[e.row].append(.init(column: j, coefficient: e.coefficient))
        largest[e.row] = max(largest[e.row], e.coefficient)
      }
    }
    for (i, b) in covering.demands.enumerated() where b > 0 {
      program.addRow(byRow[i], lower: b)
      let heads = b / max(largest[i], 1e-300)
      let needed = (heads - 1e-9).rounded(.up)
      if needed > heads + 1e-9 { program.addRow(byRow[i].map { .init(column: $0.column, coefficient: 1) }, lower: needed) }
    }

    // Linking and people.
    var startsOfDay = [[Int]](repeating: [], count: settings.days)
    for (j, start) in starts.enumerated() { startsOfDay[start.day].append(j) }
    var weekOfDay = [Int](repeating: 0, count: settings.days)
    for (k, week) in weeks.enumerated() {
      for d in week.days {
        weekOfDay[d] = k
        var terms = startsOfDay[d].map { IntegerProgram.Term(column: $0, coefficient: 1) }
        for (p, pattern) in week.patterns.enumerated() where pattern.contains(d) {
          terms.append(.init(column: patternColumns[k][p], coefficient: -1))
        }
        program.addRow(terms, upper: 0)
      }
      program.addRow(patternColumns[k].map { .init(column: $0, coefficient: 1) } + [.init(column: people, coefficient: -1)], upper: 0)
    }

    // Short share.
    if let share = rules.shortShiftShare {
      let terms = starts.indices.map { j in
        let s = starts[j].candidate
        let hours = candidates[s].paidHours
        return IntegerProgram.Term(column: j, coefficient: ((TourRules.isShort(candidates[s]) ? 1 : 0) - share) * hours)
      }
      if terms.contains(where: { $0.coefficient > 0 }) { program.addRow(terms, upper: 0) }
    }

    // No overlap between a shift and the next day's.
    for d in 0..<max(0, settings.days - 1) {
      let late = startsOfDay[d].filter { candidates[starts[$0].candidate].template.end > 86_400 }
      guard !late.isEmpty else { continue }
      let taus = Set(startsOfDay[d + 1].map { candidates[starts[$0].candidate].template.start }).sorted()
      for tau in taus {
        let ending = late.filter { candidates[starts[$0].candidate].template.end - 86_400 > tau }
        guard !ending.isEmpty else { continue }
        let beginning = startsOfDay[d + 1].filter { candidates[starts[$0].candidate].template.start <= tau }
        var terms = (ending + beginning).map { IntegerProgram.Term(column: $0, coefficient: 1) }
        let k = weekOfDay[d]
        if weekOfDay[d + 1] == k {
          for (p, pattern) in weeks[k].patterns.enumerated() where pattern.contains(d) || pattern.contains(d + 1) {
            terms.append(.init(column: patternColumns[k][p], coefficient: -1))
          }
        } else {
          terms.append(.init(column: people, coefficient: -1))
        }
        program.addRow(terms, upper: 0)
      }
    }
    self.program = program
    self.patternColumns = patternColumns
    self.peopleColumn = people
    self.epsilon = epsilon
  }

  /// For each start column, the most starts an optimum of the covering rows can use: its cap,
  /// or the starts that alone cover the largest requirement it touches (the bound
  /// ``ShiftSchedulingTests`` brute-forces in).
  static func startBoxes(_ covering: CoveringProgram) -> [Int] {
    covering.columns.map { column in
      let smallest = column.entries.map(\.coefficient).min() ?? 1
      let need = column.entries.map { covering.demands[$0.row] }.max() ?? 0
      let box = Int((need / smallest).rounded(.up))
      return min(box, column.upper ?? box)
    }
  }

  /// ε, the objective weight of a person. Paid hours of whole schedules are multiples of q,
  /// the greatest common divisor of the candidates' paid lengths (whole seconds; 1 s when
  /// they are not), so two schedules that differ in cost differ by at least
  /// costPerPaidHour × q. The people term is at most ε·U for U ≥ P (the head count, or the
  /// sum of every start's box from ``startBoxes(_:)``: a person works at least one start),
  /// and ε·U ≤ costPerPaidHour·q / 2, so it can only order schedules of equal cost: the
  /// objective never trades a paid hour for people, and among the cheapest schedules it
  /// prefers the fewest people.
  static func epsilon(rules: TourRules, candidates: [ShiftCandidate], peopleBound: Int) -> Double {
    let lengths = candidates.map(\.template.paidLength)
    var q = 1.0
    if lengths.allSatisfy({ $0 == $0.rounded() && $0 > 0 }), var g = lengths.first.map({ Int($0) }) {
      for l in lengths.dropFirst() {
        var (a, b) = (g, Int(l))
        while b != 0 { (a, b) = (b, a % b) }
        g = a
      }
      q = Double(g)
    }
    return rules.costPerPaidHour * (q / 3600) / (2 * Double(max(1, peopleBound) + 1))
  }
}
