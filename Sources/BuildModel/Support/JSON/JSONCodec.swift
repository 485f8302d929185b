import CJSONC
import OrderedCollections

/// JSON reading and writing through json-c. This file is the only place that
/// touches json-c's pointers; every object it makes or gets is released here.
public enum JSON {
    /// Nesting deeper than this is refused (json-c's own default is 32, too low for LSP payloads).
    public static let defaultDepthLimit = 512

    /// Parses one JSON value; white space may follow it, nothing else.
    public static func parse(_ bytes: [UInt8], depthLimit: Int = defaultDepthLimit) throws(JSONError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONError) -> JSONValue in
            try parse(buffer, depthLimit: depthLimit)
        }
    }

    public static func parse(_ text: String, depthLimit: Int = defaultDepthLimit) throws(JSONError) -> JSONValue {
        try parse(Array(text.utf8), depthLimit: depthLimit)
    }

    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>, depthLimit: Int = defaultDepthLimit) throws(JSONError) -> JSONValue {
        guard let tokener = json_tokener_new_ex(Int32(clamping: depthLimit)) else {
            throw .syntax(offset: 0, reason: "json-c could not allocate a tokener")
        }
        defer { json_tokener_free(tokener) }
        // UTF-8 is checked below, more strictly than json-c's own check would.
        json_tokener_set_flags(tokener, JSON_TOKENER_STRICT)

        let count = buffer.count
        guard count > 0, let base = buffer.baseAddress else { throw .truncated(offset: 0) }
        // json-c's own check (JSON_TOKENER_VALIDATE_UTF8) lets UTF-8-encoded surrogates through,
        // which would then become U+FFFD in a Swift string: JSON text must be UTF-8 (RFC 8259).
        if let bad = UTF8Validation.firstInvalidOffset(in: buffer) { throw .invalidUTF8(offset: bad) }
        var object = base.withMemoryRebound(to: CChar.self, capacity: count) { chars in
            json_tokener_parse_ex(tokener, chars, Int32(clamping: count))
        }
        var error = json_tokener_get_error(tokener)
        var consumed = json_tokener_get_parse_end(tokener)
        if error == json_tokener_continue && consumed == count {
            // A bare number at the very end needs to see its end; json-c takes NUL as that.
            json_object_put(object)
            object = json_tokener_parse_ex(tokener, "", 1)
            error = json_tokener_get_error(tokener)
            consumed = count
        }
        defer { json_object_put(object) }
        guard error == json_tokener_success else {
            throw Self.error(error, offset: consumed, limit: depthLimit)
        }
        var index = consumed
        while index < count {
            switch buffer[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: throw .trailingCharacters(offset: index)
            }
        }
        if let offset = keyWithNUL(in: buffer) { throw .unsupportedKey(offset: offset) }
        var sawMinimum = false
        let value = try convert(object, sawInt64Minimum: &sawMinimum)
        if sawMinimum, let literal = integerBelowInt64Minimum(in: buffer) {
            throw .numberOutOfRange(literal)
        }
        return value
    }

    /// The value as compact JSON bytes (or indented, with `pretty`). Slashes are not escaped.
    public static func serialize(_ value: JSONValue, pretty: Bool = false) throws(JSONError) -> [UInt8] {
        do {
            return try serialize(value, pretty: pretty, nulStandIn: nil)
        } catch {
            guard case .nulInKey = error else {
                if case .json(let e) = error { throw e }
                throw .unrepresentable("the value")
            }
        }
        // json-c keys are C strings. Write U+0000 in keys as a noncharacter the value does
        // not contain, then turn that back into the escape in the output.
        guard let standIn = unusedNoncharacter(in: value) else {
            throw .unrepresentable("an object key containing U+0000")
        }
        do {
            let text = try serialize(value, pretty: pretty, nulStandIn: standIn)
            return replace(Array(String(Character(standIn)).utf8), with: Array("\\u0000".utf8), in: text)
        } catch {
            if case .json(let e) = error { throw e }
            throw .unrepresentable("an object key containing U+0000")
        }
    }

    private static func serialize(_ value: JSONValue, pretty: Bool, nulStandIn: Unicode.Scalar?) throws(WriteError) -> [UInt8] {
        let object = try makeObject(value, nulStandIn: nulStandIn)
        defer { json_object_put(object) }
        var length = 0
        let flags = (pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED : JSON_C_TO_STRING_PLAIN)
            | JSON_C_TO_STRING_NOSLASHESCAPE
        guard let text = json_object_to_json_string_length(object, flags, &length) else {
            throw .json(.unrepresentable("the value"))
        }
        return text.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }

    private enum WriteError: Error {
        case json(JSONError)
        case nulInKey
    }

    private static func unusedNoncharacter(in value: JSONValue) -> Unicode.Scalar? {
        var used = Set<UInt32>()
        func visit(_ text: String) {
            for scalar in text.unicodeScalars where (0xFDD0...0xFDEF).contains(scalar.value) { used.insert(scalar.value) }
        }
        func walk(_ v: JSONValue) {
            switch v {
            case .string(let s): visit(s)
            case .array(let a): a.forEach(walk)
            case .object(let o):
                for (k, member) in o {
                    visit(k)
                    walk(member)
                }
            default: break
            }
        }
        walk(value)
        return (0xFDD0...0xFDEF).first { !used.contains($0) }.flatMap(Unicode.Scalar.init)
    }

    private static func replace(_ needle: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == needle[0] && i + needle.count <= bytes.count && Array(bytes[i..<(i + needle.count)]) == needle {
                out.append(contentsOf: replacement)
                i += needle.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    public static func serializeToString(_ value: JSONValue, pretty: Bool = false) throws(JSONError) -> String {
        String(decoding: try serialize(value, pretty: pretty), as: UTF8.self)
    }

    // MARK: - json-c → Swift

    private static func convert(_ object: OpaquePointer?, sawInt64Minimum: inout Bool) throws(JSONError) -> JSONValue {
        guard let object else { return .null }
        switch json_object_get_type(object) {
        case json_type_null:
            return .null
        case json_type_boolean:
            return .bool(json_object_get_boolean(object) != 0)
        case json_type_double:
            let d = json_object_get_double(object)
            guard d.isFinite else {
                let text = String(cString: json_object_to_json_string(object))
                let numeric = text.drop(while: { $0 == "-" }).first?.isNumber == true
                throw numeric ? .numberOutOfRange(text) : .invalidLiteral(text)
            }
            return .double(d)
        case json_type_int:
            let i = json_object_get_int64(object)
            if i == Int64.max {
                let u = json_object_get_uint64(object)
                if u > UInt64(Int64.max) {
                    throw .numberOutOfRange(u == UInt64.max ? "an integer above \(Int64.max)" : String(u))
                }
            } else if i == Int64.min {
                sawInt64Minimum = true
            }
            return .int(i)
        case json_type_string:
            let length = Int(json_object_get_string_len(object))
            guard let pointer = json_object_get_string(object) else { return .string("") }
            return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                .string(String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self))
            }
        case json_type_array:
            let n = json_object_array_length(object)
            var elements: [JSONValue] = []
            elements.reserveCapacity(n)
            for i in 0..<n {
                elements.append(try convert(json_object_array_get_idx(object, i), sawInt64Minimum: &sawInt64Minimum))
            }
            return .array(elements)
        case json_type_object:
            var members = OrderedDictionary<String, JSONValue>(minimumCapacity: Int(json_object_object_length(object)))
            var iterator = json_object_iter_begin(object)
            var end = json_object_iter_end(object)
            while json_object_iter_equal(&iterator, &end) == 0 {
                let name = String(cString: json_object_iter_peek_name(&iterator))
                members[name] = try convert(json_object_iter_peek_value(&iterator), sawInt64Minimum: &sawInt64Minimum)
                json_object_iter_next(&iterator)
            }
            return .object(members)
        default:
            return .null
        }
    }

    private static func error(_ code: json_tokener_error, offset: Int, limit: Int) -> JSONError {
        switch code {
        case json_tokener_error_depth: return .tooDeep(limit: limit)
        case json_tokener_error_parse_eof, json_tokener_continue: return .truncated(offset: offset)
        case json_tokener_error_parse_utf8_string: return .invalidUTF8(offset: offset)
        default: return .syntax(offset: offset, reason: String(cString: json_tokener_error_desc(code)))
        }
    }

    /// The offset of an object key that holds `\u0000`, which json-c would cut short.
    /// Only strings with that escape are looked at, and only when the text has one.
    private static func keyWithNUL(in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        let escape = Array("\\u0000".utf8)
        guard buffer.count >= 6 else { return nil }
        var found = false
        var k = 0
        while k + 5 < buffer.count {
            if buffer[k] == 0x5C && buffer[k + 1] == 0x75 && buffer[k + 2] == 0x30 && buffer[k + 3] == 0x30
                && buffer[k + 4] == 0x30 && buffer[k + 5] == 0x30
            {
                found = true
                break
            }
            k += 1
        }
        guard found else { return nil }
        var i = 0
        while i < buffer.count {
            guard buffer[i] == UInt8(ascii: "\"") else {
                i += 1
                continue
            }
            let start = i
            var hasNUL = false
            i += 1
            while i < buffer.count && buffer[i] != UInt8(ascii: "\"") {
                if buffer[i] == UInt8(ascii: "\\") {
                    if i + 5 < buffer.count && Array(buffer[i..<(i + 6)]) == escape { hasNUL = true }
                    i += 1
                }
                i += 1
            }
            i += 1
            if hasNUL {
                var j = i
                while j < buffer.count && [0x20, 0x09, 0x0A, 0x0D].contains(buffer[j]) { j += 1 }
                if j < buffer.count && buffer[j] == UInt8(ascii: ":") { return start }
            }
        }
        return nil
    }

    /// json-c clamps integers below Int64.min to it; find such a literal in the text, if any.
    private static func integerBelowInt64Minimum(in buffer: UnsafeBufferPointer<UInt8>) -> String? {
        let limit = Array("9223372036854775808".utf8)
        var i = 0
        var inString = false
        while i < buffer.count {
            let b = buffer[i]
            if inString {
                if b == UInt8(ascii: "\\") { i += 1 } else if b == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "-") {
                var j = i + 1
                while j < buffer.count && buffer[j] >= 0x30 && buffer[j] <= 0x39 { j += 1 }
                let digits = Array(buffer[(i + 1)..<j])
                let isInteger = j >= buffer.count || ![UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(buffer[j])
                if isInteger && (digits.count > limit.count || (digits.count == limit.count && digits.lexicographicallyPrecedes(limit) == false && digits != limit)) {
                    return "-" + String(decoding: digits, as: UTF8.self)
                }
                i = j
                continue
            }
            i += 1
        }
        return nil
    }

    // MARK: - Swift → json-c

    private static func makeObject(_ value: JSONValue, nulStandIn: Unicode.Scalar?) throws(WriteError) -> OpaquePointer? {
        switch value {
        case .null:
            return nil
        case .bool(let b):
            return json_object_new_boolean(b ? 1 : 0)
        case .int(let i):
            return json_object_new_int64(i)
        case .double(let d):
            guard d.isFinite else { throw .json(.unrepresentable("the number \(d)")) }
            return json_object_new_double_s(d, d.description)
        case .string(let s):
            if s.isEmpty { return json_object_new_string("") }
            var s = s
            return s.withUTF8 { utf8 in
                utf8.withMemoryRebound(to: CChar.self) { json_object_new_string_len($0.baseAddress!, Int32(clamping: $0.count)) }
            }
        case .array(let elements):
            let array = json_object_new_array_ext(Int32(clamping: elements.count))
            for element in elements {
                let child: OpaquePointer?
                do { child = try makeObject(element, nulStandIn: nulStandIn) } catch {
                    json_object_put(array)
                    throw error
                }
                json_object_array_add(array, child)
            }
            return array
        case .object(let members):
            let object = json_object_new_object()
            for (key, member) in members {
                var key = key
                if key.utf8.contains(0) {
                    guard let standIn = nulStandIn else {
                        json_object_put(object)
                        throw .nulInKey
                    }
                    key = String(String.UnicodeScalarView(key.unicodeScalars.map { $0.value == 0 ? standIn : $0 }))
                }
                let child: OpaquePointer?
                do { child = try makeObject(member, nulStandIn: nulStandIn) } catch {
                    json_object_put(object)
                    throw error
                }
                json_object_object_add_ex(object, key, child, UInt32(JSON_C_OBJECT_ADD_KEY_IS_NEW))
            }
            return object
        }
    }
}
