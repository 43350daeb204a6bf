/// Why a calibration file could not be read or fitted: one line, naming the file and, where
/// there is one, the line and the value (`calls.csv:4: expected a duration ≥ 0, found '-3'`).
public struct CalibrationError: Error, Sendable, Equatable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }

  /// `file:line: message`.
  static func at(_ file: String, _ line: Int, _ message: String) -> CalibrationError {
    CalibrationError("\(file):\(line): \(message)")
  }

  /// The text of the data file `path` (at most ``ScenarioSource/maxFileBytes``), or the
  /// reason it cannot be read.
  static func readDataFile(_ path: String) throws(CalibrationError) -> String {
    do {
      return try ScenarioSource.readText(path, limit: ScenarioSource.maxFileBytes, what: "data file")
    } catch let error as ScenarioError {
      throw CalibrationError(error.issues.first.map { "\(path)\($0.line.map { ":\($0)" } ?? ""): \($0.message)" } ?? "cannot read \(path)")
    } catch {
      throw CalibrationError("cannot read \(path)")
    }
  }
}
