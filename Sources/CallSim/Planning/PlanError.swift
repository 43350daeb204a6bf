/// Why `callsim plan` cannot propose a staffing: one line each, naming what to change.
public struct PlanError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
