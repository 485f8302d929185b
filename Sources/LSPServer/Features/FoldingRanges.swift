import BuildModel

/// `textDocument/foldingRange`: what the editor can fold. A manifest's tables and values
/// written over several lines and its runs of comment lines (`ManifestDocument.foldingRegions`);
/// a source file's imports. Lines only, as every client takes them.
enum FoldingRanges {
    static func answer(_ q: FeatureQuery) -> JSONValue {
        let regions: [FoldingRegion]
        if q.isManifest {
            regions = q.manifestDocument.foldingRegions()
        } else {
            regions = FoldingRegion.imports(q.sourceImports().statements, in: q.text).map { [$0] } ?? []
        }
        return .array(regions.prefix(q.client.foldingRangeLimit ?? regions.count).map { r in
            ["startLine": .int(Int64(r.startLine)), "endLine": .int(Int64(r.endLine)), "kind": .string(r.kind.rawValue)]
        })
    }
}
