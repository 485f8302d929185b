/// A Cargo-style version requirement: comma-separated comparators, all of which must hold.
///
/// `1.2.3` and `^1.2.3` allow changes that keep the left-most non-zero number; `~1.2.3` allows
/// patch changes; `=`, `>`, `>=`, `<`, `<=` compare; `*`, `1.*` and `1.2.*` are wildcards.
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

    public static func parse(_ text: String) -> Result<VersionRequirement, VersionError> {
        if let simple = simpleComparator(text) { return .success(VersionRequirement(comparators: [simple])) }
        return parseInFull(text)
    }

    /// Every form, with a reason for each error.
    static func parseInFull(_ text: String) -> Result<VersionRequirement, VersionError> {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty {
            return .failure(.invalidRequirement(text, reason: "it is empty; write a version such as '^1.0' or '*' for any version"))
        }
        var comparators: [Comparator] = []
        for piece in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let part = String(piece).trimmingSpaces
            if part.isEmpty {
                return .failure(.invalidRequirement(text, reason: "a comparator between commas is empty"))
            }
            if part == "*" {
                if trimmed.split(separator: ",").count > 1 {
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

    /// The form nearly every manifest uses, read in one pass over the bytes: an optional
    /// operator and one to three numbers (`^1.2`, `~1.2.3`, `>=2`). Nil for anything else
    /// (spaces, wildcards, pre-releases, leading zeros, lists, errors), which the full parser handles.
    static func simpleComparator(_ text: String) -> Comparator? {
        var op = Operator.caret
        var numbers: [UInt64] = []
        numbers.reserveCapacity(3)
        var current: UInt64 = 0
        var digits = 0
        var leadingZero = false
        var start = true
        for b in text.utf8 {
            if start {
                start = false
                switch b {
                case 0x5E: op = .caret; continue
                case 0x7E: op = .tilde; continue
                case 0x3D: op = .exact; continue
                case 0x3E: op = .greater; continue
                case 0x3C: op = .less; continue
                default: break
                }
            }
            if b == 0x3D && digits == 0 && numbers.isEmpty && (op == .greater || op == .less) {
                op = op == .greater ? .greaterOrEqual : .lessOrEqual
                continue
            }
            if ASCII.isDigit(b) {
                if digits == 1 && leadingZero { return nil }
                if digits == 0 { leadingZero = b == 0x30 }
                digits += 1
                if digits > 18 { return nil }
                current = current * 10 + UInt64(b - 0x30)
            } else if b == 0x2E {
                if digits == 0 || numbers.count == 2 { return nil }
                numbers.append(current)
                current = 0
                digits = 0
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        numbers.append(current)
        return Comparator(op: op, major: numbers[0], minor: numbers.count > 1 ? numbers[1] : nil,
                          patch: numbers.count > 2 ? numbers[2] : nil, prerelease: [])
    }

    private static func parseComparator(_ text: String) -> Result<Comparator, Reason> {
        // Byte checks throughout: this runs for every dependency of every manifest.
        var rest = Substring(text)
        var op = Operator.caret
        let head = Array(rest.utf8.prefix(2))
        let second = head.count > 1 ? head[1] : 0
        switch head.first {
        case 0x3E: op = second == 0x3D ? .greaterOrEqual : .greater
        case 0x3C: op = second == 0x3D ? .lessOrEqual : .less
        case 0x5E: op = .caret
        case 0x7E: op = .tilde
        case 0x3D: op = .exact
        default: break
        }
        // No operator written means caret, with nothing to drop.
        if head.first == op.rawValue.utf8.first { rest = rest.dropFirst(op.rawValue.utf8.count) }
        rest = Substring(String(rest).trimmingSpaces)
        if rest.utf8.first == 0x3D && (op == .greater || op == .less) { return .failure(Reason("write '\(op.rawValue)=' without a space")) }
        if rest.utf8.first == 0x76 { return .failure(Reason("drop the 'v' before '\(rest.dropFirst())'")) }
        if rest.utf8.contains(0x2B) { return .failure(Reason("build metadata ('+…') has no meaning in a requirement")) }
        var prerelease: [String] = []
        if let dash = rest.utf8.firstIndex(of: 0x2D) {
            prerelease = rest[rest.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            rest = rest[..<dash]
            if prerelease.contains(where: { $0.isEmpty || !$0.allSatisfy(Version.isIdentifierCharacter) }) {
                return .failure(Reason("the pre-release may only hold dot-separated letters, digits and '-'"))
            }
        }
        let parts = rest.utf8.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return .failure(Reason("'\(rest)' has more than 3 numbers")) }
        var numbers: [UInt64?] = []
        var sawWildcard = false
        for part in parts {
            if part.count == 1, let c = part.first, c == 0x2A || c == 0x78 || c == 0x58 {  // *, x, X
                sawWildcard = true
                numbers.append(nil)
                continue
            }
            if sawWildcard { return .failure(Reason("a number cannot follow a wildcard")) }
            switch Version.parseNumber(Substring(part)) {
            case .success(let n): numbers.append(n)
            case .failure(let reason): return .failure(reason)
            }
        }
        guard let major = numbers[0] else { return .failure(Reason("the major version cannot be a wildcard here")) }
        if sawWildcard {
            if op != .caret { return .failure(Reason("a wildcard cannot follow '\(op.rawValue)'")) }
            op = .wildcard
        }
        if !prerelease.isEmpty && numbers.count < 3 {
            return .failure(Reason("a pre-release needs all three numbers, such as '1.0.0-beta.1'"))
        }
        return .success(Comparator(
            op: op, major: major, minor: numbers.count > 1 ? numbers[1] : nil,
            patch: numbers.count > 2 ? numbers[2] : nil, prerelease: prerelease))
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
