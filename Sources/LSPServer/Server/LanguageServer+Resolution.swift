import BuildModel
import Dispatch

/// Resolution of a workspace's git dependencies (`ResolutionCheck`, from the package cache
/// alone) runs off the request path: a task started when the root manifest or the lock changes,
/// whose findings are filed when it ends. Typing in a manifest never waits for git; a result
/// for a text that has changed since is dropped.
extension LanguageServer {
    func resolveInBackground(_ index: Int) {
        // No git dependency: nothing to resolve, no task (and nothing left from before).
        guard ResolutionCheck.applies(to: workspaces[index].snapshot) else {
            let changed = workspaces[index].resolved(ResolutionCheck.Outcome(), for: nil)
            dirty.formUnion(changed)
            return
        }
        let input = workspaces[index].resolutionInput
        guard input != workspaces[index].resolutionStarted,
              let cacheRoot = workspaces[index].snapshot.ecosystem.lockFormat?.cacheRoot(environment: environment) else { return }
        workspaces[index].resolutionStarted = input
        let snapshot = workspaces[index].snapshot
        let cache = GitCache(root: cacheRoot, git: GitCLI(environment: environment))
        let root = snapshot.root
        // git is waited for on a queue of its own: blocking one of the concurrency pool's few
        // threads (two on a two-core machine) would hold up requests, and other tasks, for as
        // long as git takes.
        Task { [weak self] in
            let outcome = await withCheckedContinuation { done in
                Self.resolutionQueue.async { done.resume(returning: ResolutionCheck.run(snapshot, cache: cache, versions: true)) }
            }
            await self?.resolved(outcome, root: root, input: input)
        }
    }

    private static let resolutionQueue = DispatchQueue(label: "ampu.resolution", qos: .utility)

    private func resolved(_ outcome: ResolutionCheck.Outcome, root: String, input: [UInt8]) {
        guard let i = workspaces.firstIndex(where: { $0.root == root }) else { return }
        let changed = workspaces[i].resolved(outcome, for: input)
        guard !changed.isEmpty else { return }
        dirty.formUnion(changed)
        publishDiagnostics()
    }
}
