/// A Makefile-style dependency file as `cc -MD -MF` writes it (`out.o: a.c a.h \` over several
/// lines, `\ ` for a space in a name, `$$` for a `$`): the files the compile read, absolute.
public enum Depfile {
    public static func prerequisites(_ text: String, directory: String) -> [String] {
        var words: [String] = []
        var word = ""
        var chars = Array(text.unicodeScalars)[...]
        func flush() {
            if !word.isEmpty { words.append(word) }
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
            case " ", "\t", "\n", "\r":
                flush()
            default:
                word.unicodeScalars.append(c)
            }
        }
        flush()
        // Targets end with ':'; what follows them until the next target are prerequisites.
        var out: [String] = []
        for w in words where !w.hasSuffix(":") {
            let path = Paths.normalize(Paths.join(directory, w))
            if !out.contains(path) { out.append(path) }
        }
        return out
    }
}
