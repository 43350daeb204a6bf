import Foundation

/// Where the tests' temporary folders go: one folder per test process, under the system's
/// temporary directory, removed when the process exits. The temporary directory is shared
/// by everyone on the machine; folders left by each run (fixtures, results) would pile up
/// there without bound.
public enum TestScratch {
  /// This process's folder, created on first use and removed at exit.
  public static let root: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("callsim-tests-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: TestScratch.root) }
    return url
  }()

  /// A new empty folder named `prefix-UUID` in ``root``.
  public static func folder(_ prefix: String) throws -> URL {
    let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
