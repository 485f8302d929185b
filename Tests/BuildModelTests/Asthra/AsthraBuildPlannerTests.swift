import Testing
@testable import BuildModel

@Suite("Asthra build plans")
struct AsthraBuildPlannerTests {
    /// Two members whose modules import each other's: `check` reports the packages' cycle
    /// (M018) and a build stops there, but the planner must not trust that it was run.
    let cycle = [
        "/w/asthra.toml": "[workspace]\nmembers = [\"a\", \"b\"]\n\n[toolchain]\npreset = \"seed\"\ncompiler = \"/bin/asthra\"\n",
        "/w/a/asthra.toml": "[package]\nname = \"a\"\nversion = \"0.1.0\"\n\n[dependencies]\nb = { path = \"../b\" }\n",
        "/w/a/src/x.asthra": "package a;\nimport \"b/y\";\n",
        "/w/a/src/w.asthra": "package a;\n",
        "/w/b/asthra.toml": "[package]\nname = \"b\"\nversion = \"0.1.0\"\n\n[dependencies]\na = { path = \"../a\" }\n",
        "/w/b/src/y.asthra": "package b;\nimport \"a/w\";\n",
        "/bin/asthra": "",
    ]

    @Test("packages whose modules import each other have no order to build in: B007 on the first one's [package], the cycle as a path, and no actions")
    func packageImportCycle() throws {
        let fs = InMemoryFileSystem(currentDirectory: "/", files: cycle)
        let snapshot = try WorkspaceLoader(ecosystem: AsthraEcosystem(), fileSystem: fs, environment: [:]).load(from: "/w")
        let plan = try BuildRequest.make(snapshot, profile: nil, environment: ["PATH": "/bin"], fileSystem: fs).get().plan()
        #expect(plan.actions.isEmpty)
        #expect(plan.diagnostics == [Diagnostic(
            severity: .error, code: "B007", message: "packages import each other, so neither can be built first: a → b → a",
            file: "/w/a/asthra.toml", range: SourceRange(1, 8),
            help: ["move what both need into a package of its own that both import"])])
    }
}
