import BuildModel

/// Renders diagnostics for a terminal: rustc-style (`human`) or one line each (`short`).
struct DiagnosticRenderer {
    var format: MessageFormat
    var colors: Bool
    /// Paths below this directory are shown relative to it; nil shows them as they are.
    var root: String? = nil

    func displayPath(_ path: String) -> String {
        guard let root, Paths.isAbsolute(path), Paths.isWithin(path, root) else { return path }
        return Paths.relative(path, from: root)
    }

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
        let position = source.map { $0.location(of: d.range.lowerBound) } ?? "1:1"
        if format == .short {
            return "\(shown):\(position): \(label(d.severity)): \(d.message)\n"
        }
        var out = paint(label(d.severity) + (d.code.map { "[\($0)]" } ?? ""), severityColor(d.severity))
        out += paint(": \(d.message)", "1") + "\n"
        guard let source else {
            out += paint(" --> ", "1;34") + "\(shown):\(position)\n"
            for help in d.help { out += paint("  = ", "1;34") + paint("help", "1") + ": \(help)\n" }
            return out + "\n"
        }
        // Snippet lines: the primary range, then related ranges of the same file, by line.
        var marks: [(offset: SourceRange, message: String, primary: Bool)] = [(d.range, "", true)]
        var elsewhere: [Diagnostic.Related] = []
        for r in d.related {
            if (r.file ?? file) == file { marks.append((r.range, r.message, false)) } else { elsewhere.append(r) }
        }
        marks.sort { source.lines.line(containing: $0.offset.lowerBound) < source.lines.line(containing: $1.offset.lowerBound) }
        let lastLine = marks.map { source.lines.line(containing: $0.offset.lowerBound) + 1 }.max() ?? 1
        let gutter = String(repeating: " ", count: String(lastLine).count)
        out += gutter + paint("--> ", "1;34") + "\(shown):\(position)\n"
        out += gutter + paint(" |", "1;34") + "\n"
        var previousLine = -1
        for mark in marks {
            let line = source.lines.line(containing: mark.offset.lowerBound)
            if previousLine >= 0 && line > previousLine + 1 { out += paint("...", "1;34") + "\n" }
            if line != previousLine {
                let number = String(line + 1)
                let (text, _) = displayLine(source, line: line, upTo: nil)
                out += paint(number + String(repeating: " ", count: gutter.count - number.count) + " |", "1;34")
                out += (text.isEmpty ? "" : " " + text) + "\n"
            }
            previousLine = line
            let content = source.lines.contentRange(ofLine: line)
            let startCol = displayLine(source, line: line, upTo: min(mark.offset.lowerBound, content.upperBound)).width
            let endCol = displayLine(source, line: line, upTo: min(max(mark.offset.upperBound, mark.offset.lowerBound), content.upperBound)).width
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
        for help in d.help { out += gutter + paint(" = ", "1;34") + paint("help", "1") + ": \(help)\n" }
        return out + "\n"
    }

    /// A line as shown (tabs as four spaces), and the display width up to a byte offset.
    private func displayLine(_ source: SourceText, line: Int, upTo offset: Int?) -> (text: String, width: Int) {
        let range = source.lines.contentRange(ofLine: line)
        let end = offset ?? range.upperBound
        let text = String(decoding: source.bytes[range.lowerBound..<max(range.lowerBound, end)], as: UTF8.self)
        var shown = ""
        var width = 0
        for ch in text {
            if ch == "\t" {
                shown += "    "
                width += 4
            } else {
                shown.append(ch)
                width += 1
            }
        }
        return (shown, width)
    }
}
