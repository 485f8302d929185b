/// Elm's package names: `author/project`, each part lower-case letters, digits and single
/// hyphens, the project starting with a letter (as the package site requires).
enum ElmPackageName {
    /// Why `name` cannot be a package name; nil when it can.
    static func problem(with name: String) -> String? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "a package name is 'author/project', with one '/'" }
        for (part, what) in [(parts[0], "author"), (parts[1], "project")] {
            guard !part.isEmpty else { return "the \(what) is empty" }
            let bytes = Array(part.utf8)
            if let bad = bytes.first(where: { !(ASCII.isDigit($0) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || (what == "author" && ($0 == 0x5F || ($0 >= 0x41 && $0 <= 0x5A)))) }) {
                return "the \(what) holds '\(Character(Unicode.Scalar(bad)))'; use lower-case letters, digits and '-'"
            }
            if bytes.first == 0x2D || bytes.last == 0x2D || part.contains("--") { return "the \(what) may not start or end with '-' or hold '--'" }
            if what == "project", !(bytes[0] >= 0x61 && bytes[0] <= 0x7A) { return "the project must start with a lower-case letter" }
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
