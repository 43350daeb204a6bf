import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program and reports its exit status, wall time and peak memory (from `wait4`'s
/// resource usage, which Foundation's `Process` does not expose).
struct ChildProcess {
  struct Outcome {
    var status: Int32
    var wallSeconds: Double
    /// Peak resident memory of the child, bytes.
    var peakMemoryBytes: Int
    var output: String
  }

  /// Runs `path` with `arguments`; standard output is captured through a temporary file,
  /// standard error is inherited, or discarded with `discardingErrors` (a probe whose
  /// failure the caller reports in its own words).
  static func run(_ path: String, _ arguments: [String], discardingErrors: Bool = false) throws -> Outcome {
    let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("callsim-child-\(UUID().uuidString).out")
    defer { try? FileManager.default.removeItem(at: outputFile) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if discardingErrors { posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0) }
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let start = ContinuousClock.now
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
    guard spawned == 0 else {
      throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "cannot start \(path): \(String(cString: strerror(spawned)))"])
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let elapsed = start.duration(to: .now)
    let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    let exited = (status & 0x7f) == 0
    return Outcome(
      status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
      wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
      peakMemoryBytes: usage.ru_maxrss * 1024, output: output)
  }
}
