/// Finds the `use` statements of an Aria source (`.aria`, `.npk`), wherever a statement may
/// start (real code has one in the middle of a file), and whether it defines `func:main`:
///
///     use "file.npk".*;     use "../src/x.npk";     use "x" as y;
///     use std.io;           use a.b.*;              use a.{x, y};       use a.b as C;
///
/// A quoted path is kept as written; a dotted one as `a.b` (without `.*` or `.{…}`). Comments
/// (`//`, `/* */`) and strings never produce statements. A `use` with no path, or with no `;`,
/// is I001 and skipped.
struct AriaSourceScanner {
    private let bytes: [UInt8]
    private var i = 0
    private var scan = SourceScan()

    static func scan(_ source: SourceText) -> SourceScan {
        var scanner = AriaSourceScanner(bytes: source.bytes)
        scanner.run()
        return scanner.scan
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    static func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
    }

    private mutating func run() {
        // A statement starts at the top, or after `;`, `{` or `}`.
        var statementStart = true
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            if skipComment() { continue }
            if b == 0x22 || b == 0x27 { skipString(); statementStart = false; continue }
            if Self.isIdentifierByte(b) {
                let start = i
                while i < bytes.count, Self.isIdentifierByte(bytes[i]) { i += 1 }
                let word = bytes[start..<i]
                if statementStart, word.elementsEqual("use".utf8), i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x22 {
                    useStatement(keyword: start)
                    statementStart = true
                    continue
                }
                if word.elementsEqual("func".utf8), i + 5 <= bytes.count, bytes[i] == 0x3A, bytes[(i + 1)..<(i + 5)].elementsEqual("main".utf8),
                   i + 5 == bytes.count || !Self.isIdentifierByte(bytes[i + 5]) {
                    scan.definesEntryPoint = true
                }
                statementStart = false
                continue
            }
            statementStart = b == 0x3B || b == 0x7B || b == 0x7D
            i += 1
        }
    }

    private mutating func skipBlanks() {
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1 } else if !skipComment() { return }
        }
    }

    /// Skips a comment at `i`; whether there was one.
    private mutating func skipComment() -> Bool {
        guard bytes[i] == 0x2F, i + 1 < bytes.count else { return false }
        if bytes[i + 1] == 0x2F {
            while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            return true
        }
        if bytes[i + 1] == 0x2A {
            i += 2
            while i + 1 < bytes.count && !(bytes[i] == 0x2A && bytes[i + 1] == 0x2F) { i += 1 }
            i = min(bytes.count, i + 2)
            return true
        }
        return false
    }

    /// Skips a string at `i` (its quote); stops at the end of the line when it is not closed.
    private mutating func skipString() {
        let quote = bytes[i]
        i += 1
        while i < bytes.count && bytes[i] != quote && bytes[i] != 0x0A {
            i += bytes[i] == 0x5C ? 2 : 1
        }
        i = min(bytes.count, i + 1)
    }

    private mutating func useStatement(keyword: Int) {
        skipBlanks()
        let path: String
        let literal: SourceRange
        let pathRange: SourceRange
        if i < bytes.count, bytes[i] == 0x22 {
            let open = i
            skipString()
            guard i - 1 > open, bytes[i - 1] == 0x22 else { return fail("this string is not closed", at: SourceRange(open, i), keyword: keyword) }
            literal = SourceRange(open, i)
            pathRange = SourceRange(open + 1, i - 1)
            path = String(decoding: bytes[(open + 1)..<(i - 1)], as: UTF8.self)
            // `.*` right after the string.
            if i + 1 < bytes.count, bytes[i] == 0x2E, bytes[i + 1] == 0x2A { i += 2 }
        } else if i < bytes.count, Self.isIdentifierByte(bytes[i]) {
            let start = i
            var end = i
            while i < bytes.count {
                while i < bytes.count, Self.isIdentifierByte(bytes[i]) { i += 1 }
                end = i
                guard i + 1 < bytes.count, bytes[i] == 0x2E else { break }
                let after = bytes[i + 1]
                if after == 0x2A { i += 2; break }  // .*
                if after == 0x7B {  // .{x, y}
                    i += 2
                    while i < bytes.count, bytes[i] != 0x7D, bytes[i] != 0x3B { i += 1 }
                    guard i < bytes.count, bytes[i] == 0x7D else { return fail("the list of names after '\(String(decoding: bytes[start..<end], as: UTF8.self)).{' is not closed", at: SourceRange(end, i), keyword: keyword) }
                    i += 1
                    break
                }
                guard Self.isIdentifierByte(after) else { break }
                i += 1
            }
            literal = SourceRange(start, end)
            pathRange = literal
            path = String(decoding: bytes[start..<end], as: UTF8.self)
        } else {
            return fail("expected a module after 'use': a path in quotes or a dotted name", at: SourceRange(keyword, keyword + 3), keyword: keyword)
        }
        let afterPath = i
        skipBlanks()
        var alias: Located<String>?
        if i + 2 <= bytes.count, bytes[i..<(i + 2)].elementsEqual("as".utf8), i + 2 < bytes.count, !Self.isIdentifierByte(bytes[i + 2]) {
            i += 2
            skipBlanks()
            let start = i
            while i < bytes.count, Self.isIdentifierByte(bytes[i]) { i += 1 }
            guard i > start else { return fail("expected a name after 'as'", at: SourceRange(start, min(start + 1, bytes.count)), keyword: keyword) }
            alias = Located(String(decoding: bytes[start..<i], as: UTF8.self), range: SourceRange(start, i))
            skipBlanks()
        }
        guard i < bytes.count, bytes[i] == 0x3B else {
            // What follows is read again: it may be the next statement.
            if alias == nil { i = afterPath }
            scan.diagnostics.append(.error("expected ';' after the use statement", .malformedImport, at: SourceRange(afterPath, afterPath),
                                           help: ["end it with ;: use \"file.npk\".*;"]))
            return
        }
        i += 1
        let range = SourceRange(keyword, i)
        scan.imports.append(ImportStatement(path: path, literalRange: literal, pathRange: pathRange, alias: alias, range: range,
                                            removalRange: ImportStatement.lineRange(of: range, in: bytes)))
    }

    private mutating func fail(_ message: String, at range: SourceRange, keyword: Int) {
        scan.diagnostics.append(.error(message, .malformedImport, at: range,
                                       help: ["write it as: use \"file.npk\".*;  or  use std.io;  or  use a.{x, y};"]))
        // Skip to the end of the statement.
        while i < bytes.count, bytes[i] != 0x3B, bytes[i] != 0x0A { i += 1 }
    }
}
