/// The rule for Oats package names: letters, digits, `-` and `_` (toasty's rule).
enum OatsPackageName {
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if let bad = name.unicodeScalars.first(where: { !isAllowed($0) }) {
            return bad == " " ? "it contains a space" : "it contains '\(bad)'"
        }
        return nil
    }

    /// The name with every disallowed character made `-`.
    static func suggestion(from name: String) -> String {
        let fixed = String(String.UnicodeScalarView(name.unicodeScalars.map { isAllowed($0) ? $0 : "-" }))
        return fixed.isEmpty ? "my-package" : fixed
    }

    private static func isAllowed(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_")
    }
}
