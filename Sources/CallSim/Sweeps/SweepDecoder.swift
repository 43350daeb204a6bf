import Foundation

/// Turns a sweep file into a ``Sweep``: decodes its keys, expands lists, ranges and zipped
/// lists into the grid, then builds and validates the scenario of every point.
///
/// Problems with the sweep file itself are reported at its keys; problems a point's values
/// cause in the scenario are reported where the scenario decoder finds them, prefixed with
/// the point's number and values, each distinct problem once (with how many points share it).
struct SweepDecoder {
  let file: String
  let allowOutside: Bool
  let diagnostics = ScenarioDiagnostics()

  static let keys = ["sweep", "description", "base", "replications", "seed", "parameters", "metrics"]
  /// The key of `parameters` that holds zipped lists.
  static let zipKey = "zip"

  func decode() throws -> Sweep {
    let tree = try ScenarioSource(allowOutside: allowOutside).parse(file: file)
    let root = ScenarioField(value: tree, path: "", diagnostics: diagnostics)
    guard let top = root.mapping(SweepDecoder.keys, what: "a mapping of sweep keys (sweep:, base:, parameters:, metrics:, …)") else {
      throw failure()
    }
    let name = top.required("sweep", "the sweep's name")?.string()
    if let name, name.contains("/") || name.hasPrefix(".") {
      top["sweep"]?.expected("a name without '/' or a leading '.' (it names the output folder)")
    }
    _ = top["description"]?.string()
    let replications = top["replications"].map { f -> ScenarioValue? in
      f.integer(1...ScenarioDecoder.maxReplications, what: "a number of replications per point").map { _ in f.value }
    }
    let seed = top["seed"].map { f -> ScenarioValue? in
      guard let s = f.scalar, UInt64(s) != nil else { f.expected("a whole number ≥ 0"); return nil }
      return f.value
    }
    let dimensions = top.required("parameters", "a mapping of scenario key paths to lists of values")
      .flatMap(parameters)
    let metrics = top.required("metrics", "a list of metrics to keep, such as [answer_rate, service_level]")
      .flatMap(metricList)
    let base = top.required("base", "the base scenario's file, relative to the sweep file").flatMap(baseTree)
    guard let name, let dimensions, let metrics, let base, replications ?? nil != nil || top["replications"] == nil,
      seed ?? nil != nil || top["seed"] == nil, !diagnostics.hasErrors
    else { throw failure() }

    var count = 1
    for d in dimensions {
      count = count.multipliedReportingOverflow(by: d.count).overflow ? Int.max : count * d.count
    }
    guard count <= Sweep.maxPoints else {
      top["parameters"]?.error("the grid has \(count == Int.max ? "too many" : String(count)) points; expected at most \(Sweep.maxPoints) (check each range's step)")
      throw failure()
    }
    var fixed = base.tree
    if let r = replications ?? nil { fixed = fixed.setting(["simulation", "replications"], to: r) }
    if let s = seed ?? nil { fixed = fixed.setting(["simulation", "seed"], to: s) }
    let builder = SweepPointBuilder(base: fixed, baseFile: base.file, dimensions: dimensions, count: count, allowOutside: allowOutside)
    let built = builder.build()
    if !built.errors.isEmpty { throw ScenarioError(built.errors) }

    var fingerprint = SweepFingerprint()
    fingerprint.add("callsim sweep 1")
    fingerprint.add(built.parameters.joined(separator: "\n"))
    fingerprint.add(metrics.map(\.name).joined(separator: "\n"))
    for text in built.resolvedTexts { fingerprint.add(text) }
    return Sweep(
      name: name, file: file, parameters: built.parameters, metrics: metrics, points: built.points,
      warnings: built.warnings, fingerprint: fingerprint.hex)
  }

  private func failure() -> ScenarioError {
    ScenarioError(diagnostics.issues.filter { $0.severity == .error })
  }

  // MARK: - base

  /// The base scenario's merged tree and its path, or `nil` with the problem reported.
  private func baseTree(_ field: ScenarioField) -> (tree: ScenarioValue, file: String)? {
    guard let relative = field.string() else { return nil }
    let root = URL(fileURLWithPath: file).deletingLastPathComponent()
    guard let resolved = DataFilePath.resolve(relative, field: field, root: root, allowOutside: allowOutside) else { return nil }
    // Named as the user would: relative to the working folder when the sweep file was.
    let path = URL(fileURLWithPath: relative, relativeTo: root).standardizedFileURL.path
    let display = file.hasPrefix("/") ? path : relativeToWorkingFolder(path)
    guard FileManager.default.fileExists(atPath: resolved) else {
      field.error("no such file '\(display)'; expected the base scenario's file, relative to the sweep file")
      return nil
    }
    do {
      return (try ScenarioSource(allowOutside: allowOutside).load(display), display)
    } catch let error as ScenarioError {
      for issue in error.issues { diagnostics.error(.init(file: issue.file, line: issue.line), issue.keyPath, issue.message) }
      return nil
    } catch {
      field.error("cannot read the base scenario: \(error)")
      return nil
    }
  }

  private func relativeToWorkingFolder(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath + "/"
    return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
  }

  // MARK: - metrics

  private func metricList(_ field: ScenarioField) -> [SweepMetric]? {
    guard let items = field.list() else { return nil }
    if items.isEmpty { field.expected("at least one metric") }
    var metrics: [SweepMetric] = []
    let known = Metric.allCases.map(\.rawValue)
    let perChannel = Channel.allCases.flatMap { c in Metric.allCases.filter { !$0.isAgentTime }.map { "\(c.rawValue).\($0.rawValue)" } }
    for item in items {
      guard let name = item.string() else { continue }
      guard let metric = SweepMetric(name: name) else {
        if let m = SweepMetric.agentTime(named: name) {
          item.error("'\(name)' is agent time, kept for all contacts, not per channel; use \(m.rawValue)")
          continue
        }
        var message = "'\(name)' is not a metric"
        if let suggestion = KeySuggestion.closest(to: name, among: known + perChannel) { message += "; did you mean '\(suggestion)'?" }
        item.error(
          message + " (metrics: \(known.joined(separator: ", ")); or a per-call-type one over a channel's types, CHANNEL.METRIC, such as phone.answer_rate)")
        continue
      }
      if metrics.contains(metric) { item.error("'\(name)' is listed twice") }
      metrics.append(metric)
    }
    return diagnostics.hasErrors ? nil : metrics
  }

  // MARK: - parameters

  private func parameters(_ field: ScenarioField) -> [SweepDimension]? {
    guard let entries = field.entries(what: "a mapping of scenario key paths to lists of values") else { return nil }
    if entries.isEmpty { field.expected("at least one parameter") }
    var dimensions: [SweepDimension] = []
    var seen: Set<String> = []
    func path(_ text: String, _ at: ScenarioField) -> ScenarioKeyPath? {
      switch ScenarioKeyPath.parse(text) {
      case .failure(let problem):
        at.error(problem.description)
        return nil
      case .success(let p):
        if !seen.insert(p.description).inserted { at.error("the key path '\(text)' is swept twice") }
        return p
      }
    }
    for (key, values) in entries {
      if key == SweepDecoder.zipKey {
        let groups: [ScenarioField]
        if case .sequence = values.value { groups = values.list() ?? [] } else { groups = [values] }
        for group in groups {
          if let d = zipped(group, path: path) { dimensions.append(d) }
        }
      } else if let p = path(key, values), let (list, isDuration) = self.values(values) {
        dimensions.append(SweepDimension(paths: [p], steps: list.map { [$0] }, durations: [isDuration]))
      }
    }
    return diagnostics.hasErrors ? nil : dimensions
  }

  /// `zip: {path: [..], path: [..]}`: lists of one length, read side by side.
  private func zipped(_ group: ScenarioField, path: (String, ScenarioField) -> ScenarioKeyPath?) -> SweepDimension? {
    guard let entries = group.entries(what: "a mapping of key paths to lists of one length (zipped lists)") else { return nil }
    guard entries.count >= 2 else {
      group.expected("at least two key paths to zip together (a single list needs no zip)")
      return nil
    }
    var paths: [ScenarioKeyPath] = []
    var columns: [[ScenarioValue?]] = []
    var durations: [Bool] = []
    for (key, values) in entries {
      guard let p = path(key, values), let (list, isDuration) = self.values(values) else { continue }
      if let first = columns.first, first.count != list.count {
        values.error("has \(list.count) value\(list.count == 1 ? "" : "s"); expected \(first.count), as many as '\(paths[0])' (zipped lists are read side by side)")
        continue
      }
      paths.append(p)
      columns.append(list)
      durations.append(isDuration)
    }
    guard paths.count == entries.count, let length = columns.first?.count else { return nil }
    return SweepDimension(paths: paths, steps: (0..<length).map { i in columns.map { $0[i] } }, durations: durations)
  }

  /// A parameter's values — a list (null removes the key), a range `{from, to, step}`, or
  /// one value — and whether they are durations (``SweepDimension/areDurations(_:)``).
  private func values(_ field: ScenarioField) -> (values: [ScenarioValue?], durations: Bool)? {
    switch field.value {
    case .sequence(let items, _):
      if items.isEmpty {
        field.expected("at least one value")
        return nil
      }
      let values = items.map { $0.isNull ? nil : $0 }
      return (values, SweepDimension.areDurations(values))
    case .mapping(let pairs, _) where pairs.contains(where: { ["from", "to", "step"].contains($0.key) }):
      return range(field).map { ($0.values.map { Optional($0) }, $0.durations) }
    default:
      let values = [field.value.isNull ? nil : field.value]
      return (values, SweepDimension.areDurations(values))
    }
  }

  /// `{from: a, to: b, step: s}`: a, a + s, … up to b (included when a whole number of
  /// steps reaches it, within 1e-9 of a step). Numbers, or durations given in seconds.
  private func range(_ field: ScenarioField) -> (values: [ScenarioValue], durations: Bool)? {
    guard let map = field.mapping(["from", "to", "step"], what: "a range {from, to, step}") else { return nil }
    let ends = ["from", "to", "step"].map { map.required($0, "a number or a duration (range {from, to, step})") }
    guard let from = ends[0], let to = ends[1], let step = ends[2] else { return nil }
    let texts = [from, to, step].compactMap(\.scalar)
    let numbers = texts.count == 3 && texts.allSatisfy { ScenarioField.parseNumber($0) != nil }
    let read = { (f: ScenarioField) -> Double? in
      numbers ? f.number() : f.duration(allowZero: true)
    }
    guard let a = read(from), let b = read(to), let s = read(step) else { return nil }
    guard s != 0, (b - a) * s >= 0 else {
      step.expected("a step that leads from \(ScenarioField.show(a)) to \(ScenarioField.show(b)) (non-zero, of the same sign as to − from)")
      return nil
    }
    let steps = ((b - a) / s + 1e-9).rounded(.down)
    guard steps < Double(Sweep.maxPoints) else {
      step.expected("a step giving at most \(Sweep.maxPoints) values, found \(ScenarioField.show(steps + 1)) values")
      return nil
    }
    let values = (0...Int(steps)).map { k -> ScenarioValue in
      let v = ((a + Double(k) * s) * 1e9).rounded() / 1e9
      return .scalar(ScenarioField.show(v), quoted: false, origin: field.origin)
    }
    return (values, !numbers)
  }
}
