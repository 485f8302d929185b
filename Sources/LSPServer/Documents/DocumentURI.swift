import BuildModel

/// `file://` URIs and the paths they name, percent-encoding both ways (RFC 3986).
public enum DocumentURI {
    /// The path of a `file:` URI; nil for other schemes.
    public static func path(_ uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = Substring(uri.dropFirst("file://".count))
        // An authority (`file://localhost/…`) before the path.
        if !rest.hasPrefix("/"), let slash = rest.firstIndex(of: "/") { rest = rest[slash...] }
        var bytes: [UInt8] = []
        var utf8 = Array(rest.utf8)[...]
        while let b = utf8.popFirst() {
            if b == 0x25, utf8.count >= 2, let hi = ASCII.hexValue(utf8[utf8.startIndex]), let lo = ASCII.hexValue(utf8[utf8.startIndex + 1]) {
                bytes.append(hi << 4 | lo)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return Paths.normalize(String(decoding: bytes, as: UTF8.self))
    }

    /// The `file:` URI of an absolute path.
    public static func uri(_ path: String) -> String {
        var out = "file://"
        for b in path.utf8 {
            if isUnreserved(b) || b == 0x2F {
                out.unicodeScalars.append(UnicodeScalar(b))
            } else {
                out += "%" + String(b >> 4, radix: 16, uppercase: true) + String(b & 0xF, radix: 16, uppercase: true)
            }
        }
        return out
    }

    private static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
    }
}
