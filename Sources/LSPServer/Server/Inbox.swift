import Synchronization

/// What the reader has received and the server not yet handled: how many messages wait,
/// which requests were cancelled, and how many edits each document has had. Shared between
/// the reader thread and the server, so a request can see that it was cancelled or that its
/// document changed while it waited.
public final class Inbox: Sendable {
    private struct State {
        var pending = 0
        var cancelled: Set<RequestID> = []
        var edits: [String: Int] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// One message as the server gets it, with the edit count of its document at receipt.
    public struct Envelope: Sendable {
        public var message: IncomingMessage
        public var editsAtReceipt: Int
    }

    /// Records a message as it arrives; nil when nothing is left for the server to do
    /// (`$/cancelRequest` is handled here, before the request it cancels is taken).
    public func receive(_ message: IncomingMessage) -> Envelope? {
        state.withLock { s in
            if case .notification("$/cancelRequest", let params) = message {
                if let id = RequestID(params["id"]) { s.cancelled.insert(id) }
                return nil
            }
            let uri = message.documentURI
            if case .notification(let method, _) = message, let uri,
               method == "textDocument/didChange" || method == "textDocument/didClose" {
                s.edits[uri, default: 0] += 1
            }
            s.pending += 1
            return Envelope(message: message, editsAtReceipt: uri.map { s.edits[$0] ?? 0 } ?? 0)
        }
    }

    /// Marks a message as taken by the server.
    public func take() {
        state.withLock { $0.pending -= 1 }
    }

    /// Messages received and not yet taken.
    public var pendingCount: Int { state.withLock { $0.pending } }

    /// Whether the request was cancelled (forgetting the cancellation).
    public func wasCancelled(_ id: RequestID) -> Bool {
        state.withLock { $0.cancelled.remove(id) != nil }
    }

    /// Whether the document has been edited since `count` edits.
    public func editedSince(_ uri: String, _ count: Int) -> Bool {
        state.withLock { ($0.edits[uri] ?? 0) > count }
    }
}
