/// A metric a sweep keeps: one of the catalogue's (``Metric``) over every contact, or a
/// per-call-type metric over one channel's types, named `CHANNEL.METRIC`
/// (`phone.answer_rate`: with chats or messages in the scenario, the phone center's own).
/// Written by its name in `sweep.json`, `points.jsonl` and the `points.csv` headers.
public struct SweepMetric: Sendable, Hashable, Codable, CustomStringConvertible {
  public let metric: Metric
  /// The channel whose types it is over; `nil`: every contact (`summary.json`'s `metrics`).
  public let channel: Channel?

  public init(_ metric: Metric, channel: Channel? = nil) {
    self.metric = metric
    self.channel = channel
  }

  /// The metric named `name` (`answer_rate`, `phone.answer_rate`); `nil` when it names none,
  /// or a metric of agent time with a channel (``agentTime(named:)``).
  public init?(name: String) {
    switch Self.parts(of: name) {
    case let (channel?, metric?) where !metric.isAgentTime: self.init(metric, channel: channel)
    case (nil, let metric?): self.init(metric)
    default: return nil
    }
  }

  /// The agent-time metric `name` asks for over a channel (`phone.occupancy`), which no
  /// channel has: agent time is the groups', kept for all contacts.
  static func agentTime(named name: String) -> Metric? {
    guard case let (_?, metric?) = parts(of: name), metric.isAgentTime else { return nil }
    return metric
  }

  /// `CHANNEL.METRIC` or `METRIC` read as far as it goes.
  private static func parts(of name: String) -> (Channel?, Metric?) {
    let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return (nil, Metric(rawValue: name)) }
    guard let channel = Channel(rawValue: parts[0]) else { return (nil, nil) }
    return (channel, Metric(rawValue: parts[1]))
  }

  public var name: String { channel.map { "\($0.rawValue).\(metric.rawValue)" } ?? metric.rawValue }
  public var description: String { name }

  public init(from decoder: any Decoder) throws {
    let name = try decoder.singleValueContainer().decode(String.self)
    guard let metric = SweepMetric(name: name) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(name)' is not a metric"))
    }
    self = metric
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(name)
  }

  /// The estimates of `metrics` in `result`: the overall ones, and a channel's only when asked for.
  static func estimates(_ metrics: [SweepMetric], in result: RunResult) -> [Estimate?] {
    let overall = result.estimates()
    var byChannel: [Channel: [Metric: Estimate]] = [:]
    return metrics.map { m in
      guard let channel = m.channel else { return overall[m.metric] }
      if byChannel[channel] == nil { byChannel[channel] = result.estimates(channel: channel) }
      return byChannel[channel]?[m.metric]
    }
  }
}
