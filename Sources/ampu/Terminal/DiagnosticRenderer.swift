import BuildModel

/// Renders diagnostics for a terminal: rustc-style (`human`) or one line each (`short`).
struct DiagnosticRenderer {
    var format: MessageFormat
    var colors: Bool
    /// Paths are shown as messages show them (`Paths.display`): relative to this directory when
    /// that is short; nil shows them as they are.
    var root: String? = nil

    func displayPath(_ path: String) -> String { root.map { Paths.display(path, from: $0) } ?? path }

    private func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func severityColor(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: "1;31"
        case .warning: "1;33"
        case .information: "1;36"
        case .hint: "1;32"
        }
    }

    private func label(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .information: "info"
        case .hint: "hint"
        }
    }

    /// - Parameters:
    ///   - sources: the texts of the files the diagnostics name, by path.
    ///   - defaultFile: the path of diagnostics whose `file` is nil.
    func render(_ diagnostics: [Diagnostic], sources: [String: SourceText], defaultFile: String) -> String {
        diagnostics.map { render($0, sources: sources, defaultFile: defaultFile) }.joined()
    }

    func render(_ d: Diagnostic, sources: [String: SourceText], defaultFile: String) -> String {
        let file = d.file ?? defaultFile
        let source = sources[file]
        if format == .json {
            return JSONDiagnosticWriter(sources: sources, root: root).line(d, defaultFile: defaultFile)
        }
        let shown = displayPath(file)
        // A place in a file with its line and column; a directory or a file that could not be
        // read by its path alone (`dir:1:1` would point at nothing).
        let place = source.map { "\(shown):\($0.location(of: d.range.lowerBound))" } ?? shown
        let heading = label(d.severity) + (d.code.map { "[\($0)]" } ?? "")
        if !d.placed {
            // About the environment: no place to point at, as rustc prints `error: …` alone.
            if format == .short { return "\(heading): \(d.message)\n" }
            var out = paint(heading, severityColor(d.severity)) + paint(": \(d.message)", "1") + "\n"
            for note in d.notes { out += paint("  = ", "1;34") + paint("note", "1") + ": \(note)\n" }
            for help in d.help { out += paint("  = ", "1;34") + paint("help", "1") + ": \(help)\n" }
            return out + "\n"
        }
        if format == .short {
            // rustc's short form keeps the code.
            return "\(place): \(heading): \(d.message)\n"
        }
        var out = paint(heading, severityColor(d.severity))
        out += paint(": \(d.message)", "1") + "\n"
        guard let source else {
            out += paint(" --> ", "1;34") + "\(place)\n"
            for note in d.notes { out += paint("  = ", "1;34") + paint("note", "1") + ": \(note)\n" }
            for help in d.help { out += paint("  = ", "1;34") + paint("help", "1") + ": \(help)\n" }
            return out + "\n"
        }
        // Snippet lines: the primary range, then related ranges of the same file, by line.
        var marks: [(offset: SourceRange, message: String, primary: Bool)] = [(d.range, d.label ?? "", true)]
        var elsewhere: [Diagnostic.Related] = []
        for r in d.related {
            if (r.file ?? file) == file { marks.append((r.range, r.message, false)) } else { elsewhere.append(r) }
        }
        marks.sort { source.lines.line(containing: $0.offset.lowerBound) < source.lines.line(containing: $1.offset.lowerBound) }
        let lastLine = marks.map { source.lines.line(containing: $0.offset.lowerBound) + 1 }.max() ?? 1
        let gutter = String(repeating: " ", count: String(lastLine).count)
        out += gutter + paint("--> ", "1;34") + "\(place)\n"
        out += gutter + paint(" |", "1;34") + "\n"
        var previousLine = -1
        var shownPart = 0..<0
        for mark in marks {
            let line = source.lines.line(containing: mark.offset.lowerBound)
            if previousLine >= 0 && line > previousLine + 1 { out += paint("...", "1;34") + "\n" }
            if line != previousLine {
                shownPart = Self.shownPart(of: line, in: source, marks: marks.map(\.offset))
                let number = String(line + 1)
                let (text, _) = displayLine(source, shownPart, upTo: nil)
                out += paint(number + String(repeating: " ", count: gutter.count - number.count) + " |", "1;34")
                out += (text.isEmpty ? "" : " " + text) + "\n"
            }
            previousLine = line
            let startCol = displayLine(source, shownPart, upTo: min(max(mark.offset.lowerBound, shownPart.lowerBound), shownPart.upperBound)).width
            let endCol = displayLine(source, shownPart, upTo: min(max(mark.offset.upperBound, mark.offset.lowerBound), shownPart.upperBound)).width
            let width = max(1, endCol - startCol)
            let underline = String(repeating: mark.primary ? "^" : "-", count: width)
            let color = mark.primary ? severityColor(d.severity) : "1;34"
            var markLine = gutter + paint(" |", "1;34") + " " + String(repeating: " ", count: startCol) + paint(underline, color)
            if !mark.message.isEmpty { markLine += " " + paint(mark.message, color) }
            out += markLine + "\n"
        }
        for r in elsewhere {
            let loc = sources[r.file ?? file].map { $0.location(of: r.range.lowerBound) } ?? "1:1"
            out += gutter + paint("::: ", "1;34") + "\(displayPath(r.file ?? file)):\(loc): \(r.message)\n"
        }
        // rustc's layout: an empty gutter line between the snippet and what is said about it;
        // the rule as a note, then how to fix it as help.
        if !d.help.isEmpty || !d.notes.isEmpty { out += gutter + paint(" |", "1;34") + "\n" }
        for note in d.notes { out += gutter + paint(" = ", "1;34") + paint("note", "1") + ": \(note)\n" }
        for help in d.help { out += gutter + paint(" = ", "1;34") + paint("help", "1") + ": \(help)\n" }
        return out + "\n"
    }

    /// Lines longer than this many bytes are shown in part: the marked stretch with some context.
    static let longLine = 200
    static let context = 40

    /// The bytes of `line` shown in a snippet: all of it, or for a long line (minified or
    /// generated text) the stretch from the first to the last mark on it with some context,
    /// so that a diagnostic costs the same however long its line is.
    static func shownPart(of line: Int, in source: SourceText, marks: [SourceRange]) -> Range<Int> {
        let content = source.lines.contentRange(ofLine: line)
        guard content.count > longLine else { return content }
        let here = marks.filter { source.lines.line(containing: $0.lowerBound) == line }
        let first = here.map(\.lowerBound).min() ?? content.lowerBound
        let last = min(here.map(\.upperBound).max() ?? first, first + longLine)
        var lo = max(content.lowerBound, first - context)
        var hi = min(content.upperBound, max(last, first + 1) + context)
        // Whole characters only.
        while lo > content.lowerBound && source.bytes[lo] & 0xC0 == 0x80 { lo -= 1 }
        while hi < content.upperBound && source.bytes[hi] & 0xC0 == 0x80 { hi += 1 }
        return lo..<hi
    }

    /// Part of a line as shown (tabs as four spaces, "..." where the line goes on beyond it),
    /// and the display width up to a byte offset.
    private func displayLine(_ source: SourceText, _ part: Range<Int>, upTo offset: Int?) -> (text: String, width: Int) {
        let content = source.lines.contentRange(ofLine: source.lines.line(containing: part.lowerBound))
        let cutBefore = part.lowerBound > content.lowerBound, cutAfter = part.upperBound < content.upperBound
        let end = offset ?? part.upperBound
        let text = String(decoding: source.bytes[part.lowerBound..<max(part.lowerBound, end)], as: UTF8.self)
        var shown = cutBefore ? "..." : ""
        var width = cutBefore ? 3 : 0
        for ch in text {
            if ch == "\t" {
                shown += "    "
                width += 4
            } else {
                shown.append(ch)
                width += DisplayWidth.of(ch)
            }
        }
        if offset == nil && cutAfter { shown += "..." }
        return (shown, width)
    }
}
