/// Build settings written in a workspace member (`[build]`, `[profile.*]`): a build takes the
/// workspace root's alone, as Cargo takes only the root's profiles, so a member's are said to
/// go unused (M028) rather than ignored in silence.
enum MemberBuildSettings {
    /// The warning for `member`'s build settings, at the first of them; nil when it has none.
    static func unused(in member: PackageManifest, root: PackageManifest) -> Diagnostic? {
        let build = member.build
        let keys: [SourceRange] = [build.outputDirectory?.keyRange, build.target?.keyRange, build.defaultProfile?.keyRange,
                                   build.optimization?.keyRange, build.debugInfo?.keyRange, build.jobs?.keyRange, build.timeout?.keyRange]
            .compactMap { $0 } + build.profiles.map(\.name.range)
        guard let first = keys.min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        let rootFile = Paths.relative(root.path, from: member.directory)
        return Diagnostic(severity: .warning, code: DiagnosticCode.unusedMemberBuildSettings.rawValue,
                          message: "build settings in a workspace member are not used: every build takes those of the workspace root",
                          file: member.path, range: first, label: "not used",
                          notes: ["the root is \(rootFile); its build settings apply to every member, as Cargo takes only the root's profiles"],
                          help: ["move them to \(rootFile), or remove them here"])
    }
}
