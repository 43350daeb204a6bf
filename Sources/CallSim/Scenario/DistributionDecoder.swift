import CallSimEngine
import Foundation

/// Decodes `{dist: NAME, mean: …, sd: … | cv: … | shape: …}` into a ``Distribution``.
/// Durations (`mean`, `sd`, `min`, `mode`, `max`) accept units; `cv` and `shape` are numbers.
struct DistributionDecoder {
  /// The top scenario's folder, which `file:` paths of empirical distributions must stay
  /// inside; each path is relative to the file it is written in.
  let root: URL
  let allowOutside: Bool

  static let keys = ["dist", "mean", "sd", "cv", "shape", "min", "mode", "max", "file", "components", "weight"]

  func decode(_ field: ScenarioField, allowWeight: Bool = false) -> Distribution? {
    let allowed = DistributionDecoder.keys.filter { allowWeight || $0 != "weight" }
    guard let map = field.mapping(allowed, what: "a distribution such as {dist: exponential, mean: 3m}") else { return nil }
    let families = Distribution.Family.allCases.map(\.rawValue)
    guard let nameField = map.required("dist", "the distribution family (\(families.joined(separator: ", ")))"),
      let name = nameField.string()
    else { return nil }
    guard let family = Distribution.Family(rawValue: name) else {
      var message = "unknown distribution '\(name)'"
      if let s = KeySuggestion.closest(to: name, among: families) { message += "; did you mean '\(s)'?" }
      nameField.error(message + " (expected one of: \(families.joined(separator: ", ")))")
      return nil
    }
    let used = DistributionDecoder.usedKeys[family]! + ["dist"] + (allowWeight ? ["weight"] : [])
    var clean = true
    for (key, _) in map.pairs where !used.contains(key) && allowed.contains(key) {
      map[key]!.error("not used by a \(family.rawValue) distribution (it takes: \(DistributionDecoder.usedKeys[family]!.joined(separator: ", ")))")
      clean = false
    }
    guard clean else { return nil }
    let mean = map["mean"].map { $0.duration(allowZero: family == .deterministic) }
    let sd = map["sd"].map { $0.duration(allowZero: family == .uniform) }
    let cv = map["cv"].map { $0.number(0...100, what: "a coefficient of variation") }
    let shape = map["shape"].map { $0.positiveNumber(what: "a positive shape") }
    // A key that was present but invalid has already been reported: stop quietly.
    if mean == .some(nil) || sd == .some(nil) || cv == .some(nil) || shape == .some(nil) { return nil }

    func need(_ key: String, _ v: Double??, _ what: String) -> Double? {
      if let v { return v }
      map.field.diagnostics.error(map.field.origin, map.field.child(key), "missing; a \(family.rawValue) distribution needs \(what)")
      return nil
    }
    func spread(_ m: Double) -> Double? {
      if let sd = sd ?? nil { return sd }
      if let cv = cv ?? nil { return cv * m }
      return nil
    }
    func oneSpread(_ options: String) -> Bool {
      let given = [sd, cv, shape].compactMap { $0 }.count
      if given > 1 {
        map.field.error("give only one of \(options)")
        return false
      }
      return true
    }
    do {
      switch family {
      case .exponential:
        guard let m = need("mean", mean, "a mean") else { return nil }
        return try .exponential(withMean: m)
      case .lognormal:
        guard let m = need("mean", mean, "a mean"), oneSpread("sd or cv") else { return nil }
        guard let s = spread(m) else { return missing("sd", map, "sd or cv", family) }
        return try .lognormal(mean: m, sd: s)
      case .gamma:
        guard let m = need("mean", mean, "a mean"), oneSpread("sd, cv or shape") else { return nil }
        if let k = shape ?? nil { return try .gamma(mean: m, shape: k) }
        guard let s = spread(m) else { return missing("sd", map, "sd, cv or shape", family) }
        return try .gamma(mean: m, sd: s)
      case .weibull:
        guard let m = need("mean", mean, "a mean"), oneSpread("sd, cv or shape") else { return nil }
        if let k = shape ?? nil { return try .weibull(mean: m, shape: k) }
        guard let s = spread(m) else { return missing("shape", map, "shape, sd or cv", family) }
        return try .weibull(mean: m, sd: s)
      case .erlang:
        guard let m = need("mean", mean, "a mean"), oneSpread("shape or cv") else { return nil }
        var k: Double
        if let c = cv ?? nil { k = 1 / (c * c) } else if let sh = shape ?? nil { k = sh } else {
          return missing("shape", map, "shape (the number of phases) or cv", family)
        }
        // Checked before the conversion to Int, which traps on an infinite or huge value.
        guard k.isFinite, k <= Distribution.maxShape else {
          map.field.error("an Erlang's phases (shape = 1/cv²) must be at most \(Int(Distribution.maxShape)), got \(k) (cv must be at least 1e-5; use dist: deterministic for a fixed duration)")
          return nil
        }
        if abs(k - k.rounded()) > 1e-6 || k < 1 {
          map.field.error("an Erlang needs a whole number of phases ≥ 1 (shape = 1/cv²), got \(k)")
          return nil
        }
        k = k.rounded()
        return try .erlang(mean: m, phases: Int(k))
      case .deterministic:
        guard let m = need("mean", mean, "a value (mean)") else { return nil }
        return try .deterministic(value: m)
      case .uniform:
        if map.has("min") || map.has("max") {
          guard let lo = map.required("min", "a duration")?.duration(allowZero: true),
            let hi = map.required("max", "a duration")?.duration(allowZero: true)
          else { return nil }
          return try .uniform(from: lo, to: hi)
        }
        guard let m = need("mean", mean, "min and max, or a mean"), oneSpread("sd or cv") else { return nil }
        guard let s = spread(m) else { return missing("sd", map, "sd or cv", family) }
        return try .uniform(mean: m, sd: s)
      case .triangular:
        guard let lo = map.required("min", "a duration")?.duration(allowZero: true),
          let mode = map.required("mode", "a duration")?.duration(allowZero: true),
          let hi = map.required("max", "a duration")?.duration(allowZero: true)
        else { return nil }
        return try .triangular(from: lo, peak: mode, to: hi)
      case .empirical:
        guard let fileField = map.required("file", "a CSV file of observed durations"), let file = fileField.string() else { return nil }
        guard let values = EmpiricalFile(root: root, allowOutside: allowOutside).read(file, field: fileField) else { return nil }
        return try .empirical(values: values)
      case .mixture:
        guard let parts = map.required("components", "a list of weighted distributions")?.list() else { return nil }
        var weights: [Double] = [], components: [Distribution] = []
        for part in parts {
          guard let partMap = part.mapping(DistributionDecoder.keys) else { continue }
          let w = partMap.required("weight", "a positive weight")?.positiveNumber(what: "a positive weight")
          let d = decode(part, allowWeight: true)
          if let w, let d {
            weights.append(w)
            components.append(d)
          }
        }
        guard weights.count == parts.count, !parts.isEmpty else {
          if parts.isEmpty { map.field.error("a mixture needs at least one component") }
          return nil
        }
        return try .mixture(weighted: weights, of: components)
      }
    } catch let error as DistributionParameterError {
      field.error(error.description)
      return nil
    } catch {
      field.error("\(error)")
      return nil
    }
  }

  private func missing(_ key: String, _ map: ScenarioMapping, _ what: String, _ family: Distribution.Family) -> Distribution? {
    map.field.diagnostics.error(map.field.origin, map.field.child(key), "missing; a \(family.rawValue) distribution needs \(what)")
    return nil
  }

  static let usedKeys: [Distribution.Family: [String]] = [
    .exponential: ["mean"],
    .lognormal: ["mean", "sd", "cv"],
    .gamma: ["mean", "sd", "cv", "shape"],
    .weibull: ["mean", "sd", "cv", "shape"],
    .erlang: ["mean", "shape", "cv"],
    .deterministic: ["mean"],
    .uniform: ["min", "max", "mean", "sd", "cv"],
    .triangular: ["min", "mode", "max"],
    .empirical: ["file"],
    .mixture: ["components"],
  ]
}
