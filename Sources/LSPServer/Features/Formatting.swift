import BuildModel

/// `textDocument/formatting`: a manifest laid out as its format's formatter lays it out
/// (`ManifestSyntax.formatted`, what `ampu fmt` writes), as one edit over the part that
/// changes; no edit when it is laid out already, null when it cannot be (a syntax error, a
/// source file, a format without a formatter).
enum Formatting {
    static func answer(_ q: FeatureQuery) -> JSONValue {
        guard q.isManifest, let formatted = q.ecosystem.manifestSyntax.formatted(q.text) else { return .null }
        guard let (range, replacement) = change(from: q.text.bytes, to: formatted) else { return .array([]) }
        return .array([["range": q.lspRange(range), "newText": .string(String(decoding: replacement, as: UTF8.self))]])
    }

    /// The one replacement that turns `old` into `new`: the bytes between what they begin and
    /// end with alike, each end on a character's first byte; nil when they are the same.
    static func change(from old: [UInt8], to new: [UInt8]) -> (SourceRange, ArraySlice<UInt8>)? {
        guard old != new else { return nil }
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
        while prefix > 0, prefix < old.count, isContinuation(old[prefix]) { prefix -= 1 }
        while suffix > 0, isContinuation(old[old.count - suffix]) { suffix -= 1 }
        return (SourceRange(prefix, old.count - suffix), new[prefix..<(new.count - suffix)])
    }
}
