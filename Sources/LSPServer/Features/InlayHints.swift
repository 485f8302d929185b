import BuildModel

/// `textDocument/inlayHint`: in a manifest, the version the lock file chose, after each
/// dependency it records (`json = { git = "…", version = "^1.0" }  locked 1.4.2`).
enum InlayHints {
    static func answer(_ q: FeatureQuery) -> JSONValue {
        guard q.isManifest, let lock = q.snapshot?.lock else { return .array([]) }
        let range = q.range ?? SourceRange(0, q.text.bytes.count)
        var hints: [JSONValue] = []
        for dep in q.manifest.dependencies where range.lowerBound <= dep.range.upperBound && dep.range.upperBound <= range.upperBound {
            guard let locked = lock.package(for: dep) else { continue }
            var tooltip = "\(q.ecosystem.lockFileName ?? "the lock file") has \(locked.version)"
            if let commit = locked.commit { tooltip += " (commit \(commit.prefix(12)))" }
            tooltip += ", from \(locked.source)"
            hints.append([
                "position": q.converter.position(dep.range.upperBound, in: q.text),
                "label": .string("locked \(locked.version)"),
                "paddingLeft": true,
                "tooltip": .string(tooltip),
            ])
        }
        return .array(hints)
    }
}
