import Foundation

struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ d: String) { description = d }
}

/// Runs the built `callsim` binary (as Tests/CallSimCLITests does).
enum CLI {
  /// The binary next to the test bundle (same build configuration).
  static var binary: URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("callsim").path), folder.path != "/" {
      folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("callsim")
  }

  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// A `callsim` process still running.
  final class Running: @unchecked Sendable {
    let process: Process
    let out: Pipe
    let err: Pipe
    private var pending = [UInt8]()
    private var consumed = [UInt8]()

    init(process: Process, out: Pipe, err: Pipe) {
      self.process = process
      self.out = out
      self.err = err
    }

    func send(_ signal: Int32) { if process.isRunning { kill(process.processIdentifier, signal) } }

    /// The next line the process prints on standard output (waits for it).
    func readStdoutLine() -> String? {
      while true {
        if let i = pending.firstIndex(of: 10) {
          let line = String(decoding: pending[..<i], as: UTF8.self)
          consumed += pending[...i]
          pending.removeFirst(i + 1)
          return line
        }
        // The pipe may be non-blocking: retry for up to 20 s while the process runs.
        var chunk = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(20)
        var n = 0
        while Date() < deadline {
          n = chunk.withUnsafeMutableBytes { read(out.fileHandleForReading.fileDescriptor, $0.baseAddress, $0.count) }
          if n > 0 || n == 0 { break }
          if errno != EAGAIN && errno != EINTR { break }
          Thread.sleep(forTimeInterval: 0.01)
        }
        if n <= 0 { return nil }
        pending += chunk[0..<n]
      }
    }

    func finish() -> Output {
      let outData = out.fileHandleForReading.readDataToEndOfFile()
      let errData = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return Output(
        status: process.terminationStatus, stdout: String(decoding: consumed + pending + outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
    }
  }

  static func launch(_ arguments: [String]) throws -> Running {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    return Running(process: process, out: out, err: err)
  }

  static func run(_ arguments: [String]) throws -> Output { try launch(arguments).finish() }

  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("callsim-live-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func write(_ text: String, to name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  static func json(_ path: URL) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as! [String: Any]
  }
}
