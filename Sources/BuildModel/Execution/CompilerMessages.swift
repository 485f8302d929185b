/// A compiler's output read back into diagnostics: `file:line:col: severity: message` lines
/// (gcc's, clang's and the Asthra compiler's form), each followed by the source line and a
/// caret line that the renderer draws again from the file itself. Other lines are kept as they
/// are, in order.
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
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if let q = quoted, line.trimmingPrefix(while: \.isWhitespace) == q.trimmingPrefix(while: \.isWhitespace) {
                quoted = nil
                continue
            }
            quoted = nil
            if let d = diagnostic(String(line), directory: directory, fileSystem: fileSystem, sources: &parsed.sources) {
                if let file = d.file, let source = parsed.sources[file] {
                    let row = source.lines.line(containing: d.range.lowerBound)
                    let content = source.lines.contentRange(ofLine: row)
                    quoted = Substring(String(decoding: source.bytes[content], as: UTF8.self))
                }
                if d.severity == .information, var last = parsed.diagnostics.popLast() {
                    // A note with a place explains the diagnostic before it.
                    last.related.append(Diagnostic.Related(file: d.file, range: d.range, message: d.message))
                    parsed.diagnostics.append(last)
                } else {
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

    private static func diagnostic(_ line: String, directory: String, fileSystem: any FileSystem, sources: inout [String: SourceText]) -> Diagnostic? {
        // file:line:col: severity: message — the file may itself hold ':'; find ':N:N: '.
        let parts = line.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 5 else { return nil }
        for i in 1..<(parts.count - 3) {
            guard let row = Int(parts[i]), let column = Int(parts[i + 1]), row > 0, column > 0 else { continue }
            let word = parts[i + 2].trimmingPrefix(" ")
            let severity: Diagnostic.Severity
            switch word {
            case "error", "fatal error": severity = .error
            case "warning": severity = .warning
            case "note": severity = .information
            default: continue
            }
            let file = parts[..<i].joined(separator: ":")
            let path = Paths.normalize(Paths.join(directory, file))
            let message = parts[(i + 3)...].joined(separator: ":").trimmingPrefix(" ")
            var range = SourceRange.at(0)
            if let source = sources[path] ?? (try? fileSystem.readText(path)) {
                sources[path] = source
                let lines = source.lines
                if row <= lines.lineCount {
                    let content = lines.contentRange(ofLine: row - 1)
                    let start = min(content.lowerBound + column - 1, content.upperBound)
                    var end = start
                    let bytes = source.bytes
                    while end < content.upperBound, bytes[end] == 0x5F || (bytes[end] | 0x20 >= 0x61 && bytes[end] | 0x20 <= 0x7A) || (bytes[end] >= 0x30 && bytes[end] <= 0x39) { end += 1 }
                    range = SourceRange(start, max(end, min(start + 1, content.upperBound)))
                }
            }
            return Diagnostic(severity: severity, message: String(message), file: path, range: range)
        }
        return nil
    }
}
