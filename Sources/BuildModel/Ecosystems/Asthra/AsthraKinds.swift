/// The kinds of code and of import only Asthra has, beyond the core's user code, third-party
/// code, local and third-party imports: its standard library and internal packages, and
/// `system/…` imports.
extension PackageKind {
    public static let stdlib = PackageKind("standard library")
    public static let `internal` = PackageKind("internal code")

    /// Every kind of Asthra code, in the order of the access table.
    static let asthra: [PackageKind] = [.user, .thirdParty, .stdlib, .internal]
}

extension ImportCategory {
    public static let stdlib = ImportCategory("stdlib", uncheckedNote: "Part of the standard library; no standard library directory is configured, so it is not checked.")
    /// A standard-library namespace the compiler provides itself (`std/math`, `std/str`, `std/io`, `std/os`).
    public static let builtin = ImportCategory("built-in", uncheckedNote: "Built into the compiler: there is no file to check.")
    public static let `internal` = ImportCategory("internal")
    public static let system = ImportCategory("system", uncheckedNote: "Provided by the system; not checked.")

    /// Every kind of Asthra import, in the order of the access table.
    static let asthra: [ImportCategory] = [.stdlib, .builtin, .internal, .system, .thirdParty, .local]
}
