/// Every section and key a build.abc may have, as real projects and the seed write them.
enum AriaManifestSchema {
    static let topLevelKeys = ["project", "package", "compiler", "variables", "target", "targets", "build", "dependencies"]
    static let projectKeys = ["name", "version", "description", "author", "authors", "license", "compiler", "type", "gitignore"]

    static let targetSchemaKeys = [
        ManifestKey(name: "type", kind: .string, summary: "What the target builds: `binary` (a program `ampu run` runs with lli), `library`, `test` (a program `ampu test` runs), `custom` (only its commands), `c_library` (C compiled with `cc` into `lib NAME.a`). `executable`, `lib` and `shared_library` are read as binary and library.",
                    allowedValues: ["binary", "library", "test", "custom", "c_library"], example: "\"binary\""),
        ManifestKey(name: "sources", kind: .stringArray, summary: "The target's source files, relative to the project root; globs `*`, `**`, `?` and `[...]` allowed. `src` is the same.", example: "[\"src/**/*.aria\"]"),
        ManifestKey(name: "deps", kind: .stringArray, summary: "Targets of this file built first. Their output directories are passed as `-I`. `depends_on` is the same.", example: "[]"),
        ManifestKey(name: "depends_on", kind: .stringArray, summary: "The seed's name for `deps`.", example: "[]"),
        ManifestKey(name: "flags", kind: .stringArray, summary: "Arguments added to the compiler's command line, one per element (`\"-I\", \"src\"`).", example: "[\"-O2\"]"),
        ManifestKey(name: "output", kind: .string, summary: "The file the target writes. A path with a directory is relative to the project root; a bare name goes in `.aria_make/build/`. Default: `.aria_make/build/NAME.ll` (a c_library: `libNAME.a`).", example: "\"build/app.ll\""),
        ManifestKey(name: "name", kind: .string, summary: "The target's name, in the seed's `targets: [ … ]` form; a `[target.NAME]` section is named by its header.", example: "\"app\""),
        ManifestKey(name: "env", kind: .table, summary: "Environment variables set for the target's compile and commands."),
        ManifestKey(name: "pre_build", kind: .stringArray, summary: "Commands run before the target is compiled, each split into words without a shell (`sh -c \"…\"` for one).", example: "[]"),
        ManifestKey(name: "post_build", kind: .stringArray, summary: "Commands run after the target is compiled, as `pre_build`.", example: "[]"),
        ManifestKey(name: "command", kind: .string, summary: "A custom target's command, split into words without a shell.", example: "\"\""),
        ManifestKey(name: "link_libraries", kind: .stringArray, summary: "Libraries linked, passed as `-lNAME`.", example: "[\"m\"]"),
        ManifestKey(name: "link_paths", kind: .stringArray, summary: "Directories libraries are looked for in, passed as `-L DIR`.", example: "[\".aria_make/build\"]"),
        ManifestKey(name: "include_dirs", kind: .stringArray, summary: "Directories `use` looks in, passed as `-I DIR`.", example: "[\"src\"]"),
        ManifestKey(name: "libs", kind: .stringArray, summary: "Objects and archives passed to the compiler as they are.", example: "[]"),
        ManifestKey(name: "compiler", kind: .string, summary: "A c_library's C compiler (`gcc`, `clang`); default `$CC`, else `cc`.", example: "\"cc\""),
        ManifestKey(name: "src", kind: .stringArray, summary: "The same as `sources`.", example: "[\"src/main.aria\"]"),
        ManifestKey(name: "variables", kind: .table, summary: "Variables only this target's strings see, before the file's `variables`."),
    ]

    static let targetKeys = targetSchemaKeys.map(\.name)

    static let schema = ManifestSchema(tables: [
        ManifestTable([], summary: "The top level of build.abc.", keys: [
            ManifestKey(name: "project", kind: .table, summary: "Who the project is: its name and version."),
            ManifestKey(name: "compiler", kind: .table, summary: "Where ariac is (`path`)."),
            ManifestKey(name: "variables", kind: .table, summary: "Names `&{name}` expands to in any string of the file."),
            ManifestKey(name: "target", kind: .table, summary: "The targets, one `[target.NAME]` section each."),
        ]),
        ManifestTable(["project"], summary: "Who the project is.", keys: [
            ManifestKey(name: "name", kind: .string, summary: "The project's name.", example: "\"my-project\""),
            ManifestKey(name: "version", kind: .string, summary: "The project's version, MAJOR.MINOR.PATCH.", example: "\"0.1.0\""),
            ManifestKey(name: "author", kind: .string, summary: "Who wrote it.", example: "\"\""),
            ManifestKey(name: "description", kind: .string, summary: "One line saying what it does.", example: "\"\""),
            ManifestKey(name: "compiler", kind: .string, summary: "The Aria compiler. Default: `$ARIAC`, else `ariac` on PATH. A path that does not exist is a warning and the default is used.", example: "\"ariac\""),
            ManifestKey(name: "gitignore", kind: .boolean, summary: "Whether source patterns leave out what the project's `.gitignore` ignores. Default: false.", allowedValues: ["true", "false"], example: "true"),
        ]),
        ManifestTable(["compiler"], summary: "The Aria compiler.", keys: [
            ManifestKey(name: "path", kind: .string, summary: "The Aria compiler's path. Default: `$ARIAC`, else `ariac` on PATH.", example: "\"ariac\""),
        ]),
        ManifestTable(["variables"], summary: "Names `&{name}` expands to.", hasFreeKeys: true),
        ManifestTable(["target"], summary: "The targets.", hasFreeKeys: true),
        ManifestTable(["target", "*"], summary: "One target: what it builds, from which sources, after which targets.", keys: targetSchemaKeys),
    ])
}
