import CallSimEngine

/// Warnings about staffing that is valid but probably not what was meant.
extension ScenarioDecoder {
  /// Most hour ranges a warning lists before "and N more".
  static let maxListedRanges = 3

  /// Warns when `simulation.holidays` is set and `arrivals.weekday.holiday` is not: a holiday
  /// is its own day type, and without a factor its volume is that of a day with factor 1.
  /// An arrival table (`arrivals.rates`) gives its own holiday rows, so it is not warned about.
  func warnAboutHolidays(_ top: ScenarioMapping) {
    guard let holidays = top["simulation"]?.value["holidays"], case .sequence(let items, _) = holidays, !items.isEmpty,
      let arrivals = top["arrivals"]?.value, arrivals["rates"] == nil, arrivals["weekday"]?["holiday"] == nil
    else { return }
    ScenarioField(value: holidays, path: "simulation.holidays", diagnostics: diagnostics).warning(
      "holidays are listed but arrivals.weekday.holiday is not set: a holiday is its own day type, its calls use factor 1, and roster lines for weekdays, weekends or named days do not work on it")
  }

  /// Warns about dates in roster and reinforcement `days` and in `strike.days` outside the
  /// simulated days: valid, but never used (often a year typed wrong).
  func warnAboutDatesOutsideTheHorizon(_ model: CallCenterModel, top: ScenarioMapping) {
    let settings = model.settings
    let first = settings.start, last = settings.date(ofDay: settings.days - 1)
    func check(_ field: ScenarioField?) {
      guard let field else { return }
      let values: [ScenarioValue]
      if case .sequence(let items, _) = field.value { values = items } else { values = [field.value] }
      let outside = values.compactMap { v -> CalendarDate? in
        guard case .scalar(let s, _, _) = v, let d = CalendarDate(iso: s), d < first || d > last else { return nil }
        return d
      }
      guard !outside.isEmpty else { return }
      let dates = ScenarioDecoder.list(outside.map(\.description))
      field.warning("\(dates) \(outside.count == 1 ? "is" : "are") outside the simulated days (\(first) to \(last)) and never used")
    }
    for key in ["roster", "reinforcement"] {
      guard case .sequence(let items, _)? = top[key]?.value else { continue }
      for (i, item) in items.enumerated() {
        guard let days = item["days"] else { continue }
        check(ScenarioField(value: days, path: "\(key)[\(i)].days", diagnostics: diagnostics))
      }
    }
    if let strike = top["strike"], let days = strike.value["days"] {
      check(ScenarioField(value: days, path: strike.child("days"), diagnostics: diagnostics))
    }
  }

  /// Warns, per call type that arrives, about the counted hours in which calls of the type
  /// arrive and nobody who may take it (its home groups under `split`, its skilled groups
  /// otherwise) is scheduled; reported at the first group whose home type it is.
  func warnAboutEmptyHours(_ model: CallCenterModel, field: ScenarioField) {
    let scheduled = model.scheduledAgents()
    let settings = model.settings
    var reported: Set<Int> = []
    for group in model.agentGroups {
      guard let t = group.homeType, reported.insert(t).inserted, inflowShare(model, type: t) > 0 else { continue }
      let servers = model.agentGroups.indices.filter { model.routing.mode.lets(model.agentGroups[$0], serve: t) }
      let empty = (settings.firstMeasuredHour..<settings.hours).filter { h in
        arrivalRate(model.arrivals, hour: h) > 0 && servers.allSatisfy { scheduled[$0][h] <= 0 }
      }
      guard !empty.isEmpty else { continue }
      let ranges = ScenarioDecoder.hourRanges(empty, settings: settings)
      var listed = ranges.prefix(ScenarioDecoder.maxListedRanges).joined(separator: ", ")
      if ranges.count > ScenarioDecoder.maxListedRanges { listed += " and \(ranges.count - ScenarioDecoder.maxListedRanges) more" }
      let hours = empty.count == 1 ? "1 counted hour" : "\(empty.count) counted hours"
      let name = model.callTypes[t].name
      let at = field.path == "agent_groups"
        ? ScenarioField(value: field.value[group.name] ?? field.value, path: field.child(group.name), diagnostics: diagnostics) : field
      at.warning(
        "nobody who may take call type '\(name)' (home type of group '\(group.name)') is on duty in \(hours) when such calls arrive: \(listed)")
    }
  }

  /// Share of the inflow that reaches the queue of type `t` (after the IVR).
  private func inflowShare(_ model: CallCenterModel, type t: Int) -> Double {
    guard let ivr = model.ivr else { return model.callTypes[t].share }
    return ivr.menuShares[t] * (1 - ivr.hangUp) * (1 - ivr.selfService[t])
  }

  /// The highest arrival rate in hour `h` of the horizon, calls per hour.
  private func arrivalRate(_ arrivals: ArrivalProfile, hour h: Int) -> Double {
    let first = Int((Double(h) * 3600 / arrivals.slotSeconds).rounded(.down))
    let last = Int((Double(h + 1) * 3600 / arrivals.slotSeconds).rounded(.up)) - 1
    let slots = arrivals.callsPerHour.indices
    return (max(first, 0)...max(first, last)).filter { slots.contains($0) }.map { arrivals.callsPerHour[$0] }.max() ?? 0
  }

  /// Sorted hours of the horizon as ranges: `2024-09-07 00:00-06:00`, or
  /// `2024-09-07 22:00-2024-09-08 06:00` across midnight.
  static func hourRanges(_ hours: [Int], settings: SimulationSettings) -> [String] {
    var ranges: [(Int, Int)] = []
    for h in hours {
      if let last = ranges.last, last.1 == h { ranges[ranges.count - 1].1 = h + 1 } else { ranges.append((h, h + 1)) }
    }
    return ranges.map { start, end in
      let day = start / 24
      let from = "\(settings.date(ofDay: day)) \(TimeText.clock(Double(start % 24) * 3600))"
      if (end - 1) / 24 == day { return "\(from)-\(TimeText.clock(Double(end - day * 24) * 3600))" }
      let endDay = end / 24
      return "\(from)-\(settings.date(ofDay: endDay)) \(TimeText.clock(Double(end % 24) * 3600))"
    }
  }
}
