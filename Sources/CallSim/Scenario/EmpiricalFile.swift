import Foundation

/// Reads observed durations for an empirical distribution: a CSV or text file with one value
/// per line (the first column is used; `#` comment lines and blank lines are skipped, and so
/// is a header, the first other line when it is not a duration; values accept units) — the
/// files `callsim fit durations` reads.
struct EmpiricalFile {
  /// The top scenario's folder: data files must stay inside it (see ``DataFilePath``).
  let root: URL
  let allowOutside: Bool

  /// The values of the file `name` written at `field`; limited to
  /// ``ScenarioSource/maxFileBytes`` like a scenario (a 64 MiB file took 137 s and 1.4 GB).
  func read(_ name: String, field: ScenarioField) -> [Double]? {
    guard let path = DataFilePath.resolve(name, field: field, root: root, allowOutside: allowOutside) else { return nil }
    let text: String
    do {
      text = try ScenarioSource.readText(path, limit: ScenarioSource.maxFileBytes, what: "data file")
    } catch let error as ScenarioError {
      field.error(error.dataFileMessage(path))
      return nil
    } catch {
      field.error("cannot read \(path)")
      return nil
    }
    var values: [Double] = []
    var first = true
    for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let cell = raw.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
      let trimmed = cell.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      defer { first = false }
      guard let v = DurationParser.seconds(trimmed), v >= 0 else {
        if first { continue }  // the header
        field.error("\(path):\(i + 1): expected a duration ≥ 0, found '\(trimmed)'")
        return nil
      }
      values.append(v)
    }
    guard !values.isEmpty else {
      field.error("\(path) holds no observed values")
      return nil
    }
    return values
  }
}
