/// How many columns of a terminal a character takes, as wcwidth counts them: two for the wide
/// characters of East Asian scripts and for emoji shown as pictures, none for combining marks
/// and format characters, one for the rest. gcc counts its diagnostics' columns this way, and a
/// caret drawn under a line needs it to stand under the right character.
public enum DisplayWidth {
    /// The columns one scalar takes.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value == 0 ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        // A soft hyphen shows; so do the marks that join the digits after them (Arabic number signs).
        case .format where value != 0xAD && !prependedMarks.contains(value): return 0
        default: break
        }
        // Hangul vowels and final consonants, which join the syllable before them.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        // Regional indicators are one column each; a pair shows as a flag.
        if scalar.properties.isEmojiPresentation && !(0x1F1E6...0x1F1FF).contains(value) { return 2 }
        for range in wide where range.contains(value) { return 2 }
        return 1
    }

    /// The columns a character takes: its first scalar's, or two for an emoji shown as a
    /// picture (a variation selector asks for it, a joined sequence, a flag's two letters).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count > 1 && scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D || (0x1F1E6...0x1F1FF).contains($0.value) }) { return 2 }
        return of(first)
    }

    /// The format characters that show, joined to the digits after them (Unicode's
    /// Prepended_Concatenation_Mark: the Arabic number signs and their kin).
    private static let prependedMarks: Set<UInt32> = [0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD, 0x110CD]

    /// East Asian Wide and Fullwidth blocks (beside the emoji, which Unicode marks by their
    /// presentation).
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4DC0...0x4DFF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FF1, 0x17000...0x18D08, 0x1AFF0...0x1AFFE,
        0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
