import BuildModel

/// What the server says about itself in the `initialize` result's `serverInfo`.
public struct ServerInfo: Sendable, Equatable {
    public var name: String
    public var version: String

    public static let current = ServerInfo(name: ToolInfo.name, version: ToolInfo.version)

    public var json: JSONValue { ["name": .string(name), "version": .string(version)] }
}
