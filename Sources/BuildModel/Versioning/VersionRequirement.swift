/// A Cargo-style version requirement: comma-separated comparators, all of which must hold.
///
/// `1.2.3` and `^1.2.3` allow changes that keep the left-most non-zero number; `~1.2.3` allows
/// patch changes; `=`, `>`, `>=`, `<`, `<=` compare; `*`, `1.*` and `1.2.*` are wildcards (`x`
/// and `X` too), and after an operator a wildcard is a number left out (`>=1.2.*` is `>=1.2`).
/// A pre-release version matches only when a comparator names the same `MAJOR.MINOR.PATCH`
/// with a pre-release.
public struct VersionRequirement: Hashable, Sendable, CustomStringConvertible {
    public enum Operator: String, Hashable, Sendable {
        case caret = "^", tilde = "~", exact = "=", greater = ">", greaterOrEqual = ">="
        case less = "<", lessOrEqual = "<=", wildcard = "*"
    }

    /// One comparator; `minor`/`patch` are nil when left out (`^1`, `1.*`).
    public struct Comparator: Hashable, Sendable {
        public var op: Operator
        public var major: UInt64
        public var minor: UInt64?
        public var patch: UInt64?
        public var prerelease: [String]

        /// The half-open interval `[lower, upper)` this comparator allows; nil bounds are open.
        public var interval: (lower: Version?, upper: Version?) {
            let lowest = Version(major, minor ?? 0, patch ?? 0, prerelease: prerelease)
            func bump(_ level: Int) -> Version {
                switch level {
                case 0: Version(major + 1, 0, 0, prerelease: ["0"])
                case 1: Version(major, (minor ?? 0) + 1, 0, prerelease: ["0"])
                default: Version(major, minor ?? 0, (patch ?? 0) + 1, prerelease: ["0"])
                }
            }
            // The finest level written: 0 = major only, 1 = major.minor, 2 = full.
            let written = patch != nil ? 2 : minor != nil ? 1 : 0
            switch op {
            case .exact, .wildcard:
                return written == 2 ? (lowest, lowest.next) : (lowest, bump(written))
            case .caret:
                if major > 0 || written == 0 { return (lowest, bump(0)) }
                if (minor ?? 0) > 0 || written == 1 { return (lowest, bump(1)) }
                return (lowest, bump(2))
            case .tilde:
                return (lowest, bump(written == 0 ? 0 : 1))
            case .greater:
                return (written == 2 ? lowest.next : bump(written), nil)
            case .greaterOrEqual:
                return (lowest, nil)
            case .less:
                return (nil, lowest)
            case .lessOrEqual:
                return (nil, written == 2 ? lowest.next : bump(written))
            }
        }

        public func matches(_ v: Version) -> Bool {
            let (lower, upper) = interval
            if let lower, v < lower { return false }
            if let upper, !(v < upper) { return false }
            return true
        }

        var text: String {
            var s = op == .wildcard ? "" : op.rawValue
            s += "\(major)"
            if let minor { s += ".\(minor)" } else if op == .wildcard { s += ".*" }
            if let patch { s += ".\(patch)" } else if op == .wildcard && minor != nil { s += ".*" }
            if !prerelease.isEmpty { s += "-" + prerelease.joined(separator: ".") }
            return s
        }
    }

    /// Empty for `*` (any version).
    public var comparators: [Comparator]

    public init(comparators: [Comparator]) { self.comparators = comparators }

    public static let any = VersionRequirement(comparators: [])

    public var description: String {
        comparators.isEmpty ? "*" : comparators.map(\.text).joined(separator: ", ")
    }

    public func matches(_ version: Version) -> Bool {
        guard comparators.allSatisfy({ $0.matches(version) }) else { return false }
        if version.isPrerelease {
            return comparators.contains {
                !$0.prerelease.isEmpty && $0.major == version.major && $0.minor == version.minor && $0.patch == version.patch
            }
        }
        return true
    }

    public init?(_ text: String) {
        guard case .success(let r) = VersionRequirement.parse(text) else { return nil }
        self = r
    }

    /// Every form, with a reason for each error. Bytes throughout: this runs for every
    /// dependency of every manifest, first thing in a fresh process.
    public static func parse(_ text: String) -> Result<VersionRequirement, VersionError> {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty {
            return .failure(.invalidRequirement(text, reason: "it is empty; write a version such as '^1.0' or '*' for any version"))
        }
        if trimmed.utf8.contains(0x7C) {
            return .failure(.invalidRequirement(text, reason: "a requirement is one range of versions and cannot say 'or' ('||'); keep the range the package needs"))
        }
        // Nearly every requirement is one comparator: no list to split.
        let pieces = trimmed.utf8.contains(0x2C) ? trimmed.utf8.split(separator: 0x2C, omittingEmptySubsequences: false).map { String(Substring($0)) } : [trimmed]
        var comparators: [Comparator] = []
        comparators.reserveCapacity(pieces.count)
        for piece in pieces {
            let part = piece.trimmingSpaces
            if part.isEmpty {
                return .failure(.invalidRequirement(text, reason: "a comparator between commas is empty"))
            }
            if part.utf8.elementsEqual("*".utf8) {
                if pieces.count > 1 {
                    return .failure(.invalidRequirement(text, reason: "'*' cannot be combined with other comparators"))
                }
                return .success(.any)
            }
            switch parseComparator(part) {
            case .success(let c): comparators.append(c)
            case .failure(let reason): return .failure(.invalidRequirement(text, reason: reason.text))
            }
        }
        return .success(VersionRequirement(comparators: comparators))
    }

    private static func parseComparator(_ text: String) -> Result<Comparator, Reason> {
        let bytes = text.utf8
        var op = Operator.caret
        var i = bytes.startIndex
        let first = bytes[i]
        let second = bytes.index(after: i) < bytes.endIndex ? bytes[bytes.index(after: i)] : 0
        switch first {
        case 0x3E: op = second == 0x3D ? .greaterOrEqual : .greater
        case 0x3C: op = second == 0x3D ? .lessOrEqual : .less
        case 0x5E: op = .caret
        case 0x7E: op = .tilde
        case 0x3D: op = .exact
        default: break
        }
        // No operator written means caret, with nothing to drop.
        let written = first == op.rawValue.utf8.first
        if written { i = bytes.index(i, offsetBy: op.rawValue.utf8.count) }
        while i < bytes.endIndex && (bytes[i] == 0x20 || bytes[i] == 0x09) { i = bytes.index(after: i) }
        var rest = Substring(text)[i...]
        if rest.utf8.first == 0x3D && (op == .greater || op == .less) { return .failure(Reason("write '\(op.rawValue)=' without a space")) }
        if rest.utf8.first == 0x76 { return .failure(Reason("drop the 'v' before '\(rest.dropFirst())'")) }
        if rest.utf8.contains(0x2B) { return .failure(Reason("build metadata ('+…') has no meaning in a requirement")) }
        var prerelease: [String] = []
        if let dash = rest.utf8.firstIndex(of: 0x2D) {
            prerelease = rest.utf8[rest.utf8.index(after: dash)...].split(separator: 0x2E, omittingEmptySubsequences: false).map { String(Substring($0)) }
            rest = rest[..<dash]
            if prerelease.contains(where: { $0.isEmpty || !$0.utf8.allSatisfy { ASCII.isAlphanumeric($0) || $0 == 0x2D } }) {
                return .failure(Reason("the pre-release may only hold dot-separated letters, digits and '-'"))
            }
        }
        // Up to three numbers (or wildcards), read part by part without splitting.
        var numbers: (UInt64?, UInt64?, UInt64?) = (nil, nil, nil)
        var count = 0
        var sawWildcard = false
        var start = rest.utf8.startIndex
        while true {
            let end = rest.utf8[start...].firstIndex(of: 0x2E) ?? rest.utf8.endIndex
            let part = rest.utf8[start..<end]
            count += 1
            if count > 3 { return .failure(Reason("'\(rest)' has more than 3 numbers")) }
            var value: UInt64?
            if part.count == 1, let c = part.first, c == 0x2A || c == 0x78 || c == 0x58 {  // *, x, X
                sawWildcard = true
            } else {
                if sawWildcard { return .failure(Reason("a number cannot follow a wildcard")) }
                switch Version.parseNumber(Substring(part)) {
                case .success(let n): value = n
                case .failure(let reason): return .failure(reason)
                }
            }
            switch count {
            case 1: numbers.0 = value
            case 2: numbers.1 = value
            default: numbers.2 = value
            }
            if end == rest.utf8.endIndex { break }
            start = rest.utf8.index(after: end)
        }
        guard let major = numbers.0 else { return .failure(Reason("the major version cannot be a wildcard here")) }
        // A wildcard after an operator stands for the numbers left out, as Cargo reads it
        // (`>=1.2.*` is `>=1.2`); alone, `1.*` is a wildcard comparator.
        if sawWildcard && !written { op = .wildcard }
        if !prerelease.isEmpty && count < 3 {
            return .failure(Reason("a pre-release needs all three numbers, such as '1.0.0-beta.1'"))
        }
        return .success(Comparator(op: op, major: major, minor: count > 1 ? numbers.1 : nil, patch: count > 2 ? numbers.2 : nil, prerelease: prerelease))
    }
}

extension Version {
    /// The smallest version greater than this one with no pre-release of its own.
    var next: Version {
        prerelease.isEmpty ? Version(major, minor, patch + 1, prerelease: ["0"]) : Version(major, minor, patch, prerelease: prerelease + ["0"])
    }
}

extension String {
    var trimmingSpaces: String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        if first == bytes.startIndex && bytes.index(after: last) == bytes.endIndex { return self }
        return String(self[first...last])
    }
}

extension VersionRequirement {
    /// A requirement written in another tool's spelling, in this one's, with what differs: for
    /// the fix of a requirement that cannot be read. npm's and pub's space-separated comparators
    /// (`>=1.0.0 <2.0.0`) and hyphen ranges (`1.0 - 2.0`), Ruby's and Elixir's `~>`, `=>` and `=<`
    /// for `>=` and `<=`, Python's `==`, a `v` before the version. Nil when none of these makes
    /// a requirement that reads (`1.0 || 2.0`: a requirement cannot say "or").
    public static func likelyMeant(_ text: String) -> (requirement: String, change: String)? {
        let trimmed = text.trimmingSpaces
        let version = #"[vV]?([0-9]+(?:\.[0-9xX*]+){0,2}(?:-[0-9A-Za-z.-]+)?)"#
        if let m = trimmed.wholeMatch(of: try! Regex(#"\s*"# + version + #"\s+-\s+"# + version + #"\s*"#)),
           let low = m.output[1].substring, let high = m.output[2].substring {
            let meant = ">=\(low), <=\(high)"
            return parse(meant).isSuccess ? (meant, "'\(low) - \(high)' is npm's range; here it is written '\(meant)'") : nil
        }
        guard let comparator = try? Regex(#"(~>|=>|=<|==|>=|<=|\^|~|>|<|=)?\s*"# + version) else { return nil }
        var written: [String] = []
        var changes: [String] = []
        var rest = Substring(trimmed)
        while !rest.isEmpty {
            guard let m = rest.prefixMatch(of: comparator), let number = m.output[2].substring else { return nil }
            let op = m.output[1].substring.map(String.init) ?? ""
            let numbers = number.prefix { $0 != "-" }.split(separator: ".").count
            switch op {
            case "~>":
                // `~> 1.2` allows 1.x from 1.2; `~> 1.2.3`, 1.2.x from 1.2.3.
                let major = Int(number.prefix { $0 != "." }) ?? 0
                let meant = numbers >= 3 ? "~\(number)" : major > 0 ? "^\(number)" : ">=\(number), <\(major + 1).0.0"
                written.append(meant)
                changes.append("'~>' is Ruby's and Elixir's operator: '~> \(number)' is '\(meant)' here")
            case "=>", "=<":
                let meant = op == "=>" ? ">=" : "<="
                written.append(meant + number)
                changes.append("'\(op)' is written '\(meant)'")
            case "==":
                written.append("=" + number)
                changes.append("'==' is written '='")
            default:
                written.append(op + number)
            }
            if m.output[0].substring?.contains(where: { $0 == "v" || $0 == "V" }) == true { changes.append("drop the 'v' before '\(number)'") }
            rest = rest[m.range.upperBound...]
            let separator = rest.prefix { $0 == " " || $0 == "\t" || $0 == "," }
            if !rest.isEmpty && separator.isEmpty { return nil }
            if !separator.contains(",") && !rest.dropFirst(separator.count).isEmpty { changes.append("comparators are separated by commas") }
            rest = rest.dropFirst(separator.count)
        }
        let meant = written.joined(separator: ", ")
        guard !changes.isEmpty, meant != trimmed, parse(meant).isSuccess else { return nil }
        var seen: Set<String> = []
        return (meant, changes.filter { seen.insert($0).inserted }.joined(separator: "; "))
    }
}

private extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
