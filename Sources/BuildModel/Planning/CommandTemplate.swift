/// A command line with placeholders, as `[toolchain] command` writes it: a word that is exactly
/// `{name}` becomes all of the values it stands for (none, one or many words); a placeholder
/// inside a longer word (`-O{level}`) takes exactly one value.
public struct CommandTemplate: Hashable, Sendable {
    public var words: [String]

    public init(_ words: [String]) { self.words = words }

    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case unknownPlaceholder(String, known: [String])
        case notOneValue(String, word: String)
        case unclosed(word: String)
        case empty

        public var description: String {
            switch self {
            case .unknownPlaceholder(let name, let known):
                "unknown placeholder '{\(name)}'; the command line may use " + known.map { "{\($0)}" }.joined(separator: ", ")
            case .notOneValue(let name, let word):
                "'{\(name)}' stands for several words and cannot be part of '\(word)'; write it as a word of its own"
            case .unclosed(let word): "'\(word)' has a '{' without its '}'"
            case .empty: "the command line is empty"
            }
        }
    }

    /// The words with every placeholder replaced by `values[name]`.
    public func expand(_ values: [String: [String]]) throws(Problem) -> [String] {
        var out: [String] = []
        for word in words {
            if word.hasPrefix("{"), word.hasSuffix("}"), word.count > 2, !word.dropFirst().dropLast().contains("{") {
                let name = String(word.dropFirst().dropLast())
                guard let list = values[name] else { throw .unknownPlaceholder(name, known: values.keys.sorted()) }
                out += list
                continue
            }
            var text = ""
            var rest = Substring(word)
            while let open = rest.firstIndex(of: "{") {
                text += rest[..<open]
                guard let close = rest[open...].firstIndex(of: "}") else { throw .unclosed(word: word) }
                let name = String(rest[rest.index(after: open)..<close])
                guard let list = values[name] else { throw .unknownPlaceholder(name, known: values.keys.sorted()) }
                guard list.count == 1 else { throw .notOneValue(name, word: word) }
                text += list[0]
                rest = rest[rest.index(after: close)...]
            }
            out.append(text + rest)
        }
        guard !out.isEmpty, !out[0].isEmpty else { throw .empty }
        return out
    }
}
