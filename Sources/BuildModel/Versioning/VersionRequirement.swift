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

    private static func parseComparator(_ text: String) -> Result<Comparator, Reason> {
        var rest = Substring(text)
        var op = Operator.caret
        for candidate in [Operator.greaterOrEqual, .lessOrEqual, .caret, .tilde, .exact, .greater, .less] where rest.hasPrefix(candidate.rawValue) {
            op = candidate
            rest = rest.dropFirst(candidate.rawValue.count)
            break
        }
        rest = Substring(String(rest).trimmingSpaces)
        if rest.hasPrefix("=") && (op == .greater || op == .less) { return .failure(Reason("write '\(op.rawValue)=' without a space")) }
        if rest.hasPrefix("v") { return .failure(Reason("drop the 'v' before '\(rest.dropFirst())'")) }
        if rest.contains("+") { return .failure(Reason("build metadata ('+…') has no meaning in a requirement")) }
        var prerelease: [String] = []
        if let dash = rest.firstIndex(of: "-") {
            prerelease = rest[rest.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            rest = rest[..<dash]
            if prerelease.contains(where: { $0.isEmpty || !$0.allSatisfy(Version.isIdentifierCharacter) }) {
                return .failure(Reason("the pre-release may only hold dot-separated letters, digits and '-'"))
            }
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return .failure(Reason("'\(rest)' has more than 3 numbers")) }
        var numbers: [UInt64?] = []
        var sawWildcard = false
        for part in parts {
            if part == "*" || part == "x" || part == "X" {
                sawWildcard = true
                numbers.append(nil)
                continue
            }
            if sawWildcard { return .failure(Reason("a number cannot follow a wildcard")) }
            switch Version.parseNumber(part) {
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
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
