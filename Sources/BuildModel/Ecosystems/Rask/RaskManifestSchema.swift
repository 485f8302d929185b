/// What a package block may hold (seed 002's tables), for completion and hover: paths are
/// `["package"]`, `["package", "dep"]`, `["package", "feature"]`, `["package", "profile"]`.
enum RaskManifestSchema {
    static let schema = ManifestSchema(tables: [
        ManifestTable([], summary: "A Rask build file: one package block, and an optional `func build()`.", keys: [
            ManifestKey(name: "package", kind: .table, summary: "The package block: its name, version, metadata, deps, features, scopes and profiles."),
        ]),
        ManifestTable(["package"], summary: "The package block: `package \"name\" \"version\" { … }`.", keys: [
            ManifestKey(name: "description", kind: .string, summary: "What the package is, for publishing.", example: "\"\""),
            ManifestKey(name: "license", kind: .string, summary: "An SPDX licence identifier.", example: "\"MIT\""),
            ManifestKey(name: "repository", kind: .string, summary: "Where its source lives.", example: "\"https://github.com/…\""),
            ManifestKey(name: "members", kind: .stringArray, summary: "Workspace member directories, each with its own build file.", example: "[]"),
            ManifestKey(name: "allow", kind: .stringArray, summary: "Capabilities the package may use (`net`, `os`, …).", example: "[]"),
            ManifestKey(name: "build_timeout", kind: .integer, summary: "Seconds the build script may run before it is stopped (default 300).", example: "300"),
            ManifestKey(name: "build_max_memory", kind: .string, summary: "How much memory the build script may use.", example: "\"1GB\""),
        ]),
        ManifestTable(["package", "dep"], summary: "A dep's sub-block: `dep \"name\" \"^1.0\" { key: value }`.", keys: [
            ManifestKey(name: "target", kind: .string, summary: "Only on this platform.", allowedValues: ["linux", "macos", "windows"], example: "\"linux\""),
            ManifestKey(name: "path", kind: .string, summary: "A local directory holding the package, relative to this file.", example: "\"../shared\""),
            ManifestKey(name: "git", kind: .string, summary: "A git repository holding the package.", example: "\"https://github.com/…\""),
            ManifestKey(name: "branch", kind: .string, summary: "The branch of `git` to use.", example: "\"main\""),
            ManifestKey(name: "with", kind: .stringArray, summary: "Features of the dep to enable.", example: "[]"),
            ManifestKey(name: "scope", kind: .string, summary: "Inside a feature: the dep's scope.", allowedValues: ["dev", "build"], example: "\"dev\""),
            ManifestKey(name: "feature", kind: .string, summary: "Inside a feature: another feature that also brings the dep in.", example: "\"\""),
        ]),
        ManifestTable(["package", "feature"], summary: "A feature: `feature \"name\" { … }`.", keys: [
            ManifestKey(name: "enables", kind: .stringArray, summary: "Other features this one turns on (feature names only).", example: "[]"),
            ManifestKey(name: "default", kind: .boolean, summary: "On unless `--no-default-features`.", example: "true"),
        ]),
        ManifestTable(["package", "profile"], summary: "A build profile: `profile \"name\" { … }`.", keys: [
            ManifestKey(name: "inherits", kind: .string, summary: "The profile this one starts from.", example: "\"release\""),
            ManifestKey(name: "opt_level", kind: .string, summary: "0 to 3, \"s\" or \"z\".", allowedValues: ["0", "1", "2", "3", "s", "z"], example: "3"),
            ManifestKey(name: "debug_info", kind: .boolean, summary: "Emit debug information.", example: "true"),
            ManifestKey(name: "overflow_checks", kind: .boolean, summary: "Check integer overflow.", example: "true"),
            ManifestKey(name: "lto", kind: .string, summary: "Link-time optimisation: true, false, \"thin\" or \"fat\".", example: "\"thin\""),
            ManifestKey(name: "codegen_units", kind: .integer, summary: "1 to 256.", example: "16"),
            ManifestKey(name: "strip", kind: .boolean, summary: "Strip symbols from the output.", example: "true"),
            ManifestKey(name: "panic", kind: .string, summary: "\"unwind\" or \"abort\".", allowedValues: ["unwind", "abort"], example: "\"abort\""),
        ]),
    ])
}
