/// The git command line, as ampu uses it for git dependencies: an argument vector with `--`
/// before anything a user wrote, a timeout, and URLs that could run commands refused. Git's own
/// configuration applies, `url.<base>.insteadOf` included (how a user mirrors `github.com`).
public struct GitCLI: Sendable {
    public var environment: [String: String]
    public var timeout: Double

    public init(environment: [String: String], timeout: Double = 300) {
        // Never ask for a password on a terminal: a fetch must fail, not wait.
        var env = environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        self.environment = env
        self.timeout = timeout
    }

    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case refusedURL(String, reason: String)
        case failed(command: String, message: String)

        public var description: String {
            switch self {
            case .refusedURL(let url, let reason): "git URL '\(url)' is refused: \(reason)"
            case .failed(let command, let message): "`git \(command)` failed: \(message)"
            }
        }
    }

    /// A URL git may be given: not an option, not a transport that runs a program.
    public static func check(url: String) throws(Failure) {
        if url.isEmpty { throw .refusedURL(url, reason: "it is empty") }
        if url.hasPrefix("-") { throw .refusedURL(url, reason: "it begins with '-', which git would read as an option") }
        for transport in ["ext::", "fd::"] where url.hasPrefix(transport) {
            throw .refusedURL(url, reason: "the '\(transport)' transport runs commands")
        }
    }

    /// Whether a `git` value is a relative path (`../json`, `./vendor/x`): git reads one from
    /// the directory it runs in.
    public static func isRelativePath(_ value: String) -> Bool {
        value == "." || value == ".." || value.hasPrefix("./") || value.hasPrefix("../")
    }

    /// Whether a `git` value is a path on this machine, absolute or relative (not a URL).
    public static func isPath(_ value: String) -> Bool {
        value.hasPrefix("/") || isRelativePath(value)
    }

    /// A `git` value with a relative path made absolute from `directory` (the manifest's: where
    /// the writer meant it from); any other value as it is.
    public static func resolvingRelativePath(_ value: String, from directory: String) -> String {
        isRelativePath(value) ? Paths.normalize(Paths.join(directory, value)) : value
    }

    /// A ref or commit git may be given.
    public static func check(ref: String) throws(Failure) {
        if ref.isEmpty || ref.hasPrefix("-") { throw .refusedURL(ref, reason: "a ref cannot be empty or begin with '-'") }
    }

    /// Where a git dependency lives as an import path names it: the URL without its scheme, user,
    /// `.git` and trailing `/` (`https://github.com/user/json.git`, `git@github.com:user/json` and
    /// `github.com/user/json` are all `github.com/user/json`). Asthra's compiler matches imports
    /// against it, and the cache keeps checkouts under it.
    public static func location(ofURL url: String) -> String {
        var text = Substring(url)
        let bytes = Array(url.utf8)
        if let i = bytes.indices.first(where: { bytes[$0] == 0x3A && $0 + 2 < bytes.count && bytes[$0 + 1] == 0x2F && bytes[$0 + 2] == 0x2F }) {
            text = Substring(text.utf8.dropFirst(i + 3))
        }
        if let at = text.firstIndex(of: "@"), !text[..<at].contains("/") { text = text[text.index(after: at)...] }
        // scp-like `host:user/repo`
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/") {
            text = text[..<colon] + "/" + text[text.index(after: colon)...]
        }
        while text.hasSuffix("/") { text = text.dropLast() }
        if text.hasSuffix(".git") { text = text.dropLast(4) }
        return String(text)
    }

    /// Where `github.com/user/repo` is fetched from unless the manifest names a URL.
    public static func url(forLocation location: String) -> String {
        location.contains("://") || location.contains("@") || isPath(location) ? location : "https://\(location).git"
    }

    /// The user's `url.<base>.insteadOf` rules, read with one `git config` run in `/` (outside
    /// any repository: only the user's and the system's configuration apply, as for a clone):
    /// each prefix and the base that replaces it, in the order of the configuration. Empty
    /// when there are none; nil when git cannot say.
    public func urlRewrites() -> [(prefix: String, base: String)]? {
        let result: ProcessRunner.Result
        do {
            result = try ProcessRunner.run(["git", "config", "--null", "--get-regexp", "^url\\..*\\.insteadof$"], directory: "/",
                                           environment: environment, timeout: timeout)
        } catch {
            return nil
        }
        // git config exits with 1 when no key matches.
        if result.status == 1 && result.stdout.isEmpty { return [] }
        guard result.succeeded else { return nil }
        var rules: [(prefix: String, base: String)] = []
        for entry in result.stdout.split(separator: 0) {
            // `url.<base>.insteadof`, a newline, the value.
            guard let newline = entry.firstIndex(of: 0x0A) else { return nil }
            let key = String(decoding: entry[..<newline], as: UTF8.self)
            guard key.hasPrefix("url."), key.hasSuffix(".insteadof") else { return nil }
            rules.append((String(decoding: entry[(newline + 1)...], as: UTF8.self), String(key.dropFirst(4).dropLast(10))))
        }
        return rules
    }

    /// `url` rewritten as git rewrites it: the longest prefix among the rules wins and is
    /// replaced by its base; unchanged when none matches. git keeps the rules by base, each base
    /// where it first appears in the configuration: on a tie, the rule of the base that appeared
    /// first wins, even where another base's rule came before it.
    public static func rewrite(_ url: String, by rules: [(prefix: String, base: String)]) -> String {
        // Byte by byte, as git compares (`hasPrefix` and `==` would take canonically equal text as equal).
        var firstSeen: [[UInt8]: Int] = [:]
        for rule in rules where firstSeen[Array(rule.base.utf8)] == nil { firstSeen[Array(rule.base.utf8)] = firstSeen.count }
        let ordered = rules.enumerated().sorted { a, b in
            (firstSeen[Array(a.element.base.utf8)]!, a.offset) < (firstSeen[Array(b.element.base.utf8)]!, b.offset)
        }.map(\.element)
        var best: (prefix: String, base: String)?
        for rule in ordered where url.utf8.starts(with: rule.prefix.utf8) && rule.prefix.utf8.count > (best?.prefix.utf8.count ?? -1) { best = rule }
        guard let best else { return url }
        return best.base + String(url.utf8.dropFirst(best.prefix.utf8.count))!
    }

    /// The path of a `file://` URL on this machine (`file:///p` or `file://localhost/p`); nil
    /// for another host, a relative path or percent-escapes (left to git to read).
    static func path(ofFileURL url: String) -> String? {
        guard url.hasPrefix("file://") else { return nil }
        var rest = url.dropFirst(7)
        if rest.hasPrefix("localhost/") { rest = rest.dropFirst(9) }
        guard rest.hasPrefix("/"), !rest.contains("%") else { return nil }
        return String(rest)
    }

    /// Runs git; its standard output. A failure throws with git's own reason.
    @discardableResult
    public func run(_ arguments: [String], in directory: String? = nil, adding extra: [String: String] = [:]) throws(Failure) -> String {
        try outputs(arguments, in: directory, adding: extra).stdout
    }

    /// Runs git; its standard output and standard error.
    func outputs(_ arguments: [String], in directory: String? = nil, adding extra: [String: String] = [:]) throws(Failure) -> (stdout: String, stderr: String) {
        let result: ProcessRunner.Result
        do {
            result = try ProcessRunner.run(["git"] + arguments, directory: directory, environment: environment.merging(extra) { $1 }, timeout: timeout)
        } catch {
            throw .failed(command: arguments.first ?? "", message: "\(error)")
        }
        guard result.succeeded else {
            // git's first `fatal:`/`error:` line says what went wrong; the rest is advice.
            let lines = result.stderrText.split(separator: "\n").map(String.init)
            let reason = lines.first { $0.hasPrefix("fatal: ") || $0.hasPrefix("error: ") } ?? lines.last
            let message = result.timedOut ? "no answer in \(Int(timeout)) s" : reason ?? "exit status \(result.status)"
            throw .failed(command: Self.subcommand(arguments), message: message)
        }
        return (result.stdoutText, result.stderrText)
    }

    /// The subcommand of an argument list (`fetch`, past `--git-dir DIR` and `-c NAME=VALUE`), for messages.
    static func subcommand(_ arguments: [String]) -> String {
        var i = 0
        while i < arguments.count {
            if ["--git-dir", "-C", "-c"].contains(arguments[i]) { i += 2; continue }
            if !arguments[i].hasPrefix("-") { return arguments[i] }
            i += 1
        }
        return arguments.first ?? ""
    }

    /// The tags of a repository and the commits they name (annotated tags peeled).
    public func tags(of url: String) throws(Failure) -> [(tag: String, commit: String)] {
        try Self.check(url: url)
        var out: [String: String] = [:]
        var peeled: [String: String] = [:]
        for line in try run(["ls-remote", "--tags", "--", url]).split(separator: "\n") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, parts[1].hasPrefix("refs/tags/") else { continue }
            var name = String(parts[1].dropFirst("refs/tags/".count))
            if name.hasSuffix("^{}") {
                name.removeLast(3)
                peeled[name] = String(parts[0])
            } else {
                out[name] = String(parts[0])
            }
        }
        return out.keys.sorted().map { ($0, peeled[$0] ?? out[$0]!) }
    }

    /// A repository's branches and tags as it advertises them, each with the object it names
    /// (an annotated tag's own object, not peeled), by ref (`refs/heads/main`, `refs/tags/v1.0.0`).
    public func refs(of url: String) throws(Failure) -> [String: String] {
        try Self.check(url: url)
        var out: [String: String] = [:]
        for line in try run(["ls-remote", "--refs", "--heads", "--tags", "--", url]).split(separator: "\n") {
            let parts = line.split(separator: "\t")
            if parts.count == 2 { out[String(parts[1])] = String(parts[0]) }
        }
        return out
    }

    /// The tags of a local mirror and the commits they name, without the network.
    public func tags(ofMirror mirror: String) throws(Failure) -> [(tag: String, commit: String)] {
        // What each tag names, and for an annotated one what that names (one step: a tag of a
        // tag is peeled to its commit by rev-parse after). A tag of a tree or a blob is no version.
        let text = try run(["--git-dir", mirror, "for-each-ref", "--format=%(refname:strip=2) %(objecttype) %(objectname) %(*objecttype) %(*objectname)", "refs/tags"])
        var out: [(tag: String, commit: String)] = []
        var nested: [String] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count >= 3 else { continue }
            switch (parts[1], parts.count > 4 ? parts[3] : nil) {
            case ("commit", nil): out.append((parts[0], parts[2]))
            case ("tag", "commit"?): out.append((parts[0], parts[4]))
            case ("tag", "tag"?): nested.append(parts[0])
            default: continue
            }
        }
        // Rare: one process each, and one that ends at no commit is left out.
        for tag in nested {
            if let said = try? run(["--git-dir", mirror, "rev-parse", "--verify", "--quiet", "refs/tags/\(tag)^{commit}"]), let commit = said.split(separator: "\n").first {
                out.append((tag, String(commit)))
            }
        }
        return out.sorted { $0.tag < $1.tag }
    }

    /// The version a tag names: `v1.2.3` or `1.2.3`.
    public static func version(ofTag tag: String) -> Version? {
        Version(tag.hasPrefix("v") ? String(tag.dropFirst()) : tag)
    }
}
