import Foundation

extension ResultsLocation {
  /// Makes the location ready before the simulation: creates the parent folders, takes the
  /// folder's lock, finishes or clears what a killed run left in the hidden siblings, and
  /// checks that an existing folder holds only results callsim may replace.
  ///
  /// Hold the returned lock until the results are in place.
  public func prepare() throws(Problem) -> FolderLock {
    try makeFolders(parent)
    let lock = try FolderLock.acquire(at: lockURL, guarding: display)
    recoverFromKilledRun()
    try checkReplaceable()
    return lock
  }

  /// Puts the complete results written in ``stagingURL`` in place of the folder, whole.
  ///
  /// With an existing folder, Linux's `renameat2(RENAME_EXCHANGE)` swaps the two in one
  /// step, then the previous results are deleted; where the file system lacks it, the old
  /// folder is renamed aside first, and a run killed between the two renames is completed by
  /// the next (``prepare()``). Either way the folder is never a mix of two runs.
  func moveIntoPlace() throws {
    let fm = FileManager.default
    guard fm.fileExists(atPath: url.path) else { return try move(stagingURL, to: url) }
    if Self.exchange(stagingURL.path, url.path) {
      try? fm.removeItem(at: stagingURL)  // now the previous results
      return
    }
    try move(url, to: asideURL)
    do { try move(stagingURL, to: url) } catch {
      try? move(asideURL, to: url)
      throw error
    }
    try? fm.removeItem(at: asideURL)
  }

  /// Creates `folder` and its missing parents, reporting the first that cannot be made.
  private func makeFolders(_ folder: URL) throws(Problem) {
    var path = ""
    for component in folder.pathComponents.dropFirst() {
      path += "/" + component
      if mkdir(path, 0o777) == 0 || errno == EEXIST && isFolder(path) { continue }
      let reason = errno == EEXIST ? "it is a file" : String(cString: strerror(errno))
      throw Problem("\(display): cannot create the folder '\(path)': \(reason); expected a folder callsim can write in")
    }
  }

  private func isFolder(_ path: String) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
  }

  /// With the lock held: `.NAME.old` exists only between the two renames of a swap, when
  /// `.NAME.new` is complete, so that swap is finished (or, without `.NAME.new`, undone); any
  /// other `.NAME.new` is a write that was killed, and is deleted.
  private func recoverFromKilledRun() {
    let fm = FileManager.default
    if fm.fileExists(atPath: asideURL.path) {
      if !fm.fileExists(atPath: url.path) {
        try? move(fm.fileExists(atPath: stagingURL.path) ? stagingURL : asideURL, to: url)
      }
      try? fm.removeItem(at: asideURL)
    }
    try? fm.removeItem(at: stagingURL)
  }

  /// Refuses to replace a folder holding anything a run did not write: `--out` pointed at the
  /// wrong folder would otherwise be deleted with it.
  private func checkReplaceable() throws(Problem) {
    guard FileManager.default.fileExists(atPath: url.path) else { return }
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
      throw Problem("\(display): cannot list the folder's contents; expected a folder callsim can read, since it replaces it whole")
    }
    let foreign = entries.filter { !replaceable.contains($0) }.sorted()
    guard let first = foreign.first else { return }
    throw Problem(
      "\(display): the folder holds '\(first)'\(foreign.count > 1 ? " and \(foreign.count - 1) more" : ""), which callsim did not write; expected a new folder, an empty one, or the results of an earlier run (they are replaced whole)"
    )
  }

  private func move(_ from: URL, to: URL) throws {
    guard rename(from.path, to.path) != 0 else { return }
    let reason = String(cString: strerror(errno))
    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: to.path, NSLocalizedDescriptionKey: "cannot rename '\(from.path)' to '\(to.path)': \(reason)"])
  }

  /// `renameat2(…, RENAME_EXCHANGE)`, looked up at run time (once per run): Swift's Glibc
  /// module does not declare it, and `syscall` is variadic. False when it is missing or the
  /// file system refuses it.
  private static func exchange(_ a: String, _ b: String) -> Bool {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE, from <linux/fs.h>
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
    let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
  }
}
