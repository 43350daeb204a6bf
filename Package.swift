// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "callsim",
  products: [
    .library(name: "CallSim", targets: ["CallSim"]),
    .executable(name: "callsim", targets: ["callsim"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // MARK: - C libraries

    /// GNU GSL through pkg-config; seen only by CallSimEngine.
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"])]
    ),

    // MARK: - Engine (time, events, random streams, tallies: no call-center words)

    .target(
      name: "CallSimEngine",
      dependencies: ["CGSL"]
    ),

    // MARK: - Call-center model, scenario decoding, statistics, planning

    .target(
      name: "CallSim",
      dependencies: [
        "CallSimEngine",
        .product(name: "Yams", package: "Yams"),
      ]
    ),

    // MARK: - Front end

    .executableTarget(
      name: "callsim",
      dependencies: [
        "CallSim",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // MARK: - Tests

    /// Cases shared by the library and command-line tests (the theory validation points).
    .target(name: "CallSimTestSupport", dependencies: ["CallSim", "CallSimEngine"], path: "Tests/CallSimTestSupport"),
    .testTarget(name: "CallSimEngineTests", dependencies: ["CallSimEngine"]),
    .testTarget(name: "CallSimTests", dependencies: ["CallSim", "CallSimEngine", "CallSimTestSupport"]),
    .testTarget(name: "CallSimCLITests", dependencies: ["callsim", "CallSimTestSupport"]),
  ]
)
