// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Test code is compiled without optimization even in release builds: the statistical tests
/// need the library under test optimized, not their own loops.
let testCode: [SwiftSetting] = [.unsafeFlags(["-Onone"])]

let package = Package(
  name: "callsim",
  products: [
    .library(name: "CallSim", targets: ["CallSim"]),
    .executable(name: "callsim", targets: ["callsim"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // MARK: - C libraries

    /// GNU GSL through pkg-config; seen only by CallSimEngine.
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"])]
    ),

    /// GNU GLPK (no pkg-config file on Debian: the module map links "glpk" by name); seen only
    /// by CallSim, where it solves the planner's shift-scheduling integer program.
    .systemLibrary(
      name: "CGLPK",
      providers: [.apt(["libglpk-dev"])]
    ),

    /// Switches GSL's abort-on-error handler off when the program loads, before any GSL call.
    .target(
      name: "CGSLSetup",
      dependencies: ["CGSL"]
    ),

    /// A counter-based generator (SplitMix64) registered as a GSL generator type, so that a
    /// substream is selected with one store and every GSL sampler draws from it.
    .target(
      name: "CKeyedRNG",
      dependencies: ["CGSL"]
    ),

    /// `%.6f` through a plain C function, for the numbers of the CSV files (Swift cannot call
    /// the variadic `snprintf`, and `withVaList` costs more than the formatting).
    .target(name: "CNumberText"),

    // MARK: - Engine (time, events, random streams, tallies: no call-center words)

    .target(
      name: "CallSimEngine",
      dependencies: ["CGSL", "CGSLSetup", "CKeyedRNG"]
    ),

    // MARK: - Call-center model, scenario decoding, statistics, planning

    .target(
      name: "CallSim",
      dependencies: [
        "CallSimEngine", "CGLPK", "CNumberText",
        .product(name: "Yams", package: "Yams"),
      ],
      exclude: ["LAYERS.md"]
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
    .testTarget(name: "CallSimEngineTests", dependencies: ["CallSimEngine"], swiftSettings: testCode),
    .testTarget(
      name: "CallSimTests",
      dependencies: [
        "CallSim", "CallSimEngine", "CallSimTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ], swiftSettings: testCode),
    .testTarget(name: "CallSimCLITests", dependencies: ["callsim", "CallSimTestSupport"], swiftSettings: testCode),
  ]
)

// MARK: - Live wallboard (left out when CALLSIM_CORE_ONLY or CALLSIM_FUZZ is set, so the
// sanitizer and fuzz builds never build the web stack)

let coreOnly = ProcessInfo.processInfo.environment["CALLSIM_CORE_ONLY"] != nil
  || ProcessInfo.processInfo.environment["CALLSIM_FUZZ"] != nil
if !coreOnly {
  package.dependencies += [
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    // Both come with Hummingbird; named here for a graceful shutdown and a quiet logger.
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
  ]
  /// The paced run served over HTTP: the wallboard page, server-sent events and controls.
  package.targets.append(
    .target(
      name: "CallSimLive",
      dependencies: [
        "CallSim",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
      ]))
  if let cli = package.targets.first(where: { $0.name == "callsim" }) {
    cli.dependencies.append("CallSimLive")
  }
    // Depends on the command too, so that its tests find the built `callsim live`.
  package.targets.append(
    .testTarget(
      name: "CallSimLiveTests", dependencies: ["CallSimLive", "CallSim", "callsim", "CallSimTestSupport"], swiftSettings: testCode))
}

// MARK: - Fuzzing (only when CALLSIM_FUZZ is set: the target needs -sanitize=fuzzer to link)

if ProcessInfo.processInfo.environment["CALLSIM_FUZZ"] != nil {
  package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"))
  package.targets.append(
    .executableTarget(name: "ScenarioFuzz", dependencies: ["CallSim", "FuzzDriver"], path: "Fuzz/ScenarioFuzz"))
  package.targets.append(
    .executableTarget(name: "ErlangFuzz", dependencies: ["CallSim", "FuzzDriver"], path: "Fuzz/ErlangFuzz"))
}
