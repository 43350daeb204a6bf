import Foundation

/// Whether the tests run under AddressSanitizer or ThreadSanitizer (`make asan` / `make tsan`
/// set these variables). Sanitized code runs several times slower, so tests that bound a
/// wall time allow for it; the bounds themselves are the release build's promises.
public enum SanitizerBuild {
  public static let isActive: Bool = {
    let environment = ProcessInfo.processInfo.environment
    return ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"].contains { environment[$0] != nil }
  }()

  /// `seconds` in a release build; several times that under a sanitizer.
  public static func allowing(_ seconds: Double) -> Double { isActive ? seconds * 4 : seconds }
}
