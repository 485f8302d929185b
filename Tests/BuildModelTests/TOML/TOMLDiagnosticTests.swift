import Testing
@testable import BuildModel

/// Whole diagnostics: message, code, the text they point at, related places and help.
@Suite("TOML diagnostics")
struct TOMLDiagnosticTests {
    /// One rendering of a diagnostic that the test compares as a whole.
    static func render(_ d: Diagnostic, _ source: SourceText) -> String {
        var lines = ["\(d.code ?? "-") \(source.location(of: d.range.lowerBound)) '\(source.text(d.range))': \(d.message)"]
        lines += d.related.map { "  related \(source.location(of: $0.range.lowerBound)) '\(source.text($0.range))': \($0.message)" }
        lines += d.help.map { "  help: \($0)" }
        return lines.joined(separator: "\n")
    }

    @Test("syntax errors: the first diagnostic, whole", arguments: [
        ("name \"x\"", "T002 1:6 '\"': expected '=' after key 'name', found '\"'\n  help: write a value for the key: name = \"...\""),
        ("a = \"open\nb = 1", "T003 1:5 '\"open': unterminated string: missing the closing '\"'\n  help: add '\"' at the end of the string"),
        ("n = 012", "T006 1:5 '012': leading zeros are not allowed in integers ('012')\n  help: write it without the leading zeros, or as a string if the zeros matter"),
        ("n = 99999999999999999999", "T006 1:5 '99999999999999999999': integer '99999999999999999999' does not fit in 64 bits\n  help: TOML integers range from -9223372036854775808 to 9223372036854775807; use a string or a float"),
        ("n = 1__0", "T006 1:5 '1__0': invalid integer '1__0'\n  help: each '_' must stand between two digits"),
        ("f = .5", "T006 1:5 '.5': invalid float '.5'\n  help: a float needs digits before the '.': write 0.5, not .5"),
        ("d = 2021-02-29", "T007 1:5 '2021-02-29': invalid date-time '2021-02-29': day 29 does not exist in that month, which has 28 days\n  help: dates and times are written like 1979-05-27, 07:32:00, 1979-05-27T07:32:00 or 1979-05-27T07:32:00Z"),
        ("b = True", "T010 1:5 'True': invalid value 'True'\n  help: booleans are lower case: true"),
        ("s = bare", "T010 1:5 'bare': invalid value 'bare'\n  help: strings must be quoted: \"bare\""),
        ("s = \"a\u{1}\"", "T005 1:7 '\u{1}': control character U+0001 must be escaped in a string\n  help: write it as \\u0001"),
        ("a = 1 b = 2", "T002 1:7 'b': expected a newline after the value of 'a', found 'b'\n  help: put each key/value pair and table header on its own line"),
        ("t = {a = 1,}", "T002 1:11 ',': a trailing comma is not allowed in an inline table\n  help: remove the ',' before '}'"),
        ("[[bin]", "T002 1:6 ']': expected ']]' to close the array-of-tables header, found a single ']'\n  help: write the header as [[bin]]"),
        ("[bin", "T002 1:5 '': expected ']' to close the table header, found the end of the file\n  help: write the header as [bin]"),
        ("a.", "T002 1:3 '': expected a key after '.', found the end of the file\n  help: remove the trailing '.' or name the next key part"),
        ("= 1", "T002 1:1 '=': expected a key before '='\n  help: write the key first: name = value"),
    ])
    func syntax(input: String, expected: String) {
        let document = TOMLDocument(input)
        #expect(document.diagnostics.first.map { Self.render($0, document.source) } == expected)
    }

    @Test("an invalid escape names the escape and lists the valid ones")
    func invalidEscape() {
        let document = TOMLDocument(#"p = "C:\qemu""#)
        #expect(document.diagnostics.map { Self.render($0, document.source) } == [
            #"T004 1:8 '\q': invalid escape sequence '\q'"# + "\n"
                + #"  help: valid escapes are \b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX; write '\\' for a backslash"#
        ])
    }

    @Test("a duplicate key points at both definitions")
    func duplicateKey() {
        let document = TOMLDocument("[package]\nname = \"a\"\nversion = \"1\"\nversion = \"2\"\n")
        #expect(document.diagnostics.map { Self.render($0, document.source) } == [
            """
            T008 4:1 'version': duplicate key 'version': first defined at 3:1
              related 3:1 'version': first defined here
              help: remove one of the two definitions, or rename one
            """
        ])
    }

    @Test("table conflicts", arguments: [
        ("[a]\nx = 1\n[a]\n",
         """
         T009 3:2 'a': table 'a' is defined twice: first defined at 1:1
           related 1:1 '[a]': first defined here
           help: merge the two [a] sections into one
         """),
        ("[fruit]\napple.color = \"red\"\n[fruit.apple]\n",
         """
         T009 3:2 'fruit.apple': table 'fruit.apple' is already defined by dotted keys at 2:1
           related 2:1 'apple': 'fruit.apple' defined here
           help: add the keys with dotted keys there, or turn them all into this [fruit.apple] section
         """),
        ("a = [1]\n[[a]]\n",
         """
         T009 2:3 'a': cannot append to 'a': it is a static array (defined at 1:1)
           related 1:1 'a': 'a' defined here
           help: write all elements in the array, or turn every element into a [[a]] section
         """),
        ("a = 1\n[a.b]\n",
         """
         T009 2:2 'a': cannot use 'a' as a table: it already holds a value of type integer (defined at 1:1)
           related 1:1 'a': 'a' defined here
           help: rename the table, or move its keys into the value at 1:1
         """),
        ("t = {x = 1}\nt.y = 2\n",
         """
         T009 2:1 't': cannot add to 't' with a dotted key: it already holds an inline table (defined at 1:1)
           related 1:1 't': 't' defined here
           help: rename one of the two keys
         """),
        ("[a.b]\n[a]\nb.c = 1\n",
         """
         T009 3:1 'b': cannot add to table 'a.b' with a dotted key: it is defined by a header at 1:1
           related 1:1 '[a.b]': 'a.b' defined here
           help: move this key into the [a.b] section
         """),
    ])
    func conflicts(input: String, expected: String) {
        let document = TOMLDocument(input)
        #expect(document.diagnostics.map { Self.render($0, document.source) } == [expected])
    }

    @Test("the parser goes on after errors and reports each one")
    func manyErrors() {
        let document = TOMLDocument("a = \nb = tru\n[t\nc = 1\nc = 2\n")
        #expect(document.diagnostics.map(\.message) == [
            "expected a value after '=', found a newline",
            "invalid value 'tru'",
            "expected ']' to close the table header, found a newline",
            "duplicate key 'c': first defined at 4:1",
        ])
        #expect(document.root.value(at: ["t", "c"])?.integer == 1)
    }
}
