#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Time and cores for the terminal's figures.
enum Clock {
    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// When this run began: `main` reads it first, so that the time `Finished` reports is the
    /// whole command's (loading and planning too), as Cargo's is, not only its actions'.
    static let start = now()

    /// The cores this process may use: the default `-j`.
    static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
