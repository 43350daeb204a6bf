import Foundation

/// Observed durations in seconds, read from a CSV or text file for `callsim fit durations`.
///
/// Rules: blank lines and lines starting with `#` are skipped; the first other line may be a
/// header (it is one when its cell is not a duration); values are seconds (`190`, `190.5`) or
/// written like scenario durations (`3m10s`, see ``DurationParser``). A file with more than
/// one column needs `column`, the header name of the column to read. A value that is not a
/// duration, a negative or empty value, one above the scenarios' limit (about 31 years), an unknown column, a file with no values or with a
/// single value is a ``CalibrationError`` naming the file, line and value.
public struct DurationSample: Sendable, Equatable {
  /// The values in file order, seconds, each finite and ≥ 0; at least 2.
  public let values: [Double]
  /// The header of the column read, if the file has one.
  public let columnName: String?

  public init(values: [Double], columnName: String? = nil) {
    self.values = values
    self.columnName = columnName
  }

  /// Reads `path` (at most ``ScenarioSource/maxFileBytes``).
  public static func read(_ path: String, column: String? = nil) throws(CalibrationError) -> DurationSample {
    let text = try CalibrationError.readDataFile(path)
    return try parse(text, file: path, column: column)
  }

  /// Parses the text of a file named `file` (used in messages).
  public static func parse(_ text: String, file: String, column: String? = nil) throws(CalibrationError) -> DurationSample {
    let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text  // a spreadsheet's byte-order mark
    var values: [Double] = []
    var index: Int? = column == nil ? 0 : nil
    var header: String?
    var seenFirst = false
    var columns = 1
    for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let line = i + 1
      let trimmedLine = raw.trimmingCharacters(in: .whitespaces)
      if trimmedLine.isEmpty || trimmedLine.hasPrefix("#") { continue }
      let cells = raw.split(separator: ",", omittingEmptySubsequences: false).map { unquote(String($0)) }
      if !seenFirst {
        seenFirst = true
        columns = cells.count
        let looksLikeHeader = cells.contains { DurationParser.seconds($0) == nil }
        if let column {
          guard looksLikeHeader else {
            throw .at(file, line, "--column \(column) needs a header line naming the columns, found '\(trimmedLine)'")
          }
          guard let k = cells.firstIndex(where: { $0.lowercased() == column.lowercased() }) else {
            throw .at(file, line, "no column '\(column)' in the header (columns: \(cells.joined(separator: ", ")))")
          }
          index = k
          header = cells[k]
          continue
        }
        if cells.count > 1 {
          throw .at(file, line, "\(cells.count) columns; choose one with --column NAME (header: '\(trimmedLine)')")
        }
        if looksLikeHeader {
          header = cells[0]
          continue
        }
      }
      guard let k = index, k < cells.count else {
        throw .at(file, line, "expected \(columns) columns, found \(cells.count): '\(trimmedLine)'")
      }
      let cell = cells[k]
      let what = header.map { "in column '\($0)'" } ?? ""
      guard !cell.isEmpty else { throw .at(file, line, "empty value \(what)".trimmingCharacters(in: .whitespaces)) }
      guard let v = DurationParser.seconds(cell), v.isFinite else {
        throw .at(file, line, "expected a duration in seconds (e.g. 190 or 3m10s), found '\(cell)'")
      }
      guard v >= 0 else { throw .at(file, line, "a duration cannot be negative, found '\(cell)'") }
      guard v <= ScenarioField.maxDurationSeconds else {
        throw .at(file, line, "a duration must be at most \(ScenarioField.show(ScenarioField.maxDurationSeconds)) seconds (about 31 years), found '\(cell)'")
      }
      values.append(v)
    }
    guard !values.isEmpty else { throw CalibrationError("\(file): no durations found (expected one value per line, in seconds or like 3m10s)") }
    guard values.count >= 2 else {
      throw CalibrationError("\(file): a single value (\(ScenarioField.show(values[0])) s) cannot be fitted; need at least 2 durations")
    }
    return DurationSample(values: values, columnName: header)
  }

  /// A cell without surrounding spaces and double quotes.
  static func unquote(_ cell: String) -> String {
    var t = cell.trimmingCharacters(in: .whitespaces)
    if t.count >= 2, t.hasPrefix("\""), t.hasSuffix("\"") { t = String(t.dropFirst().dropLast()) }
    return t
  }
}
