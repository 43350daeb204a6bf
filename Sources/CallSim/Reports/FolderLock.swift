import Foundation

/// An exclusive lock on a results folder, held from before the simulation until the results
/// are in place, so that two runs into one folder cannot mix their files.
///
/// It is an advisory `flock` on a file beside the folder (`.NAME.lock`), not the existence
/// of a file: the operating system drops it when the process ends, however it ends, so a
/// killed run never blocks the next. The file holds the holder's process id, for the message
/// another run prints.
public final class FolderLock {
  private var descriptor: Int32
  private let url: URL

  private init(descriptor: Int32, url: URL) {
    self.descriptor = descriptor
    self.url = url
  }

  deinit { release() }

  /// Takes the lock on the file at `url`, guarding the folder `folder` (named in messages), or
  /// throws at once when another process holds it.  `folder` is how messages name the folder.
  static func acquire(at url: URL, guarding folder: String) throws(ResultsLocation.Problem) -> FolderLock {
    while true {
      let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      guard fd >= 0 else {
        throw ResultsLocation.Problem(
          "\(folder): cannot create the lock file '\(url.path)': \(String(cString: strerror(errno))); expected a folder callsim can write in")
      }
      if flock(fd, LOCK_EX | LOCK_NB) != 0 {
        let code = errno
        let holder = code == EWOULDBLOCK ? holderDescription(fd) : ""
        close(fd)
        if code == EWOULDBLOCK {
          throw ResultsLocation.Problem(
            "\(folder): the folder is in use by another callsim run\(holder); wait for it to end or choose another --out")
        }
        throw ResultsLocation.Problem("\(folder): cannot lock '\(url.path)': \(String(cString: strerror(code)))")
      }
      // A previous holder unlinks the file as it releases it: if that happened between our
      // open and flock, we hold a lock on a file no one else will open; start again.
      var held = stat(), current = stat()
      if fstat(fd, &held) == 0, stat(url.path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        return FolderLock(descriptor: fd, url: url)
      }
      close(fd)
    }
  }

  /// " (process N)" from the lock file's content, or "" when it cannot be read.
  private static func holderDescription(_ fd: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 32)
    let n = pread(fd, &buffer, buffer.count, 0)
    guard n > 0, let pid = Int32(String(decoding: buffer.prefix(n), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    else { return "" }
    return " (process \(pid))"
  }

  /// Deletes the lock file and releases the lock; safe to call more than once. The file is
  /// deleted while still locked, so a waiting process sees the change (``acquire(at:guarding:)``).
  public func release() {
    guard descriptor >= 0 else { return }
    unlink(url.path)
    close(descriptor)
    descriptor = -1
  }
}
