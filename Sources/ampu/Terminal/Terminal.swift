#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BuildModel

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

    /// Its width in columns: what the kernel says of it, else `$COLUMNS`, else 80. Asked at
    /// each use: a terminal can be resized while a build runs.
    var columns: Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = getenv("COLUMNS"), let n = Int(String(cString: text)), n > 0 { return n }
        return 80
    }

    /// Writes `text` over the line the cursor is on, cut to fit in it: a line longer than the
    /// terminal wraps, and the next rewrite would clear only its last part, leaving the rest on
    /// the screen. The last column stays empty (some terminals wrap on filling it).
    func rewriteLine(_ text: String) {
        write("\r\u{1B}[2K" + Self.fit(text, columns: columns - 1))
    }

    /// The start of `text` that takes at most `columns` columns.
    static func fit(_ text: String, columns: Int) -> String {
        var width = 0
        var out = ""
        for character in text {
            width += DisplayWidth.of(character)
            if width > columns { break }
            out.append(character)
        }
        return out
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
