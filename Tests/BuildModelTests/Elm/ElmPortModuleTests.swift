import Testing
@testable import BuildModel

@Suite("Elm port modules")
struct ElmPortModuleTests {
    static let package = """
        {
            "type": "package", "name": "me/pkg", "summary": "A package", "license": "BSD-3-Clause", "version": "1.0.0",
            "exposed-modules": ["Ports"], "elm-version": "0.19.0 <= v < 0.20.0",
            "dependencies": { "elm/core": "1.0.0 <= v < 2.0.0" }, "test-dependencies": {}
        }
        """

    @Test("a package's port module is E013 at its `port`, with the fix that declares it a plain module; an application's is fine")
    func portModules() throws {
        let source = "port module Ports exposing (send)\n\nport send : String -> Cmd msg\n"
        let package = Checker(["/w/elm.json": Self.package, "/w/src/Ports.elm": source], environment: ["ELM_HOME": "/elm-home"], ecosystem: ElmEcosystem())
        let report = try package.report()
        #expect(try package.lines() == ["src/Ports.elm:1:1 error[E013] a package cannot have a port module"])
        let d = try #require(report.diagnostics.first)
        #expect(d.help == ["declare it `module Ports`, and keep ports in the applications that use the package"])
        let fixed = String(decoding: try TextEdit.apply(try #require(d.fix).edits, to: Array(source.utf8)), as: UTF8.self)
        #expect(fixed == "module Ports exposing (send)\n\nport send : String -> Cmd msg\n")
        let application = Checker(["/w/elm.json": ElmManifestTests.application.replacing("\"elm/browser\": \"1.0.2\", ", with: ""), "/w/src/Ports.elm": source],
                                  environment: ["ELM_HOME": "/elm-home"], ecosystem: ElmEcosystem())
        #expect(try application.lines().filter { $0.contains("E013") }.isEmpty)
    }
}
