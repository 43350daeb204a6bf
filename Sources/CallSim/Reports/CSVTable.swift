/// A CSV table produced line by line, so that it can be streamed to a file without sitting
/// whole in memory, or collected as text for tests and small outputs.
public protocol CSVTable {
  /// Calls `body` with the header, then each row, without line ends.
  func forEachLine(_ body: (String) throws -> Void) rethrows
}

extension CSVTable {
  /// The whole table as text.
  public func csv() -> String {
    var lines: [String] = []
    forEachLine { lines.append($0) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Streams the table into a file sink, one row at a time.
  public func write(to sink: inout TextSink) throws {
    try forEachLine { try sink.append($0 + "\n") }
  }
}
