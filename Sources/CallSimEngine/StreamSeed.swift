/// Derives independent generator seeds from (scenario seed, replication, stream name).
public enum StreamSeed {
  /// A 32-bit seed (GSL's mt19937 and taus2 use the low 32 bits), never 0 (taus2 treats 0 as
  /// its default seed). Mixing by SplitMix64 (Steele, Lea & Flood 2014) of an FNV-1a hash
  /// of the name, so nearby inputs give unrelated seeds.
  public static func derive(seed: UInt64, replication: Int, name: String) -> UInt64 {
    let x = derive64(seed: seed, replication: replication, name: name)
    let folded = (x ^ (x >> 32)) & 0xffff_ffff
    return folded == 0 ? 1 : folded
  }

  /// A 64-bit key from (scenario seed, replication, name), for a ``SubstreamFamily``.
  public static func derive64(seed: UInt64, replication: Int, name: String) -> UInt64 {
    var nameHash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in name.utf8 {
      nameHash = (nameHash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    var x = splitMix(seed)
    x = splitMix(x ^ UInt64(truncatingIfNeeded: replication))
    return splitMix(x ^ nameHash)
  }

  /// One step of SplitMix64: a bijective 64-bit mixer.
  @inlinable @inline(__always)
  public static func splitMix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
