/// The rules for an Asthra package name: a plain name (`json_utils`) or an import path whose
/// first segment is a domain (`github.com/user/json`).
public enum AsthraPackageName {
    /// Names the language keeps for its own library trees.
    public static let reserved: Set<String> = ["stdlib", "std", "internal", "system"]

    /// Why `name` is not a valid package name, or nil when it is. Every rule reads bytes (no
    /// `Character`s, which consult Unicode tables: this runs for every dependency of every
    /// manifest, first thing in a fresh process).
    public static func problem(with name: String) -> String? {
        let bytes = name.utf8
        if bytes.isEmpty { return "the name is empty" }
        if bytes.contains(0x2F) {
            // A '/' after a '/', at the start (as if after one) or at the end: an empty segment.
            var previous: UInt8 = 0x2F
            for b in bytes {
                if b == 0x2F && previous == 0x2F { break }
                previous = b
            }
            if previous == 0x2F { return "an import path cannot have an empty segment ('//', or '/' at either end)" }
            // Segment by segment, without splitting into an array: a domain, then names.
            var start = bytes.startIndex
            var first = true
            while start < bytes.endIndex {
                let end = bytes[start...].firstIndex(of: 0x2F) ?? bytes.endIndex
                let segment = Substring(bytes[start..<end])
                if first {
                    if isReserved(segment.utf8) { return "'\(segment)/' is reserved for the language's own libraries" }
                    guard AsthraImportPath.isDomain(segment) else {
                        return "an import path must start with a domain such as 'github.com', not '\(segment)'"
                    }
                    first = false
                }
                if segment.utf8.count <= 2 && segment.utf8.allSatisfy({ $0 == 0x2E }) { return "an import path cannot contain '\(segment)'" }
                if let bad = bytes[start..<end].firstIndex(where: { !isNameByte($0) && $0 != 0x2E }) {
                    return "'\(character(at: bad, in: name))' is not allowed in a package name"
                }
                start = end < bytes.endIndex ? bytes.index(after: end) : end
            }
            return nil
        }
        if isReserved(bytes) { return "'\(name)' is reserved for the language's own libraries" }
        if let first = bytes.first, !ASCII.isLetter(first) && first != 0x5F {
            return "a package name must start with a letter or '_', not '\(character(at: bytes.startIndex, in: name))'"
        }
        if let bad = bytes.firstIndex(where: { !isNameByte($0) }) {
            return "'\(character(at: bad, in: name))' is not allowed in a package name"
        }
        return nil
    }

    private static func isReserved<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        reservedBytes.contains { $0.elementsEqual(bytes) }
    }

    private static let reservedBytes: [[UInt8]] = reserved.sorted().map { Array($0.utf8) }

    /// The character starting at a byte, for a message.
    private static func character(at index: String.UTF8View.Index, in name: String) -> Character {
        name[index.samePosition(in: name) ?? name.startIndex]
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
}
