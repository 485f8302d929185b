/// Reads what an Elm module says about itself: its declaration (`module A.B exposing (..)`,
/// `port module`, `effect module … where { … } exposing (…)`), its imports (`import A.B as C
/// exposing (x, T(..))`, the exposing list over several lines), and whether it defines a
/// top-level `main`. `import` and `module` are reserved words, so every one outside a comment, a
/// string or a character is a statement; line comments (`--`), block comments nested to any
/// depth (`{- {- -} -}`), strings (`"…"`, `"""…"""`) and characters are skipped, CRLF lines too.
enum ElmSourceScanner {
    struct Token {
        enum Kind { case upperName, lowerName, symbol }
        var kind: Kind
        var range: SourceRange
        /// Whether it is the first thing on its line (only comments before it) and the line
        /// starts at column 0: where Elm's top-level declarations start.
        var startsLine: Bool
    }

    static func scan(_ source: SourceText) -> SourceScan {
        let bytes = source.bytes
        let tokens = tokenize(bytes)
        var scan = SourceScan()
        var hasMain = false
        func text(_ t: Token) -> String { String(decoding: bytes[t.range.range], as: UTF8.self) }
        func isWord(_ t: Token, _ word: String) -> Bool { t.kind == .lowerName && bytes[t.range.range].elementsEqual(word.utf8) }
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if isWord(t, "module"), scan.declaration == nil {
                if i + 1 < tokens.count, tokens[i + 1].kind == .upperName {
                    scan.declaration = Located(text(tokens[i + 1]), range: tokens[i + 1].range)
                    if i > 0, isWord(tokens[i - 1], "port") || isWord(tokens[i - 1], "effect") {
                        scan.declarationModifiers = [Located(text(tokens[i - 1]), range: tokens[i - 1].range)]
                    }
                } else {
                    scan.diagnostics.append(.error("expected a module name after 'module'", .malformedImport, at: t.range, label: "such as `module Main exposing (main)`"))
                }
                i += 1
                continue
            }
            if isWord(t, "import") {
                guard i + 1 < tokens.count, tokens[i + 1].kind == .upperName else {
                    scan.diagnostics.append(.error("expected a module name after 'import'", .malformedImport, at: t.range,
                                                   label: "such as `import Html`", help: ["a module name starts with a capital letter: `import Json.Decode`"]))
                    i += 1
                    continue
                }
                let name = tokens[i + 1]
                var end = name.range.upperBound
                var alias: Located<String>?
                var j = i + 2
                if j + 1 < tokens.count, isWord(tokens[j], "as"), tokens[j + 1].kind == .upperName {
                    alias = Located(text(tokens[j + 1]), range: tokens[j + 1].range)
                    end = tokens[j + 1].range.upperBound
                    j += 2
                }
                if j < tokens.count, isWord(tokens[j], "exposing") {
                    end = tokens[j].range.upperBound
                    j += 1
                    // The parenthesised list, however it is spread over lines.
                    var depth = 0
                    while j < tokens.count {
                        let s = tokens[j]
                        guard s.kind == .symbol || depth > 0 else { break }
                        if bytes[s.range.lowerBound] == 0x28 { depth += 1 }
                        if bytes[s.range.lowerBound] == 0x29 { depth -= 1 }
                        end = s.range.upperBound
                        j += 1
                        if depth <= 0 { break }
                    }
                }
                let range = SourceRange(t.range.lowerBound, end)
                scan.imports.append(ImportStatement(path: text(name), literalRange: name.range, pathRange: name.range, alias: alias, range: range,
                                                    removalRange: ImportStatement.lineRange(of: range, in: bytes)))
                i = j
                continue
            }
            if t.startsLine, isWord(t, "main"), i + 1 < tokens.count, tokens[i + 1].kind == .symbol,
               bytes[tokens[i + 1].range.lowerBound] == 0x3D || bytes[tokens[i + 1].range.lowerBound] == 0x3A {
                hasMain = true
            }
            i += 1
        }
        scan.definesEntryPoint = hasMain
        return scan
    }

    /// The tokens that matter: names (a qualified upper-case name as one token) and symbols.
    static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        var lineStart = 0
        var firstOnLine = true
        func isIdent(_ b: UInt8) -> Bool { ASCII.isAlphanumeric(b) || b == 0x5F }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                i += 1
                lineStart = i
                firstOnLine = true
                continue
            }
            if b == 0x20 || b == 0x09 || b == 0x0D {
                i += 1
                continue
            }
            if b == 0x2D, i + 1 < bytes.count, bytes[i + 1] == 0x2D {
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                continue
            }
            if b == 0x7B, i + 1 < bytes.count, bytes[i + 1] == 0x2D {
                var depth = 0
                while i < bytes.count {
                    if bytes[i] == 0x7B, i + 1 < bytes.count, bytes[i + 1] == 0x2D { depth += 1; i += 2; continue }
                    if bytes[i] == 0x2D, i + 1 < bytes.count, bytes[i + 1] == 0x7D {
                        depth -= 1
                        i += 2
                        if depth == 0 { break }
                        continue
                    }
                    if bytes[i] == 0x0A { lineStart = i + 1 }
                    i += 1
                }
                continue
            }
            let startsLine = firstOnLine && (bytes[lineStart] != 0x20 && bytes[lineStart] != 0x09)
            firstOnLine = false
            if b == 0x22 {
                if i + 2 < bytes.count, bytes[i + 1] == 0x22, bytes[i + 2] == 0x22 {
                    i += 3
                    while i < bytes.count {
                        if bytes[i] == 0x5C { i += 2; continue }
                        if bytes[i] == 0x22, i + 2 < bytes.count, bytes[i + 1] == 0x22, bytes[i + 2] == 0x22 { i += 3; break }
                        if bytes[i] == 0x0A { lineStart = i + 1 }
                        i += 1
                    }
                    continue
                }
                i += 1
                while i < bytes.count, bytes[i] != 0x22, bytes[i] != 0x0A {
                    i += bytes[i] == 0x5C ? 2 : 1
                }
                if i < bytes.count, bytes[i] == 0x22 { i += 1 }
                continue
            }
            if b == 0x27 {
                i += 1
                while i < bytes.count, bytes[i] != 0x27, bytes[i] != 0x0A {
                    i += bytes[i] == 0x5C ? 2 : 1
                }
                if i < bytes.count, bytes[i] == 0x27 { i += 1 }
                continue
            }
            if ASCII.isLetter(b) || b == 0x5F {
                let start = i
                let upper = b >= 0x41 && b <= 0x5A
                while i < bytes.count, isIdent(bytes[i]) { i += 1 }
                // A qualified module name: `Json.Decode.Pipeline` is one name.
                while upper, i + 1 < bytes.count, bytes[i] == 0x2E, bytes[i + 1] >= 0x41 && bytes[i + 1] <= 0x5A {
                    i += 1
                    while i < bytes.count, isIdent(bytes[i]) { i += 1 }
                }
                // `Foo.bar` and `record.field` are uses, never statements.
                let qualified = i < bytes.count && bytes[i] == 0x2E && i + 1 < bytes.count && isIdent(bytes[i + 1])
                let after = start > 0 && bytes[start - 1] == 0x2E
                if qualified || after {
                    while i < bytes.count, isIdent(bytes[i]) || bytes[i] == 0x2E { i += 1 }
                    tokens.append(Token(kind: .symbol, range: SourceRange(start, i), startsLine: startsLine))
                    continue
                }
                tokens.append(Token(kind: upper ? .upperName : .lowerName, range: SourceRange(start, i), startsLine: startsLine))
                continue
            }
            tokens.append(Token(kind: .symbol, range: SourceRange(i, i + 1), startsLine: startsLine))
            i += 1
        }
        return tokens
    }

    /// The module a file under a source directory must declare: `Page/Home.elm` → `Page.Home`.
    static func moduleName(ofFile path: String, sourceDirectory: String) -> String? {
        guard Paths.isWithin(path, sourceDirectory), path.hasSuffix(".elm") else { return nil }
        let start = sourceDirectory.utf8.count + (sourceDirectory.hasSuffix("/") ? 0 : 1)
        let bytes = path.utf8.dropFirst(start).dropLast(4).map { $0 == 0x2F ? 0x2E : $0 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
