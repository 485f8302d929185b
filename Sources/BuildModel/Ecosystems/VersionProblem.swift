/// M004 and M005, one rule each for every manifest that names versions (asthra.toml, Oats.toml,
/// rask.build, elm.json): located on the string, with what it most likely means as the fix
/// when that can be told (`"1.0"` → `"1.0.0"`, `"=> 1.0"` → `">=1.0"`).
enum VersionProblem {
    /// A version that is not MAJOR.MINOR.PATCH.
    /// - Parameters:
    ///   - text: the string as written, its range the literal with its quotes.
    ///   - what: what the version is (`version`, `elm-version`).
    ///   - reason: why it is not a version.
    ///   - plain: only a version without pre-release or build parts will do (Elm's).
    static func version(_ text: Located<String>, what: String = "version", reason: String, plain: Bool = false) -> Diagnostic {
        var d = Diagnostic.error("invalid \(what) '\(text.value)': \(reason)", .invalidVersion, at: text.range, label: "not MAJOR.MINOR.PATCH",
                                 help: ["write MAJOR.MINOR.PATCH, such as \"0.1.0\""])
        if let meant = Version.likelyMeant(text.value), meant.description != text.value, !plain || (!meant.isPrerelease && meant.build.isEmpty) {
            d.help = ["did you mean \"\(meant)\"?"]
            d.fix = Diagnostic.Fix(title: "Change the version to \(meant)", edits: [TextEdit(range: text.range, newText: "\"\(meant)\"")], certain: true)
        }
        return d
    }

    /// A version requirement that cannot be read; one written in another tool's spelling gets
    /// this one's as the fix (`VersionRequirement.likelyMeant`).
    /// - Parameter examples: requirements to show when no fix can be told.
    static func requirement(_ text: Located<String>, reason: String, examples: String) -> Diagnostic {
        var d = Diagnostic.error("invalid version requirement '\(text.value)': \(reason)", .invalidRequirement, at: text.range,
                                 label: "not a version requirement", help: ["write a requirement such as \(examples)"])
        if let (meant, change) = VersionRequirement.likelyMeant(text.value) {
            d.message = "invalid version requirement '\(text.value)': \(change)"
            d.help = ["did you mean \"\(meant)\"?"]
            d.fix = Diagnostic.Fix(title: "Change the requirement to \(meant)", edits: [TextEdit(range: text.range, newText: "\"\(meant)\"")], certain: true)
        }
        return d
    }
}
