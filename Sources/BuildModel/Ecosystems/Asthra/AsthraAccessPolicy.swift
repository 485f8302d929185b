/// Who may import what. The seed's table, completed:
///
/// | importer \ import | stdlib | internal | system | third-party | local |
/// |---|---|---|---|---|---|
/// | user code         | yes    | **no** (I006) | yes | yes (declared) | yes (inside its package) |
/// | third-party code  | yes    | **no** (I006) | yes | yes (declared) | yes (inside its package) |
/// | standard library  | yes    | yes      | yes    | **no** (I007) | yes (inside the stdlib root) |
/// | internal code     | yes    | yes      | yes    | **no** (I007) | yes (inside the internal root) |
///
/// Local imports never reach user code from the libraries: they must stay inside the library
/// root, which I005 enforces for every importer.
public enum AsthraAccessPolicy {
    /// The rule an import breaks, or nil when it is allowed.
    public static func violation(from importer: PackageKind, to category: ImportCategory) -> DiagnosticCode? {
        switch (importer, category) {
        case (.user, .internal), (.thirdParty, .internal): .internalImport
        case (.stdlib, .thirdParty), (.internal, .thirdParty): .libraryImportsOutside
        default: nil
        }
    }

    /// The message and help for a violation.
    static func diagnostic(_ code: DiagnosticCode, importer: PackageKind, statement: ImportStatement) -> Diagnostic {
        var d = message(code, importer: importer, path: statement.path, at: statement.literalRange)
        d.fix = Diagnostic.Fix(title: "Remove the import of '\(statement.path)'", edits: [TextEdit(range: statement.removalRange, newText: "")])
        return d
    }

    private static func message(_ code: DiagnosticCode, importer: PackageKind, path: String, at range: SourceRange) -> Diagnostic {
        switch code {
        case .internalImport:
            return .error("\(importer.rawValue) cannot import internal package '\(path)'", .internalImport, at: range,
                          label: "internal to the standard library",
                          notes: ["'internal/…' packages are private to the standard library"],
                          help: ["use the public API under 'stdlib/…' instead"])
        default:
            return .error("\(importer == .stdlib ? "the standard library" : "internal code") cannot import third-party package '\(path)'",
                          .libraryImportsOutside, at: range,
                          label: "a third-party package",
                          notes: ["the standard library and internal packages may import only 'stdlib/…', 'internal/…', 'system/…' and their own modules"],
                          help: ["move what needs the package out of the library, into a package that declares it"])
        }
    }
}
