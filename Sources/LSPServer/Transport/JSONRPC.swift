import BuildModel

/// A request id: JSON-RPC allows numbers and strings.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case number(Int64)
    case string(String)

    /// Nil for anything but an integer or a string. A number written with a fraction or an
    /// exponent (`1.0`, `1e3`) is accepted when it is a whole number within Int64; `1e300`,
    /// `1.5` and the like are not ids.
    init?(_ json: JSONValue?) {
        switch json {
        case .int(let n)?: self = .number(n)
        case .string(let s)?: self = .string(s)
        case .double(let d)?:
            guard let n = Int64(exactly: d) else { return nil }
            self = .number(n)
        default: return nil
        }
    }

    public var json: JSONValue {
        switch self {
        case .number(let n): .int(n)
        case .string(let s): .string(s)
        }
    }

    public var description: String {
        switch self {
        case .number(let n): String(n)
        case .string(let s): "\"\(s)\""
        }
    }
}

/// JSON-RPC and LSP error codes.
public enum ErrorCode: Int64, Sendable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
    case requestFailed = -32803
    case contentModified = -32801
    case requestCancelled = -32800
}

/// An error reply.
public struct ResponseError: Error, Hashable, Sendable {
    public var code: ErrorCode
    public var message: String

    public init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public var json: JSONValue { ["code": .int(code.rawValue), "message": .string(message)] }

    public static func invalidParams(_ message: String) -> ResponseError { ResponseError(.invalidParams, message) }
}

/// One message from the client.
public enum IncomingMessage: Sendable {
    case request(id: RequestID, method: String, params: JSONValue)
    case notification(method: String, params: JSONValue)
    /// A reply to a request the server sent (such as `client/registerCapability`).
    case response(id: RequestID, result: JSONValue?, error: JSONValue?)
    /// Not JSON, or not a JSON-RPC message: answered with an error, with the id when known.
    case invalid(id: RequestID?, error: ResponseError)

    /// Parses one framed body.
    public static func parse(_ body: [UInt8]) -> IncomingMessage {
        let json: JSONValue
        do {
            json = try JSON.parse(body)
        } catch {
            return .invalid(id: nil, error: ResponseError(.parseError, "the message is not valid JSON: \(error)"))
        }
        guard case .object(let object) = json else {
            return .invalid(id: nil, error: ResponseError(.invalidRequest, "a message must be a JSON object"))
        }
        let id = RequestID(object["id"])
        if let method = object["method"] {
            guard case .string(let name) = method else {
                return .invalid(id: id, error: ResponseError(.invalidRequest, "'method' must be a string"))
            }
            let params = object["params"] ?? .null
            if object["id"] == nil || object["id"] == .null { return .notification(method: name, params: params) }
            guard let id else { return .invalid(id: nil, error: ResponseError(.invalidRequest, "'id' must be a number or a string")) }
            return .request(id: id, method: name, params: params)
        }
        if let id, object["result"] != nil || object["error"] != nil {
            return .response(id: id, result: object["result"], error: object["error"])
        }
        return .invalid(id: id, error: ResponseError(.invalidRequest, "a message needs 'method' (a request or notification) or 'result'/'error' (a response)"))
    }

    /// The document a request or notification is about, when it names one.
    public var documentURI: String? {
        let params: JSONValue
        switch self {
        case .request(_, _, let p), .notification(_, let p): params = p
        default: return nil
        }
        return params["textDocument"]?["uri"]?.stringValue
    }
}

/// Builders for outgoing messages.
public enum OutgoingMessage {
    public static func response(id: RequestID?, result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id?.json ?? .null, "result": result]
    }

    public static func error(id: RequestID?, _ error: ResponseError) -> JSONValue {
        ["jsonrpc": "2.0", "id": id?.json ?? .null, "error": error.json]
    }

    public static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }

    public static func request(id: RequestID, _ method: String, _ params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id.json, "method": .string(method), "params": params]
    }
}
