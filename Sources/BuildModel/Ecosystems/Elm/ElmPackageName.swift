/// Elm's package names, `author/project`, as elm reads them: the author letters of either case,
/// digits and single hyphens, not starting with one (a GitHub user name; elm lets it end with
/// one); the project lower-case letters, digits and single hyphens, starting with a letter and
/// not ending with a hyphen.
enum ElmPackageName {
    /// Why `name` cannot be a package name; nil when it can.
    static func problem(with name: String) -> String? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "a package name is 'author/project', with one '/'" }
        for (part, what) in [(parts[0], "author"), (parts[1], "project")] {
            guard !part.isEmpty else { return "the \(what) is empty" }
            let bytes = Array(part.utf8)
            let author = what == "author"
            if let bad = bytes.first(where: { !(ASCII.isDigit($0) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || (author && $0 >= 0x41 && $0 <= 0x5A)) }) {
                return "the \(what) holds '\(Character(Unicode.Scalar(bad)))'; use \(author ? "letters" : "lower-case letters"), digits and '-'"
            }
            if bytes.first == 0x2D || (!author && bytes.last == 0x2D) || part.contains("--") {
                return author ? "the author may not start with '-' or hold '--'" : "the project may not start or end with '-' or hold '--'"
            }
            if !author, !(bytes[0] >= 0x61 && bytes[0] <= 0x7A) { return "the project must start with a lower-case letter" }
        }
        return nil
    }

    /// A valid name close to `name`: lower case, other characters as '-', an author added when
    /// there is none.
    static func suggestion(from name: String) -> String {
        func clean(_ part: Substring) -> String {
            let mapped = part.lowercased().map { ($0.isLetter && $0.isASCII) || $0.isNumber ? String($0) : "-" }.joined()
            let collapsed = mapped.split(separator: "-").joined(separator: "-")
            return collapsed.isEmpty ? "project" : collapsed
        }
        let parts = name.split(separator: "/")
        if parts.count >= 2 { return clean(parts[0]) + "/" + clean(parts[parts.count - 1]) }
        return "author/" + clean(parts.first ?? "project")
    }
}
