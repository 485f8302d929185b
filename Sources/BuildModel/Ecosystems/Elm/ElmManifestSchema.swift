/// The fields of elm.json, as Elm 0.19.1 reads them: an application's (`source-directories`,
/// exact versions under `"direct"` and `"indirect"`) and a package's (`name`, `exposed-modules`,
/// constraints). The schema has one shape; a package's `dependencies` holds its constraints
/// directly, which the reader knows and completion does not offer.
enum ElmManifestSchema {
    static let schema = ManifestSchema(tables: [
        ManifestTable([], summary: "The top level of elm.json.", keys: [
            ManifestKey(name: "type", kind: .string, summary: "What the project is: an `application` (a program, exact versions) or a `package` (a library, version constraints).",
                        allowedValues: ["application", "package"], example: "\"application\""),
            ManifestKey(name: "source-directories", kind: .stringArray, summary: "An application's directories of modules, relative to elm.json: `Page/Home.elm` under one of them is `module Page.Home`.",
                        example: "[\"src\"]"),
            ManifestKey(name: "elm-version", kind: .string, summary: "The Elm release: exact (`0.19.1`) in an application, a constraint (`0.19.0 <= v < 0.20.0`) in a package.",
                        example: "\"0.19.1\""),
            ManifestKey(name: "dependencies", kind: .table, summary: "The packages the modules use: `\"direct\"` ones they import, `\"indirect\"` ones those need."),
            ManifestKey(name: "test-dependencies", kind: .table, summary: "The packages only the tests use."),
            ManifestKey(name: "name", kind: .string, summary: "A package's name, `author/project`: lower-case letters, digits and `-`.", example: "\"author/project\""),
            ManifestKey(name: "summary", kind: .string, summary: "A package's one-line description, under 80 characters.", example: "\"\""),
            ManifestKey(name: "license", kind: .string, summary: "A package's SPDX licence.", example: "\"BSD-3-Clause\""),
            ManifestKey(name: "version", kind: .string, summary: "A package's version, MAJOR.MINOR.PATCH.", example: "\"1.0.0\""),
            ManifestKey(name: "exposed-modules", kind: .stringArray, summary: "The modules of a package its users may import: a list, or lists under headings.",
                        example: "[]"),
        ]),
        ManifestTable(["dependencies"], summary: "The packages the modules use.", keys: [
            ManifestKey(name: "direct", kind: .table, summary: "The packages the application's modules import, at exact versions."),
            ManifestKey(name: "indirect", kind: .table, summary: "The packages the direct ones need, at the exact versions the build uses."),
        ]),
        ManifestTable(["dependencies", "direct"], summary: "The packages the application's modules import.", role: .dependencies(.normal)),
        ManifestTable(["dependencies", "indirect"], summary: "The packages the direct dependencies need.", role: .dependencies(.indirect)),
        ManifestTable(["test-dependencies"], summary: "The packages only the tests use.", keys: [
            ManifestKey(name: "direct", kind: .table, summary: "The packages the tests import."),
            ManifestKey(name: "indirect", kind: .table, summary: "The packages those need."),
        ]),
        ManifestTable(["test-dependencies", "direct"], summary: "The packages the tests import.", role: .dependencies(.dev)),
        ManifestTable(["test-dependencies", "indirect"], summary: "The packages the tests' dependencies need.", role: .dependencies(.indirectDev)),
    ])
}
