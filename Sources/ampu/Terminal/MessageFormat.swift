
/// How diagnostics are printed.
enum MessageFormat: String, ExpressibleByArgument, CaseIterable {
    /// rustc-style: the message, the location, the source line with carets, help lines.
    case human
    /// One line each: `file:line:col: severity: message`.
    case short
    /// One JSON object per line: file, line, column, endLine, endColumn, severity, code, message…
    case json
}
