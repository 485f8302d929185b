/// A command written as one string in a build file (`"mkdir -p out"`), split into the words of
/// an argument vector the way a shell would split a simple command, without running one:
/// blanks separate words, `'…'` is taken as it is, `"…"` takes `\"` and `\\`, a backslash
/// outside quotes takes the next character. What only a shell does (`|`, `>`, `<`, `&`, `;`,
/// `$`, a backquote) is refused with its reason: the user writes `sh -c "…"` to ask for a shell.
public enum CommandWords {
    /// Why a command cannot be split, in words (`'|' needs a shell`).
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func split(_ text: String) -> Result<[String], Problem> {
        var words: [String] = []
        var word = ""
        var inWord = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            switch c {
            case " ", "\t", "\n", "\r":
                if inWord { words.append(word); word = ""; inWord = false }
            case "'":
                inWord = true
                guard let close = chars.firstIndex(of: "'") else { return .failure(Problem(description: "a ' is not closed")) }
                word += String(chars[..<close])
                chars = chars[(close + 1)...]
            case "\"":
                inWord = true
                var closed = false
                while let d = chars.popFirst() {
                    if d == "\"" { closed = true; break }
                    if d == "\\", let e = chars.first, e == "\"" || e == "\\" || e == "$" || e == "`" {
                        word.append(e)
                        chars.removeFirst()
                    } else {
                        word.append(d)
                    }
                }
                if !closed { return .failure(Problem(description: "a \" is not closed")) }
            case "\\":
                inWord = true
                if let e = chars.popFirst() { word.append(e) }
            case "|", ">", "<", "&", ";", "$", "`":
                return .failure(Problem(description: "'\(c)' needs a shell"))
            default:
                inWord = true
                word.append(c)
            }
        }
        if inWord { words.append(word) }
        return .success(words)
    }
}
