import BuildModel

/// An open document: an immutable snapshot of the editor's buffer.
public struct Document: Sendable {
    public let uri: String
    public let path: String
    public let version: Int
    public let languageID: String
    public let text: SourceText
    /// The largest document the server analyses: 32 MiB. A larger one gets one diagnostic
    /// that says so (`W006`) and no answers.
    public static let analysisLimit = 32 << 20
    /// Parses of this version, made when a feature first needs them.
    let analysis = DocumentAnalysis()

    public init(uri: String, path: String, version: Int, languageID: String, bytes: [UInt8]) {
        self.uri = uri
        self.path = path
        self.version = version
        self.languageID = languageID
        self.text = SourceText(path: path, bytes: bytes)
    }

    /// One change of `textDocument/didChange`: a range and its new text, or the whole text.
    public struct Change: Sendable {
        public var range: (start: LinePosition, end: LinePosition)?
        public var text: String
    }

    /// The document after `changes`, applied in order, each to the result of the previous one.
    public func applying(_ changes: [Change], version: Int, encoding: ColumnEncoding) -> Document {
        var bytes = text.bytes
        var current = text
        for change in changes {
            if let (start, end) = change.range {
                let a = current.offset(of: start, in: encoding)
                let b = max(a, current.offset(of: end, in: encoding))
                bytes.replaceSubrange(a..<b, with: Array(change.text.utf8))
            } else {
                bytes = Array(change.text.utf8)
            }
            if changes.count > 1 { current = SourceText(path: path, bytes: bytes) }
        }
        return Document(uri: uri, path: path, version: version, languageID: languageID, bytes: bytes)
    }
}
