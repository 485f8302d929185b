import Foundation
import Testing
@testable import BuildModel

@Suite("Asthra access rules")
struct AsthraAccessPolicyTests {
    /// Every cell of the table in the README: importer kind × import category.
    static let table: [(PackageKind, ImportCategory, String?)] = [
        (.user, .stdlib, nil), (.user, .internal, "I006"), (.user, .system, nil), (.user, .thirdParty, nil), (.user, .local, nil),
        (.thirdParty, .stdlib, nil), (.thirdParty, .internal, "I006"), (.thirdParty, .system, nil), (.thirdParty, .thirdParty, nil), (.thirdParty, .local, nil),
        (.stdlib, .stdlib, nil), (.stdlib, .internal, nil), (.stdlib, .system, nil), (.stdlib, .thirdParty, "I007"), (.stdlib, .local, nil),
        (.internal, .stdlib, nil), (.internal, .internal, nil), (.internal, .system, nil), (.internal, .thirdParty, "I007"), (.internal, .local, nil),
        // What the compiler has built in, anyone may import.
        (.user, .builtin, nil), (.thirdParty, .builtin, nil), (.stdlib, .builtin, nil), (.internal, .builtin, nil),
    ]

    @Test("every cell of the table", arguments: table)
    func cell(_ importer: PackageKind, _ category: ImportCategory, _ code: String?) {
        #expect(AsthraAccessPolicy.violation(from: importer, to: category)?.rawValue == code)
    }

    @Test("the table covers every combination")
    func complete() {
        #expect(Self.table.count == PackageKind.asthra.count * ImportCategory.asthra.count)
        #expect(Set(Self.table.map { "\($0.0) → \($0.1)" }).count == Self.table.count)
    }

    @Test("import forms classify by prefix", arguments: [
        ("stdlib/string", ImportCategory.stdlib, "string"), ("std/io/file", .stdlib, "io/file"),
        ("internal/runtime/memory", .internal, "runtime/memory"), ("system/libc", .system, "libc"),
        ("github.com/user/pkg/sub", .thirdParty, "github.com/user/pkg/sub"), ("./utils", .local, "./utils"),
        ("../common/x", .local, "../common/x"),
    ])
    func classify(_ path: String, _ category: ImportCategory, _ rest: String) {
        let result = AsthraImportPath.classify(path)
        #expect(result?.category == category)
        #expect(result?.rest == rest)
    }

    @Test("unrecognised forms", arguments: ["string", "stdlb/io", "github/user/pkg", "utils/x", "a.b/c", ".hidden/x", "stdlib"])
    func unknown(_ path: String) {
        #expect(AsthraImportPath.classify(path) == nil)
    }
}

@Suite("README")
struct ReadmeTests {
    @Test("every diagnostic code is documented with its summary")
    func codes() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let codes = EcosystemRegistry.standard.diagnosticCodes
        #expect(Set(codes.map(\.rawValue)).count == codes.count, "two codes share a number")
        for code in codes {
            #expect(text.contains("| \(code.rawValue) | \(code.summary) |"), "\(code.rawValue) is not documented")
        }
    }
}
