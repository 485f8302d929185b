import Synchronization

/// The bytes of one file with its line index, as the model sees it.
///
/// Immutable; sharing one between snapshots costs nothing. The line index is made the first
/// time a position is asked for: a build or a check of ten thousand files asks for the positions
/// of a few (those with a diagnostic), and the index of every file was a sixth of what the load
/// held.
public struct SourceText: Sendable {
    /// Where the text came from (an absolute path), or nil for standard input and tests.
    public let path: String?
    public let bytes: [UInt8]
    /// The file's status when these bytes were read from it; nil when not known (an editor's
    /// buffer, a test's text).
    public let status: FileStatus?
    private let index = LazyLineIndex()

    public init(path: String? = nil, bytes: [UInt8], status: FileStatus? = nil) {
        self.path = path
        self.bytes = bytes
        self.status = status
    }

    public var lines: LineIndex { index.index(of: bytes) }

    public init(path: String? = nil, _ string: String) {
        self.init(path: path, bytes: Array(string.utf8))
    }

    /// The text of a byte range, with invalid UTF-8 replaced by U+FFFD.
    public func text(_ range: SourceRange) -> String {
        String(decoding: bytes[range.lowerBound..<range.upperBound], as: UTF8.self)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public func position(of offset: Int, in encoding: ColumnEncoding = .utf16) -> LinePosition {
        lines.position(of: offset, in: encoding)
    }

    public func offset(of position: LinePosition, in encoding: ColumnEncoding = .utf16) -> Int {
        lines.offset(of: position, in: encoding)
    }

    /// `line:column`, one-based, UTF-8 columns counted in characters as compilers print them.
    public func location(of offset: Int) -> String {
        lines.position(of: offset, in: .utf32).description
    }

    /// The newline the file uses most at its first line break (`\n` when it has none).
    public var preferredNewline: String {
        guard lines.lineCount > 1 else { return "\n" }
        let end = lines.lineStarts[1]
        return end >= 2 && bytes[end - 2] == 0x0D && bytes[end - 1] == 0x0A ? "\r\n" : "\n"
    }
}

/// A text's line index, made once, by whichever thread asks first.
private final class LazyLineIndex: Sendable {
    private let made = Mutex<LineIndex?>(nil)

    func index(of bytes: [UInt8]) -> LineIndex {
        made.withLock { made in
            if let made { return made }
            let index = LineIndex(bytes: bytes)
            made = index
            return index
        }
    }
}
