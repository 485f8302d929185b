extension Diagnostic {
    /// M001 for a key a place of a build file does not take, where keys are written as bare
    /// words (Rask's package block, Aria's build.abc): the closest key it takes as help and as
    /// a fix, else the keys it takes.
    static func unknownKey(_ key: String, at range: SourceRange, known: [String], in place: String) -> Diagnostic {
        let guess = Spelling.closest(to: key, in: known)
        return .warning("unknown key `\(key)` in \(place)", .unknownKey, at: range, label: "not a key here",
                        help: guess.map { ["did you mean `\($0)`?"] } ?? ["the keys here are: " + known.joined(separator: ", ")],
                        fix: guess.map { Diagnostic.Fix(title: "Rename to `\($0)`", edits: [TextEdit(range: range, newText: $0)]) })
    }
}
