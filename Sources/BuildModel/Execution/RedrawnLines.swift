/// A program's output passed on a line at a time, each line as a terminal would end up showing
/// it: what the program redrew in place with carriage returns (elm's `Verifying dependencies
/// (3/7)`, then `Dependencies ready!` over it) is reduced to what was left standing. For output
/// that is not a terminal (a log, CI), where each redraw would otherwise stay in the file as
/// `\r` and garbage. A line without a carriage return passes as it is, byte for byte.
public struct RedrawnLines: Sendable {
    /// The line not yet ended.
    private var pending: [UInt8] = []

    public init() {}

    /// The lines `bytes` completes, ready to write.
    public mutating func feed(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        for byte in bytes {
            pending.append(byte)
            if byte == UInt8(ascii: "\n") {
                out += Self.settled(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        return out
    }

    /// The rest, a line the program did not end, when it has ended.
    public mutating func finish() -> [UInt8] {
        defer { pending = [] }
        return Self.settled(pending)
    }

    /// One line (with its newline, if it has one) as it stands once its carriage returns are
    /// applied: each part after one writes over the line from its start, and the spaces left at
    /// the end (from clearing a longer part) are dropped.
    static func settled(_ line: [UInt8]) -> [UInt8] {
        guard line.contains(UInt8(ascii: "\r")) else { return line }
        let ended = line.last == UInt8(ascii: "\n")
        let text = String(decoding: ended ? line.dropLast() : line[...], as: UTF8.self)
        var shown: [Character] = []
        for part in text.split(separator: "\r", omittingEmptySubsequences: false) {
            for (column, character) in part.enumerated() {
                if column < shown.count { shown[column] = character } else { shown.append(character) }
            }
        }
        while shown.last == " " { shown.removeLast() }
        return Array(String(shown).utf8) + (ended ? [UInt8(ascii: "\n")] : [])
    }
}
