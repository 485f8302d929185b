import Foundation
import Testing
@testable import BuildModel

/// `Depfile` against the dependency files the real `cc -MD` writes: a source includes headers
/// whose names hold what GNU make's quoting escapes (spaces, `#`, `$`, backslashes before them
/// and elsewhere) and what it leaves alone (`:`, `'`, `%`); the prerequisites read back must
/// be exactly the files that were included. (Not a name that ends in a backslash: cc writes
/// `end\` as `end\ `, which is also how it writes `end ` followed by more of the name.)
@Suite("Dependency files against the real cc")
struct DepfileDifferentialTests {
    static let names = [
        "plain.h", "a b.h", "two  spaces.h", "c#d.h", "e$f.h", "g\\h.h", "q\\\\r.h", "k\\ l.h", "m\\\\ n.h",
        "u\\#v.h", "w\\\\#x.h", "i:j.h", "m'n.h", "o%p.h", "tab\tin.h",
    ]

    @Test("every header cc read is read back from its dependency file, whatever its name")
    func agree() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/cc") else {
            Issue.record("cc is not installed: scripts/install-deps installs it")
            return
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ampu-depfile-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let headers = Paths.join(root, "my headers")
        try FileManager.default.createDirectory(atPath: headers, withIntermediateDirectories: true)
        var source = ""
        for name in Self.names {
            try Data("/* \(name.count) */\n".utf8).write(to: URL(fileURLWithPath: Paths.join(headers, name)))
            // cc takes a quoted include's characters as they are: a backslash is no escape there.
            source += "#include \"my headers/\(name)\"\n"
        }
        source += "int main(void) { return 0; }\n"
        try Data(source.utf8).write(to: URL(fileURLWithPath: Paths.join(root, "main.c")))
        let result = try ProcessRunner.run(["cc", "-MD", "-MF", "main.o.d", "-c", "main.c", "-o", "main.o"], directory: root,
                                           environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
        #expect(result.succeeded, "cc failed: \(String(decoding: result.stderr, as: UTF8.self))")
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: Paths.join(root, "main.o.d"))), as: UTF8.self)
        let read = Depfile.prerequisites(text, directory: root).filter { $0.hasPrefix(headers + "/") }
        #expect(read == Self.names.map { Paths.join(headers, $0) }, "the dependency file was:\n\(text)")
    }
}
