/// JSON written straight into bytes, for files of many thousands of plain entries
/// (`compile_commands.json`), where building a `JSONValue` tree and handing it to json-c costs
/// more than the writing itself.
public struct JSONText {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func raw(_ text: String) { bytes += text.utf8 }

    /// A string, quoted and escaped as RFC 8259 says.
    public mutating func string(_ value: String) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { utf8 in
            // Runs that need no escape (most strings are paths and flags: all of it) are copied whole.
            var run = 0
            for (i, b) in utf8.enumerated() where b == 0x22 || b == 0x5C || b < 0x20 {
                bytes += utf8[run..<i]
                run = i + 1
                switch b {
                case 0x22: bytes += [0x5C, 0x22]
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x0A: bytes += [0x5C, 0x6E]
                case 0x0D: bytes += [0x5C, 0x72]
                case 0x09: bytes += [0x5C, 0x74]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
                }
            }
            bytes += utf8[run...]
        }
        bytes.append(0x22)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// `value` as a JSON string, quotes included.
    public static func quoted(_ value: String) -> String {
        var text = JSONText()
        text.string(value)
        return text.text
    }
}
