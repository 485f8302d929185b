/// The fields of elm.json, as Elm 0.19.1 reads them: an application's (`source-directories`,
/// exact versions under `"direct"` and `"indirect"`) and a package's (`name`, `exposed-modules`,
/// constraints straight under `"dependencies"`). Which one applies is `"type"`'s.
enum ElmManifestSchema {
    /// Whether the manifest says `"type": "package"` (read even when other fields are wrong).
    static func isPackage(_ manifest: PackageManifest) -> Bool {
        JSONDocument(parsing: manifest.source).root?.member("type")?.value.string == "package"
    }

    static let type = ManifestKey(name: "type", kind: .string, summary: "What the project is: an `application` (a program, exact versions) or a `package` (a library, version constraints).",
                                  allowedValues: ["application", "package"], example: "\"application\"")

    static let application = ManifestSchema(tables: [
        ManifestTable([], summary: "The top level of an application's elm.json.", keys: [
            type,
            ManifestKey(name: "source-directories", kind: .stringArray, summary: "The directories of the application's modules, relative to elm.json: `Page/Home.elm` under one of them is `module Page.Home`.",
                        example: "[\"src\"]", namesDirectories: true),
            ManifestKey(name: "elm-version", kind: .string, summary: "The Elm release the application is written for, exactly.", example: "\"0.19.1\""),
            ManifestKey(name: "dependencies", kind: .table, summary: "The packages the modules use: `\"direct\"` ones they import, `\"indirect\"` ones those need."),
            ManifestKey(name: "test-dependencies", kind: .table, summary: "The packages only the tests use."),
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

    static let package = ManifestSchema(tables: [
        ManifestTable([], summary: "The top level of a package's elm.json.", keys: [
            type,
            ManifestKey(name: "name", kind: .string, summary: "The package's name, `author/project`: lower-case letters, digits and `-`.", example: "\"author/project\""),
            ManifestKey(name: "summary", kind: .string, summary: "One line saying what the package does, under 80 characters.", example: "\"\""),
            ManifestKey(name: "license", kind: .string, summary: "The package's SPDX licence.", example: "\"BSD-3-Clause\""),
            ManifestKey(name: "version", kind: .string, summary: "The package's version, MAJOR.MINOR.PATCH.", example: "\"1.0.0\""),
            ManifestKey(name: "exposed-modules", kind: .stringArray, summary: "The modules users of the package may import: a list, or lists under headings.", example: "[]"),
            ManifestKey(name: "elm-version", kind: .string, summary: "The Elm releases the package works with, as a constraint.", example: "\"0.19.0 <= v < 0.20.0\""),
            ManifestKey(name: "dependencies", kind: .table, summary: "The packages the modules import, each with a constraint such as `1.0.0 <= v < 2.0.0`."),
            ManifestKey(name: "test-dependencies", kind: .table, summary: "The packages only the tests import."),
        ]),
        ManifestTable(["dependencies"], summary: "The packages the modules import.", role: .dependencies(.normal)),
        ManifestTable(["test-dependencies"], summary: "The packages only the tests import.", role: .dependencies(.dev)),
    ])
}
