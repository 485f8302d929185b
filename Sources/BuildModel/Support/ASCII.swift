/// ASCII byte classes. Validators that run on every key and value of a manifest check bytes:
/// `Character.isLetter` and friends consult the Unicode property tables, which costs most on
/// the first calls of a fresh process, exactly when a language server answers its first file.
enum ASCII {
    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
}
