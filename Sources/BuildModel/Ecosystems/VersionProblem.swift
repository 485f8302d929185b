/// M004, one rule for every manifest that names a package's version (asthra.toml, Oats.toml,
/// rask.build, elm.json): a version that is not MAJOR.MINOR.PATCH, located on its string, with
/// the version it most likely means as the fix (`"1.0"` → `"1.0.0"`) when there is one.
enum VersionProblem {
    /// - Parameters:
    ///   - text: the string as written, its range the literal with its quotes.
    ///   - what: what the version is (`version`, `elm-version`).
    ///   - reason: why it is not a version.
    ///   - plain: only a version without pre-release or build parts will do (Elm's).
    static func diagnostic(_ text: Located<String>, what: String = "version", reason: String, plain: Bool = false) -> Diagnostic {
        guard let meant = Version.likelyMeant(text.value), meant.description != text.value, !plain || (!meant.isPrerelease && meant.build.isEmpty) else {
            return .error("invalid \(what) '\(text.value)': \(reason)", .invalidVersion, at: text.range, label: "not MAJOR.MINOR.PATCH",
                          help: ["write MAJOR.MINOR.PATCH, such as \"0.1.0\""])
        }
        return .error("invalid \(what) '\(text.value)': \(reason)", .invalidVersion, at: text.range, label: "not MAJOR.MINOR.PATCH",
                      help: ["did you mean \"\(meant)\"?"],
                      fix: Diagnostic.Fix(title: "Change the version to \(meant)", edits: [TextEdit(range: text.range, newText: "\"\(meant)\"")]))
    }
}
