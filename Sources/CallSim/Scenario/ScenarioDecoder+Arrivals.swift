import CallSimEngine

/// `arrivals:` — a constant rate, or calls per day shaped by weekday and time of day.
extension ScenarioDecoder {
  static let arrivalKeys = ["rates", "per_hour", "per_day", "weekday", "hourly", "half_hourly", "quarter_hourly", "day_noise"]

  /// Largest constant rate, calls per hour (`per_hour`, and any row of a `rates` table).
  static let maxCallsPerHour = 1e9

  /// The arrival profile; with `settings` `nil` (the `simulation` section failed) every
  /// key is still checked, but no profile is built.
  func arrivals(_ field: ScenarioField, settings: SimulationSettings?) -> ArrivalProfile? {
    guard let map = field.mapping(ScenarioDecoder.arrivalKeys) else { return nil }
    if let ratesField = map["rates"] {
      for other in ["per_hour", "per_day", "weekday", "hourly", "half_hourly", "quarter_hourly"] where map.has(other) {
        map[other]!.error("not used with arrivals.rates (the table gives every hour's rate); remove it")
        return nil
      }
      let noise = map["day_noise"].map { dayNoise($0) } ?? 0
      guard let name = ratesField.string(), let noise,
        let rates = RateTableFile(root: folder, allowOutside: allowOutside).read(name, field: ratesField, settings: settings)
      else { return nil }
      return ratesField.build { () throws(ModelError) in try ArrivalProfile(slotSeconds: 3600, callsPerHour: rates, dayNoiseCV: noise) }
    }
    let perHour = map["per_hour"].map { $0.number(0...ScenarioDecoder.maxCallsPerHour, what: "calls per hour ≥ 0") }
    let perDay = map["per_day"].map { $0.number(0...1e10, what: "calls per day ≥ 0") }
    if perHour != nil && perDay != nil {
      field.error("give per_hour (a constant rate) or per_day (a daily volume), not both")
      return nil
    }
    if perHour == nil && perDay == nil {
      field.error("missing a rate; expected per_hour: N (calls per hour) or per_day: N with an hourly shape")
      return nil
    }
    let factors = map["weekday"].map(weekdayFactors) ?? DayFactors()
    let shapeKeys = ["hourly": 24, "half_hourly": 48, "quarter_hourly": 96].filter { map.has($0.key) }
    if shapeKeys.count > 1 {
      field.error("give one of hourly, half_hourly or quarter_hourly")
      return nil
    }
    var shape: [Double]? = nil
    if let (key, count) = shapeKeys.first {
      if perHour != nil {
        map[key]!.error("a time-of-day shape applies to per_day; with per_hour the rate is constant")
        return nil
      }
      shape = weights(map[key]!, count: count)
      if shape == nil { return nil }
    }
    let noise = map["day_noise"].map { dayNoise($0) } ?? 0
    guard let factors, let noise else { return nil }
    guard let ph = perHour ?? nil ?? (perDay ?? nil).map({ $0 / 24 }), let settings else { return nil }

    if let rate = perHour ?? nil, factors.isFlat, noise == 0 {
      return field.build { () throws(ModelError) in try .constant(callsPerHour: rate, horizon: settings.horizon) }
    }
    let slotsPerDay = shape?.count ?? 24
    let slotShare = shape.map { w -> [Double] in
      let total = w.reduce(0, +)
      return w.map { $0 / total }
    } ?? Array(repeating: 1 / Double(slotsPerDay), count: slotsPerDay)
    let daily = ph * 24
    var rates: [Double] = []
    rates.reserveCapacity(settings.days * slotsPerDay)
    let slotHours = 24 / Double(slotsPerDay)
    for day in 0..<settings.days {
      let factor = settings.isHoliday(day: day) ? factors.holiday : factors.byWeekday[settings.date(ofDay: day).weekday]!
      for s in 0..<slotsPerDay {
        rates.append(daily * factor * slotShare[s] / slotHours)
      }
    }
    return field.build { () throws(ModelError) in
      try ArrivalProfile(slotSeconds: 86_400 / Double(slotsPerDay), callsPerHour: rates, dayNoiseCV: noise)
    }
  }

  /// `day_noise: {cv: x}`: the coefficient of variation of a random daily volume factor.
  func dayNoise(_ field: ScenarioField) -> Double? {
    guard let m = field.mapping(["cv"]) else { return nil }
    return m.required("cv", "the coefficient of variation of daily volume")?.number(0...5, what: "a coefficient of variation")
  }

  /// Volume factors by day type; 1 where not given.
  struct DayFactors {
    var byWeekday: [Weekday: Double] = Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, 1.0) })
    var holiday = 1.0
    var isFlat: Bool { byWeekday.values.allSatisfy { $0 == 1 } && holiday == 1 }
  }

  func weekdayFactors(_ field: ScenarioField) -> DayFactors? {
    let keys = Weekday.allCases.map(\.rawValue) + ["holiday"]
    guard let map = field.mapping(keys) else { return nil }
    var factors = DayFactors()
    var ok = true
    for key in keys {
      guard let f = map[key] else { continue }
      guard let v = f.number(0...1000, what: "a volume factor ≥ 0") else { ok = false; continue }
      if let day = Weekday(rawValue: key) { factors.byWeekday[day] = v } else { factors.holiday = v }
    }
    return ok ? factors : nil
  }

  /// `count` non-negative weights, not all zero.
  func weights(_ field: ScenarioField, count: Int) -> [Double]? {
    guard let items = field.list() else { return nil }
    guard items.count == count else {
      field.error("expected \(count) weights (one per \(24 * 60 / count) minutes from midnight), found \(items.count)")
      return nil
    }
    let values = items.map { $0.number(0...1e12, what: "a weight ≥ 0") }
    guard values.allSatisfy({ $0 != nil }) else { return nil }
    let w = values.map { $0! }
    guard w.reduce(0, +) > 0 else { field.error("the weights are all zero"); return nil }
    return w
  }
}
