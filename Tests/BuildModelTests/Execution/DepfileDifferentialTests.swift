import Foundation
import Testing
import TestSupport
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

/// `Depfile.rule` against the real Ninja: the dependency file a build script's edge gives Ninja
/// (`ampu debug ninja-depfile`) must be read by Ninja as exactly the names written.
@Suite("Dependency files written for the real Ninja")
struct DepfileNinjaTests {
    /// Names Ninja's own reader takes back (not a tab, which it keeps with its backslash, nor
    /// a name that ends in a backslash).
    static let names = ["plain.h", "a b.h", "two  spaces.h", "c#d.h", "e$f.h", "g\\h.h", "k\\ l.h", "m\\\\ n.h", "u\\#v.h", "i:j.h", "o%p.h", "end\\\\.h"]

    @Test("Ninja records each name of a rule written for it, as it was written")
    func ninjaReadsTheRule() throws {
        guard let ninja = ["/usr/bin/ninja", "/usr/local/bin/ninja"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            Issue.record("ninja is not installed: scripts/install-deps installs it (ninja-build)")
            return
        }
        let scratch = try ScratchDirectory()
        let headers = Paths.join(scratch.path, "my headers")
        try FileManager.default.createDirectory(atPath: headers, withIntermediateDirectories: true)
        let paths = Self.names.map { Paths.join(headers, $0) }
        for path in paths { try Data("x\n".utf8).write(to: URL(fileURLWithPath: path)) }
        try Data(Depfile.rule(target: "out", prerequisites: paths).utf8).write(to: URL(fileURLWithPath: Paths.join(scratch.path, "rule.d")))
        try Data("rule copy\n  command = cp rule.d out.d && touch out\n  depfile = out.d\n  deps = gcc\nbuild out: copy\n".utf8)
            .write(to: URL(fileURLWithPath: Paths.join(scratch.path, "build.ninja")))
        let built = try ProcessRunner.run([ninja], directory: scratch.path, environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
        #expect(built.succeeded, "ninja failed: \(built.stdoutText)")
        let deps = try ProcessRunner.run([ninja, "-t", "deps", "out"], directory: scratch.path, environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
        let said = deps.stdoutText
        let lines: [String] = said.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("out: #deps \(paths.count), deps mtime ") == true, "ninja -t deps said:\n\(said)")
        // Each name on a line of its own, indented by four spaces.
        let recorded: [String] = lines.dropFirst().map { String($0.dropFirst(4)) }
        #expect(recorded == paths, "ninja -t deps said:\n\(said)")
    }
}
