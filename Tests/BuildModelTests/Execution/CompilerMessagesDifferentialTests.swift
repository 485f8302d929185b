import Foundation
import Testing
import TestSupport
@testable import BuildModel

/// `CompilerMessages` against what the real compilers print: C sources whose lines put an
/// undeclared name after random tabs, spaces and comments in wide, combining and emoji
/// characters. gcc counts the header's column in display columns (a tab to the next eighth, a
/// wide character as two), clang in bytes; each diagnostic read back must mark exactly the
/// planted name's bytes. rustc's form (the Rask compiler's) likewise: its column counts
/// characters, its carets display columns.
@Suite("Compiler messages against the real gcc, clang and rustc")
struct CompilerMessagesDifferentialTests {
    static let fillers = ["\t", " ", "  ", "/* é */", "/* 名前 */", "/* 😀 */", "/* e\u{301} */", "/* Ａ */", "/* · */", "/* 한 */", "/*\t*/", "/* ✅ */"]

    /// Functions each with one undeclared name, and the byte range each name was planted at.
    static func source(seed: UInt64, functions: Int) -> (text: String, planted: [String: Range<Int>]) {
        var random = SeededRandom(state: seed)
        var text = ""
        var planted: [String: Range<Int>] = [:]
        for f in 0..<functions {
            let before = (0..<random.next(4)).map { _ in fillers[random.next(fillers.count)] }.joined()
            let between = (0..<random.next(4)).map { _ in fillers[random.next(fillers.count)] }.joined()
            let name = "missing_\(f)"
            text += "int f\(f)(void) {\n\(before)int v =\(between) "
            planted[name] = text.utf8.count..<(text.utf8.count + name.utf8.count)
            text += "\(name);\n\(before)return v;\n}\n"
        }
        return (text, planted)
    }

    /// Rust functions each with a name that is not there or a string where a number belongs,
    /// and the byte range of each: what rustc's carets must mark.
    static func rustSource(seed: UInt64, functions: Int) -> (text: String, planted: [String: Range<Int>]) {
        var random = SeededRandom(state: seed)
        var text = ""
        var planted: [String: Range<Int>] = [:]
        let inString = ["名前", "é", "e\u{301}", "😀", "\t", " ", "x", "Ａ"]
        for f in 0..<functions {
            let before = (0..<random.next(4)).map { _ in fillers[random.next(fillers.count)] }.joined()
            let between = (0..<random.next(4)).map { _ in fillers[random.next(fillers.count)] }.joined()
            let key = "f\(f)"
            if random.chance(2) {
                text += "fn \(key)() {\n\(before)let _v =\(between) "
                let name = "missing_\(f)"
                planted[key] = text.utf8.count..<(text.utf8.count + name.utf8.count)
                text += "\(name);\n}\n"
            } else {
                text += "fn \(key)() {\n\(before)let _v: i32 =\(between) "
                let literal = "\"" + (0..<random.next(5)).map { _ in inString[random.next(inString.count)] }.joined() + "\""
                planted[key] = text.utf8.count..<(text.utf8.count + literal.utf8.count)
                text += "\(literal);\n}\n"
            }
        }
        return (text, planted)
    }

    static func compilers() -> [(name: String, path: String)] {
        var found: [(String, String)] = []
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/gcc") { found.append(("gcc", "/usr/bin/gcc")) }
        // clang comes with the Swift toolchain that builds these tests.
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        if let clang = path.split(separator: ":").map({ $0 + "/clang" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            found.append(("clang", clang))
        }
        return found
    }

    @Test("each name a compiler says is undeclared is marked exactly, whatever stands before it on its line")
    func agree() throws {
        let compilers = Self.compilers()
        #expect(compilers.map(\.name) == ["gcc", "clang"], "gcc comes from scripts/install-deps and clang with Swift")
        let scratch = try ScratchDirectory()
        let root = scratch.path
        for seed in UInt64(1)...4 {
            let (text, planted) = Self.source(seed: seed, functions: 40)
            try Data(text.utf8).write(to: URL(fileURLWithPath: Paths.join(root, "main.c")))
            // Now and then in colour, as a user who builds with Ninja has it (the flag gcc and clang both take).
            for (name, compiler) in compilers {
                let colour = seed % 2 == 0 ? ["-fdiagnostics-color=always"] : []
                let result = try ProcessRunner.run([compiler, "-fsyntax-only"] + colour + (name == "clang" ? ["-ferror-limit=0"] : []) + ["main.c"],
                                                   directory: root, environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"], timeout: 60)
                let output = String(decoding: result.stderr, as: UTF8.self)
                let parsed = CompilerMessages.parse(output, directory: root, fileSystem: LocalFileSystem())
                var marked: [String: Range<Int>] = [:]
                var context: [String: [String]] = [:]
                for d in parsed.diagnostics where d.severity == .error {
                    guard let name = planted.keys.first(where: { d.message.contains("'\($0)'") || d.message.contains("‘\($0)’") }) else { continue }
                    marked[name] = d.range.lowerBound..<d.range.upperBound
                    context[name] = d.notes
                }
                #expect(marked == planted, "\(name), seed \(seed): the source was\n\(text)\nand \(name) said\n\(output)")
                // gcc says which function each is in; clang does not.
                #expect(context == planted.mapValues { _ in [] }.merging(name == "gcc" ? Dictionary(uniqueKeysWithValues: planted.keys.map {
                    ($0, ["in function ‘f\($0.dropFirst(8))’"])
                }) : [:]) { $1 }, "\(name), seed \(seed)")
            }
        }
    }

    @Test("each error rustc finds is marked exactly (its column counts characters, its carets display columns), whatever stands before it")
    func rustc() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/rustc") else {
            print("skipped: rustc is not installed (scripts/install-deps installs cargo, and rustc with it)")
            return
        }
        let scratch = try ScratchDirectory()
        let root = scratch.path
        for seed in UInt64(1)...3 {
            let (text, planted) = Self.rustSource(seed: seed, functions: 30)
            try Data(text.utf8).write(to: URL(fileURLWithPath: Paths.join(root, "lib.rs")))
            let result = try ProcessRunner.run(["/usr/bin/rustc", "--edition", "2021", "--crate-type", "lib", "--emit", "metadata", "-o", "lib.rmeta", "lib.rs"],
                                               directory: root, environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"], timeout: 120)
            let output = String(decoding: result.stderr, as: UTF8.self)
            let parsed = CompilerMessages.parse(output, directory: root, fileSystem: LocalFileSystem())
            let source = try LocalFileSystem().readText(Paths.join(root, "lib.rs"))
            var marked: [String: Range<Int>] = [:]
            for d in parsed.diagnostics where d.severity == .error {
                // The function it is in names it.
                let row = source.lines.line(containing: d.range.lowerBound)
                let header = source.text(SourceRange(source.lines.contentRange(ofLine: row - 1).lowerBound, source.lines.contentRange(ofLine: row - 1).upperBound))
                guard header.hasPrefix("fn "), let paren = header.firstIndex(of: "(") else { continue }
                marked[String(header[header.index(header.startIndex, offsetBy: 3)..<paren])] = d.range.lowerBound..<d.range.upperBound
            }
            #expect(marked == planted, "seed \(seed): the source was\n\(text)\nand rustc said\n\(output)")
        }
    }

    @Test("GNU ld's and lld's undefined references and multiple definitions in a program built with -g: an error at each name, in its function, the earlier definition beside it",
          arguments: ["ld", "lld"])
    func linker(_ linker: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/gcc") else {
            Issue.record("gcc is not installed: scripts/install-deps installs it")
            return
        }
        // lld comes with the Swift toolchain's clang, which links with it when asked.
        let command = linker == "ld" ? ["/usr/bin/gcc"] : [try #require(Self.compilers().first { $0.name == "clang" }?.path), "-fuse-ld=lld"]
        let scratch = try ScratchDirectory()
        let root = scratch.path
        var random = SeededRandom(state: 5)
        var main = "int twice(void);\n"
        var expected: [String] = []
        for f in 0..<6 {
            main += "int gone_\(f)(int);\nint caller_\(f)(void) {\n"
            for _ in 0..<random.next(3) { main += "\(Self.fillers[random.next(2)])int unused_\(main.utf8.count) = 0;\n" }
            let row = main.split(separator: "\n", omittingEmptySubsequences: false).count
            main += "\(Self.fillers[random.next(Self.fillers.count)])return gone_\(f)(1);\n}\n"
            expected.append(linker == "ld" ? "main.c:\(row) undefined reference to `gone_\(f)' marks 'gone_\(f)' [in function `caller_\(f)'] []"
                                           : "main.c:\(row) undefined symbol: gone_\(f) marks 'gone_\(f)' [in function `caller_\(f)'] []")
        }
        main += "int twice(void) { return 2; }\nint main(void) { return twice() + caller_0(); }\n"
        let twiceRow = main.split(separator: "\n").count - 1
        expected.append(linker == "ld" ? "main.c:\(twiceRow) multiple definition of `twice' marks 'twice' [in function `twice'] [other.c:3 first defined here]"
                                       : "main.c:\(twiceRow) duplicate symbol: twice marks 'twice' [] [other.c:3 first defined here]")
        try Data(main.utf8).write(to: URL(fileURLWithPath: Paths.join(root, "main.c")))
        try Data("int unused;\n\n   int twice(void) { return 1; }\n".utf8).write(to: URL(fileURLWithPath: Paths.join(root, "other.c")))
        // lld stops at a duplicate symbol before it says what is undefined: it links main.c once more alone.
        var read: [String] = [], output = ""
        for inputs in linker == "ld" ? [["other.c", "main.c"]] : [["other.c", "main.c"], ["main.c"]] {
            let result = try ProcessRunner.run(command + ["-g"] + inputs + ["-o", "program"], directory: root,
                                               environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"], timeout: 120)
            output += String(decoding: result.stderr, as: UTF8.self)
            let parsed = CompilerMessages.parse(String(decoding: result.stderr, as: UTF8.self), directory: root, fileSystem: LocalFileSystem())
            func at(_ file: String?, _ range: SourceRange) -> String {
                guard let file, let source = parsed.sources[file] else { return "?" }
                return "\(Paths.relative(file, from: root)):\(source.lines.line(containing: range.lowerBound) + 1)"
            }
            read += parsed.diagnostics.map { d in
                "\(at(d.file, d.range)) \(d.message) marks '\(d.file.flatMap { parsed.sources[$0] }.map { $0.text(d.range) } ?? "")' [\(d.notes.joined(separator: "; "))] "
                    + "[\(d.related.map { "\(at($0.file, $0.range)) \($0.message)" }.joined(separator: "; "))]"
            }
        }
        #expect(read.sorted() == expected.sorted(), "\(linker) said\n\(output)")
    }
}
