import Foundation
import Testing

/// Runs the built `callsim` binary, as a user would (argument-parser's end-to-end style).
enum CLI {
  /// The binary next to the test bundle (same build configuration).
  static var binary: URL {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = testBinary.deletingLastPathComponent()
    // Inside an .xctest bundle directory on some platforms.
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("callsim").path),
      folder.path != "/"
    {
      folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("callsim")
  }

  /// The package's root folder (for `Scenarios/`).
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ arguments: [String], in folder: URL? = nil) throws -> Output {
    try launch(arguments, in: folder).finish()
  }

  /// Runs `callsim plan ARGUMENTS`; when it succeeds, every scenario it wrote in its `--out`
  /// folder (`roster.yaml`, and `placement.yaml` with `--place`) must pass `callsim
  /// validate` (a plan once wrote rosters the decoder refused), so every plan test checks it.
  static func plan(_ arguments: [String]) throws -> Output {
    let r = try run(["plan"] + arguments)
    if r.status == 0, let i = arguments.firstIndex(of: "--out"), i + 1 < arguments.count {
      let folder = URL(fileURLWithPath: arguments[i + 1])
      let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
      #expect(written.contains("roster.yaml"), "\(written)")
      for name in written {
        let v = try run(["validate", folder.appendingPathComponent(name).path])
        #expect(v.status == 0, "\(name) does not validate: \(v.stderr)")
      }
    }
    return r
  }

  /// A `callsim` process started by ``launch(_:in:)``, still running.
  struct Running {
    let process: Process
    let out: Pipe
    let err: Pipe

    var pid: Int32 { process.processIdentifier }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the process to end and returns what it printed.
    func finish() -> Output {
      let outData = out.fileHandleForReading.readDataToEndOfFile()
      let errData = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return Output(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
    }
  }

  /// Starts the binary without waiting for it.
  static func launch(_ arguments: [String], in folder: URL? = nil) throws -> Running {
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
  static func wait(upTo seconds: Double, for condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      Thread.sleep(forTimeInterval: 0.005)
    }
    return condition()
  }

  static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

  /// The hidden siblings callsim keeps beside a results folder: `.NAME.lock`, `.NAME.new`, `.NAME.old`.
  static func sibling(_ folder: URL, _ suffix: String) -> URL {
    folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).\(suffix)")
  }

  /// A new empty temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("callsim-test-\(UUID().uuidString)")
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
