/// A semantic version: `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`.
public struct Version: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var major: UInt64
    public var minor: UInt64
    public var patch: UInt64
    /// Dot-separated pre-release identifiers (`alpha.1`); empty for a release.
    public var prerelease: [String]
    /// Build metadata: it orders versions of one precedence, and no requirement reads it.
    public var build: [String]

    public init(_ major: UInt64, _ minor: UInt64, _ patch: UInt64, prerelease: [String] = [], build: [String] = []) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.build = build
    }

    public var isPrerelease: Bool { !prerelease.isEmpty }

    public var description: String {
        var s = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { s += "-" + prerelease.joined(separator: ".") }
        if !build.isEmpty { s += "+" + build.joined(separator: ".") }
        return s
    }

    /// Parses a full version; the error says what is wrong in words.
    public static func parse(_ text: String) -> Result<Version, VersionError> {
        var core = Substring(text)
        var build: [String] = []
        var prerelease: [String] = []
        if let plus = core.firstIndex(of: "+") {
            let meta = core[core.index(after: plus)...]
            core = core[..<plus]
            build = meta.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if build.contains(where: { $0.isEmpty || !$0.allSatisfy(Version.isIdentifierCharacter) }) {
                return .failure(.invalid(text, reason: "build metadata '\(meta)' may only hold dot-separated letters, digits and '-'"))
            }
        }
        if let dash = core.firstIndex(of: "-") {
            let pre = core[core.index(after: dash)...]
            core = core[..<dash]
            prerelease = pre.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            for id in prerelease {
                if id.isEmpty || !id.allSatisfy(Version.isIdentifierCharacter) {
                    return .failure(.invalid(text, reason: "pre-release '\(pre)' may only hold dot-separated letters, digits and '-'"))
                }
                if id.count > 1 && id.first == "0" && id.allSatisfy(\.isASCIIDigit) {
                    return .failure(.invalid(text, reason: "pre-release number '\(id)' has a leading zero"))
                }
            }
        }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            let hint = parts.count < 3 ? "it has \(parts.count) of the 3 numbers MAJOR.MINOR.PATCH" : "it has more than 3 numbers"
            return .failure(.invalid(text, reason: hint))
        }
        var numbers: [UInt64] = []
        for part in parts {
            switch parseNumber(part) {
            case .success(let n): numbers.append(n)
            case .failure(let reason): return .failure(.invalid(text, reason: reason.text))
            }
        }
        return .success(Version(numbers[0], numbers[1], numbers[2], prerelease: prerelease, build: build))
    }

    public init?(_ text: String) {
        guard case .success(let v) = Version.parse(text) else { return nil }
        self = v
    }

    static func isIdentifierCharacter(_ c: Character) -> Bool {
        c.asciiValue.map { ASCII.isAlphanumeric($0) || $0 == 0x2D } ?? false
    }

    /// A version number part: digits, no leading zero, fits 64 bits.
    static func parseNumber(_ part: Substring) -> Result<UInt64, Reason> {
        if part.isEmpty { return .failure(Reason("a number is missing")) }
        guard part.utf8.allSatisfy(ASCII.isDigit) else { return .failure(Reason("'\(part)' is not a number")) }
        if part.utf8.count > 1 && part.utf8.first == 0x30 { return .failure(Reason("'\(part)' has a leading zero")) }
        guard let n = UInt64(part) else { return .failure(Reason("'\(part)' is too large")) }
        return .success(n)
    }

    /// SemVer precedence (numbers, then a pre-release before its release), and then, between
    /// versions of one precedence, their build metadata, none first: the total order Cargo's
    /// semver crate gives, which agrees with `==`. Requirements never name build metadata, so
    /// it never decides whether one matches: `=1.0.0` and `<=1.0.0` hold `1.0.0+abc`, `<1.0.0`
    /// does not.
    public static func < (a: Version, b: Version) -> Bool {
        if a.major != b.major { return a.major < b.major }
        if a.minor != b.minor { return a.minor < b.minor }
        if a.patch != b.patch { return a.patch < b.patch }
        if a.prerelease.isEmpty != b.prerelease.isEmpty { return !a.prerelease.isEmpty }
        if a.prerelease != b.prerelease { return identifiersAscend(a.prerelease, b.prerelease) }
        return identifiersAscend(a.build, b.build)
    }

    /// Whether dot-separated identifiers `a` order before `b`: one by one, numbers by value (and
    /// `1` before `01`) before words, words by their bytes; a list that runs out first is less.
    static func identifiersAscend(_ a: [String], _ b: [String]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            let xNumeric = x.utf8.allSatisfy(ASCII.isDigit), yNumeric = y.utf8.allSatisfy(ASCII.isDigit)
            if xNumeric != yNumeric { return xNumeric }
            guard xNumeric else { return x.utf8.lexicographicallyPrecedes(y.utf8) }
            // Numbers of any length: fewer digits once leading zeros are gone is less.
            let xValue = x.utf8.drop { $0 == 0x30 }, yValue = y.utf8.drop { $0 == 0x30 }
            if xValue.count != yValue.count { return xValue.count < yValue.count }
            if !xValue.elementsEqual(yValue) { return xValue.lexicographicallyPrecedes(yValue) }
            return x.utf8.count < y.utf8.count
        }
        return a.count < b.count
    }
}

/// Why a version or requirement could not be read.
public enum VersionError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalid(String, reason: String)
    case invalidRequirement(String, reason: String)

    public var description: String {
        switch self {
        case .invalid(let text, let reason):
            "invalid version '\(text)': \(reason); write MAJOR.MINOR.PATCH, such as '1.0.0'"
        case .invalidRequirement(let text, let reason):
            "invalid version requirement '\(text)': \(reason)"
        }
    }

    /// The reason alone, without the quoted input.
    public var reason: String {
        switch self {
        case .invalid(_, let r), .invalidRequirement(_, let r): r
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map(ASCII.isDigit) ?? false }
}

/// A failure explained in words, for parsers that return `Result`.
struct Reason: Error {
    var text: String
    init(_ text: String) { self.text = text }
}

extension Version {
    /// The version a malformed one most likely means, for a fix to offer: the numbers that are
    /// missing filled in with zeros (`1.0` → 1.0.0, `2` → 2.0.0), a leading `v` dropped
    /// (`v1.2.3`), leading zeros dropped (`01.2.03`); nil when no such repair makes a version
    /// (`1.x`, `1.2.3.4`: which numbers were meant cannot be told).
    public static func likelyMeant(_ text: String) -> Version? {
        var rest = Substring(text.trimmingSpaces)
        if rest.first == "v" || rest.first == "V" { rest = rest.dropFirst() }
        let end = rest.firstIndex { $0 == "-" || $0 == "+" } ?? rest.endIndex
        let parts = rest[..<end].split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 19 && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let numbers = parts.map { String(UInt64($0)!) } + Array(repeating: "0", count: 3 - parts.count)
        return Version(numbers.joined(separator: ".") + rest[end...])
    }
}
