import Foundation
import Testing
@testable import BuildModel

@Suite("JSON through json-c")
struct JSONTests {
    @Test("parses every kind of value and keeps key order")
    func parse() throws {
        let value = try JSON.parse(#"{"z": null, "a": [true, false, 1, -2.5, "t\u00e9\n"], "m": {"k": 9223372036854775807}}"#)
        let expected: JSONValue = ["z": nil, "a": [true, false, 1, -2.5, "té\n"], "m": ["k": .int(Int64.max)]]
        #expect(value == expected)
        #expect(value.objectValue?.keys.elementsEqual(["z", "a", "m"]) == true)
    }

    @Test("serialises compactly, in key order, without escaping slashes")
    func serialize() throws {
        let value: JSONValue = ["uri": "file:///a/b", "n": 3, "x": 0.5, "big": 1e300, "s": "q\"\\\u{01}", "e": [], "o": [:]]
        #expect(try JSON.serializeToString(value) == #"{"uri":"file:///a/b","n":3,"x":0.5,"big":1e+300,"s":"q\"\\\u0001","e":[],"o":{}}"#)
    }

    @Test("U+0000 round trips in strings; in keys it is written, and refused on reading (json-c keys are C strings)")
    func nul() throws {
        let value: JSONValue = ["a\u{0}b": "c\u{0}d"]
        let text = try JSON.serializeToString(value)
        #expect(text == #"{"a\u0000b":"c\u0000d"}"#)
        #expect(try JSON.parse(#"["c\u0000d"]"#) == ["c\u{0}d"])
        #expect(throws: JSONError.unsupportedKey(offset: 1)) { try JSON.parse(text) }
        #expect(JSONError.unsupportedKey(offset: 1).description == "an object key at byte 1 contains U+0000, which ampu's JSON reader cannot keep")
    }

    @Test("bare scalars at the top level")
    func scalars() throws {
        #expect(try JSON.parse("42") == 42)
        #expect(try JSON.parse(" null ") == .null)
        #expect(try JSON.parse("\"x\"\n") == "x")
        #expect(try JSON.parse("-9223372036854775808") == .int(Int64.min))
    }

    @Test("bad input is an error, never a crash", arguments: [
        ("", JSONError.truncated(offset: 0)),
        ("{\"a\": [1, 2", .truncated(offset: 11)),
        ("[1] x", .syntax(offset: 4, reason: "unexpected character")),
        ("[1,]", .syntax(offset: 3, reason: "unexpected character")),
        ("9223372036854775808", .numberOutOfRange("9223372036854775808")),
        ("[-9223372036854775809]", .numberOutOfRange("-9223372036854775809")),
        ("1e400", .numberOutOfRange("1e400")),
        ("[NaN]", .invalidLiteral("NaN")),
        ("[-Infinity]", .invalidLiteral("-Infinity")),
    ])
    func invalid(text: String, error: JSONError) {
        #expect(throws: error) { try JSON.parse(text) }
    }

    @Test("invalid UTF-8 inside a string is refused")
    func invalidUTF8() {
        #expect(throws: JSONError.invalidUTF8(offset: 1)) { try JSON.parse([0x22, 0xFF, 0x22]) }
        // An encoded surrogate (which json-c lets through) and an overlong '/'.
        #expect(throws: JSONError.invalidUTF8(offset: 2)) { try JSON.parse([0x22, 0x61, 0xED, 0xA0, 0x80, 0x22]) }
        #expect(throws: JSONError.invalidUTF8(offset: 1)) { try JSON.parse([0x22, 0xC0, 0xAF, 0x22]) }
        // Outside strings too: a key.
        #expect(throws: JSONError.invalidUTF8(offset: 2)) { try JSON.parse([0x7B, 0x22, 0xFE, 0x22, 0x3A, 0x31, 0x7D]) }
    }

    @Test("nesting beyond the limit is refused")
    func depth() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONError.tooDeep(limit: 512)) { try JSON.parse(deep) }
        #expect(try JSON.parse("[[[]]]", depthLimit: 3) == [[[]]])
        #expect(throws: JSONError.tooDeep(limit: 2)) { try JSON.parse("[[[]]]", depthLimit: 2) }
    }

    @Test("non-finite numbers cannot be written")
    func unrepresentable() {
        #expect(throws: JSONError.unrepresentable("the number inf")) { try JSON.serialize(["x": .double(.infinity)]) }
        #expect(JSONError.tooDeep(limit: 512).description == "JSON nested deeper than 512 levels")
    }

    /// Foundation's dictionaries have no order: compare with keys sorted.
    func sortedKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let a): return .array(a.map(sortedKeys))
        case .object(let o):
            return .object(.init(uniqueKeysWithValues: o.sorted { $0.key < $1.key }.map { ($0.key, sortedKeys($0.value)) }))
        default: return value
        }
    }

    @Test("agrees with Foundation on a random document")
    func matchesFoundation() throws {
        var generator = SystemRandomNumberGenerator()
        func random(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &generator) {
            case 0: return .int(Int64.random(in: -1_000_000...1_000_000, using: &generator))
            case 1: return .string(String((0..<Int.random(in: 0...8)).map { _ in "aé😀\"\\/\n x".randomElement()! }))
            case 2: return .bool(Bool.random())
            case 3: return .null
            case 4: return .array((0..<Int.random(in: 0...4)).map { _ in random(depth + 1) })
            default:
                return .object(.init(uniqueKeysWithValues: (0..<Int.random(in: 0...4)).map { ("k\($0)", random(depth + 1)) }))
            }
        }
        for _ in 0..<50 {
            let value = random(0)
            let bytes = try JSON.serialize(value)
            #expect(try JSON.parse(bytes) == value)
            let foundation = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            let again = try JSONSerialization.data(withJSONObject: foundation, options: [.fragmentsAllowed])
            #expect(sortedKeys(try JSON.parse(Array(again))) == sortedKeys(value))
        }
    }
}

@Suite("JSON written as text (compile_commands.json)")
struct JSONTextTests {
    @Test("a string is quoted, with exactly the escapes RFC 8259 needs, wherever they fall")
    func escapes() {
        #expect(JSONText.quoted("/src/a b/main.c") == #""/src/a b/main.c""#)
        #expect(JSONText.quoted("") == #""""#)
        #expect(JSONText.quoted(#"-DNAME="x\y""#) == #""-DNAME=\"x\\y\"""#)
        #expect(JSONText.quoted("\"\n\r\t\u{1}\u{1f}") == #""\"\n\r\t\u0001\u001f""#)
        #expect(JSONText.quoted("tab\tin the middle, é and 日本 kept as they are\u{7f}") == "\"tab\\tin the middle, é and 日本 kept as they are\u{7f}\"")
    }

    @Test("what it writes, json-c reads back as the same strings")
    func roundTrip() throws {
        let values = ["plain", "a\"b\\c", "\n", "\u{0}x", "ends with a quote\"", "\\", "line\r\nbreak", "ünïcödé \u{1F600}"]
        var text = JSONText()
        text.raw("[")
        for (i, v) in values.enumerated() {
            if i > 0 { text.raw(",") }
            text.string(v)
        }
        text.raw("]")
        #expect(try JSON.parse(text.bytes) == .array(values.map { .string($0) }))
    }
}
