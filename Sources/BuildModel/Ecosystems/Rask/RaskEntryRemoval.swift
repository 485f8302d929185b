extension RaskPackageDocument {
    /// The edit that takes `entry` (`key: value`) out of its block and leaves the block as it
    /// would be written without it: its whole line when it stands alone on one; else with the
    /// comma after it (`{ inherits: "x", opt_level: 2 }` → `{ opt_level: 2 }`), or the comma
    /// before it when it is the last of its block or line (`{ opt_level: 2, inherits: "x" }` →
    /// `{ opt_level: 2 }`), or the blanks beside it when blanks alone separate the entries.
    public func removal(of entry: Entry) -> TextEdit {
        let bytes = source.bytes
        func isBlank(_ i: Int) -> Bool { bytes[i] == 0x20 || bytes[i] == 0x09 }
        var start = entry.key.range.lowerBound
        var end = entry.value.range.upperBound
        var after = end
        while after < bytes.count, isBlank(after) { after += 1 }
        let comma = after < bytes.count && bytes[after] == 0x2C
        if comma {
            after += 1
            while after < bytes.count, isBlank(after) { after += 1 }
        }
        var lineStart = start
        while lineStart > 0, isBlank(lineStart - 1) { lineStart -= 1 }
        let alone = (lineStart == 0 || bytes[lineStart - 1] == 0x0A) && (after == bytes.count || bytes[after] == 0x0A || bytes[after] == 0x0D)
        if alone { return TextEdit(range: ImportStatement.lineRange(of: SourceRange(start, after), in: bytes), newText: "") }
        // Nothing follows it in its block or on its line.
        let last = after == bytes.count || bytes[after] == 0x7D || bytes[after] == 0x0A || bytes[after] == 0x0D
        if !last {
            end = after
        } else {
            var before = start
            while before > 0, isBlank(before - 1) { before -= 1 }
            if before > 0, bytes[before - 1] == 0x2C {
                // The comma before it goes with it (one after it stays, as written).
                start = before - 1
            } else if after < bytes.count, bytes[after] == 0x7D {
                // The only entry: `{ }` is left.
                end = after
            } else {
                // Last on its line, after blanks alone: they go too.
                start = before
                end = after
            }
        }
        return TextEdit(range: SourceRange(start, end), newText: "")
    }
}
