/// A Makefile-style dependency file as `cc -MD -MF` writes it (`out.o: a.c a.h \` over several
/// lines, `\ ` for a space in a name, `$$` for a `$`): the files the compile read, absolute.
/// Each line is a rule: the names before its colon are its targets (one for cc; a build script
/// may name every file it generated), the names after it are what was read.
public enum Depfile {
    public static func prerequisites(_ text: String, directory: String) -> [String] {
        // Each rule's names, one array per line (a line continued with `\` is one).
        var rules: [[String]] = [[]]
        var word = ""
        var chars = Array(text.unicodeScalars)[...]
        func flush() {
            if !word.isEmpty { rules[rules.count - 1].append(word) }
            word = ""
        }
        while let c = chars.popFirst() {
            switch c {
            case "\\":
                // A run of backslashes means what the character after it says, as cc writes
                // them: before a space or tab, 2N+1 are N backslashes and the blank in the name
                // (2N: N backslashes, then the name ends); before `#`, one of them is its escape;
                // before a line's end, the last one continues the line; anywhere else each is a
                // backslash of the name.
                var run = 1
                while chars.first == "\\" { chars.removeFirst(); run += 1 }
                let next = chars.first
                if next == " " || next == "\t" {
                    word += String(repeating: "\\", count: run / 2)
                    if run % 2 == 1 { word.unicodeScalars.append(next!); chars.removeFirst() }
                } else if next == "#" {
                    word += String(repeating: "\\", count: run - 1) + "#"
                    chars.removeFirst()
                } else if next == "\n" || (next == "\r" && chars.dropFirst().first == "\n") {
                    word += String(repeating: "\\", count: run - 1)
                    chars.removeFirst(next == "\r" ? 2 : 1)
                    flush()
                } else {
                    word += String(repeating: "\\", count: run)
                }
            case "$" where chars.first == "$":
                chars.removeFirst()
                word += "$"
            case "\n":
                flush()
                rules.append([])
            case " ", "\t", "\r":
                flush()
            default:
                word.unicodeScalars.append(c)
            }
        }
        flush()
        // In each rule, the names up to the one that ends in ':' are targets.
        var out: [String] = []
        for rule in rules {
            let read = rule.firstIndex { $0.hasSuffix(":") }.map { rule[($0 + 1)...] } ?? rule[...]
            for w in read {
                let path = Paths.normalize(Paths.join(directory, w))
                if !out.contains(path) { out.append(path) }
            }
        }
        return out
    }

    /// A rule as `cc -MD` writes one, for Ninja to read: `TARGET: PREREQUISITE…`, with a name's
    /// blanks and `#` escaped, the backslashes before a blank doubled, and `$` doubled, so that
    /// Ninja (and `prerequisites`) read each name back whole. (Not a name that ends in a
    /// backslash, which neither cc nor this can write so that Ninja reads it back.)
    public static func rule(target: String, prerequisites: [String]) -> String {
        func escaped(_ path: String) -> String {
            var out = ""
            var backslashes = 0
            for c in path.unicodeScalars {
                switch c {
                case "\\": backslashes += 1
                case " ", "\t": out += String(repeating: "\\", count: backslashes + 1)
                case "#": out += "\\"
                case "$": out += "$"
                default: break
                }
                if c != "\\" { backslashes = 0 }
                out.unicodeScalars.append(c)
            }
            return out
        }
        return ([escaped(target) + ":"] + prerequisites.map(escaped)).joined(separator: " ") + "\n"
    }
}
