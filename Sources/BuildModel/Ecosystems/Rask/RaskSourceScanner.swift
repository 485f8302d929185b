/// The imports of a Rask source (`.rk`): a statement per line, starting its line.
///
///     import http                  // a package: the standard library's, a dep, or a directory
///     import http.Request          // a name (or a sub-package) of it
///     import lsm.storage as store  // under another name
///     import http.{Request, Response}
///     import http.*                // every public name (a warning: say which)
///     import c "vendor/zlib.h" as z  // a C header
///
/// `path` is the dotted name without a brace list or `.*`. A Rask source declares no package
/// name: its directory is its package.
enum RaskSourceScanner {
    static func scan(_ source: SourceText) -> SourceScan {
        let bytes = source.bytes
        var lexer = RaskLexer(bytes: bytes)
        var scan = SourceScan()
        var token = lexer.next()
        while token.kind != .end {
            if token.kind == .name, word(token, bytes) == "package", startsLine(token.range.lowerBound, source) {
                // A package block belongs in the build file (seed 002, rule 5).
                let next = lexer.next()
                if next.kind == .string {
                    scan.diagnostics.append(.error("a package block belongs in rask.build, not in a source file", .raskPackageInSource,
                                                   at: token.range, label: "in a .rk source", help: ["move it to rask.build in the package's directory"]))
                }
                token = next
                continue
            }
            // `func main` starting a line: the package is a program.
            if token.kind == .name, word(token, bytes) == "func", startsLine(token.range.lowerBound, source) {
                var probe = lexer
                let name = probe.next()
                if name.kind == .name, word(name, bytes) == "main" { scan.definesEntryPoint = true }
            }
            guard token.kind == .name, word(token, bytes) == "import", startsLine(token.range.lowerBound, source) else {
                token = lexer.next()
                continue
            }
            let lineEnd = source.lines.contentRange(ofLine: source.lines.line(containing: token.range.lowerBound)).upperBound
            var parts: [RaskLexer.Token] = []
            var next = lexer.next()
            while next.kind != .end && next.range.lowerBound < lineEnd {
                parts.append(next)
                next = lexer.next()
            }
            statement(importKeyword: token.range, parts, lineEnd: lineEnd, lexer: lexer, into: &scan)
            token = next
        }
        scan.holdsTests = holdsTests(source)
        return scan
    }

    /// Whether a Rask file holds tests: a line starting `test "` or `@test` (after blanks).
    static func holdsTests(_ source: SourceText) -> Bool {
        let lines = source.lines
        return (0..<lines.lineCount).contains { row in
            let line = source.bytes[lines.contentRange(ofLine: row)].drop { $0 == 0x20 || $0 == 0x09 }
            return line.starts(with: "test \"".utf8) || line.starts(with: "@test".utf8)
        }
    }

    private static func word(_ token: RaskLexer.Token, _ bytes: [UInt8]) -> String {
        String(decoding: bytes[token.range.lowerBound..<token.range.upperBound], as: UTF8.self)
    }

    /// Only blanks before `offset` on its line.
    private static func startsLine(_ offset: Int, _ source: SourceText) -> Bool {
        let start = source.lines.lineStarts[source.lines.line(containing: offset)]
        return source.bytes[start..<offset].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    private static func statement(importKeyword: SourceRange, _ parts: [RaskLexer.Token], lineEnd: Int, lexer: RaskLexer,
                                  into scan: inout SourceScan) {
        let bytes = lexer.bytes
        let whole = SourceRange(importKeyword.lowerBound, parts.last?.range.upperBound ?? importKeyword.upperBound)
        func malformed(_ at: SourceRange, _ label: String) {
            scan.diagnostics.append(.error("this import is not `import name[.name…]`", .raskMalformedImport, at: at, label: label,
                                           help: ["write `import http`, `import http.Request`, `import http.{Request, Response}` or `import lsm as store`"]))
        }
        var i = 0
        func isPunctuation(_ b: UInt8) -> Bool { i < parts.count && parts[i].kind == .punctuation(b) }
        // `import c "header.h" as name`: a C header, which no package resolves.
        if parts.count >= 2, parts[0].kind == .name, word(parts[0], bytes) == "c", parts[1].kind == .string { return }
        guard i < parts.count, parts[i].kind == .name else {
            malformed(i < parts.count ? parts[i].range : importKeyword, "a package name must follow `import`")
            return
        }
        var names = [parts[i]]
        i += 1
        var glob: SourceRange?
        var list = false
        while isPunctuation(0x2E) {
            let dot = parts[i].range
            i += 1
            if i < parts.count, parts[i].kind == .name {
                names.append(parts[i])
                i += 1
            } else if isPunctuation(0x2A) {
                glob = SourceRange(dot.lowerBound, parts[i].range.upperBound)
                i += 1
                break
            } else if isPunctuation(0x7B) {
                i += 1
                while i < parts.count, !isPunctuation(0x7D) { i += 1 }
                guard isPunctuation(0x7D) else {
                    malformed(SourceRange(dot.lowerBound, lineEnd), "`{` without its `}` on this line")
                    return
                }
                i += 1
                list = true
                break
            } else {
                malformed(dot, "a name must follow `.`")
                return
            }
        }
        let pathRange = SourceRange(names[0].range.lowerBound, names.last!.range.upperBound)
        var alias: Located<String>?
        if i < parts.count, parts[i].kind == .name, word(parts[i], bytes) == "as" {
            guard i + 1 < parts.count, parts[i + 1].kind == .name else {
                malformed(parts[i].range, "a name must follow `as`")
                return
            }
            if list || glob != nil {
                malformed(parts[i].range, "a list or `*` cannot be renamed")
                return
            }
            alias = Located(word(parts[i + 1], bytes), range: parts[i + 1].range)
            i += 2
        } else if i < parts.count, parts[i].kind == .name, word(parts[i], bytes) == "using" {
            i = parts.count  // `import build using …`: the names after `using` are the module's
        }
        if i < parts.count, !isPunctuation(0x3B) {
            malformed(parts[i].range, "unexpected after the import")
            return
        }
        let path = names.map { word($0, bytes) }.joined(separator: ".")
        scan.imports.append(ImportStatement(path: path, literalRange: pathRange, pathRange: pathRange, alias: alias, range: whole,
                                            removalRange: ImportStatement.lineRange(of: whole, in: bytes)))
        if let glob {
            scan.diagnostics.append(.warning("`import \(path).*` brings every public name of '\(path)' into this file", .raskGlobImport, at: glob,
                                             label: "every name", help: ["import the names this file uses: import \(path).{A, B}, or the package: import \(path)"]))
        }
    }
}
