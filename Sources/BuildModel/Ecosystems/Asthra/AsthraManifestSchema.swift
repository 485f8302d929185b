/// Every table and key `asthra.toml` allows, with what it means. The reader warns about keys
/// not listed here; the language server completes and explains from it.
enum AsthraManifestSchema {
    /// Machines to build for: an architecture, with the system after a `-` as the language's
    /// documentation writes it (`x86_64-linux`).
    static let architectures = ["x86_64", "arm64", "aarch64", "wasm32"]
    static let systems = ["linux", "macos", "windows", "freebsd", "wasi", "none"]
    static let buildTargets = ["native", "x86_64", "arm64", "wasm32", "x86_64-linux", "x86_64-macos", "x86_64-windows", "arm64-linux", "arm64-macos", "aarch64-linux", "wasm32-wasi"]
    /// `optimization_level` (the documentation's spelling) 0 to 3, as `optimization` names them.
    static let optimizationLevels = ["none", "basic", "standard", "aggressive"]
    static let optimizations = ["debug", "release", "none", "basic", "standard", "aggressive"]

    static let dependencyKeys = [
        ManifestKey(name: "version", kind: .string, summary: "The versions to accept, as a requirement: `^1.2` (compatible), `~1.2.3` (patch updates), `>=1.0, <2.0`, `=1.2.3` or `*`.", example: "\"^1.0\"", isRequirement: true),
        ManifestKey(name: "path", kind: .string, summary: "A package on disk, relative to this manifest. Its own manifest must name the same package.", example: "\"../mylib\""),
        ManifestKey(name: "git", kind: .string, summary: "A git repository to fetch the package from: a URL (https://, ssh://, file://) or the import path the compiler matches, such as `github.com/user/json`. Imports name it by that location.", example: "\"github.com/user/pkg\""),
        ManifestKey(name: "tag", kind: .string, summary: "The git tag to check out. Use one of tag, branch or rev.", example: "\"v1.0.0\""),
        ManifestKey(name: "branch", kind: .string, summary: "The git branch to follow. Use one of tag, branch or rev.", example: "\"main\""),
        ManifestKey(name: "rev", kind: .string, summary: "The git commit to check out. Use one of tag, branch or rev.", example: "\"0123abcd\""),
        ManifestKey(name: "commit", kind: .string, summary: "The git commit to check out: the compiler's name for `rev` (what `asthra add` writes). Use one of tag, branch, rev or commit.", example: "\"0123abcd\""),
    ]

    static let schema = ManifestSchema(tables: [
        ManifestTable([], summary: "The top level of asthra.toml.", keys: [
            ManifestKey(name: "package", kind: .table, summary: "Who the package is: its name, version and language version."),
            ManifestKey(name: "dependencies", kind: .table, summary: "Packages this package imports, each with a version requirement or a source (`path`, `git`)."),
            ManifestKey(name: "dev-dependencies", kind: .table, summary: "Packages only tests, examples and benchmarks import."),
            ManifestKey(name: "build", kind: .table, summary: "How the package is built: target, optimisation, jobs."),
            ManifestKey(name: "profile", kind: .table, summary: "Named build profiles (`[profile.release]`)."),
            ManifestKey(name: "toolchain", kind: .table, summary: "Where the compiler and the standard library are."),
            ManifestKey(name: "workspace", kind: .table, summary: "The member packages of a workspace."),
            ManifestKey(name: "bin", kind: .table, summary: "A program the package builds (`[[bin]]` with `name` and `path`)."),
            ManifestKey(name: "lib", kind: .table, summary: "The package's library: `path` is the module other packages get when they import the package by name."),
            ManifestKey(name: "native", kind: .table, summary: "C sources built with the package by the system's C compiler (`sources`, `include`, `flags`, `libs`)."),
        ]),
        ManifestTable(["package"], summary: "Who the package is.", keys: [
            ManifestKey(name: "name", kind: .string, summary: "The package's name: letters, digits, `_` and `-`, or an import path such as `github.com/user/project`.", example: "\"my_package\""),
            ManifestKey(name: "version", kind: .string, summary: "The package's version, MAJOR.MINOR.PATCH (semantic versioning).", example: "\"0.1.0\""),
            ManifestKey(name: "asthra_version", kind: .string, summary: "The Asthra language version the package is written for.", example: "\"1.0\""),
            ManifestKey(name: "description", kind: .string, summary: "One line saying what the package does.", example: "\"\""),
            ManifestKey(name: "license", kind: .string, summary: "An SPDX license expression.", example: "\"MIT\""),
            ManifestKey(name: "authors", kind: .stringArray, summary: "The people who wrote the package.", example: "[\"\"]"),
            ManifestKey(name: "entry", kind: .string, summary: "The program's main source file, relative to the package root.", example: "\"src/main.asthra\""),
            ManifestKey(name: "default-run", kind: .string, summary: "The program `ampu run` runs when the package has several and no `--bin` says which.", example: "\"\""),
        ]),
        ManifestTable(["dependencies"], summary: "Packages this package imports.", role: .dependencies(.normal)),
        ManifestTable(["dev-dependencies"], summary: "Packages only tests, examples and benchmarks import.", role: .dependencies(.dev)),
        ManifestTable(["dependencies", "*"], summary: "One dependency.", keys: dependencyKeys),
        ManifestTable(["dev-dependencies", "*"], summary: "One dev-dependency.", keys: dependencyKeys),
        ManifestTable(["build"], summary: "How the package is built.", keys: [
            ManifestKey(name: "target", kind: .string, summary: "The machine to build for: `native`, or an architecture (x86_64, arm64, aarch64, wasm32) with an optional system after a `-` (linux, macos, windows, freebsd, wasi, none), such as `x86_64-linux`.", allowedValues: buildTargets, example: "\"native\"", valuesAreCommonOnes: true),
            ManifestKey(name: "optimization", kind: .string, summary: "How much the compiler optimises.", allowedValues: optimizations, example: "\"release\""),
            ManifestKey(name: "optimization_level", kind: .integer, summary: "How much the compiler optimises, as the language's documentation writes it: 0 (none), 1 (basic), 2 (standard) or 3 (aggressive); `optimization` names the same levels.", allowedValues: ["0", "1", "2", "3"], example: "2"),
            ManifestKey(name: "debug_info", kind: .boolean, summary: "Whether to emit debug information.", allowedValues: ["true", "false"], example: "true"),
            ManifestKey(name: "parallel_jobs", kind: .integer, summary: "How many compile jobs run at once (at least 1; one per core when absent).", example: "4"),
            ManifestKey(name: "output_dir", kind: .string, summary: "Where build output goes, relative to the package root.", example: "\"target\""),
            ManifestKey(name: "timeout", kind: .integer, summary: "How many seconds one compile or link may run before it is stopped (300 when absent).", example: "300"),
        ]),
        ManifestTable(["profile"], summary: "Named build profiles.", hasFreeKeys: true),
        ManifestTable(["profile", "*"], summary: "One build profile.", keys: [
            ManifestKey(name: "opt_level", kind: .integer, summary: "Optimisation level: 0 (off) to 3 (most).", allowedValues: ["0", "1", "2", "3"], example: "2"),
            ManifestKey(name: "debug", kind: .boolean, summary: "Whether to emit debug information.", allowedValues: ["true", "false"], example: "true"),
            ManifestKey(name: "inherits", kind: .string, summary: "The profile this one starts from: `debug`, `release` or another profile of this manifest.", example: "\"release\""),
        ]),
        ManifestTable(["toolchain"], summary: "Where the compiler and the standard library are; paths are relative to this manifest.", keys: [
            ManifestKey(name: "compiler", kind: .string, summary: "The Asthra compiler: a path, or a name looked up in PATH.", example: "\"asthra\""),
            ManifestKey(name: "preset", kind: .string, summary: "Which command line the compiler takes: `current` (today's compiler: `asthra MAIN -o OUT [-g]`, one file per program; it follows imports and links) or `seed` (`asthra SRCS… -o OUT -I DIR… -O0..3 [-g] [--target T]`, a library per package, linked with `cc`).", allowedValues: ["current", "seed"], example: "\"current\""),
            ManifestKey(name: "command", kind: .stringArray, summary: "The compiler's command line as a template, instead of a preset's: `{compiler}`, `{input}` (the source files), `{output}`, `{includes}` (`-I DIR` each), `{opt}` (`-O0`…`-O3`), `{debug}` (`-g` or nothing), `{target}` (`--target T` or nothing).", example: "[\"{compiler}\", \"{input}\", \"-o\", \"{output}\"]"),
            ManifestKey(name: "launcher", kind: .string, summary: "A program put before each native C compile command, such as `ccache` or `distcc`.", example: "\"ccache\""),
            ManifestKey(name: "asthra_home", kind: .string, summary: "The Asthra home directory, which holds `stdlib/` and `internal/` (overrides ASTHRA_HOME).", example: "\"../asthra-home\""),
            ManifestKey(name: "stdlib", kind: .string, summary: "The standard library's root directory (overrides asthra_home).", example: "\"stdlib\""),
            ManifestKey(name: "internal", kind: .string, summary: "The internal packages' root directory (overrides asthra_home).", example: "\"internal\""),
        ]),
        ManifestTable(["native"], summary: "C sources built with the package; paths are relative to the package root.", keys: [
            ManifestKey(name: "sources", kind: .stringArray, summary: "C files or globs (`*`, `?`, `**`) compiled with `cc` into the package's native library.", example: "[\"csrc/*.c\"]"),
            ManifestKey(name: "include", kind: .stringArray, summary: "Directories searched for headers (`-I`).", example: "[\"csrc/include\"]",
                       namesDirectories: true),
            ManifestKey(name: "flags", kind: .stringArray, summary: "Extra flags for the C compiler.", example: "[\"-Wall\"]"),
            ManifestKey(name: "libs", kind: .stringArray, summary: "System libraries the package's programs link with (`m` links `-lm`).", example: "[\"m\"]"),
        ]),
        ManifestTable(["workspace"], summary: "The member packages of a workspace.", keys: [
            ManifestKey(name: "members", kind: .stringArray, summary: "Member package directories, relative to this manifest; a last component may be `*`.", example: "[\"packages/*\"]"),
            ManifestKey(name: "exclude", kind: .stringArray, summary: "Directories the `members` globs should skip.", example: "[]"),
            ManifestKey(name: "default-members", kind: .stringArray,
                        summary: "The members `ampu build`, `run` and `test` are about at the workspace root when no package is named (`--workspace`: all of them). Without it, a root that is a package builds itself and what it needs; a root with no `[package]`, every member.",
                        example: "[\"app\"]"),
        ]),
        ManifestTable(["bin"], summary: "A program the package builds.", keys: [
            ManifestKey(name: "name", kind: .string, summary: "The program's name.", example: "\"tool\""),
            ManifestKey(name: "path", kind: .string, summary: "Its main source file, relative to the package root.", example: "\"src/tool.asthra\""),
        ], isArrayOfTables: true),
        ManifestTable(["lib"], summary: "The package's library.", keys: [
            ManifestKey(name: "name", kind: .string, summary: "The library's name.", example: "\"mylib\""),
            ManifestKey(name: "path", kind: .string, summary: "The module a bare import of the package names, relative to the package root.", example: "\"src/lib.asthra\""),
        ]),
    ])
}
