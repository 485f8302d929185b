/// What a test program's output says of its checks, for `ampu test`: a line that starts with
/// `PASS` or `FAIL` (after blanks, followed by `:`, a blank or the end) is one check passed or
/// failed, as Aria's test programs print them. A program that prints a failed check fails,
/// whatever its exit status.
///
/// It reads one stream as it comes, in pieces cut anywhere, holding no more than the start of
/// the line it is in: so every line is counted, however much the program prints (only the first
/// 4 MiB are kept to be shown).
public struct TestOutput: Hashable, Sendable {
    public private(set) var passed = 0
    public private(set) var failed = 0
    /// The lines of the first `failuresKept` failed checks, each cut at `failureLength` bytes.
    public private(set) var failures: [String] = []

    public static let failuresKept = 10
    public static let failureLength = 200

    private enum Line: Hashable, Sendable {
        /// Still in its leading blanks.
        case blanks
        /// Its first bytes after the blanks, fewer than five.
        case start([UInt8])
        /// A failed check's line, up to `failureLength` bytes.
        case failure([UInt8])
        /// Not a check, or a passed one counted: nothing more to read before its end.
        case rest
    }
    private var line = Line.blanks

    public init() {}

    /// The checks of a whole text.
    public init(_ text: String) {
        read(Array(text.utf8)[...])
        finish()
    }

    /// Reads the next piece of the stream.
    public mutating func read(_ bytes: ArraySlice<UInt8>) {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if case .rest = line {
                guard let end = bytes[i...].firstIndex(of: 0x0A) else { return }
                i = end
            }
            let byte = bytes[i]
            i += 1
            if byte == 0x0A {
                endLine()
                continue
            }
            switch line {
            case .rest: break
            case .blanks:
                if byte != 0x20 && byte != 0x09 { begin([byte]) }
            case .start(var start):
                start.append(byte)
                begin(start)
            case .failure(var text):
                if text.count < Self.failureLength {
                    text.append(byte)
                    line = .failure(text)
                }
            }
        }
    }

    /// The stream has ended: its last line, if it has no line break, is read.
    public mutating func finish() {
        endLine()
    }

    /// The counts and failures of two streams together.
    public static func + (a: TestOutput, b: TestOutput) -> TestOutput {
        var both = a
        both.passed += b.passed
        both.failed += b.failed
        both.failures = Array((a.failures + b.failures).prefix(failuresKept))
        return both
    }

    /// `2 checks passed`, `1 of 3 checks failed`; nil when the output has none.
    public var summary: String? {
        let total = passed + failed
        guard total > 0 else { return nil }
        if failed == 0 { return "\(total) check\(total == 1 ? "" : "s") passed" }
        return "\(failed) of \(total) check\(total == 1 ? "" : "s") failed"
    }

    private static let pass = Array("PASS".utf8), fail = Array("FAIL".utf8)

    /// The line so far starts with these bytes (after its blanks): once there are five, what it
    /// is is known.
    private mutating func begin(_ start: [UInt8]) {
        guard start.count == 5 else {
            line = .start(start)
            return
        }
        let word = Array(start.prefix(4)), next = start[4]
        guard word == Self.pass || word == Self.fail, next == UInt8(ascii: ":") || next == 0x20 || next == 0x09 || next == 0x0D else {
            line = .rest
            return
        }
        if word == Self.pass {
            passed += 1
            line = .rest
        } else {
            failed += 1
            line = .failure(start)
        }
    }

    private mutating func endLine() {
        switch line {
        case .start(let start):
            // A line that is the word alone (`PASS`, or `PASS` and a carriage return).
            let word = start.last == 0x0D ? Array(start.dropLast()) : start
            if word == Self.pass { passed += 1 }
            if word == Self.fail {
                failed += 1
                keep(word)
            }
        case .failure(let text):
            keep(text)
        case .blanks, .rest:
            break
        }
        line = .blanks
    }

    private mutating func keep(_ text: [UInt8]) {
        guard failures.count < Self.failuresKept else { return }
        let line = text.last == 0x0D ? text.dropLast() : text[...]
        failures.append(String(decoding: line, as: UTF8.self))
    }
}
