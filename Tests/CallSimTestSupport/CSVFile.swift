import Foundation

/// A CSV file written by callsim (no quoted fields), read by column name so that a test keeps
/// checking the same column when columns are added or reordered.
public struct CSVFile: Sendable {
  public let header: [String]
  public let rows: [Row]

  /// One line of the table, addressed by the header's names.
  public struct Row: Sendable {
    public let fields: [String]
    let columns: [String: Int]

    /// The field under `column`; a column the table does not have is a test bug, and stops it.
    public subscript(_ column: String) -> String {
      guard let i = columns[column] else { preconditionFailure("no column '\(column)' (columns: \(columns.keys.sorted()))") }
      return fields[i]
    }

    /// The field under `column` as a number, nil when empty or not a number.
    public func number(_ column: String) -> Double? { Double(self[column]) }
  }

  public init(text: String) {
    let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    header = lines.first ?? []
    let columns = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    rows = lines.dropFirst().map { Row(fields: $0, columns: columns) }
  }

  public init(contentsOf url: URL) throws {
    self.init(text: try String(contentsOf: url, encoding: .utf8))
  }

  /// The values of `column`, one per row.
  public func column(_ name: String) -> [String] { rows.map { $0[name] } }
}
