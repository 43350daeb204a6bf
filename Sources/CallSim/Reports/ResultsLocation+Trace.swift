import Foundation

extension ResultsLocation {
  /// `.NAME.trace` beside the results folder: the scratch folder of a traced run's part files
  /// (one per replication), on the results' file system so that joining them into the
  /// results is a copy on one disk. Removed when the parts are joined or the run fails or is
  /// interrupted; one left by a killed run (`kill -9`) is removed by the next traced run in
  /// the same parent folder (``removeAbandonedTraceScratch()``).
  public var traceScratchURL: URL { parent.appendingPathComponent(".\(url.lastPathComponent).trace") }

  /// Removes every `.X.trace` folder in the parent folder whose results folder `X` is not
  /// locked by a running callsim (its run was killed before it could clean up), and this
  /// location's own (the caller holds its lock). Returns the names removed. A folder whose
  /// lock is held is another run's, and one holding anything but part files is not a trace's
  /// scratch folder: both are left alone.
  @discardableResult
  public func removeAbandonedTraceScratch() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
    var removed: [String] = []
    for name in names where name.hasPrefix(".") && name.hasSuffix(".trace") && name.count > ".trace".count + 1 {
      let results = String(name.dropFirst().dropLast(".trace".count))
      let scratch = parent.appendingPathComponent(name)
      // Only a folder of part files, as a traced run leaves it: never anything else so named.
      guard let entries = try? FileManager.default.contentsOfDirectory(atPath: scratch.path),
        entries.allSatisfy(Self.isTracePart)
      else { continue }
      if scratch.path == traceScratchURL.path {
        try? FileManager.default.removeItem(at: scratch)
        removed.append(name)
        continue
      }
      // Taken only for a moment: a run that holds it is alive, and keeps its folder.
      guard let lock = try? FolderLock.acquire(at: parent.appendingPathComponent(".\(results).lock"), guarding: results)
      else { continue }
      try? FileManager.default.removeItem(at: scratch)
      lock.release()
      removed.append(name)
    }
    return removed
  }

  /// `calls-R.part` or `agents-R.part`, the names ``CallTrace/part(_:in:)`` gives.
  static func isTracePart(_ name: String) -> Bool {
    for prefix in ["calls-", "agents-"] where name.hasPrefix(prefix) && name.hasSuffix(".part") {
      let number = name.dropFirst(prefix.count).dropLast(".part".count)
      return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
    }
    return false
  }
}
