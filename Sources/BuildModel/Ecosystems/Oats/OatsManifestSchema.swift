/// Every table and key `Oats.toml` allows, as toasty reads it (`crates/toasty/src/project.rs`):
/// `[package]`, path `[dependencies]`, and `[build]` with its `[build.profiles.*]`.
enum OatsManifestSchema {
    static let optLevels = ["none", "default", "aggressive"]
    static let ltoModes = ["none", "thin", "full"]
    static let builtInProfiles = ["dev", "release"]
    /// oatsc's two command lines: the seed's package mode, and the file mode of oatsc today.
    static let compilerForms = ["seed", "current"]
    static let defaultEntry = "src/main.oats"

    static let dependencyKeys = [
        ManifestKey(name: "path", kind: .string, summary: "The package's directory, relative to this manifest. Its Oats.toml must name the same package.", example: "\"../my-lib\""),
        ManifestKey(name: "version", kind: .string, summary: "The versions to accept. Oats cannot fetch packages yet: beside `path` it only documents which version is expected.", example: "\"0.1\"", isRequirement: true),
    ]

    static let schema = ManifestSchema(tables: [
        ManifestTable([], summary: "The top level of Oats.toml.", keys: [
            ManifestKey(name: "package", kind: .table, summary: "Who the package is: its name, version and entry point."),
            ManifestKey(name: "dependencies", kind: .table, summary: "Local packages this package imports, each as `name = { path = \"…\" }`."),
            ManifestKey(name: "build", kind: .table, summary: "Where output goes and which profile builds use."),
        ]),
        ManifestTable(["package"], summary: "Who the package is.", keys: [
            ManifestKey(name: "name", kind: .string, summary: "The package's name: letters, digits, `-` and `_`. Other packages import it by this name.", example: "\"my-package\""),
            ManifestKey(name: "version", kind: .string, summary: "The package's version, MAJOR.MINOR.PATCH (semantic versioning).", example: "\"0.1.0\""),
            ManifestKey(name: "authors", kind: .stringArray, summary: "The people who wrote the package.", example: "[\"\"]"),
            ManifestKey(name: "description", kind: .string, summary: "One line saying what the package does.", example: "\"\""),
            ManifestKey(name: "license", kind: .string, summary: "An SPDX license expression.", example: "\"MIT\""),
            ManifestKey(name: "entry", kind: .string, summary: "The package's entry point, relative to the package root: what `import … from \"name\"` brings in, and where a program starts. Default: `src/main.oats`.", example: "\"src/main.oats\""),
        ]),
        ManifestTable(["dependencies"], summary: "Local packages this package imports.", role: .dependencies(.normal)),
        ManifestTable(["dependencies", "*"], summary: "One dependency.", keys: dependencyKeys),
        ManifestTable(["build"], summary: "How the package is built.", keys: [
            ManifestKey(name: "target-dir", kind: .string, summary: "Where build output goes, relative to the package root. Default: `target`.", example: "\"target\""),
            ManifestKey(name: "profile", kind: .string, summary: "The profile builds use: `dev`, `release` or one of `[build.profiles.*]`. Default: `dev`.", allowedValues: builtInProfiles, example: "\"dev\""),
            ManifestKey(name: "profiles", kind: .table, summary: "Named build profiles (`[build.profiles.release]`)."),
            ManifestKey(name: "compiler-cli", kind: .string, summary: "Which command line `oatsc` takes: `seed` (`--package-root DIR --extern-pkg NAME=META -o OUT`) or `current` (`SRC --extern-oats PATH=META --out-name N --emit-object-only`). Default: what `oatsc --help` offers.", allowedValues: compilerForms, example: "\"seed\""),
            ManifestKey(name: "timeout", kind: .integer, summary: "How long one compile or the link may run, in seconds, before it is stopped. Default: 300.", example: "300"),
            ManifestKey(name: "linker", kind: .string, summary: "The program that links the package objects and the runtime into the executable. Default: `$CC`, else `clang`, else `cc`.", example: "\"clang\""),
        ]),
        ManifestTable(["build", "profiles"], summary: "Named build profiles.", hasFreeKeys: true),
        ManifestTable(["build", "profiles", "*"], summary: "One build profile.", keys: [
            ManifestKey(name: "opt-level", kind: .string, summary: "How much the compiler optimises.", allowedValues: optLevels, example: "\"default\""),
            ManifestKey(name: "debug", kind: .boolean, summary: "Whether to emit debug information. Default: true.", allowedValues: ["true", "false"], example: "true"),
            ManifestKey(name: "lto", kind: .string, summary: "Link-time optimisation.", allowedValues: ltoModes, example: "\"thin\""),
        ]),
    ])
}
