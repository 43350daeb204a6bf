import Foundation

/// Writes files so that an interrupted run never leaves a half-written file that looks
/// complete: the text goes to a temporary file in the same folder, then is renamed over
/// the target in one step.
public enum AtomicFile {
  public static func write(_ text: String, to url: URL, stop: StopRequest? = nil) throws {
    try write(to: url, stop: stop) { try $0.append(text) }
  }

  /// Writes what `body` appends to the sink, streamed in blocks so that a large table never
  /// sits whole in memory. When `stop` is requested the sink throws ``StopRequest/Stopped``
  /// at its next block (every 64 KiB) and no file is left behind.
  public static func write(to url: URL, stop: StopRequest? = nil, _ body: (inout TextSink) throws -> Void) throws {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary.path)
    else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
    }
    var sink = TextSink(handle: handle, stop: stop)
    do {
      try body(&sink)
      try sink.flush()
      try handle.close()
    } catch {
      try? handle.close()
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
    if rename(temporary.path, url.path) != 0 {
      let code = errno
      try? FileManager.default.removeItem(at: temporary)
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: String(cString: strerror(code))])
    }
  }
}

/// Text on its way to a file, buffered in blocks of 64 KiB. Each block also checks the
/// stop request, so writing a long table answers Ctrl-C within a fraction of a second.
public struct TextSink {
  let handle: FileHandle
  let stop: StopRequest?
  /// Bytes rather than `Data`: appending one byte to a `Data` costs about 700 instructions.
  var buffer: [UInt8] = []

  init(handle: FileHandle, stop: StopRequest?) {
    self.handle = handle
    self.stop = stop
    buffer.reserveCapacity(1 << 16)
  }

  public mutating func append(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { try flush() }
  }

  /// A CSV line's bytes and a line feed.
  public mutating func append(line: CSVLine) throws {
    buffer.append(contentsOf: line.bytes)
    buffer.append(UInt8(ascii: "\n"))
    if buffer.count >= 1 << 16 { try flush() }
  }

  public mutating func append(_ bytes: Data) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { try flush() }
  }

  mutating func flush() throws {
    try stop?.check()
    guard !buffer.isEmpty else { return }
    try handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}
