import Foundation
import Testing
import TestSupport
import BuildModel

@Suite("--target-dir and AMPU_TARGET_DIR", .serialized)
struct TargetDirectoryTests {
    @Test("the build's output and records go to the directory asked for (from the current one), target/ is left alone; the same directory by AMPU_TARGET_DIR has nothing to do; clean takes it too")
    func elsewhere() throws {
        let ws = try BuildFixture("seed")
        // From a member's directory: the path is the current directory's, as Cargo takes it.
        let first = try ws.ampu(["build", "-j1", "--target-dir", "../out"], in: "app")
        #expect(first.status == 0)
        // What a build into target/ says and runs, with out/ for target/.
        let plain = try BuildFixture("seed")
        let usual = try plain.ampu(["build", "-j1"], in: "app")
        #expect(usual.status == 0 && timeless(first.stderr) == timeless(usual.stderr))
        #expect(ws.compilerRuns == plain.compilerRuns.map { $0.replacingOccurrences(of: "target/", with: "out/") })
        #expect(ws.compilerRuns.count == 3)
        #expect(ws.exists("out/debug/app") && ws.exists("out/cache"))
        #expect(!ws.exists("target"))
        // compile_commands.json names the outputs where they are.
        #expect(try ws.read("compile_commands.json").contains("\"output\": \"\(ws.root)/out/debug/deps/libutil.a\""))

        let again = try ws.ampu(["build"], extra: ["AMPU_TARGET_DIR": ws.root + "/out"])
        #expect(timeless(again.stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        #expect(ws.compilerRuns.count == 3)
        let run = try ws.ampu(["run", "-q", "--target-dir", "out"])
        #expect(run.stdout == "hello from app\n")
        #expect(run.stderr == "")
        // The flag wins over the variable, as Cargo's over CARGO_TARGET_DIR.
        let flag = try ws.ampu(["build", "--target-dir", "out"], extra: ["AMPU_TARGET_DIR": ws.root + "/elsewhere"])
        #expect(timeless(flag.stderr) == "    Finished `debug` profile [unoptimized + debuginfo] in [time]\n")
        #expect(!ws.exists("elsewhere"))

        // Without either, target/ as before: a build of its own.
        #expect(try ws.ampu(["build", "-q"]).status == 0)
        #expect(ws.compilerRuns.count == 6)
        #expect(ws.exists("target/debug/app"))

        let clean = try ws.ampu(["clean", "--target-dir", "out"])
        #expect(clean.stderr.hasPrefix("     Removed ") && clean.stderr.hasSuffix(" total (out)\n"), "\(clean.stderr)")
        #expect(!ws.exists("out") && ws.exists("target/debug/app"))
        let cleanTarget = try ws.ampu(["clean", "--cache"], extra: ["AMPU_TARGET_DIR": "target"])
        #expect(cleanTarget.stderr.hasSuffix(" total (target/cache)\n"), "\(cleanTarget.stderr)")

        let empty = try ws.ampu(["build", "--target-dir", ""])
        #expect(empty.status == 64)
        #expect(empty.stderr.hasPrefix("error: --target-dir needs a directory\n"))
    }

    @Test("clean refuses a target directory that holds the workspace or the home directory, or is a file: a slip in the path must not take sources with it")
    func cleanRefuses() throws {
        let ws = try BuildFixture("seed")
        let help = "  = help: point --target-dir, AMPU_TARGET_DIR or the manifest's output directory at a directory of build output\n"
        let dot = try ws.ampu(["clean", "--target-dir", "."])
        #expect(dot.stderr == "error: refusing to remove '\(ws.root)': it holds the workspace itself ('\(ws.root)'), whose sources would go with it\n" + help)
        #expect(dot.status == 1)
        let parent = try ws.ampu(["clean", "--cache"], in: "app", extra: ["AMPU_TARGET_DIR": ".."])
        #expect(parent.stderr == "error: refusing to remove '\(ws.root)': it holds the workspace itself ('\(ws.root)'), whose sources would go with it\n" + help)
        let member = try ws.ampu(["clean", "--target-dir", "util"])
        #expect(member.stderr == "error: refusing to remove '\(ws.root)/util': it holds the package in '\(ws.root)/util', whose sources would go with it\n" + help)
        try ws.write("notes.txt", "keep me\n")
        let file = try ws.ampu(["clean", "--target-dir", "notes.txt"])
        #expect(file.stderr == "error: refusing to remove '\(ws.root)/notes.txt': it is not a directory, and a target directory is one\n" + help)
        #expect(try ws.read("notes.txt") == "keep me\n")
        let home = try ws.ampu(["clean", "--target-dir", ws.scratch.path], extra: ["HOME": ws.scratch.path + "/home"])
        #expect(home.stderr.hasPrefix("error: refusing to remove '\(ws.scratch.path)': it holds the workspace itself"))
        let outside = ws.scratch.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: outside + "/home/user", withIntermediateDirectories: true)
        let holdsHome = try ws.ampu(["clean", "--target-dir", outside], extra: ["HOME": outside + "/home/user"])
        #expect(holdsHome.stderr == "error: refusing to remove '\(outside)': it holds the home directory ('\(outside)/home/user')\n" + help)
        #expect(FileManager.default.fileExists(atPath: outside + "/home/user"))
        // A link to a directory is a target directory: clean removes the link alone.
        try FileManager.default.createDirectory(atPath: outside + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: ws.root + "/target", withDestinationPath: outside + "/real")
        #expect(try ws.ampu(["build", "-q"]).status == 0)
        #expect(try ws.ampu(["clean"]).status == 0)
        #expect(!ws.exists("target") && FileManager.default.fileExists(atPath: outside + "/real/debug/app"))
    }
}
