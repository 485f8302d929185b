import BuildModel

/// `ampu fix`: makes the fixes `ampu check` is certain of (`Diagnostic.Fix.isCertain`) in the
/// workspace's own manifests and sources, as `cargo fix` makes rustc's machine-applicable ones;
/// then says what is left, as `check` does. As Cargo, it refuses to rewrite files git does not
/// hold as committed, unless told to.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Make the fixes `ampu check` is certain of in the workspace's manifests and sources.",
        discussion: """
            Checks the workspace as `ampu check` does and makes every fix that leaves no choice: a \
            missing ';', an import path in single quotes or none, a version written 1.0 for 1.0.0, \
            another tool's spelling of a requirement, [project] for [package], an import written \
            twice, a git repository named by a relative path. Then checks again (fixes can \
            show others) and prints what is left. Only the workspace's own manifests and modules \
            are changed, each written whole. The files must be committed in git first, unless \
            --allow-dirty, --allow-staged or --allow-no-vcs is given.
            """
    )

    @Option(name: .customLong("manifest-path"), help: "The manifest to use instead of searching upward.")
    var manifestPath: String?

    @Option(name: .customLong("message-format"), help: "How to print what is left: human, short or json.")
    var messageFormat: MessageFormat = .human

    @OptionGroup var features: FeatureOptions

    @Flag(name: .customLong("allow-dirty"), help: "Fix files with changes that are not committed (staged or not).")
    var allowDirty = false

    @Flag(name: .customLong("allow-staged"), help: "Fix files with staged changes that are not committed.")
    var allowStaged = false

    @Flag(name: .customLong("allow-no-vcs"), help: "Fix a workspace no git repository holds.")
    var allowNoVCS = false

    /// Rounds of fixes at most, each checked again.
    static let rounds = 4

    func run() throws {
        let check = WorkspaceCheck(manifestPath: manifestPath, messageFormat: messageFormat, features: features.selection(target: nil))
        let first = check.report()
        let root = first.snapshot.root
        refuseUncommitted(in: root)
        let made = CertainFixes.make(from: first, rounds: Self.rounds, fileSystem: LocalFileSystem()) { check.report() }
        for file in made.changedMeanwhile {
            Terminal.standardError.write("warning: '\(Paths.relative(file, from: root))' changed while it was checked: not fixed\n")
        }
        let colors = Terminal.standardError.supportsColor
        for (file, n) in made.fixed.sorted(by: { $0.key < $1.key }) {
            let verb = colors ? "\u{1B}[1;32m       Fixed\u{1B}[0m" : "       Fixed"
            Terminal.standardError.write("\(verb) \(Paths.relative(file, from: root)) (\(n) \(n == 1 ? "fix" : "fixes"))\n")
        }
        if let (file, error) = made.failure {
            ManifestTarget.fail("could not fix '\(Paths.relative(file, from: root))': \(error)")
        }
        check.show(made.report)
        Terminal.exitNow(made.report.errorCount > 0 ? 1 : 0)
    }

    /// As `cargo fix`: files with changes git has not committed are not rewritten (what the fix
    /// changed could not be seen apart, nor undone), nor is a workspace outside any repository,
    /// unless a flag allows it.
    private func refuseUncommitted(in root: String) {
        if allowNoVCS { return }
        switch WorkingTreeChanges.state(of: root, git: GitCLI(environment: Environment.current)) {
        case .noRepository:
            ManifestTarget.fail("no git repository holds the workspace, so what `ampu fix` changes could not be told apart or undone",
                                help: ["make it a repository (`git init`) and commit it, or pass --allow-no-vcs to fix it all the same"])
        case .failed(let reason):
            ManifestTarget.fail("cannot tell whether the workspace has changes that are not committed: \(reason)",
                                help: ["pass --allow-no-vcs to fix it all the same"])
        case .changes(let changes):
            let refused = changes.filter { allowDirty ? false : $0.unstaged || ($0.staged && !allowStaged) }
            guard !refused.isEmpty else { return }
            let listed = refused.map { c in
                "    \(Paths.relative(c.path, from: root)) (\(c.unstaged ? c.staged ? "staged, and changed since" : "changed" : "staged"))\n"
            }.joined()
            let onlyStaged = refused.allSatisfy { !$0.unstaged }
            Terminal.standardError.write("error: `ampu fix` rewrites files, and the workspace has changes that are not committed:\n" + listed
                + "  = help: commit them first, or pass \(onlyStaged ? "--allow-staged" : "--allow-dirty") to fix the files as they are\n")
            Terminal.exitNow(1)
        }
    }
}
