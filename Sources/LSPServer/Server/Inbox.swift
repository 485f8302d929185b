import Synchronization

/// What the reader has received and the server not yet handled: how many messages wait,
/// which requests are waiting and which of those were cancelled, and how many edits each
/// document has had. Shared between the reader thread and the server, so a request can see
/// that it was cancelled or that its document changed while it waited.
public final class Inbox: Sendable {
    private struct State {
        var pending = 0
        /// Requests received and not yet answered, with how many share the id (a client may
        /// reuse one).
        var waiting: [RequestID: Int] = [:]
        /// Only ever a subset of `waiting`: a cancellation for anything else is dropped, so it
        /// cannot cancel a later request that reuses the id, and cannot pile up.
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
                if let id = RequestID(params["id"]), s.waiting[id] != nil { s.cancelled.insert(id) }
                return nil
            }
            if case .request(let id, _, _) = message { s.waiting[id, default: 0] += 1 }
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

    /// Marks the request as being answered now; whether it was cancelled while it waited.
    public func startAnswering(_ id: RequestID) -> Bool {
        state.withLock { s in
            if let count = s.waiting[id] { s.waiting[id] = count > 1 ? count - 1 : nil }
            return s.cancelled.remove(id) != nil
        }
    }

    /// Requests waiting and cancellations held: for tests that check nothing piles up.
    public var heldCounts: (waiting: Int, cancelled: Int) {
        state.withLock { s in (s.waiting.values.reduce(0, +), s.cancelled.count) }
    }

    /// Whether the document has been edited since `count` edits.
    public func editedSince(_ uri: String, _ count: Int) -> Bool {
        state.withLock { ($0.edits[uri] ?? 0) > count }
    }
}
