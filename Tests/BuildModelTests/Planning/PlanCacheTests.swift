import Synchronization
import Testing
@testable import BuildModel

/// A file system over another that saves new text into one file just after a read of it, as an
/// editor saving while a build loads the workspace would.
private final class SavesAfterRead: FileSystem {
    let base: InMemoryFileSystem
    let path: String
    private let pending: Mutex<[UInt8]?>

    init(_ base: InMemoryFileSystem, saving text: String, into path: String) {
        self.base = base
        self.path = path
        pending = Mutex(Array(text.utf8))
    }

    private func saveIfRead(_ read: String) {
        guard base.absolute(read) == path, let bytes = pending.withLock({ p -> [UInt8]? in defer { p = nil }; return p }) else { return }
        try? base.writeFile(path, bytes)
    }

    var currentDirectory: String { base.currentDirectory }
    func status(_ path: String) -> FileStatus? { base.status(path) }
    func linkStatus(_ path: String) -> FileStatus? { base.linkStatus(path) }
    func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
        defer { saveIfRead(path) }
        return try base.readFile(path)
    }
    func readFileAndStatus(_ path: String) throws(FileSystemError) -> (bytes: [UInt8], status: FileStatus?) {
        defer { saveIfRead(path) }
        return try base.readFileAndStatus(path)
    }
    func writeFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) { try base.writeFile(path, bytes) }
    func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] { try base.contentsOfDirectory(path) }
    func createDirectory(_ path: String) throws(FileSystemError) { try base.createDirectory(path) }
    func removeItem(_ path: String) throws(FileSystemError) { try base.removeItem(path) }
    func realPath(_ path: String) throws(FileSystemError) -> String { try base.realPath(path) }
}

/// A file system that counts the statuses asked of it one path at a time.
private final class CountsStatuses: FileSystem {
    let base: InMemoryFileSystem
    let asked = Mutex<[String]>([])

    init(_ base: InMemoryFileSystem) { self.base = base }

    var currentDirectory: String { base.currentDirectory }
    func status(_ path: String) -> FileStatus? {
        asked.withLock { $0.append(path) }
        return base.status(path)
    }
    func linkStatus(_ path: String) -> FileStatus? { base.linkStatus(path) }
    func readFile(_ path: String) throws(FileSystemError) -> [UInt8] { try base.readFile(path) }
    func readFileAndStatus(_ path: String) throws(FileSystemError) -> (bytes: [UInt8], status: FileStatus?) { try base.readFileAndStatus(path) }
    func writeFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) { try base.writeFile(path, bytes) }
    func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] { try base.contentsOfDirectory(path) }
    func createDirectory(_ path: String) throws(FileSystemError) { try base.createDirectory(path) }
    func removeItem(_ path: String) throws(FileSystemError) { try base.removeItem(path) }
    func realPath(_ path: String) throws(FileSystemError) -> String { try base.realPath(path) }
}

@Suite("The kept plan")
struct PlanCacheTests {
    let environment = ["ASTHRA": "/tools/asthra", "PATH": "/tools"]

    func workspace() -> InMemoryFileSystem {
        InMemoryFileSystem(currentDirectory: "/w", files: [
            "/w/asthra.toml": "[package]\nname = \"w\"\nversion = \"0.1.0\"\n\n[toolchain]\nasthra_home = \"../home\"\npreset = \"seed\"\n",
            "/w/src/lib.asthra": "package w;\nimport \"stdlib/io\";\n",
            "/home/stdlib/io.asthra": "package stdlib::io;\n",
            "/home/stdlib/fs.asthra": "package stdlib::fs;\n",
            "/tools/asthra": "",
        ])
    }

    func prepare(_ fs: any FileSystem) throws -> PreparedBuild {
        let setup = BuildSetup(fileSystem: fs, environment: environment, profile: "debug", tool: "ampu test")
        guard case .ready(let prepared, let report) = setup.prepare(from: "/w", manifestPath: nil) else {
            Issue.record("the build did not get ready")
            throw CancellationError()
        }
        #expect(report.diagnostics.map(\.message) == [])
        return prepared
    }

    @Test("a kept plan's programs and tests are read from its last lines alone, as the whole record gives them (each with its action's id in the record); a damaged line there is no list")
    func productsOfRecord() throws {
        var plan = BuildPlan(root: "/w", profile: .debug, targetDirectory: "/w/target")
        func action(_ kind: BuildAction.Kind, _ description: String, _ output: String, after: [Int] = []) -> Int {
            plan.add(BuildAction(kind: kind, package: "w", description: description, arguments: ["asthra", "-o", output], directory: "/w", inputs: ["/w/src/lib.asthra"],
                                 outputs: [output], dependencies: after))
        }
        let library = action(.compile, "Compiling w", "/w/target/debug/deps/libw.a")
        let program = action(.link, "Linking w (bin \"w\")", "/w/target/debug/w", after: [library])
        let test = action(.link, "Linking w (test \"smoke\")", "/w/target/debug/tests/smoke", after: [library])
        plan.programs = [BuildPlan.Product(name: "w", package: "w", path: "/w/target/debug/w", action: program)]
        plan.tests = [BuildPlan.Product(name: "smoke", package: "w", path: "/w/target/debug/tests/smoke", action: test, runner: ["lli", "--extra-module=/w/x.ll"])]
        plan.usesProfile = false
        let record = Array(try #require(PlanRecord.text(of: plan)).utf8)
        let products = try #require(PlanRecord.products(in: record[...]))
        #expect(products.programs == plan.programs && products.tests == plan.tests)
        let whole = try #require(BuildPlan(record: record))
        #expect(whole.programs == products.programs && whole.tests == products.tests)
        // No product: two empty lists. A product line cut short: none.
        plan.programs = []
        plan.tests = []
        let bare = Array(try #require(PlanRecord.text(of: plan)).utf8)
        let none = try #require(PlanRecord.products(in: bare[...]))
        #expect(none.programs.isEmpty && none.tests.isEmpty)
        let text = String(decoding: record, as: UTF8.self)
        let cut = text.replacing("test\tsmoke\tw\t/w/target/debug/tests/smoke\t2", with: "test\tsmoke\tw")
        #expect(cut != text)
        #expect(PlanRecord.products(in: Array(cut.utf8)[...]) == nil)
    }

    @Test("a module saved after the load read it is taken as changed by the next build: the kept plan has the time the bytes it was made from had")
    func savedDuringLoad() throws {
        let base = workspace()
        let first = try prepare(SavesAfterRead(base, saving: "package w;\nimport \"stdlib/fs\";\n", into: "/w/src/lib.asthra"))
        let (firstKept, firstSaved) = (first.cached, first.planDigest != nil)
        #expect(!firstKept && firstSaved)
        #expect(first.plan.actions.map(\.inputs) == [["/home/stdlib/io.asthra", "/w/src/lib.asthra"]])

        // The next build finds the saved file newer than the plan's: it plans afresh, from the new import.
        let second = try prepare(base)
        let secondKept = second.cached
        #expect(!secondKept)
        #expect(second.plan.actions.map(\.inputs) == [["/home/stdlib/fs.asthra", "/w/src/lib.asthra"]])
        // And the build after that keeps it.
        let thirdKept = try prepare(base).cached
        #expect(thirdKept)
    }

    @Test("a module saved again with the same bytes (a checkout that touched it) is read once: the kept plan's check reads and scans it, and the fingerprints take its digest and status from there")
    func touchedReadOnce() throws {
        let base = workspace()
        let firstKept = try prepare(base).cached
        #expect(!firstKept)
        let bytes = try base.readFile("/w/src/lib.asthra")
        try base.writeFile("/w/src/lib.asthra", bytes)
        let counting = CountsStatuses(base)
        let second = try prepare(counting)
        let secondKept = second.cached
        #expect(secondKept)
        let status = try #require(base.status("/w/src/lib.asthra"))
        #expect(second.stats.knownDigest("/w/src/lib.asthra", status: status) == ContentHash.hex(bytes))
        counting.asked.withLock { $0 = [] }
        #expect(second.stats.status("/w/src/lib.asthra") == status)
        #expect(counting.asked.withLock { $0 } == [])
    }

    @Test("a build of a kept plan that looks at every action's fingerprint (no complete build is recorded) takes no module's status again: the plan's check took each once")
    func statusesTakenOnce() throws {
        let base = workspace()
        let firstKept = try prepare(base).cached
        #expect(!firstKept)
        let counting = CountsStatuses(base)
        let second = try prepare(counting)
        let secondKept = second.cached
        #expect(secondKept)
        counting.asked.withLock { $0 = [] }
        #expect(second.stats.status("/w/src/lib.asthra") == base.status("/w/src/lib.asthra"))
        #expect(counting.asked.withLock { $0 } == [])
    }
}

@Suite("The kept plan and PATH")
struct PlanCachePathTests {
    /// A workspace whose compiler is found only in PATH (no `compiler`, no $ASTHRA).
    let fs = InMemoryFileSystem(currentDirectory: "/w", files: [
        "/w/asthra.toml": "[package]\nname = \"w\"\nversion = \"0.1.0\"\n\n[toolchain]\nasthra_home = \"../home\"\npreset = \"seed\"\n",
        "/w/src/lib.asthra": "package w;\n",
        "/home/stdlib/io.asthra": "package stdlib::io;\n",
        "/tools/asthra": "",
        "/empty/README": "",
    ])

    /// Whether the plan was kept, and why not when it was not.
    func prepare(path: String) throws -> (kept: Bool, misses: [String], compiler: String?) {
        let misses = Mutex<[String]>([])
        let setup = BuildSetup(fileSystem: fs, environment: ["PATH": path], profile: "debug", tool: "ampu test")
        guard case .ready(let prepared, let report) = setup.prepare(from: "/w", manifestPath: nil, miss: { m in misses.withLock { $0.append(m.line) } }) else {
            Issue.record("the build did not get ready")
            throw CancellationError()
        }
        #expect(report.diagnostics.map(\.message) == [])
        return (prepared.cached, misses.withLock { $0 }, prepared.plan.actions.first?.arguments.first)
    }

    func line(_ name: String, _ path: String) -> String {
        let s = fs.status(path)!
        return "x\t\(s.size)\t\(s.modificationTime)\t\(name)\t\(path)"
    }

    @Test("a kept plan stands under another PATH while its compiler is found where it was, and is made afresh when it is found elsewhere or changed")
    func programsLookedUp() throws {
        let first = try prepare(path: "/tools")
        #expect(!first.kept && first.misses == ["no file"] && first.compiler == "/tools/asthra")
        // A directory more in PATH (as a virtual environment or a profiler puts first) that
        // holds no compiler: the plan stands.
        let other = try prepare(path: "/empty:/tools:/usr/bin")
        #expect(other.kept && other.misses == [])
        // A compiler earlier in PATH: the plan is made afresh, with it.
        try fs.writeFile("/empty/asthra", Array("#!/bin/sh\n".utf8))
        let shadowed = try prepare(path: "/empty:/tools")
        #expect(!shadowed.kept && shadowed.misses == [line("asthra", "/tools/asthra")] && shadowed.compiler == "/empty/asthra")
        #expect(try prepare(path: "/empty:/tools").kept)
        // The same compiler changed in place.
        let kept = line("asthra", "/empty/asthra")
        try fs.writeFile("/empty/asthra", Array("#!/bin/sh\n# newer\n".utf8))
        let changed = try prepare(path: "/empty:/tools")
        #expect(!changed.kept && changed.misses == [kept])
    }

    @Test("a plan whose compiler's name no line of the kept plan can hold (a tab) is not kept, and a plan kept before it is removed")
    func nameWithTab() throws {
        #expect(try !prepare(path: "/tools").kept)
        try fs.writeFile("/w/asthra.toml", Array("[package]\nname = \"w\"\nversion = \"0.1.0\"\n\n[toolchain]\nasthra_home = \"../home\"\npreset = \"seed\"\ncompiler = \"as\\tthra\"\n".utf8))
        try fs.writeFile("/tools/as\tthra", [])
        let first = try prepare(path: "/tools")
        #expect(!first.kept && first.compiler == "/tools/as\tthra" && !fs.exists("/w/target/cache/plan-debug"))
        let second = try prepare(path: "/tools")
        #expect(!second.kept && second.misses == ["no file"])
    }
}
