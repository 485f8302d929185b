/// A Makefile-style dependency file as `cc -MD -MF` writes it (`out.o: a.c a.h \` over several
/// lines, `\ ` for a space in a name): the files the compile read, absolute.
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
                if chars.first == "\n" { chars.removeFirst(); flush() }
                else if chars.first == "\r" && chars.dropFirst().first == "\n" { chars.removeFirst(2); flush() }
                else if let next = chars.first, next == " " || next == "#" || next == "\\" { word.unicodeScalars.append(next); chars.removeFirst() }
                else { word.unicodeScalars.append(c) }
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
