/// Words written for `/bin/sh` to read back as they are: what Ninja runs, a command a build
/// shows (`Running `…``) or `compile_commands.json`'s `command`. Nothing ampu runs goes through a
/// shell; these are for people and tools to copy.
public enum ShellWords {
    /// One word: as it is when it is plainly safe, else in single quotes.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=+,:@%".contains($0)) }) { return word }
        return "'" + word.replacing("'", with: "'\\''") + "'"
    }

    /// A command line: each word quoted, separated by blanks.
    public static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }
}
