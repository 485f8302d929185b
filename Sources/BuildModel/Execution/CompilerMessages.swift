/// A compiler's output read back into diagnostics, in either of two forms; the renderer draws
/// each again from the file itself. Other lines are kept as they are, in order.
///
/// - `file:line:col: severity: message` (gcc's, clang's and the Asthra compiler's), followed by
///   the source line and a caret line;
/// - rustc's, which the Rask compiler writes: `severity[CODE]: message`, then
///   `  --> file:line:col`, the numbered source lines with carets under the primary range (and
///   the label beside them), and `= note:` / `= help:` lines.
public enum CompilerMessages {
    public struct Parsed: Sendable {
        public var diagnostics: [Diagnostic]
        /// Lines that are not diagnostics or their snippets.
        public var otherLines: [String]
        /// The files the diagnostics point into, read.
        public var sources: [String: SourceText]
    }

    public static func parse(_ text: String, directory: String, fileSystem: any FileSystem) -> Parsed {
        var parsed = Parsed(diagnostics: [], otherLines: [], sources: [:])
        var inSnippet = false
        // The source line the last diagnostic points at, which the compiler prints under it.
        var quoted: Substring?
        // The ranges the drawn marks gave, by the header's `file:line:column`.
        var placed: [Substring: SourceRange] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { withoutColours($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        // What gcc's context lines said of the diagnostics after them: the function they are in
        // (in one file), and the includes that led to the file they are in.
        var function: (file: Substring, note: String)?
        var includes: (file: String?, notes: [String])?
        // ld's: the function the messages after it are in.
        var linkerNote: String?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            if let context = functionContext(line) {
                function = context.note.map { (context.file, $0) }
                inSnippet = false
                continue
            }
            if let (notes, next) = includeChain(lines, at: index - 1) {
                includes = (nil, notes)
                index = next
                inSnippet = false
                continue
            }
            if index < lines.count, let header = rustcHeader(line), let place = arrow(lines[index]) {
                var d = diagnostic(file: place.file, row: place.row, column: place.column, counting: .characters, severity: header.severity,
                                   message: header.message, directory: directory, fileSystem: fileSystem, sources: &parsed.sources)
                d.code = header.code
                index = rustcBody(lines, from: index + 1, into: &d, source: d.file.flatMap { parsed.sources[$0] })
                parsed.diagnostics.append(d)
                quoted = nil
                inSnippet = false
                continue
            }
            if let q = quoted, line.trimmingPrefix(while: \.isWhitespace) == q.trimmingPrefix(while: \.isWhitespace) {
                quoted = nil
                continue
            }
            quoted = nil
            // ld's messages that name a source line.
            let linked = withoutLinker(line)
            if let note = linkerFunction(linked) {
                linkerNote = note
                inSnippet = false
                continue
            }
            if var d = linkerDiagnostic(linked, directory: directory, fileSystem: fileSystem, sources: &parsed.sources) {
                if let linkerNote { d.notes.append(linkerNote) }
                parsed.diagnostics.append(d)
                inSnippet = false
                continue
            }
            if let (found, next) = lldDiagnostics(linked, lines: lines, from: index, directory: directory, fileSystem: fileSystem, sources: &parsed.sources) {
                parsed.diagnostics += found
                index = next
                inSnippet = false
                continue
            }
            if let (found, row, place) = diagnostic(String(line), directory: directory, fileSystem: fileSystem, sources: &parsed.sources) {
                // The lines drawn under it say which bytes it means; a later line at the same place
                // (a note) draws none and means the same.
                var d = found
                if index + 1 < lines.count, let file = d.file, let source = parsed.sources[file], row <= source.lines.lineCount,
                   let marked = CompilerSnippet.markedRange(shown: lines[index], marks: lines[index + 1],
                                                            line: source.bytes[source.lines.contentRange(ofLine: row - 1)]) {
                    // A caret alone (clang's way for a name) marks the word it stands on.
                    d.range = marked.bytes.count > 1 ? SourceRange(marked.bytes.lowerBound, marked.bytes.upperBound)
                        : word(at: marked.bytes.lowerBound, before: source.lines.contentRange(ofLine: row - 1).upperBound, in: source.bytes)
                    if index + 3 < lines.count { d.label = CompilerSnippet.label(lines[index + 2], lines[index + 3], under: marked.columns) }
                    placed[place] = d.range
                } else if let known = placed[place] {
                    d.range = known
                }
                if let file = d.file, let source = parsed.sources[file] {
                    let row = source.lines.line(containing: d.range.lowerBound)
                    let content = source.lines.contentRange(ofLine: row)
                    quoted = Substring(String(decoding: source.bytes[content], as: UTF8.self))
                }
                // The includes said before a header's first line speak of that header alone.
                if let i = includes {
                    if i.file == nil { includes?.file = d.file }
                    if includes?.file != d.file { includes = nil }
                }
                if d.severity == .information, var last = parsed.diagnostics.popLast() {
                    // A note with a place explains the diagnostic before it (gcc says some twice).
                    let related = Diagnostic.Related(file: d.file, range: d.range, message: d.message)
                    if !last.related.contains(related) { last.related.append(related) }
                    parsed.diagnostics.append(last)
                } else {
                    if let f = function, place.hasPrefix(f.file + ":") { d.notes.append(f.note) }
                    d.notes += includes?.notes ?? []
                    parsed.diagnostics.append(d)
                }
                inSnippet = true
                continue
            }
            if inSnippet && isSnippet(line) { continue }
            inSnippet = false
            if !(line.isEmpty && parsed.otherLines.isEmpty) { parsed.otherLines.append(String(line)) }
        }
        while parsed.otherLines.last?.isEmpty == true { parsed.otherLines.removeLast() }
        return parsed
    }

    /// A line under a diagnostic that shows where: the source (`  12 | let x`, or the line as
    /// it is) or the marks under it (`   ^~~`).
    private static func isSnippet(_ line: Substring) -> Bool {
        if line.isEmpty { return false }
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.isEmpty { return true }
        if trimmed.allSatisfy({ "^~-|+ \t".contains($0) }) { return true }
        if let bar = trimmed.firstIndex(of: "|"), trimmed[..<bar].allSatisfy({ $0.isNumber || $0 == " " }) { return true }
        return false
    }

    /// A `file:line:col: severity: message` line: the diagnostic (its range from the column as a
    /// byte), its line, and the `file:line:col` it began with.
    private static func diagnostic(_ line: String, directory: String, fileSystem: any FileSystem,
                                   sources: inout [String: SourceText]) -> (Diagnostic, row: Int, place: Substring)? {
        // file:line:col: severity: message — the file may itself hold ':'; find ':N:N: '.
        let parts = line.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 5 else { return nil }
        for i in 1..<(parts.count - 3) {
            guard let row = Int(parts[i]), let column = Int(parts[i + 1]), row > 0, column > 0,
                  let severity = severity(parts[i + 2].trimmingPrefix(" ")) else { continue }
            let message = parts[(i + 3)...].joined(separator: ":").trimmingPrefix(" ")
            let found = diagnostic(file: parts[..<i].joined(separator: ":"), row: row, column: column, severity: severity, message: String(message),
                                   directory: directory, fileSystem: fileSystem, sources: &sources)
            return (found, row, Substring(parts[...(i + 1)].joined(separator: ":")))
        }
        return nil
    }

    private static func severity(_ word: Substring) -> Diagnostic.Severity? {
        switch word {
        case "error", "fatal error": .error
        case "warning": .warning
        case "note": .information
        default: nil
        }
    }

    /// What a compiler's column counts: bytes (clang's; gcc's where its marks do not say
    /// otherwise) or characters, each Unicode scalar one, a tab too (rustc's).
    enum Column { case bytes, characters }

    /// A diagnostic at `row`:`column` of `file`, its range the word there (a caret line may
    /// widen it).
    private static func diagnostic(file: String, row: Int, column: Int, counting unit: Column = .bytes, severity: Diagnostic.Severity,
                                   message: String, directory: String, fileSystem: any FileSystem, sources: inout [String: SourceText]) -> Diagnostic {
        let path = Paths.normalize(Paths.join(directory, file))
        var range = SourceRange.at(0)
        if let source = sources[path] ?? (try? fileSystem.readText(path)) {
            sources[path] = source
            let lines = source.lines
            if row <= lines.lineCount {
                let content = lines.contentRange(ofLine: row - 1)
                var start = min(content.lowerBound + column - 1, content.upperBound)
                if unit == .characters {
                    // The byte where the column's scalar begins (a UTF-8 continuation byte begins none).
                    start = content.lowerBound
                    var skipped = 0
                    while start < content.upperBound && skipped < column - 1 {
                        start += 1
                        while start < content.upperBound && source.bytes[start] & 0xC0 == 0x80 { start += 1 }
                        skipped += 1
                    }
                }
                range = word(at: start, before: content.upperBound, in: source.bytes)
            }
        }
        return Diagnostic(severity: severity, message: message, file: path, range: range)
    }

    /// A byte of a C identifier: a letter, a digit or `_`.
    static func isWordByte(_ b: UInt8) -> Bool { b == 0x5F || ASCII.isAlphanumeric(b) }

    /// The word (letters, digits, `_`) that begins at `start`, or the one byte there when none
    /// does, not past `end`.
    static func word(at start: Int, before end: Int, in bytes: [UInt8]) -> SourceRange {
        var last = start
        while last < end, isWordByte(bytes[last]) { last += 1 }
        return SourceRange(start, max(last, min(start + 1, end)))
    }

    // MARK: rustc's form

    /// `error[E0308]: message` or `warning: message`, from the first column.
    private static func rustcHeader(_ line: Substring) -> (severity: Diagnostic.Severity, code: String?, message: String)? {
        guard let colon = line.firstIndex(of: ":"), line[line.index(after: colon)...].hasPrefix(" ") else { return nil }
        var word = line[..<colon]
        var code: String?
        if word.hasSuffix("]"), let open = word.firstIndex(of: "[") {
            code = String(word[word.index(after: open)..<word.index(before: word.endIndex)])
            word = word[..<open]
        }
        guard let severity = severity(word), code?.isEmpty != true else { return nil }
        return (severity, code, String(line[line.index(colon, offsetBy: 2)...]))
    }

    /// `  --> file:line:col`.
    private static func arrow(_ line: Substring) -> (file: String, row: Int, column: Int)? {
        let rest = line.drop { $0 == " " }
        guard rest.hasPrefix("--> ") else { return nil }
        let parts = rest.dropFirst(4).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let row = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]), row > 0, column > 0 else { return nil }
        return (parts.dropLast(2).joined(separator: ":"), row, column)
    }

    /// The lines under a rustc-style header and its `-->`: the snippet (its first caret line
    /// gives the primary range's width and label) and the `= note:` / `= help:` lines, up to
    /// the first line that is neither. Returns the index after them.
    private static func rustcBody(_ lines: [Substring], from start: Int, into d: inout Diagnostic, source: SourceText?) -> Int {
        var index = start
        var underlined = false
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("= "), let colon = trimmed.firstIndex(of: ":") {
                let kind = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<colon]
                let text = String(trimmed[colon...].dropFirst().drop { $0 == " " })
                switch kind {
                case "help", "fix": d.help.append(text)
                default: d.notes.append(text)
                }
            } else if trimmed.hasPrefix("--> ") || trimmed == "..." {
                // Another file's part of the snippet.
            } else if let bar = trimmed.firstIndex(of: "|"), trimmed[..<bar].allSatisfy({ $0.isNumber || $0 == " " }) {
                let after = trimmed[bar...].dropFirst().dropFirst()
                if !underlined, trimmed[..<bar].allSatisfy({ $0 == " " }), let caret = after.firstIndex(of: "^"), let source {
                    underlined = true
                    let width = after[caret...].prefix { $0 == "^" }.count
                    let start = d.range.lowerBound
                    let lineEnd = source.lines.contentRange(ofLine: source.lines.line(containing: start)).upperBound
                    // The carets count display columns (a tab four, a wide character two).
                    var end = start, columns = 0
                    for scalar in String(decoding: source.bytes[start..<lineEnd], as: UTF8.self).unicodeScalars where columns < width {
                        columns += scalar == "\t" ? 4 : DisplayWidth.of(scalar)
                        end = min(end + UTF8.width(scalar), lineEnd)
                    }
                    if end > start { d.range = SourceRange(start, end) }
                    let label = after[caret...].drop { $0 == "^" }.drop { $0 == " " }
                    if !label.isEmpty { d.label = String(label) }
                }
            } else {
                break
            }
            index += 1
        }
        return index
    }
}
