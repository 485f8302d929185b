import BuildModel

/// `ampu debug build-records`: reads standard input as each of the files a build reads that
/// anyone could have written — a fingerprint, the fingerprint log, the kept plan's record, the
/// kept plan's two files (one after the other), the record of a complete build, a dependency file, a compiler's output (about a file whose text is the input itself), the
/// test programs' times — and
/// prints what each made of it. For the fuzzer: every input must end in an answer, never a crash or a hang.
struct BuildRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-records",
        abstract: "Read standard input as a fingerprint, the fingerprint log, a kept plan, a complete build's record, a dependency file, compiler output and the test programs' times; print what each found."
    )

    func run() throws {
        let bytes = try LocalFileSystem.readStandardInput()
        var out = ""
        if let print = Fingerprint(bytes: bytes) {
            out += "fingerprint: \(print.inputs.count) inputs, \(print.outputs.count) outputs, \(print.said.utf8.count) bytes said\(print.runTime.map { ", ran \($0) µs" } ?? "")\n"
        } else {
            out += "fingerprint: none\n"
        }
        let log = FingerprintLog.summary(bytes)
        out += "fingerprint log: \(log.standing) standing, \(log.readable) readable\(log.torn ? ", cut short" : "")\n"
        if let plan = BuildPlan(record: bytes) {
            out += "plan: \(plan.actions.count) actions, \(plan.programs.count) programs, \(plan.tests.count) tests\n"
        } else {
            out += "plan: none\n"
        }
        if let products = BuildPlan.products(record: bytes) {
            out += "products: \(products.programs.count) programs, \(products.tests.count) tests\n"
        } else {
            out += "products: none\n"
        }
        // As the kept plan's files, beside a manifest, a module and a compiler in PATH: whether
        // it stands. Up to its first `end` line, the file of what the plan was made from; the
        // rest, its actions' file.
        let disk = InMemoryFileSystem(currentDirectory: "/w", files: ["/w/asthra.toml": "[package]\nname = \"w\"\n", "/w/src/main.ast": "package main;\n", "/tools/asthra": ""])
        try? disk.createDirectory("/w/target/cache")
        let end = Array("\nend\n".utf8)
        let split = bytes.indices.first { bytes[$0...].starts(with: end) }.map { $0 + end.count } ?? bytes.count
        try? disk.writeFile("/w/target/cache/plan-debug", Array(bytes[..<split]))
        try? disk.writeFile("/w/target/cache/plan-debug.actions", Array(bytes[split...]))
        let ecosystem = EcosystemRegistry.standard.ecosystem(forManifest: "/w/asthra.toml")!
        switch PlanCache(targetDirectory: "/w/target", profile: "debug", stats: StatCache(fileSystem: disk)).validate(key: "fuzz", ecosystem: ecosystem, searchPath: "/tools") {
        case .success(let kept):
            out += "kept plan: stands, \(kept.changedFiles.count) changed, \(kept.plan()?.actions.count ?? -1) actions, "
                + "\(kept.products.programs.count) programs and \(kept.products.tests.count) tests beside them\n"
        case .failure(let miss): out += "kept plan: made afresh, for \(miss.line.debugDescription)\n"
        }
        // As the record of a complete build of the plan whose digest is `fuzz`, beside the same files.
        try? disk.writeFile("/w/target/cache/complete-debug", bytes)
        if let record = CompleteBuild(targetDirectory: "/w/target", profile: "debug", stats: StatCache(fileSystem: disk)).standing(planDigest: "fuzz", environment: ["PATH": "/tools"]) {
            let (said, forTests) = CompleteBuild.summary(record)
            out += "complete build: stands, \(said) said (\(forTests) only for tests)\n"
        } else {
            out += "complete build: none\n"
        }
        let text = String(decoding: bytes, as: UTF8.self)
        out += "depfile: \(Depfile.prerequisites(text, directory: "/w").count) prerequisites\n"
        let fs = InMemoryFileSystem(currentDirectory: "/w", files: ["/w/src/main.ast": text])
        let parsed = CompilerMessages.parse(text, directory: "/w", fileSystem: fs)
        out += "compiler: \(parsed.diagnostics.count) diagnostics, \(parsed.otherLines.count) other lines\n"
        out += "test times: \(TestTimes(bytes: bytes).times.count) programs\n"
        Terminal.standardOutput.write(out)
    }
}
