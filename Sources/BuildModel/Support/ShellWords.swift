/// Words written for `/bin/sh` to read back as they are: what Ninja runs, a command a build
/// shows (`Running `…``) or `compile_commands.json`'s `command`. Nothing ampu runs goes through a
/// shell; these are for people and tools to copy.
public enum ShellWords {
    /// One word: as it is when it is plainly safe, else in single quotes.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.utf8.allSatisfy(isPlain) { return word }
        return "'" + word.replacing("'", with: "'\\''") + "'"
    }

    /// An ASCII letter or digit, or one of `-_./=+,:@%`: a byte a shell reads as itself.
    private static func isPlain(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "%"): true
        default: false
        }
    }

    /// A command line: each word quoted, separated by blanks.
    public static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }
}
