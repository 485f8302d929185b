extension DiagnosticCode {
    // Rask (R001–R002 are the package block's reader's, R003–R013 its rules')
    public static let raskMalformedImport = DiagnosticCode("R014", "An import that is not `import name[.name…]` with an optional `.{A, B}`, `.*` or `as name`.")
    public static let raskGlobImport = DiagnosticCode("R015", "`import a.*`, which brings every public name of `a` into the file (warning).")
    public static let raskDependencyNotEnabled = DiagnosticCode("R016", "An import of a dep that only a feature brings in, when that feature is not enabled.")
    public static let raskDependencyOtherPlatform = DiagnosticCode("R018", "An import of a dep whose `target:` is another platform than the one checked (`--target`, else this machine's) (warning).")

    /// The codes only Rask reports, in README order.
    static let rask: [DiagnosticCode] = [
        .raskSyntax, .raskString, .raskDependencyOutsideBlock, .raskDuplicatePackage, .raskPackageInSource, .raskNestedGroup, .raskUnknownScope,
        .raskScopeContents, .raskDependencyInTwoFeatures, .raskUnknownFeature, .raskEnablesCycle, .raskRedundantFeatureTag, .raskProfileInheritance,
        .raskMalformedImport, .raskGlobImport, .raskDependencyNotEnabled, .raskDependencyOtherPlatform,
    ]
}
