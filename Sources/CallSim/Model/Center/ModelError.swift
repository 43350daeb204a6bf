/// A model built from Swift with values no center can have (the scenario decoder reports
/// these for files, with the key; this is for library users building models directly).
public struct ModelError: Error, CustomStringConvertible, Equatable {
  public let description: String

  public init(_ description: String) { self.description = description }

  /// Throws `message` unless `condition` holds.
  static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(ModelError) {
    if !condition { throw ModelError(message()) }
  }
}
