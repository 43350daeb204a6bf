import CGSL
import CKeyedRNG

/// Many short substreams — one per (item, part, block) — drawn through a single generator.
///
/// A model with many entities (each with several random attributes) cannot afford to seed a
/// generator per entity. A family keeps one counter-based generator (SplitMix64, Steele, Lea
/// & Flood 2014, whose state is one position on a 2^64-period Weyl sequence) and moves it to
/// the substream wanted with one store: ``select(itemKey:part:block:)``. Every GSL sampler
/// then draws from that substream unchanged, through ``stream``.
///
/// Substream (item, part) starts at a position hashed from (family key, item, part); block
/// `b` of it starts `b · 2^32` steps further, so blocks never overlap and each holds 2^32
/// numbers. Two different substreams overlap only if their hashed starts fall within the
/// numbers drawn of each other: for the few numbers an item draws, about one chance in
/// 2^50 per pair. The family belongs to its ``RandomStreamSet``: keep the set alive while
/// it is used. Not safe to use from two threads at once.
@frozen
public struct SubstreamFamily: @unchecked Sendable {
  /// The generator, drawing from the substream selected last.
  public let stream: RandomStream
  /// Hashed from (seed, replication, family name).
  @usableFromInline let key: UInt64

  @inlinable init(stream: RandomStream, key: UInt64) {
    self.stream = stream
    self.key = key
  }

  /// The key of item `item`, to compute once per item and pass to ``select(itemKey:part:block:)``.
  @inlinable @inline(__always)
  public func itemKey(_ item: UInt64) -> UInt64 { StreamSeed.splitMix(key ^ item) }

  /// Moves ``stream`` to the start of block `block` of substream (item, `part`); returns it.
  /// `part` names one random attribute of the item (any distinct values).
  @inlinable @inline(__always) @discardableResult
  public func select(itemKey: UInt64, part: UInt64, block: UInt32 = 0) -> RandomStream {
    callsim_keyed_select(stream.generator, start(itemKey: itemKey, part: part, block: block))
    return stream
  }

  /// The first number of block `block` of substream (item, `part`), uniform on [0, 1): the
  /// same number as `select(itemKey:part:block:).uniform()`, computed here instead of through
  /// GSL's generator interface, and leaving ``stream`` after it as that would.
  @inlinable @inline(__always)
  public func uniform(itemKey: UInt64, part: UInt64, block: UInt32 = 0) -> Double {
    let position = start(itemKey: itemKey, part: part, block: block)
    callsim_keyed_select(stream.generator, position &+ UInt64(CALLSIM_KEYED_GAMMA))
    return Self.uniform(at: position)
  }

  /// The uniform on [0, 1) the generator draws at `position` (keyed_rng.c's get_double:
  /// SplitMix64's output after `position`, high 53 bits); the next is at `position + γ`.
  @inlinable @inline(__always)
  static func uniform(at position: UInt64) -> Double {
    Double(StreamSeed.splitMix(position) >> 11) * 0x1p-53
  }

  /// The generator position at which block `block` of substream (item, `part`) starts.
  @inlinable @inline(__always)
  func start(itemKey: UInt64, part: UInt64, block: UInt32) -> UInt64 {
    StreamSeed.splitMix(itemKey ^ part) &+ (UInt64(block) << 32) &* UInt64(CALLSIM_KEYED_GAMMA)
  }
}
