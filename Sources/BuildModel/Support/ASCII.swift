/// ASCII byte classes. Validators that run on every key and value of a manifest check bytes:
/// `Character.isLetter` and friends consult the Unicode property tables, which costs most on
/// the first calls of a fresh process, exactly when a language server answers its first file.
public enum ASCII {
    public static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    public static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    public static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }

    /// The value of a hexadecimal digit (either case), or nil.
    public static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }
}
