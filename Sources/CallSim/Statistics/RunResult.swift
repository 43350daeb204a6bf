/// The combined result of all replications of one model.
public struct RunResult: Sendable {
  public let model: CallCenterModel
  public let replications: [ReplicationResult]

  public init(model: CallCenterModel, replications: [ReplicationResult]) {
    precondition(!replications.isEmpty)
    self.model = model
    self.replications = replications
  }

  /// Whether every requested replication finished (false after an interruption).
  public var isComplete: Bool { replications.count == model.settings.replications }

  /// Measured totals of each replication.
  public var totals: [CallCounts] {
    let first = model.settings.firstMeasuredHour
    return replications.map { $0.total(fromHour: first) }
  }

  /// Seconds counted in each replication (horizon less warm-up).
  public var measuredSeconds: Double {
    Double(model.settings.hours - model.settings.firstMeasuredHour) * 3600
  }

  /// Every metric over the measured period, across replications.
  public func estimates() -> [Metric: Estimate] {
    estimates(of: totals, waits: replications.map(\.answeredWaitQuantiles), periodSeconds: measuredSeconds)
  }

  /// Every metric for call type `index`, across replications.
  public func estimates(callType index: Int) -> [Metric: Estimate] {
    estimates(
      of: replications.map { $0.byCallType[index] }, waits: replications.map { $0.answeredWaitQuantilesByType[index] },
      periodSeconds: measuredSeconds)
  }

  /// Every metric for the call types of `channel` together, across replications.
  public func estimates(channel: Channel) -> [Metric: Estimate] {
    estimates(of: replications.map { $0.counts(channel: channel, of: model) }, waits: channelWaits(channel), periodSeconds: measuredSeconds)
  }

  /// The answered-wait percentiles of `channel`'s calls in each replication: a run without
  /// message types is all phone.
  public func channelWaits(_ channel: Channel) -> [WaitQuantiles] {
    let k = Channel.allCases.firstIndex(of: channel)!
    return replications.map { r in
      r.answeredWaitQuantilesByChannel.isEmpty
        ? (channel == .phone ? r.answeredWaitQuantiles : WaitQuantiles())
        : r.answeredWaitQuantilesByChannel[k]
    }
  }

  /// Every metric of agent group `index`, across replications.
  public func estimates(group index: Int) -> [GroupMetric: Estimate] {
    var out: [GroupMetric: Estimate] = [:]
    for metric in GroupMetric.reported(for: model) {
      out[metric] = Estimate(replications.map { metric.value(of: $0.byGroup[index], periodSeconds: measuredSeconds) })
    }
    return out
  }

  /// `waits[r]`: the answered-wait percentiles of the calls counted in `counts[r]`.
  private func estimates(of counts: [CallCounts], waits: [WaitQuantiles], periodSeconds: Double) -> [Metric: Estimate] {
    var out: [Metric: Estimate] = [:]
    for metric in Metric.reported(for: model) {
      out[metric] = Estimate(zip(counts, waits).map { metric.value(of: $0, waits: $1, periodSeconds: periodSeconds) })
    }
    return out
  }

  /// Hour `h` of the horizon summed over replications (divide counts by the replication
  /// count for means; ratios of these sums are ratios of means).
  public func hourSum(_ h: Int) -> CallCounts {
    var sum = CallCounts()
    for r in replications { sum += r.hourly[h] }
    return sum
  }

  /// Calls of type `type` in hour `h`, summed over replications.
  public func hourSum(_ h: Int, type: Int) -> CallCounts {
    var sum = CallCounts()
    for r in replications { sum += r.counts(hour: h, type: type) }
    return sum
  }

  /// Group `group` in hour `h`, summed over replications.
  public func hourSum(_ h: Int, group: Int) -> GroupCounts {
    var sum = GroupCounts()
    for r in replications { sum += r.counts(hour: h, group: group) }
    return sum
  }

  /// Mean wait histograms per replication.
  public var meanWaits: (answered: WaitHistogram, abandoned: WaitHistogram) {
    var answered = WaitHistogram(), abandoned = WaitHistogram()
    for r in replications {
      answered += r.answeredWaits
      abandoned += r.abandonedWaits
    }
    let k = 1 / Double(replications.count)
    return (answered.scaled(by: k), abandoned.scaled(by: k))
  }

  /// Problems with conservation of calls, per replication and hour; empty when all hold.
  public var conservationErrors: [String] {
    var errors: [String] = []
    for r in replications {
      for (h, counts) in r.hourly.enumerated() {
        if let e = counts.conservationError { errors.append("replication \(r.replication), hour \(h): \(e)") }
      }
      for (t, counts) in r.byCallType.enumerated() {
        if let e = counts.conservationError { errors.append("replication \(r.replication), call type \(t): \(e)") }
      }
      for (i, counts) in r.hourlyByType.enumerated() {
        if let e = counts.conservationError {
          errors.append("replication \(r.replication), hour \(i / model.callTypes.count), call type \(i % model.callTypes.count): \(e)")
        }
      }
    }
    return errors
  }
}
