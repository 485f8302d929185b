/// The fields of an elm.json that elm checks before it builds, as elm 0.19.1 checks them: a
/// package's summary shorter than 80 bytes, its license one of the OSI-approved SPDX identifiers
/// elm knows, its `elm-version` allowing 0.19.1, every exposed module a module name; an
/// application's `elm-version` 0.19.1 and at least one source directory.
enum ElmPackageFields {
    /// The compiler these manifests are for.
    static let compiler = Version(0, 19, 1)

    /// The licenses elm 0.19.1 accepts (its list of OSI-approved SPDX identifiers).
    static let licenses: Set<String> = [
        "0BSD", "AAL", "AFL-1.1", "AFL-1.2", "AFL-2.0", "AFL-2.1", "AFL-3.0", "AGPL-3.0", "APL-1.0", "APSL-1.0", "APSL-1.1", "APSL-1.2",
        "APSL-2.0", "Apache-1.1", "Apache-2.0", "Artistic-1.0", "Artistic-1.0-Perl", "Artistic-1.0-cl8", "Artistic-2.0", "BSD-2-Clause",
        "BSD-3-Clause", "BSL-1.0", "CATOSL-1.1", "CDDL-1.0", "CECILL-2.1", "CNRI-Python", "CPAL-1.0", "CPL-1.0", "CUA-OPL-1.0", "ECL-1.0",
        "ECL-2.0", "EFL-1.0", "EFL-2.0", "EPL-1.0", "EUDatagrid", "EUPL-1.1", "Entessa", "Fair", "Frameworx-1.0", "GPL-2.0", "GPL-3.0",
        "HPND", "IPA", "IPL-1.0", "ISC", "Intel", "LGPL-2.0", "LGPL-2.1", "LGPL-3.0", "LPL-1.0", "LPL-1.02", "LPPL-1.3c", "LiLiQ-P-1.1",
        "LiLiQ-R-1.1", "LiLiQ-Rplus-1.1", "MIT", "MPL-1.0", "MPL-1.1", "MPL-2.0", "MPL-2.0-no-copyleft-exception", "MS-PL", "MS-RL",
        "MirOS", "Motosoto", "Multics", "NASA-1.3", "NCSA", "NGPL", "NPOSL-3.0", "NTP", "Naumen", "Nokia", "OCLC-2.0", "OFL-1.1", "OGTSL",
        "OSET-PL-2.1", "OSL-1.0", "OSL-2.0", "OSL-2.1", "OSL-3.0", "PHP-3.0", "PostgreSQL", "Python-2.0", "QPL-1.0", "RPL-1.1", "RPL-1.5",
        "RPSL-1.0", "RSCPL", "SISSL", "SPL-1.0", "SimPL-2.0", "Sleepycat", "UPL-1.0", "VSL-1.0", "W3C", "Watcom-1.0", "Xnet", "ZPL-2.0", "Zlib",
    ]

    static func check(summary: Located<String>?, license: Located<String>?, elmVersion: Located<VersionRequirement>?, exposed: [Located<String>]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let summary, summary.value.utf8.count >= 80 {
            out.append(.error("the summary is \(summary.value.utf8.count) bytes long; elm takes fewer than 80", .elmPackageField, at: summary.range,
                              label: "too long", help: ["shorten it: the package site shows it in one line"]))
        }
        if let license, !licenses.contains(license.value) {
            let meant = licenses.first { $0.lowercased() == license.value.lowercased() } ?? Spelling.closest(to: license.value, in: licenses.sorted())
            out.append(.error("'\(license.value)' is not a license elm knows", .elmPackageField, at: license.range, label: "not an OSI-approved SPDX identifier",
                              notes: ["elm takes the SPDX identifier of an OSI-approved license; Elm packages mostly use \"BSD-3-Clause\" or \"MIT\""],
                              help: meant.map { ["did you mean '\($0)'?"] } ?? ["write the license's SPDX identifier, such as \"BSD-3-Clause\""],
                              fix: meant.map { Diagnostic.Fix(title: "Use '\($0)'", edits: [TextEdit(range: license.range, newText: JSONText.quoted($0))]) }))
        }
        if let elmVersion, !elmVersion.value.matches(compiler) {
            out.append(.error("\"elm-version\" does not allow \(compiler), the Elm this package is built with", .elmPackageField, at: elmVersion.range,
                              label: "without \(compiler)", help: ["write \"0.19.0 <= v < 0.20.0\""],
                              fix: Diagnostic.Fix(title: "Write \"0.19.0 <= v < 0.20.0\"", edits: [TextEdit(range: elmVersion.range, newText: "\"0.19.0 <= v < 0.20.0\"")])))
        }
        for module in exposed where !isModuleName(module.value) {
            out.append(.error("'\(module.value)' is not a module name", .elmPackageField, at: module.range, label: "not Name.Name",
                           help: ["a module name is capitalised names joined by dots, such as \"Json.Decode\""]))
        }
        return out
    }

    /// An application's `elm-version` that is not the compiler's.
    static func otherCompiler(_ version: Located<Version>) -> Diagnostic {
        .error("\"elm-version\" is \(version.value); elm \(compiler) builds only applications that say \(compiler)", .elmPackageField, at: version.range,
               label: "not \(compiler)", help: ["write \"\(compiler)\""],
               fix: Diagnostic.Fix(title: "Write \"\(compiler)\"", edits: [TextEdit(range: version.range, newText: "\"\(compiler)\"")]))
    }

    /// An application's `"source-directories": []`: elm finds no module to build.
    static func noSourceDirectories(at range: SourceRange) -> Diagnostic {
        .error("an application needs at least one source directory", .elmPackageField, at: range, label: "empty",
               help: ["list the directory of its modules, such as \"src\""],
               fix: Diagnostic.Fix(title: "Write [\"src\"]", edits: [TextEdit(range: range, newText: "[\"src\"]")]))
    }

    /// `Json.Decode`: names that start with a capital letter, of letters, digits and `_`, joined by dots.
    static func isModuleName(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            guard let first = part.utf8.first, first >= 0x41 && first <= 0x5A else { return false }
            return part.utf8.allSatisfy { ASCII.isAlphanumeric($0) || $0 == 0x5F }
        }
    }
}
