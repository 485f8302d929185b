/// The rules for an Asthra package name: a plain name (`json_utils`) or an import path whose
/// first segment is a domain (`github.com/user/json`).
public enum AsthraPackageName {
    /// Names the language keeps for its own library trees.
    public static let reserved: Set<String> = ["stdlib", "std", "internal", "system"]

    /// Why `name` is not a valid package name, or nil when it is.
    public static func problem(with name: String) -> String? {
        isPlainlyValid(name) ? nil : explain(name)
    }

    /// What is wrong with `name`, checked rule by rule; nil when nothing is.
    static func explain(_ name: String) -> String? {
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
        if let first = name.first, first.asciiValue.map(ASCII.isLetter) != true && first != "_" {
            return "a package name must start with a letter or '_', not '\(first)'"
        }
        if let bad = name.first(where: { !isNameCharacter($0) }) { return "'\(bad)' is not allowed in a package name" }
        return nil
    }

    /// The common case in one pass over the bytes, without allocating: true exactly when
    /// `explain` finds nothing.
    static func isPlainlyValid(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first else { return false }
        guard bytes.contains(0x2F) else {
            return (ASCII.isLetter(first) || first == 0x5F) && bytes.allSatisfy(isNameByte) && !reserved.contains(name)
        }
        // An import path: a domain (labels of letters, digits and '-', the last one of two or
        // more letters), then segments of name bytes and dots, none empty, '.' or '..'.
        var segment = 0
        var length = 0
        var onlyDots = true
        var labels = 1
        var labelLength = 0
        var labelIsLetters = true
        for b in bytes {
            if b == 0x2F {
                if length == 0 || (onlyDots && length <= 2) { return false }
                if segment == 0 && (labels < 2 || labelLength < 2 || !labelIsLetters) { return false }
                segment += 1
                length = 0
                onlyDots = true
                continue
            }
            length += 1
            if b != 0x2E { onlyDots = false }
            if segment > 0 {
                if !(isNameByte(b) || b == 0x2E) { return false }
            } else if b == 0x2E {
                if labelLength == 0 { return false }
                labels += 1
                labelLength = 0
                labelIsLetters = true
            } else {
                guard ASCII.isAlphanumeric(b) || b == 0x2D else { return false }
                labelLength += 1
                if !ASCII.isLetter(b) { labelIsLetters = false }
            }
        }
        return length > 0 && !(onlyDots && length <= 2)
    }

    /// A valid name made from `text` (a directory name), for `ampu init` to suggest.
    public static func suggestion(from text: String) -> String {
        var out = ""
        for c in text {
            out.append(isNameCharacter(c) ? c : "_")
        }
        if let first = out.utf8.first, !ASCII.isLetter(first) && first != 0x5F { out = "_" + out }
        if out.isEmpty || reserved.contains(out) { out = "my_" + out }
        return out
    }

    static func isNameCharacter(_ c: Character) -> Bool {
        c.asciiValue.map(isNameByte) ?? false
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        ASCII.isAlphanumeric(b) || b == 0x5F || b == 0x2D
    }

    static func isPathCharacter(_ c: Character) -> Bool {
        isNameCharacter(c) || c == "."
    }
}
