#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and error, written unbuffered as whole strings.
struct Terminal: Sendable {
    let descriptor: Int32

    static let standardOutput = Terminal(descriptor: 1)
    static let standardError = Terminal(descriptor: 2)

    func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }

    /// Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    var supportsColor: Bool {
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return isatty(descriptor) == 1
    }

    /// Whether it is a terminal (a person watching), whatever NO_COLOR says.
    var isTerminal: Bool {
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return isatty(descriptor) == 1
    }

    /// Replaces this process with `arguments[0]` (a path), as `ampu run` hands over to the
    /// program: its exit status is the run's. Returns only to fail.
    static func exec(_ arguments: [String]) -> Never {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        let argv = arguments.map { strdup($0) } + [nil]
        execv(arguments[0], argv)
        standardError.write("error: cannot run '\(arguments[0])': \(String(cString: strerror(errno)))\n")
        exit(1)
    }

    /// Ends the process at once, without running deinitialisers of what is still alive.
    static func exitNow(_ code: Int32) -> Never {
        exit(code)
    }
}
