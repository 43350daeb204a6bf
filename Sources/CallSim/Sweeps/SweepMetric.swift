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
  /// or a metric of agent time with a channel (agent time is not split by channel).
  public init?(name: String) {
    let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
    if parts.count == 2 {
      guard let channel = Channel(rawValue: parts[0]), let metric = Metric(rawValue: parts[1]), !metric.isAgentTime else { return nil }
      self.init(metric, channel: channel)
    } else {
      guard let metric = Metric(rawValue: name) else { return nil }
      self.init(metric)
    }
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
