import Foundation

/// The package's root folder, for the shipped `Scenarios/` and documents.
public enum Repository {
  public static var root: URL {
    // This file is Tests/CallSimTestSupport/Repository.swift.
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }
}
