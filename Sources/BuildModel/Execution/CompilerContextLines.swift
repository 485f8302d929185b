/// The lines around gcc's and clang's diagnostics that are not diagnostics themselves: the
/// colours they write when told to, and the context lines that say where the next diagnostics
/// are (the function, the includes that led to a header). `CompilerMessages.parse` reads them
/// as notes of those diagnostics.
extension CompilerMessages {
    /// A line without the terminal's colour sequences (`ESC [ … m`, `ESC [ K`), which gcc and
    /// clang write into a pipe too when told to (`-fdiagnostics-color=always`, as Ninja users
    /// set): ampu draws the messages in its own colours.
    static func withoutColours(_ line: Substring) -> Substring {
        guard line.utf8.contains(0x1B) else { return line }
        var out: [UInt8] = []
        var bytes = line.utf8[...]
        while let b = bytes.popFirst() {
            guard b == 0x1B, bytes.first == UInt8(ascii: "[") else { out.append(b); continue }
            bytes.removeFirst()
            // Parameters and intermediates, then one final byte in @...~.
            while let c = bytes.first, !(0x40...0x7E).contains(c) { bytes.removeFirst() }
            _ = bytes.popFirst()
        }
        return Substring(decoding: out, as: UTF8.self)
    }

    /// gcc's `FILE: In function ‘f’:` (or `In member function`, `In constructor`, ...): the
    /// file and the note for the diagnostics after it; `FILE: At top level:` ends it (nil note).
    static func functionContext(_ line: Substring) -> (file: Substring, note: String?)? {
        guard line.hasSuffix(":") else { return nil }
        if line.hasSuffix(": At top level:") { return (line.dropLast(15), nil) }
        guard let range = line.firstRange(of: ": In "), !line[..<range.lowerBound].isEmpty else { return nil }
        let what = line[range.upperBound...].dropLast()
        guard let space = what.firstIndex(of: " "), what[..<space].allSatisfy(\.isLetter) || what.hasPrefix("member ") || what.hasPrefix("static ") else { return nil }
        return (line[..<range.lowerBound], "in " + what)
    }

    /// `In file included from A:3,` with gcc's `                 from B:1:` lines under it
    /// (the includer first), or clang's `In file included from` line for each (the first
    /// includer first), starting at `lines[start]`: the notes for the header's diagnostics,
    /// the nearest includer first, and the index after the lines read.
    static func includeChain(_ lines: [Substring], at start: Int) -> (notes: [String], next: Int)? {
        let lead = "In file included from "
        guard lines[start].hasPrefix(lead) else { return nil }
        func place(_ text: Substring) -> String { String(text.dropLast(text.hasSuffix(",") || text.hasSuffix(":") ? 1 : 0)) }
        var places = [place(lines[start].dropFirst(lead.count))]
        var index = start + 1
        while index < lines.count {
            let next = lines[index].drop { $0 == " " }
            if lines[index].hasPrefix(" "), next.hasPrefix("from ") {
                places.append(place(next.dropFirst(5)))
            } else if next.hasPrefix(lead) {
                places.insert(place(next.dropFirst(lead.count)), at: 0)
            } else {
                break
            }
            index += 1
        }
        return (places.enumerated().map { $0.offset == 0 ? "in the file included from \($0.element)" : "included from \($0.element)" }, index)
    }
}
