/// A deterministic share of a sweep's points, for a job array: shard `index` of `count`
/// takes points `index`, `index + count`, `index + 2·count`, … (1-based, round-robin, so
/// that each shard gets points from the whole grid and shards take about equal time).
public struct Shard: Sendable, Equatable, Codable, CustomStringConvertible {
  /// 1-based, as Slurm numbers array tasks (`--array=1-N`).
  public let index: Int
  public let count: Int

  /// The whole sweep as one shard.
  public static let whole = Shard(index: 1, count: 1)

  public init(index: Int, count: Int) {
    precondition(count >= 1 && (1...count).contains(index))
    self.index = index
    self.count = count
  }

  /// Reads a shard from `sweep.json`, refusing one that ``init(index:count:)`` would not make
  /// (a hand-edited file must not stop the program).
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let index = try c.decode(Int.self, forKey: .index), count = try c.decode(Int.self, forKey: .count)
    guard count >= 1, (1...count).contains(index) else {
      throw DecodingError.dataCorruptedError(forKey: .index, in: c, debugDescription: "expected 1 ≤ index ≤ count")
    }
    self.init(index: index, count: count)
  }

  private enum CodingKeys: String, CodingKey { case index, count }

  /// Parses `i/N` (1 ≤ i ≤ N); the problem as the end of an error line otherwise.
  public static func parse(_ text: String) -> Result<Shard, ScenarioKeyPath.Problem> {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= Sweep.maxPoints, (1...n).contains(i) else {
      return .failure(.init("expected i/N with 1 ≤ i ≤ N ≤ \(Sweep.maxPoints), such as 2/8 (N shards, this one the i-th), found '\(text)'"))
    }
    return .success(Shard(index: i, count: n))
  }

  /// Whether point `number` (1-based) belongs to this shard.
  public func contains(_ number: Int) -> Bool { (number - 1) % count == index - 1 }

  public var description: String { "\(index)/\(count)" }
}
