/// The rules for an Asthra package name: a plain name (`json_utils`) or an import path whose
/// first segment is a domain (`github.com/user/json`).
public enum AsthraPackageName {
    /// Names the language keeps for its own library trees.
    public static let reserved: Set<String> = ["stdlib", "std", "internal", "system"]

    /// Why `name` is not a valid package name, or nil when it is.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if name.contains("/") {
            let segments = name.split(separator: "/", omittingEmptySubsequences: false)
            if segments.contains(where: \.isEmpty) { return "an import path cannot have an empty segment ('//', or '/' at either end)" }
            if reserved.contains(String(segments[0])) { return "'\(segments[0])/' is reserved for the language's own libraries" }
            guard AsthraImportPath.isDomain(segments[0]) else {
                return "an import path must start with a domain such as 'github.com', not '\(segments[0])'"
            }
            for segment in segments {
                if segment == "." || segment == ".." { return "an import path cannot contain '\(segment)'" }
                if let bad = segment.first(where: { !isPathCharacter($0) }) { return "'\(bad)' is not allowed in a package name" }
            }
            return nil
        }
        if reserved.contains(name) { return "'\(name)' is reserved for the language's own libraries" }
        if let first = name.first, !(first.isLetter && first.isASCII) && first != "_" {
            return "a package name must start with a letter or '_', not '\(first)'"
        }
        if let bad = name.first(where: { !isNameCharacter($0) }) { return "'\(bad)' is not allowed in a package name" }
        return nil
    }

    /// A valid name made from `text` (a directory name), for `ampu init` to suggest.
    public static func suggestion(from text: String) -> String {
        var out = ""
        for c in text {
            out.append(isNameCharacter(c) ? c : "_")
        }
        if let first = out.first, !(first.isLetter && first.isASCII) && first != "_" { out = "_" + out }
        if out.isEmpty || reserved.contains(out) { out = "my_" + out }
        return out
    }

    static func isNameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-")
    }

    static func isPathCharacter(_ c: Character) -> Bool {
        isNameCharacter(c) || c == "."
    }
}
