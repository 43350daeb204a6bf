import CallSim
import Foundation

/// A control request (`POST /control`), parsed and checked against the model before it
/// reaches the simulation. JSON: `{"action": "pause"}`, `{"action": "resume"}`,
/// `{"action": "speed", "speed": 120}` (or `"max"`), `{"action": "add_agents", "group": "G",
/// "agents": 5}`, `{"action": "remove_agents", "group": "G", "agents": 5}`,
/// `{"action": "routing", "mode": "split"}`, `{"action": "routing", "mode": "overflow",
/// "overflow_after": "30s"}` (a duration, or a number of seconds).
public enum LiveControl: Sendable, Equatable {
  case pause
  case resume
  case speed(LiveSpeed)
  case addAgents(group: String, count: Int)
  case removeAgents(group: String, count: Int)
  /// `overflowAfter`: seconds, given only with `overflow` (the engine refuses a switch to
  /// overflow without it unless the scenario's own routing is overflow).
  case routing(RoutingMode, overflowAfter: Double? = nil)

  /// The actions, as named in the JSON.
  public static let actions = ["pause", "resume", "speed", "add_agents", "remove_agents", "routing"]

  /// Agents one request may add or remove.
  public static let maxAgents = 10_000

  /// Parses `body` as a control for `model`; the error's message says what is wrong.
  public static func parse(_ body: Data, model: CallCenterModel) throws(LiveControlError) -> LiveControl {
    guard let object = try? JSONSerialization.jsonObject(with: body), let fields = object as? [String: Any] else {
      throw LiveControlError("the body is not a JSON object (expected e.g. {\"action\": \"pause\"})")
    }
    guard let action = fields["action"] as? String else {
      throw LiveControlError("missing \"action\" (one of \(actions.joined(separator: ", ")))")
    }
    switch action {
    case "pause": return .pause
    case "resume": return .resume
    case "speed":
      if let text = fields["speed"] as? String, let speed = LiveSpeed(text) { return .speed(speed) }
      if let number = fields["speed"] as? Double, let speed = LiveSpeed(String(number)) { return .speed(speed) }
      throw LiveControlError("\"speed\" must be a number of simulated seconds per second (0.1 to 100000) or \"max\"")
    case "add_agents", "remove_agents":
      guard let group = fields["group"] as? String else {
        throw LiveControlError("\(action) needs \"group\" (one of \(model.agentGroups.map(\.name).joined(separator: ", ")))")
      }
      guard model.agentGroups.contains(where: { $0.name == group }) else {
        throw LiveControlError(
          "unknown group \"\(group)\" (groups: \(model.agentGroups.map(\.name).joined(separator: ", ")))")
      }
      let raw: Any = fields["agents"] ?? NSNull()
      // A JSON true or false is a Boolean subclass of NSNumber, not NSNumber itself.
      guard type(of: raw) == NSNumber.self, let number = raw as? NSNumber, let count = Int(exactly: number.doubleValue),
        (1...maxAgents).contains(count)
      else {
        throw LiveControlError("\"agents\" must be a whole number from 1 to \(maxAgents)")
      }
      return action == "add_agents" ? .addAgents(group: group, count: count) : .removeAgents(group: group, count: count)
    case "routing":
      guard let text = fields["mode"] as? String, let mode = RoutingMode(rawValue: text) else {
        throw LiveControlError(
          "\"mode\" must be one of \(RoutingMode.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      guard let raw = fields["overflow_after"] else { return .routing(mode) }
      guard mode.usesOverflowWait else {
        throw LiveControlError(
          "\"overflow_after\" is used only with mode overflow (mode is \(mode.rawValue)), as routing.overflow_after in a scenario")
      }
      var seconds: Double?
      if let text = raw as? String {
        seconds = DurationParser.seconds(text)
      } else if type(of: raw) == NSNumber.self, let number = raw as? NSNumber {
        seconds = number.doubleValue
      }
      guard let seconds, seconds.isFinite, seconds >= 0, seconds <= LiveSimulation.maxOverflowAfter else {
        throw LiveControlError(
          "\"overflow_after\" must be a wait such as \"30s\" or \"2m\", or a number of seconds, from 0 to 1000000000 s")
      }
      return .routing(mode, overflowAfter: seconds)
    default:
      throw LiveControlError("unknown action \"\(action)\" (one of \(actions.joined(separator: ", ")))")
    }
  }
}

/// Why a control request was refused.
public struct LiveControlError: Error, CustomStringConvertible, Sendable {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// How fast the simulation runs: simulated seconds per real second, or as fast as it can.
public enum LiveSpeed: Sendable, Equatable, CustomStringConvertible {
  case factor(Double)
  case max

  /// `max`, or a number from 0.1 to 100000.
  public init?(_ text: String) {
    if text == "max" {
      self = .max
      return
    }
    guard let value = Double(text), value.isFinite, (0.1...100_000).contains(value) else { return nil }
    self = .factor(value)
  }

  public var description: String {
    switch self {
    case .max: return "max"
    case .factor(let f): return f == f.rounded() ? String(Int(f)) : String(f)
    }
  }
}
