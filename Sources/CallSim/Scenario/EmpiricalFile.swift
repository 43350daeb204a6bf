import Foundation

/// Reads observed durations for an empirical distribution: a CSV or text file with one value
/// per line (the first column is used; a header line is skipped; values accept units).
struct EmpiricalFile {
  let folder: URL
  let allowOutside: Bool
  static let maxBytes = 64 << 20

  func read(_ name: String, field: ScenarioField) -> [Double]? {
    guard let path = DataFilePath.resolve(name, folder: folder, allowOutside: allowOutside, field: field) else { return nil }
    let text: String
    do {
      text = try ScenarioSource.readText(path, limit: EmpiricalFile.maxBytes, what: "data file")
    } catch let error as ScenarioError {
      field.error(error.issues.first?.message.appending(" (\(path))") ?? "cannot read \(path)")
      return nil
    } catch {
      field.error("cannot read \(path)")
      return nil
    }
    var values: [Double] = []
    for (i, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
      let cell = raw.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
      let trimmed = cell.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      guard let v = DurationParser.seconds(trimmed), v >= 0 else {
        if i == 0 { continue }  // header
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

/// Resolves a data-file path given in a scenario, relative to the scenario's folder.
enum DataFilePath {
  static func resolve(_ name: String, folder: URL, allowOutside: Bool, field: ScenarioField) -> String? {
    let url = URL(fileURLWithPath: name, relativeTo: folder).standardizedFileURL
    if !allowOutside && !url.path.hasPrefix(folder.standardizedFileURL.path + "/") {
      field.error("'\(name)' is outside the scenario's folder; pass --allow-outside to permit it")
      return nil
    }
    return url.path
  }
}
