import Testing
@testable import BuildModel

@Suite("Elm import scanning")
struct ElmScannerTests {
    /// Each import as `Name`, `Name as Alias`, with the text of its whole statement.
    func imports(_ text: String) -> [String] {
        let source = SourceText(path: "/p/src/Main.elm", text)
        return ElmSourceScanner.scan(source).imports.map { i in
            "\(i.path)\(i.alias.map { " as \($0.value)" } ?? "") [\(String(decoding: source.bytes[i.range.range], as: UTF8.self))]"
        }
    }

    @Test("every form of the seed's syntax appendix")
    func appendix() {
        #expect(imports("""
            module Main exposing (main)

            -- Simple import
            import Html

            -- Qualified import with alias
            import Html.Attributes as Attr
            import Html exposing (div, text)
            import Html exposing (..)
            import Maybe exposing (Maybe(..))
            import Html exposing
                ( div
                , span
                , text
                )
            import Json.Decode.Pipeline
            import Html -- inline comment
            {- block comment -} import Json.Decode

            main = Html.text "Hello"
            """) == [
            "Html [import Html]",
            "Html.Attributes as Attr [import Html.Attributes as Attr]",
            "Html [import Html exposing (div, text)]",
            "Html [import Html exposing (..)]",
            "Maybe [import Maybe exposing (Maybe(..))]",
            "Html [import Html exposing\n    ( div\n    , span\n    , text\n    )]",
            "Json.Decode.Pipeline [import Json.Decode.Pipeline]",
            "Html [import Html]",
            "Json.Decode [import Json.Decode]",
        ])
    }

    @Test("what looks like an import in a comment, a string or a character is not one; CRLF lines are read")
    func notImports() {
        #expect(imports("""
            module Main exposing (main)\r
            {- a block {- nested, with import Nested -} still a comment: import Hidden -}\r
            -- import Commented\r
            import Real\r
            text = "import Quoted"\r
            long = \"\"\"
            import InTriple
            \"\"\"
            quote = '"'
            import After
            """) == ["Real [import Real]", "After [import After]"])
    }

    @Test("declarations: module, port module, effect module with its where clause")
    func declarations() {
        for (text, name, modifier) in [("module Page.Home exposing (..)\n", "Page.Home", nil), ("port module Ports exposing (send)\n", "Ports", "port"),
                                       ("effect module Task where { command = MyCmd } exposing (Task, perform)\nimport Basics\n", "Task", "effect")] {
            let scan = ElmSourceScanner.scan(SourceText(path: "/p/x.elm", text))
            #expect(scan.declaration?.value == name)
            #expect(scan.declarationModifiers.map(\.value) == (modifier.map { [$0] } ?? []))
            #expect(scan.declarationModifiers.first?.range == modifier.map { _ in SourceRange(0, modifier!.count) })
        }
        let effect = ElmSourceScanner.scan(SourceText(path: "/p/x.elm", "effect module Task where { command = MyCmd } exposing (Task, perform)\nimport Basics\n"))
        #expect(effect.imports.map(\.path) == ["Basics"])
    }

    @Test("main: a top-level value named main, with or without its type; not a use of it")
    func main() {
        #expect(ElmSourceScanner.scan(SourceText(path: "/p/M.elm", "module M exposing (main)\nmain : Html msg\nmain =\n    text \"x\"\n")).definesEntryPoint)
        #expect(ElmSourceScanner.scan(SourceText(path: "/p/M.elm", "module M exposing (main)\nmain = text \"x\"\n")).definesEntryPoint)
        #expect(!ElmSourceScanner.scan(SourceText(path: "/p/M.elm", "module M exposing (view)\nview model = model.main\n  main = 1\n")).definesEntryPoint)
        #expect(!ElmSourceScanner.scan(SourceText(path: "/p/M.elm", "module M exposing (x)\n-- main = 1\nx = \"main = 2\"\n")).definesEntryPoint)
    }

    @Test("an import without a module name is located")
    func malformed() {
        let scan = ElmSourceScanner.scan(SourceText(path: "/p/M.elm", "module M exposing (x)\nimport\nimport html\n"))
        #expect(scan.diagnostics.map { "\($0.range.lowerBound) \($0.code ?? "") \($0.message)" } == [
            "22 I001 expected a module name after 'import'", "29 I001 expected a module name after 'import'",
        ])
    }

    @Test("a file's module name comes from its path under the source directory")
    func moduleNames() {
        #expect(ElmSourceScanner.moduleName(ofFile: "/p/src/Page/Home.elm", sourceDirectory: "/p/src") == "Page.Home")
        #expect(ElmSourceScanner.moduleName(ofFile: "/p/src/Main.elm", sourceDirectory: "/p/src") == "Main")
        #expect(ElmSourceScanner.moduleName(ofFile: "/p/lib/Main.elm", sourceDirectory: "/p/src") == nil)
    }
}
