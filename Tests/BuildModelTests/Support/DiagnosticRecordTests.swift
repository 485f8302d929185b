import Testing
@testable import BuildModel

@Suite("a diagnostic kept on disk and read back")
struct DiagnosticRecordTests {
    @Test("every field comes back as it was, and the record names each file the diagnostic points into")
    func roundTrip() throws {
        var full = Diagnostic(
            severity: .warning, code: "I010", message: "'util' is imported twice", file: "/ws/a.ast", range: SourceRange(20, 26),
            related: [Diagnostic.Related(file: "/ws/b.ast", range: SourceRange(3, 9), message: "first imported here")],
            label: "again", notes: ["a note"], help: ["remove the second import"],
            fix: Diagnostic.Fix(title: "Remove it", edits: [TextEdit(file: "/ws/c.ast", range: SourceRange(13, 28), newText: "")]))
        let bare = Diagnostic(severity: .hint, message: "no code, no file", range: SourceRange(0, 0)).unplaced
        var certain = full
        certain.fix?.isCertain = true
        for d in [full, bare, certain] {
            let bytes = try JSON.serialize(d.record)
            #expect(Diagnostic(record: try JSON.parse(bytes)) == d)
        }
        #expect(full.files == ["/ws/a.ast", "/ws/b.ast", "/ws/c.ast"])
        full.related = []
        full.fix = nil
        #expect(full.files == ["/ws/a.ast"])
        #expect(bare.files == [])
        #expect(try JSON.serializeToString(bare.record) == #"{"severity":"hint","message":"no code, no file","range":[0,0],"placed":false}"#)
    }

    @Test("a record that is not whole is refused")
    func refused() throws {
        for text in [#"{"message":"m","range":[0,1]}"#, #"{"severity":"warning","message":"m","range":[2,1]}"#,
                     #"{"severity":"warning","message":"m","range":[0,1],"help":[1]}"#,
                     #"{"severity":"warning","message":"m","range":[0,1],"related":[{"range":[0,1]}]}"#] {
            #expect(Diagnostic(record: try JSON.parse(text)) == nil, "\(text)")
        }
    }
}
