import Foundation

/// Runs the built `callsim` binary as a user would (argument-parser's end-to-end style): the
/// one harness of the command-line and live tests.
public enum CLI {
  /// The binary next to the test bundle (same build configuration).
  public static var binary: URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    // Inside an .xctest bundle directory on some platforms.
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("callsim").path), folder.path != "/" {
      folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("callsim")
  }

  /// The package's root folder (for `Scenarios/`); the working folder of every run.
  public static var packageRoot: URL { Repository.root }

  public struct Output: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
      self.status = status
      self.stdout = stdout
      self.stderr = stderr
    }
  }

  /// Runs `callsim ARGUMENTS` to its end.
  public static func run(_ arguments: [String], in folder: URL? = nil) throws -> Output {
    try launch(arguments, in: folder).finish()
  }

  /// A `callsim` process started by ``launch(_:in:)``, still running.
  public final class Running: @unchecked Sendable {
    public let process: Process
    let out: Pipe
    let err: Pipe
    private var pending = [UInt8]()
    private var consumed = [UInt8]()

    init(process: Process, out: Pipe, err: Pipe) {
      self.process = process
      self.out = out
      self.err = err
    }

    public var pid: Int32 { process.processIdentifier }

    /// Sends `signal` to the process while it runs.
    public func send(_ signal: Int32) { if process.isRunning { kill(process.processIdentifier, signal) } }

    /// The next line the process prints on standard output (waits up to 20 s for it); nil
    /// when the output ends first.
    public func readStdoutLine() -> String? {
      while true {
        if let i = pending.firstIndex(of: 10) {
          let line = String(decoding: pending[..<i], as: UTF8.self)
          consumed += pending[...i]
          pending.removeFirst(i + 1)
          return line
        }
        // The pipe may be non-blocking: retry while it says EAGAIN.
        var chunk = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(20)
        var n = 0
        while Date() < deadline {
          n = chunk.withUnsafeMutableBytes { read(out.fileHandleForReading.fileDescriptor, $0.baseAddress, $0.count) }
          if n >= 0 || (errno != EAGAIN && errno != EINTR) { break }
          Thread.sleep(forTimeInterval: 0.01)
        }
        if n <= 0 { return nil }
        pending += chunk[0..<n]
      }
    }

    /// Waits for the process to end and returns all it printed (lines already read included).
    public func finish() -> Output {
      let outData = out.fileHandleForReading.readDataToEndOfFile()
      let errData = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return Output(
        status: process.terminationStatus, stdout: String(decoding: consumed + pending + outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
    }
  }

  /// Starts the binary without waiting for it, in `folder` (default the package root).
  public static func launch(_ arguments: [String], in folder: URL? = nil) throws -> Running {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = folder ?? packageRoot
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    return Running(process: process, out: out, err: err)
  }

  /// Polls `condition` every 5 ms for up to `seconds`; whether it became true.
  public static func wait(upTo seconds: Double, for condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      Thread.sleep(forTimeInterval: 0.005)
    }
    return condition()
  }

  public static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

  /// The hidden siblings callsim keeps beside a results folder: `.NAME.lock`, `.NAME.new`, `.NAME.old`.
  public static func sibling(_ folder: URL, _ suffix: String) -> URL {
    folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).\(suffix)")
  }

  /// A new empty temporary folder (``TestScratch``: removed when the tests end).
  public static func temporaryFolder() throws -> URL { try TestScratch.folder("test") }

  /// Writes `text` to `folder/name`; returns the file's path.
  public static func write(_ text: String, to name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  public static func json(_ path: URL) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as! [String: Any]
  }
}
