/// The functions an Oats file exports at its top level (`export function add(…)`, `export async
/// function load(…)`), in order: what today's oatsc reads from an `--extern-oats PATH=META` whose
/// META is no file, a comma-separated list of names.
enum OatsExports {
    static func functions(in source: SourceText) -> [String] {
        var lexer = OatsLexer(source.bytes)
        var names: [String] = []
        var depth = 0
        var previous: [OatsLexer.Token] = []
        while true {
            let token = lexer.next()
            switch token.kind {
            case .end:
                return names
            case .punctuation(let b):
                if b == 0x7B || b == 0x28 || b == 0x5B { depth += 1 }
                if (b == 0x7D || b == 0x29 || b == 0x5D) && depth > 0 { depth -= 1 }
            case .identifier where depth == 0:
                // `export function NAME` or `export async function NAME`.
                let words = previous.suffix(3)
                if words.count >= 2, lexer.isIdentifier(words[words.endIndex - 1], "function"),
                   lexer.isIdentifier(words[words.endIndex - 2], "export")
                    || (words.count == 3 && lexer.isIdentifier(words[words.endIndex - 2], "async") && lexer.isIdentifier(words[words.endIndex - 3], "export")) {
                    names.append(lexer.text(token.range))
                }
            default:
                break
            }
            previous.append(token)
            if previous.count > 3 { previous.removeFirst() }
        }
    }
}
