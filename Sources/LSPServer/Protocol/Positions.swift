import BuildModel

/// Conversions between byte ranges of a text and LSP positions, in the negotiated encoding.
public struct PositionConverter: Sendable {
    public let encoding: ColumnEncoding

    public func position(_ offset: Int, in text: SourceText) -> JSONValue {
        let p = text.position(of: offset, in: encoding)
        return ["line": .int(Int64(p.line)), "character": .int(Int64(p.column))]
    }

    public func range(_ range: SourceRange, in text: SourceText) -> JSONValue {
        ["start": position(range.lowerBound, in: text), "end": position(range.upperBound, in: text)]
    }

    public func offset(_ position: LinePosition, in text: SourceText) -> Int {
        text.offset(of: position, in: encoding)
    }
}

/// Reading typed values out of request parameters; a missing or mistyped field is InvalidParams.
extension JSONValue {
    func required(_ key: String) throws(ResponseError) -> JSONValue {
        guard let v = self[key], !v.isNull else { throw .invalidParams("missing '\(key)'") }
        return v
    }

    func requiredString(_ key: String) throws(ResponseError) -> String {
        guard let s = try required(key).stringValue else { throw .invalidParams("'\(key)' must be a string") }
        return s
    }

    func requiredInt(_ key: String) throws(ResponseError) -> Int {
        guard let i = try required(key).intValue else { throw .invalidParams("'\(key)' must be an integer") }
        return Int(i)
    }

    /// `{line, character}`.
    func linePosition() throws(ResponseError) -> LinePosition {
        let line = try requiredInt("line"), character = try requiredInt("character")
        guard line >= 0, character >= 0 else { throw .invalidParams("a position's line and character must not be negative") }
        return LinePosition(line: line, column: character)
    }

    /// `{start, end}`.
    func lineRange() throws(ResponseError) -> (start: LinePosition, end: LinePosition) {
        (try required("start").linePosition(), try required("end").linePosition())
    }

    /// `params.textDocument.uri`.
    func documentURI() throws(ResponseError) -> String {
        try required("textDocument").requiredString("uri")
    }
}
