import CGSL
import CKeyedRNG

/// One independent stream of random numbers: a GSL generator seen through a value type.
///
/// Each source of randomness in a model (arrivals, menu choice, handle time of each type,
/// patience, …) draws from its own stream, so that changing one source never shifts the
/// numbers of another: the basis of common random numbers and reproducible sweeps.
/// Streams are created by a ``RandomStreamSet``, which owns the generators: **keep the set
/// alive while its streams are used** (a stream is a plain handle, so that drawing a number
/// costs no reference counting on the hot path). A stream is not safe to use from two
/// threads at once.
@frozen
public struct RandomStream: @unchecked Sendable {
  @usableFromInline let generator: UnsafeMutablePointer<gsl_rng>

  @inlinable init(generator: UnsafeMutablePointer<gsl_rng>) {
    self.generator = generator
  }

  /// Uniform on [0, 1).
  @inlinable @inline(__always)
  public func uniform() -> Double { callsim_rng_uniform(generator) }

  /// Uniform on (0, 1): never exactly 0, so its logarithm is finite.
  @inlinable @inline(__always)
  public func uniformPositive() -> Double { callsim_rng_uniform_pos(generator) }

  /// A uniformly chosen integer in `0..<n`; `n` must be positive.
  @inlinable @inline(__always)
  public func index(below n: Int) -> Int {
    Int(gsl_rng_uniform_int(generator, UInt(n)))
  }

  /// Exponential with the given mean (seconds or any unit).
  @inlinable @inline(__always)
  public func exponential(mean: Double) -> Double { gsl_ran_exponential(generator, mean) }

  /// Poisson count with the given mean.
  @inlinable
  public func poisson(mean: Double) -> Int { Int(gsl_ran_poisson(generator, mean)) }

  /// Gamma with GSL's shape `a` and scale `b` (mean `a·b`).
  @inlinable
  public func gamma(shape: Double, scale: Double) -> Double { gsl_ran_gamma(generator, shape, scale) }
}

/// Owns the GSL generators of one replication and hands out named ``RandomStream``s.
///
/// A stream's seed is derived from (scenario seed, replication index, stream name) only, so
/// adding a stream never changes the numbers drawn by another, and replication `r` gives the
/// same numbers whether it runs first, last or on another thread. Streams may be taken from
/// several threads at once: the list of generators to free is kept under a mutex.
public final class RandomStreamSet: Sendable {
  /// The GSL generator algorithms callsim offers.
  public enum Algorithm: String, Sendable, CaseIterable {
    case mt19937, taus2, ranlxd2, gfsr4
  }

  public let seed: UInt64
  public let replication: Int
  public let algorithm: Algorithm
  /// The addresses of the generators handed out, to free with the set (addresses rather
  /// than pointers: a pointer may not cross into the mutex's region).
  private let generators = Locked<[UInt]>([])

  public init(seed: UInt64, replication: Int, algorithm: Algorithm = .mt19937) {
    self.seed = seed
    self.replication = replication
    self.algorithm = algorithm
  }

  deinit {
    generators.withLock { for address in $0 { gsl_rng_free(UnsafeMutablePointer(bitPattern: address)) } }
  }

  /// Runs `body` with the stream `name`, keeping this set alive meanwhile: the safe way to
  /// use a stream outside a type that stores its set.
  public func withStream<T>(_ name: String, _ body: (RandomStream) throws -> T) rethrows -> T {
    let s = stream(name)
    return try withExtendedLifetime(self) { try body(s) }
  }

  /// A new stream named `name`; the same name in the same replication gives the same numbers.
  /// The stream is valid while this set is alive.
  public func stream(_ name: String) -> RandomStream {
    let g = allocate(algorithm.gslType)
    gsl_rng_set(g, UInt(StreamSeed.derive(seed: seed, replication: replication, name: name)))
    return RandomStream(generator: g)
  }

  /// The family of substreams named `name` (see ``SubstreamFamily``): always the counter-based
  /// generator, whatever ``algorithm``, since only it moves between substreams in one store.
  /// The same name in the same replication gives the same substreams. Valid while this set is
  /// alive.
  public func substreams(_ name: String) -> SubstreamFamily {
    let g = allocate(callsim_rng_keyed())
    return SubstreamFamily(
      stream: RandomStream(generator: g), key: StreamSeed.derive64(seed: seed, replication: replication, name: name))
  }

  /// A generator of `type`, freed with this set.
  private func allocate(_ type: UnsafePointer<gsl_rng_type>) -> UnsafeMutablePointer<gsl_rng> {
    guard let g = gsl_rng_alloc(type) else {
      preconditionFailure("GSL could not allocate a random number generator")
    }
    generators.withLock { $0.append(UInt(bitPattern: g)) }
    return g
  }
}

extension RandomStreamSet.Algorithm {
  var gslType: UnsafePointer<gsl_rng_type> {
    switch self {
    case .mt19937: callsim_rng_mt19937()
    case .taus2: callsim_rng_taus2()
    case .ranlxd2: callsim_rng_ranlxd2()
    case .gfsr4: callsim_rng_gfsr4()
    }
  }
}
