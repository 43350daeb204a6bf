/// FNV-1a, 64 bits: a fingerprint of a resolved sweep's text. It detects a changed sweep
/// (or a folder or shard of another sweep); it is not meant to resist a forger, and callsim
/// has no cryptographic hash without a dependency.
/// Reference: Fowler, Noll & Vo, "FNV hash", IETF draft-eastlake-fnv (2019).
struct SweepFingerprint {
  private var state: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func add(_ text: String) {
    for byte in text.utf8 {
      state ^= UInt64(byte)
      state = state &* 0x0000_0100_0000_01b3
    }
    // A separator, so that ("ab", "c") and ("a", "bc") differ.
    state ^= 0xff
    state = state &* 0x0000_0100_0000_01b3
  }

  /// 16 lowercase hex digits.
  var hex: String {
    let digits = String(state, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
