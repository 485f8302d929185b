import Foundation
import Testing
import TestSupport

@Suite("ampu fmt")
struct FormatCommandTests {
    static let messy = "[package]\nname=\"app\"\nversion = \"0.1.0\"\n\n\n\n[dependencies]\nutil = {path=\"../util\"}   \n"
    static let tidy = "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nutil = { path = \"../util\" }\n"

    @Test("every manifest of the workspace, from a member's directory too; --check lists what is not laid out and writes nothing")
    func workspace() throws {
        let ws = try BuildFixture("rooted")
        try ws.write("app/asthra.toml", Self.messy)
        let root = try ws.read("asthra.toml"), util = try ws.read("util/asthra.toml")
        let check = try ws.ampu(["fmt", "--check"], in: "util")
        #expect(check.stdout == "../app/asthra.toml is not formatted\n")
        #expect(check.stderr == "error: 1 file is not formatted; `ampu fmt` formats it\n")
        #expect(check.status == 1)
        #expect(try ws.read("app/asthra.toml") == Self.messy, "--check writes nothing")
        let run = try ws.ampu(["fmt"])
        #expect(run.stdout == "" && run.stderr == "" && run.status == 0)
        #expect(try ws.read("app/asthra.toml") == Self.tidy)
        #expect(try ws.read("asthra.toml") == root && ws.read("util/asthra.toml") == util, "laid out already: unchanged")
        let again = try ws.ampu(["fmt", "--check"])
        #expect(again.stdout == "" && again.stderr == "" && again.status == 0)
    }

    @Test("a manifest with a syntax error is left as it is and its error shown; the others are formatted")
    func syntaxError() throws {
        let ws = try BuildFixture("rooted")
        try ws.write("app/asthra.toml", Self.messy)
        try ws.write("util/asthra.toml", "[package\nname = \"util\"\n")
        let run = try ws.ampu(["fmt"])
        #expect(run.stderr == """
            error[T002]: expected ']' to close the table header, found a newline
             --> util/asthra.toml:1:9
              |
            1 | [package
              |         ^
              |
              = help: write the header as [package]

            error: util/asthra.toml is not formatted: it has a syntax error

            """)
        #expect(run.status == 1)
        #expect(try ws.read("util/asthra.toml") == "[package\nname = \"util\"\n")
        #expect(try ws.read("app/asthra.toml") == Self.tidy)
    }

    @Test("files named: any TOML file; anything else refused; Elm's manifest has no formatter")
    func named() throws {
        let ws = try BuildFixture("rooted")
        try ws.write("notes.toml", "a=1\n")
        #expect(try ws.ampu(["fmt", "notes.toml"]).status == 0)
        #expect(try ws.read("notes.toml") == "a = 1\n")
        let source = try ws.ampu(["fmt", "src/main.ast"])
        #expect(source.stderr == "error: 'src/main.ast' is not a TOML file: ampu fmt formats TOML manifests (asthra.toml, Oats.toml) and other .toml files\n")
        #expect(source.status == 1)
        let dir = try ScratchDirectory()
        try dir.write("elm.json", "{\"type\": \"application\"}\n")
        let elm = try AmpuProcess.run(["fmt"], environment: plain, directory: dir.path)
        #expect(elm.stderr == "error: Elm's manifest (elm.json) has no formatter in ampu: it formats TOML manifests (asthra.toml, Oats.toml)\n")
        #expect(elm.status == 1)
    }
}
