/// A command line with placeholders, as `[toolchain] command` writes it: a word that is exactly
/// `{name}` becomes all of the values it stands for (none, one or many words); a placeholder
/// inside a longer word (`-O{level}`) takes exactly one value.
public struct CommandTemplate: Hashable, Sendable {
    public var words: [String]

    public init(_ words: [String]) { self.words = words }

    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// A placeholder with a name the command line has no value for, in `words[word]`.
        case unknownPlaceholder(String, word: Int)
        case notOneValue(String, word: Int, text: String)
        case unclosed(word: Int, text: String)
        case empty

        public var description: String {
            switch self {
            case .unknownPlaceholder(let name, _): "unknown placeholder '{\(name)}'"
            case .notOneValue(let name, _, let text):
                "'{\(name)}' stands for several words and cannot be part of '\(text)'; write it as a word of its own"
            case .unclosed(_, let text): "'\(text)' has a '{' without its '}'"
            case .empty: "the command line is empty"
            }
        }

        /// The word it is in; nil for a command line with no words.
        public var word: Int? {
            switch self {
            case .unknownPlaceholder(_, let word), .notOneValue(_, let word, _), .unclosed(let word, _): word
            case .empty: nil
            }
        }
    }

    /// A word taken apart: the text between its placeholders, and their names.
    private enum Piece {
        case text(Substring)
        case placeholder(String)
    }

    private static func pieces(of word: String, at index: Int) throws(Problem) -> [Piece] {
        var out: [Piece] = []
        var rest = Substring(word)
        while let open = rest.firstIndex(of: "{") {
            out.append(.text(rest[..<open]))
            guard let close = rest[open...].firstIndex(of: "}") else { throw .unclosed(word: index, text: word) }
            out.append(.placeholder(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        out.append(.text(rest))
        return out
    }

    /// What cannot be expanded whatever the values (a placeholder not among `known`, a `{`
    /// never closed), before any value is known, the first of each word: what a manifest's
    /// check reports.
    public func problems(known: Set<String>) -> [Problem] {
        words.indices.compactMap { i -> Problem? in
            do throws(Problem) {
                for case .placeholder(let name) in try Self.pieces(of: words[i], at: i) where !known.contains(name) {
                    return .unknownPlaceholder(name, word: i)
                }
                return nil
            } catch {
                return error
            }
        }
    }

    /// The words with every placeholder replaced by `values[name]`.
    public func expand(_ values: [String: [String]]) throws(Problem) -> [String] {
        var out: [String] = []
        for (i, word) in words.enumerated() {
            let pieces = try Self.pieces(of: word, at: i)
            // `{name}` as a whole word: all its values, none or many.
            if pieces.count == 3, case .text(let before) = pieces[0], before.isEmpty, case .placeholder(let name) = pieces[1],
               case .text(let after) = pieces[2], after.isEmpty {
                guard let list = values[name] else { throw .unknownPlaceholder(name, word: i) }
                out += list
                continue
            }
            var text = ""
            for piece in pieces {
                switch piece {
                case .text(let t): text += t
                case .placeholder(let name):
                    guard let list = values[name] else { throw .unknownPlaceholder(name, word: i) }
                    guard list.count == 1 else { throw .notOneValue(name, word: i, text: word) }
                    text += list[0]
                }
            }
            out.append(text)
        }
        guard !out.isEmpty, !out[0].isEmpty else { throw .empty }
        return out
    }
}
