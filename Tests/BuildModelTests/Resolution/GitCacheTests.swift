import Foundation
import Testing
import TestSupport
@testable import BuildModel

@Suite("Git dependencies through the git CLI")
struct GitCacheTests {
    func json(_ v: String) -> [String: String] {
        ["asthra.toml": "[package]\nname = \"github.com/user/json\"\nversion = \"\(v)\"\n", "src/lib.ast": "package json; // \(v)\n"]
    }

    @Test("tags are versions; a github.com location is fetched through the user's insteadOf; checkouts sit where the compiler looks")
    func fetchAndCheckout() throws {
        let fixture = try GitFixture()
        try fixture.repository("json", versions: ["1.0.0", "1.1.0"], files: json)
        let git = GitCLI(environment: fixture.env, timeout: 60)
        let url = GitCLI.url(forLocation: "github.com/user/json")
        #expect(url == "https://github.com/user/json.git")
        let tags = try git.tags(of: url)
        #expect(tags.map(\.tag) == ["v1.0.0", "v1.1.0"])
        #expect(tags.compactMap { GitCLI.version(ofTag: $0.tag) } == [Version(1, 0, 0), Version(1, 1, 0)])

        let cache = GitCache(root: fixture.root + "/cache", git: git)
        let mirror = try cache.update("github.com/user/json", url: url)
        #expect(mirror == fixture.root + "/cache/.mirrors/github.com/user/json.git")
        let commit = try cache.commit("github.com/user/json", ref: "v1.1.0")
        #expect(commit == tags[1].commit)
        #expect(try cache.file("github.com/user/json", commit: commit, path: "asthra.toml").map { String(decoding: $0, as: UTF8.self) }
                == "[package]\nname = \"github.com/user/json\"\nversion = \"1.1.0\"\n")
        let checkout = try cache.materialize("github.com/user/json", commit: commit)
        #expect(checkout == fixture.root + "/cache/github.com/user/json/\(commit)")
        #expect(try String(contentsOfFile: checkout + "/src/lib.ast", encoding: .utf8) == "package json; // 1.1.0\n")
        #expect(!FileManager.default.fileExists(atPath: checkout + "/.git"))
        // Nothing half-made is left beside it, and a second fetch finds what is there.
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/cache/github.com/user/json") == [commit])
        try cache.update("github.com/user/json", url: url)
        #expect(try cache.materialize("github.com/user/json", commit: commit) == checkout)
    }

    @Test("the cache runs none of the user's git hooks: a mirror takes nothing from their template, and a hook in an older mirror is ignored")
    func noHooks() throws {
        let fixture = try GitFixture()
        try fixture.repository("json", versions: ["1.0.0", "1.1.0"], files: json)
        // A template with a post-checkout hook, as `init.templateDir` or GIT_TEMPLATE_DIR gives one.
        let template = fixture.root + "/template"
        let ran = fixture.root + "/hook-ran"
        try FileManager.default.createDirectory(atPath: template + "/hooks", withIntermediateDirectories: true)
        try "#!/bin/sh\necho \"$*\" >> '\(ran)'\n".write(toFile: template + "/hooks/post-checkout", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: template + "/hooks/post-checkout")
        let git = GitCLI(environment: fixture.env.merging(["GIT_TEMPLATE_DIR": template]) { $1 }, timeout: 60)
        let cache = GitCache(root: fixture.root + "/cache", git: git)
        let mirror = try cache.update("github.com/user/json", url: GitCLI.url(forLocation: "github.com/user/json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: mirror).sorted() == ["HEAD", "ampu-tags", "ampu-url", "config", "objects", "packed-refs", "refs"])
        try cache.materialize("github.com/user/json", commit: try cache.commit("github.com/user/json", ref: "v1.0.0"))
        #expect(!FileManager.default.fileExists(atPath: ran))
        // A mirror an older ampu made with the template keeps its hook, which does not run.
        try FileManager.default.createDirectory(atPath: mirror + "/hooks", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: template + "/hooks/post-checkout", toPath: mirror + "/hooks/post-checkout")
        try cache.update("github.com/user/json", url: GitCLI.url(forLocation: "github.com/user/json"))
        try cache.materialize("github.com/user/json", commit: try cache.commit("github.com/user/json", ref: "v1.1.0"))
        #expect(!FileManager.default.fileExists(atPath: ran))
    }

    @Test("a repository on this machine (a file:// URL, here through insteadOf) is cloned from its directory: the mirror's objects are the repository's own files, linked")
    func localClone() throws {
        let fixture = try GitFixture()
        let source = try fixture.repository("json", versions: ["1.0.0", "1.1.0"], files: json)
        let git = GitCLI(environment: fixture.env, timeout: 60)
        let cache = GitCache(root: fixture.root + "/cache", git: git)
        #expect(cache.localDirectory(of: "https://github.com/user/json.git") == source)
        #expect(cache.localDirectory(of: "file://\(source)") == source)
        #expect(cache.localDirectory(of: "https://example.com/user/json.git") == nil)
        #expect(cache.localDirectory(of: "https://github.com/user/missing.git") == nil)
        let mirror = try cache.update("github.com/user/json", url: GitCLI.url(forLocation: "github.com/user/json"))
        let commit = try fixture.commit("json", "v1.1.0")
        let object = "/objects/\(commit.prefix(2))/\(commit.dropFirst(2))"
        func inode(_ path: String) throws -> Int? { try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int }
        #expect(try inode(mirror + object) != nil)
        #expect(try inode(mirror + object) == inode(source + "/.git" + object))
        #expect(try cache.commit("github.com/user/json", ref: "v1.1.0") == commit)
        #expect(try cache.tags("github.com/user/json").map(\.tag) == ["v1.0.0", "v1.1.0"])
    }

    @Test("a repository on this machine is mirrored without git (its objects linked, its refs written): the mirror is one git accepts whole, with the repository's branches, its tags (annotated ones peeled) and their files; a bare one too")
    func linkedMirror() throws {
        let fixture = try GitFixture()
        let source = try fixture.repository("json", versions: ["1.0.0", "1.1.0"], files: json)
        try fixture.git(["tag", "-a", "-m", "annotated", "v2.0.0", "v1.0.0"], in: source)
        try fixture.git(["branch", "topic/next", "v1.0.0"], in: source)
        try fixture.git(["pack-refs", "--all"], in: source)
        try fixture.git(["tag", "v2.1.0", "v1.1.0"], in: source)
        try fixture.git(["clone", "--quiet", "--bare", source, fixture.root + "/remotes/user/bare.git"], in: fixture.root)
        let git = GitCLI(environment: fixture.env, timeout: 60)
        let cache = GitCache(root: fixture.root + "/cache", git: git)
        for name in ["json", "bare"] {
            let location = "github.com/user/\(name)"
            let temporary = fixture.root + "/linked-\(name)"
            #expect(cache.repositoryRefs(fixture.root + "/remotes/user/\(name).git") == (try git.refs(of: fixture.root + "/remotes/user/\(name).git")))
            #expect(cache.linkMirror(of: fixture.root + "/remotes/user/\(name).git", into: temporary))
            try FileManager.default.removeItem(atPath: temporary)
            let mirror = try cache.update(location, url: GitCLI.url(forLocation: location))
            #expect(try fixture.git(["--git-dir", mirror, "fsck", "--strict", "--no-dangling"], in: fixture.root) == "")
            let refs = "for-each-ref --format=%(refname) %(objectname) %(*objectname)"
            #expect(try fixture.git(["--git-dir", mirror] + refs.split(separator: " ").map(String.init) + ["refs/heads", "refs/tags"], in: fixture.root)
                    == fixture.git(refs.split(separator: " ").map(String.init) + ["refs/heads", "refs/tags"], in: source))
            #expect(try cache.tags(location).map { "\($0.tag) \($0.commit)" } == [
                "v1.0.0 \(try fixture.commit("json", "v1.0.0"))", "v1.1.0 \(try fixture.commit("json", "v1.1.0"))",
                "v2.0.0 \(try fixture.commit("json", "v1.0.0"))", "v2.1.0 \(try fixture.commit("json", "v1.1.0"))",
            ])
            let checkout = try cache.materialize(location, commit: try cache.commit(location, ref: "v2.0.0"))
            #expect(try String(contentsOfFile: checkout + "/asthra.toml", encoding: .utf8) == json("1.0.0")["asthra.toml"])
        }
    }

    @Test("a repository whose objects are partly elsewhere (objects/info/alternates), a linked worktree or a shallow one is cloned by git, as before; so is one whose files cannot be linked into the cache (another file system)")
    func linkedMirrorRefused() throws {
        let fixture = try GitFixture()
        let source = try fixture.repository("json", versions: ["1.0.0", "1.1.0"], files: json)
        let remotes = fixture.root + "/remotes/user"
        try fixture.git(["clone", "--quiet", "--shared", source, remotes + "/shared.git"], in: fixture.root)
        try fixture.git(["worktree", "add", "--quiet", remotes + "/tree.git", "v1.1.0"], in: source)
        try fixture.git(["clone", "--quiet", "--depth", "1", "file://" + source, remotes + "/shallow.git"], in: fixture.root)
        let git = GitCLI(environment: fixture.env, timeout: 60)
        let cache = GitCache(root: fixture.root + "/cache", git: git)
        for name in ["shared", "tree", "shallow"] {
            let temporary = fixture.root + "/linked-\(name)"
            #expect(!cache.linkMirror(of: remotes + "/\(name).git", into: temporary), "\(name)")
            #expect(cache.repositoryRefs(remotes + "/\(name).git") == nil, "\(name)")
            try? FileManager.default.removeItem(atPath: temporary)
            let location = "github.com/user/\(name)"
            let mirror = try cache.update(location, url: GitCLI.url(forLocation: location))
            #expect(try fixture.git(["--git-dir", mirror, "rev-parse", "HEAD^{commit}"], in: fixture.root) == (try fixture.commit("json", "v1.1.0")), "\(name)")
        }
        // A cache on another file system, where no file can be linked (/dev/shm is its own).
        func device(_ path: String) -> UInt64? { (try? FileManager.default.attributesOfFileSystem(forPath: path))?[.systemNumber] as? UInt64 }
        let elsewhere = "/dev/shm/ampu-test-\(UUID().uuidString)"
        guard let shm = device("/dev/shm"), shm != device(fixture.root), (try? FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: false)) != nil else {
            print("skipped: no second file system at /dev/shm for a cache that cannot link")
            return
        }
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        let apart = GitCache(root: elsewhere + "/cache", git: git)
        #expect(!apart.linkMirror(of: source, into: elsewhere + "/linked"))
        try? FileManager.default.removeItem(atPath: elsewhere + "/linked")
        let mirror = try apart.update("github.com/user/json", url: GitCLI.url(forLocation: "github.com/user/json"))
        #expect(try apart.tags("github.com/user/json").map(\.tag) == ["v1.0.0", "v1.1.0"])
        #expect(try fixture.git(["--git-dir", mirror, "fsck", "--strict", "--no-dangling"], in: fixture.root) == "")
    }

    @Test("the user's insteadOf rules are read as git keeps them, and the longest prefix wins as in git")
    func urlRewrites() throws {
        let fixture = try GitFixture()
        try fixture.write("gitconfig", """
            [url "file:///srv/mirror/"]
            \tinsteadOf = https://github.com/
            \tinsteadOf = gh:
            [url "file:///srv/mine/"]
            \tinsteadOf = https://github.com/me/
            [url "https://other.example/"]
            \tinsteadOf = https://github.com/
            [init]
            \tdefaultBranch = main

            """)
        let rules = try #require(GitCLI(environment: fixture.env, timeout: 60).urlRewrites())
        #expect(rules.map { "\($0.prefix) -> \($0.base)" } == [
            "https://github.com/ -> file:///srv/mirror/", "gh: -> file:///srv/mirror/", "https://github.com/me/ -> file:///srv/mine/",
            "https://github.com/ -> https://other.example/",
        ])
        #expect(GitCLI.rewrite("https://github.com/user/json.git", by: rules) == "file:///srv/mirror/user/json.git")
        #expect(GitCLI.rewrite("https://github.com/me/json.git", by: rules) == "file:///srv/mine/json.git")
        #expect(GitCLI.rewrite("gh:user/json", by: rules) == "file:///srv/mirror/user/json")
        #expect(GitCLI.rewrite("https://gitlab.com/user/json.git", by: rules) == "https://gitlab.com/user/json.git")
        // Bytes, not canonically equal text: a precomposed "é" is not a decomposed one.
        #expect(GitCLI.rewrite("https://caf\u{E9}/x", by: [("https://cafe\u{301}/", "file:///srv/")]) == "https://caf\u{E9}/x")
        #expect(GitCLI.rewrite("https://cafe\u{301}/x", by: [("https://cafe\u{301}/", "file:///srv/")]) == "file:///srv/x")
        // What git itself makes of them.
        for url in ["https://github.com/user/json.git", "https://github.com/me/json.git", "gh:user/json"] {
            #expect(try fixture.git(["ls-remote", "--get-url", url], in: fixture.root) == GitCLI.rewrite(url, by: rules))
        }
        try fixture.write("gitconfig", "[init]\n\tdefaultBranch = main\n")
        #expect(try #require(GitCLI(environment: fixture.env, timeout: 60).urlRewrites()).isEmpty)
    }

    @Test("random insteadOf rules rewrite a URL as git itself does (`git ls-remote --get-url`): longest prefix, ties to the base git met first, bytes not canonical text")
    func urlRewritesAgainstGit() throws {
        let fixture = try GitFixture()
        let bases = ["A/", "B/", "C/", "caf\u{E9}/", "cafe\u{301}/"]
        let prefixes = ["", "x", "xy", "xyz", "g:", "g:u", "caf\u{E9}", "cafe\u{301}", "https://h/", "https://h/me/"]
        let urls = ["xyz/r", "xy/r", "g:u/r", "caf\u{E9}/r", "cafe\u{301}/r", "https://h/me/r", "https://h/r", "other/r"]
        var random = SeededRandom(state: 17)
        for round in 0..<60 {
            var config = ""
            for _ in 0..<(1 + random.next(6)) {
                config += "[url \"\(bases[random.next(bases.count)])\"]\n"
                for _ in 0..<(1 + random.next(3)) { config += "\tinsteadOf = \(prefixes[random.next(prefixes.count)])\n" }
            }
            try fixture.write("gitconfig", config)
            let rules = try #require(GitCLI(environment: fixture.env, timeout: 60).urlRewrites())
            for url in urls {
                let git = try fixture.git(["ls-remote", "--get-url", url], in: fixture.root)
                #expect(GitCLI.rewrite(url, by: rules) == git, "round \(round), \(url), with the configuration\n\(config)")
            }
        }
    }

    @Test("file:// URLs of this machine are paths; another host, a relative path or escapes are left to git")
    func fileURLPaths() {
        #expect(GitCLI.path(ofFileURL: "file:///srv/git/json.git") == "/srv/git/json.git")
        #expect(GitCLI.path(ofFileURL: "file://localhost/srv/json") == "/srv/json")
        #expect(GitCLI.path(ofFileURL: "file://server/srv/json") == nil)
        #expect(GitCLI.path(ofFileURL: "file:///srv/my%20json") == nil)
        #expect(GitCLI.path(ofFileURL: "https://github.com/user/json.git") == nil)
        #expect(GitCLI.path(ofFileURL: "/srv/json") == nil)
    }

    @Test("a fetch notes the mirror's tags; later reads take the note without git; a note cut short is not taken")
    func tagNote() throws {
        let fixture = try GitFixture()
        try fixture.repository("json", versions: ["1.0.0", "1.1.0"], files: json)
        let git = GitCLI(environment: fixture.env, timeout: 60)
        let cache = GitCache(root: fixture.root + "/cache", git: git)
        let mirror = try cache.update("github.com/user/json", url: GitCLI.url(forLocation: "github.com/user/json"))
        let tags = try git.tags(ofMirror: mirror)
        let note = mirror + "/ampu-tags"
        #expect(try String(contentsOfFile: note, encoding: .utf8) == "v1.0.0 \(tags[0].commit)\nv1.1.0 \(tags[1].commit)\nend\n")
        #expect(try cache.tags("github.com/user/json").map(\.tag) == ["v1.0.0", "v1.1.0"])
        // What the note says is what is read: git is not asked.
        try "v9.9.9 \(tags[0].commit)\nend\n".write(toFile: note, atomically: true, encoding: .utf8)
        #expect(try cache.tags("github.com/user/json").map(\.tag) == ["v9.9.9"])
        // A note without its last line is asked again of git, and written whole.
        try "v9.9.9 \(tags[0].commit)\n".write(toFile: note, atomically: true, encoding: .utf8)
        #expect(try cache.tags("github.com/user/json").map(\.tag) == ["v1.0.0", "v1.1.0"])
        #expect(try String(contentsOfFile: note, encoding: .utf8) == "v1.0.0 \(tags[0].commit)\nv1.1.0 \(tags[1].commit)\nend\n")
    }

    @Test("a fresh clone's tags are read from the refs it packed, an annotated tag as the commit it points to, as git lists them; a file git did not peel fully is not read")
    func packedTags() throws {
        let fixture = try GitFixture()
        let source = try fixture.repository("json", versions: ["1.0.0", "1.1.0"], files: json)
        try fixture.git(["tag", "--annotate", "--message", "release 1.1", "release-1.1", "v1.1.0"], in: source)
        let git = GitCLI(environment: fixture.env, timeout: 60)
        let cache = GitCache(root: fixture.root + "/cache", git: git)
        let mirror = try cache.update("github.com/user/json", url: GitCLI.url(forLocation: "github.com/user/json"))
        let v100 = try fixture.commit("json", "v1.0.0"), v110 = try fixture.commit("json", "v1.1.0")
        #expect(try String(contentsOfFile: mirror + "/ampu-tags", encoding: .utf8) == "release-1.1 \(v110)\nv1.0.0 \(v100)\nv1.1.0 \(v110)\nend\n")
        #expect(try git.tags(ofMirror: mirror).map { "\($0.tag) \($0.commit)" } == ["release-1.1 \(v110)", "v1.0.0 \(v100)", "v1.1.0 \(v110)"])
        // Without `fully-peeled` an annotated tag's commit may be missing: git is asked instead.
        #expect(GitCache.tags(inPackedRefs: Array("# pack-refs with: peeled \n\(v100) refs/tags/v1.0.0\n".utf8)) == nil)
        #expect(GitCache.tags(inPackedRefs: Array("\(v100) refs/tags/v1.0.0\n".utf8)) == nil)
        let packed = GitCache.tags(inPackedRefs: Array("# pack-refs with: peeled fully-peeled sorted \n\(v110) refs/heads/main\n\(v100) refs/tags/v1.0.0\n".utf8))
        #expect(packed?.map { "\($0.tag) \($0.commit)" } == ["v1.0.0 \(v100)"])
    }

    @Test("a fetch that changes no ref keeps the note without asking git again; a new tag is noted; a note set aside by a fetch cut short is made again")
    func tagNoteAcrossFetches() throws {
        let fixture = try GitFixture()
        let remote = try fixture.repository("json", versions: ["1.0.0", "1.1.0"], files: json)
        let git = GitCLI(environment: fixture.env, timeout: 60)
        let cache = GitCache(root: fixture.root + "/cache", git: git)
        let url = GitCLI.url(forLocation: "github.com/user/json")
        let mirror = try cache.update("github.com/user/json", url: url)
        let note = mirror + "/ampu-tags"
        let first = try git.tags(ofMirror: mirror)
        // A note git would not write: kept through a fetch that brings nothing.
        try "v9.9.9 \(first[0].commit)\nend\n".write(toFile: note, atomically: true, encoding: .utf8)
        try cache.update("github.com/user/json", url: url)
        #expect(try String(contentsOfFile: note, encoding: .utf8) == "v9.9.9 \(first[0].commit)\nend\n")
        // A new tag upstream: the fetch names it, and the note is made again from git.
        try fixture.write("remotes/user/json.git/src/lib.ast", "package json; // 1.2.0\n")
        try fixture.git(["commit", "--quiet", "-am", "1.2.0"], in: remote)
        try fixture.git(["tag", "v1.2.0"], in: remote)
        try cache.update("github.com/user/json", url: url)
        let second = try git.tags(ofMirror: mirror)
        #expect(second.map(\.tag) == ["v1.0.0", "v1.1.0", "v1.2.0"])
        #expect(try String(contentsOfFile: note, encoding: .utf8) == second.map { "\($0.tag) \($0.commit)\n" }.joined() + "end\n")
        // A fetch cut short leaves the note set aside: the next one asks git, whatever it fetches.
        try FileManager.default.moveItem(atPath: note, toPath: note + ".fetching")
        try "v9.9.9 \(first[0].commit)\nend\n".write(toFile: note + ".fetching", atomically: true, encoding: .utf8)
        try cache.update("github.com/user/json", url: url)
        #expect(try String(contentsOfFile: note, encoding: .utf8) == second.map { "\($0.tag) \($0.commit)\n" }.joined() + "end\n")
        #expect(!FileManager.default.fileExists(atPath: note + ".fetching"))
    }

    @Test("an update asks the repository for its branches and tags and fetches only when they are not the mirror's: a new commit on a branch, a tag moved or deleted; one on this machine by a file:// URL says them in its files, with no git, one named otherwise by git ls-remote",
          arguments: [true, false])
    func fetchOnlyWhatChanged(local: Bool) throws {
        let fixture = try GitFixture()
        let remote = try fixture.repository("json", versions: ["1.0.0", "1.1.0"], files: json)
        // git as ampu runs it, with each command's name logged first.
        let log = fixture.root + "/git.log"
        try fixture.write("bin/git", """
            #!/bin/sh
            skip=
            for a in "$@"; do
              if [ -n "$skip" ]; then skip=; continue; fi
              case $a in --git-dir|--work-tree|-c|-C) skip=1 ;; -*) ;; *) echo "$a" >> \(log); break ;; esac
            done
            exec /usr/bin/git "$@"

            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.root + "/bin/git")
        let git = GitCLI(environment: fixture.env.merging(["PATH": fixture.root + "/bin:/usr/bin:/bin"]) { $1 }, timeout: 60)
        let cache = GitCache(root: fixture.root + "/cache", git: git)
        // A plain path is not a file:// URL: git reads it.
        let url = local ? GitCLI.url(forLocation: "github.com/user/json") : remote
        let asked = local ? [] : ["ls-remote"]
        /// The git commands an update runs, and the mirror's tags after it.
        func update() throws -> (commands: [String], tags: [String]) {
            try? FileManager.default.removeItem(atPath: log)
            try cache.update("github.com/user/json", url: url)
            let commands = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            return (commands, try cache.tags("github.com/user/json").map { "\($0.tag) \($0.commit.prefix(7))" })
        }
        let (v100, v110) = (String(try fixture.commit("json", "v1.0.0").prefix(7)), String(try fixture.commit("json", "v1.1.0").prefix(7)))
        // A repository on this machine by a file:// URL: its mirror is linked without git, which
        // is then asked only for the tags' commits.
        let cloned = try update()
        #expect(cloned.commands == (local ? ["config", "for-each-ref"] : ["config", "clone"]))
        #expect(cloned.tags == ["v1.0.0 \(v100)", "v1.1.0 \(v110)"])
        let same = try update()
        #expect(same.commands == asked)
        #expect(same.tags == cloned.tags)
        // A new commit on the branch: fetched, and the branch is where the repository has it.
        try fixture.write("remotes/user/json.git/src/lib.ast", "package json; // next\n")
        try fixture.git(["commit", "--quiet", "-am", "next"], in: remote)
        let branch = try update()
        #expect(branch.commands == asked + ["fetch", "for-each-ref"])
        #expect(branch.tags == cloned.tags)
        #expect(try cache.commit("github.com/user/json", ref: "main") == (try fixture.commit("json", "main")))
        #expect(try update().commands == asked)
        // A tag moved to that commit, then one deleted: each fetched.
        try fixture.git(["tag", "--force", "v1.1.0"], in: remote)
        let next = String(try fixture.commit("json", "main").prefix(7))
        let moved = try update()
        #expect(moved.commands == asked + ["fetch", "for-each-ref"])
        #expect(moved.tags == ["v1.0.0 \(v100)", "v1.1.0 \(next)"])
        try fixture.git(["tag", "--delete", "v1.0.0"], in: remote)
        let deleted = try update()
        #expect(deleted.commands == asked + ["fetch", "for-each-ref"])
        #expect(deleted.tags == ["v1.1.0 \(next)"])
        #expect(try update().commands == asked)
    }

    @Test("a file read out of a commit is kept beside the mirror and read from there after; a copy cut short is not taken")
    func fileMemo() throws {
        let fixture = try GitFixture()
        try fixture.repository("json", versions: ["1.0.0", "1.1.0"], files: json)
        let git = GitCLI(environment: fixture.env, timeout: 60)
        let cache = GitCache(root: fixture.root + "/cache", git: git)
        let mirror = try cache.update("github.com/user/json", url: GitCLI.url(forLocation: "github.com/user/json"))
        let commits = try git.tags(ofMirror: mirror).map(\.commit)
        let manifest = "[package]\nname = \"github.com/user/json\"\nversion = \"1.0.0\"\n"
        #expect(try cache.file("github.com/user/json", commit: commits[0], path: "asthra.toml").map { String(decoding: $0, as: UTF8.self) } == manifest)
        let kept = mirror + "/ampu-files/\(commits[0])-asthra.toml"
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == manifest + "\u{0}ampu-file\n")
        // What is kept is what is read: git is not asked.
        try "changed\u{0}ampu-file\n".write(toFile: kept, atomically: true, encoding: .utf8)
        #expect(try cache.file("github.com/user/json", commit: commits[0], path: "asthra.toml") == Array("changed".utf8))
        #expect(try cache.files("github.com/user/json", commits: commits, path: "asthra.toml")[commits[0]] == .some(Array("changed".utf8)))
        // Cut short (no marker): read from git again.
        try "chan".write(toFile: kept, atomically: true, encoding: .utf8)
        #expect(try cache.file("github.com/user/json", commit: commits[0], path: "asthra.toml").map { String(decoding: $0, as: UTF8.self) } == manifest)
        // The batch read keeps what it reads too.
        _ = try cache.files("github.com/user/json", commits: commits, path: "asthra.toml")
        #expect(FileManager.default.fileExists(atPath: mirror + "/ampu-files/\(commits[1])-asthra.toml"))
    }

    @Test("URLs and refs that git would read as options or commands are refused before git runs")
    func refused() throws {
        #expect(throws: GitCLI.Failure.refusedURL("--upload-pack=touch /tmp/x", reason: "it begins with '-', which git would read as an option")) {
            try GitCLI.check(url: "--upload-pack=touch /tmp/x")
        }
        #expect(throws: GitCLI.Failure.refusedURL("ext::sh -c touch% /tmp/pwned", reason: "the 'ext::' transport runs commands")) {
            try GitCLI.check(url: "ext::sh -c touch% /tmp/pwned")
        }
        #expect(throws: GitCLI.Failure.refusedURL("-x", reason: "a ref cannot be empty or begin with '-'")) { try GitCLI.check(ref: "-x") }
        #expect(throws: GitCache.Failure.unsafeLocation("github.com/../../etc")) {
            try GitCache(root: "/tmp/c", git: GitCLI(environment: [:])).mirror(of: "github.com/../../etc")
        }
        // A lock file's commit is user text too: only a commit id becomes a path.
        #expect(throws: GitCache.Failure.unsafeCommit("../../../etc")) {
            try GitCache(root: "/tmp/c", git: GitCLI(environment: [:])).checkout(of: "github.com/user/json", commit: "../../../etc")
        }
        #expect("\(GitCache.Failure.unsafeCommit("x"))" == "'x' is not a commit id (40 or 64 hexadecimal digits); run `ampu update` to write the lock file again")
    }

    @Test("a fetched package with a link that leaves it is refused, and nothing of it stays")
    func escapingLink() throws {
        let fixture = try GitFixture()
        let dir = try fixture.repository("evil", versions: ["1.0.0"], files: json)
        try FileManager.default.createSymbolicLink(atPath: dir + "/src/passwd", withDestinationPath: "/etc/passwd")
        try fixture.git(["add", "-A"], in: dir)
        try fixture.git(["commit", "--quiet", "-m", "link"], in: dir)
        let git = GitCLI(environment: fixture.env, timeout: 60)
        let cache = GitCache(root: fixture.root + "/cache", git: git)
        try cache.update("github.com/user/evil", url: GitCLI.url(forLocation: "github.com/user/evil"))
        let head = try cache.commit("github.com/user/evil", ref: "main")
        #expect(throws: GitCache.Failure.escapingLink(package: "github.com/user/evil", link: "src/passwd")) {
            try cache.materialize("github.com/user/evil", commit: head)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/cache/github.com/user/evil") == [])
    }

    @Test("a link to what the package does not have is judged by what it says: inside, kept; outside or absolute, refused")
    func danglingLinks() throws {
        for (destination, refused) in [("../out/generated.txt", false), ("../../../elsewhere/x", true), ("/nowhere/x", true)] {
            let fixture = try GitFixture()
            let dir = try fixture.repository("gen", versions: ["1.0.0"], files: json)
            try FileManager.default.createSymbolicLink(atPath: dir + "/src/generated.txt", withDestinationPath: destination)
            try fixture.git(["add", "-A"], in: dir)
            try fixture.git(["commit", "--quiet", "-m", "link"], in: dir)
            let cache = GitCache(root: fixture.root + "/cache", git: GitCLI(environment: fixture.env, timeout: 60))
            try cache.update("github.com/user/gen", url: GitCLI.url(forLocation: "github.com/user/gen"))
            let head = try cache.commit("github.com/user/gen", ref: "main")
            if refused {
                #expect(throws: GitCache.Failure.escapingLink(package: "github.com/user/gen", link: "src/generated.txt")) {
                    try cache.materialize("github.com/user/gen", commit: head)
                }
            } else {
                let checkout = try cache.materialize("github.com/user/gen", commit: head)
                #expect(try FileManager.default.destinationOfSymbolicLink(atPath: checkout + "/src/generated.txt") == destination)
            }
        }
    }

    @Test("a repository on this machine that is not there is an error naming its directory, said before git clones anything, with the repository spelt closest; a directory that is no repository is git's to say")
    func unreachable() throws {
        let fixture = try GitFixture()
        try fixture.repository("json", versions: ["1.0.0"], files: json)
        try FileManager.default.createDirectory(atPath: fixture.root + "/remotes/user/plain", withIntermediateDirectories: true)
        // No git to run: a clone could not start, so the directory is found missing by ampu itself.
        let git = GitCLI(environment: fixture.env.merging(["PATH": "/nonexistent"]) { $1 }, timeout: 60)
        func failure(_ url: String, git: GitCLI) -> GitCache.Failure? {
            do {
                try GitCache(root: fixture.root + "/cache", git: git).update("github.com/user/missing", url: url)
                Issue.record("the clone of \(url) succeeded")
                return nil
            } catch {
                return error
            }
        }
        let remotes = fixture.root + "/remotes/user"
        #expect(failure("file://\(remotes)/missing.git", git: git) == .noRepository(directory: remotes + "/missing.git", sentFrom: nil, meant: nil))
        #expect(failure("file://\(remotes)/jsno.git", git: git) == .noRepository(directory: remotes + "/jsno.git", sentFrom: nil, meant: "file://\(remotes)/json.git"))
        // A path, and without `.git`, as git finds a repository by either.
        #expect(failure(remotes + "/jsno", git: git) == .noRepository(directory: remotes + "/jsno", sentFrom: nil, meant: remotes + "/json"))
        #expect("\(failure("file://\(remotes)/missing.git", git: git)!)" == "there is no directory '\(remotes)/missing.git'")
        let realGit = GitCLI(environment: fixture.env, timeout: 60)
        // The user's insteadOf sends github.com to the fixture's remotes: the URL as written is named.
        #expect("\(failure("https://github.com/user/missing.git", git: realGit)!)"
                == "there is no directory '\(remotes)/missing.git', where git's `insteadOf` rules send https://github.com/user/missing.git")
        #expect("\(failure("file://\(remotes)/plain", git: realGit)!)" == "`git clone` failed: fatal: repository '\(remotes)/plain' does not exist")
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/cache/.mirrors/github.com/user/missing.git"))
    }
}

@Suite("Solving git dependencies")
struct GitSolveTests {
    func setUp() throws -> (GitFixture, GitCache) {
        let fixture = try GitFixture()
        try fixture.repository("json", versions: ["1.0.0", "1.1.0", "2.0.0"]) { v in
            let deps = v == "2.0.0" ? "\n[dependencies]\nunicode = { git = \"github.com/user/unicode\", version = \"^1.0\" }\n" : ""
            return ["asthra.toml": "[package]\nname = \"github.com/user/json\"\nversion = \"\(v)\"\n" + deps, "src/lib.ast": "package json;\n"]
        }
        try fixture.repository("unicode", versions: ["1.0.0", "2.0.0"]) { v in
            ["asthra.toml": "[package]\nname = \"github.com/user/unicode\"\nversion = \"\(v)\"\n", "src/lib.ast": "package unicode;\n"]
        }
        return (fixture, GitCache(root: fixture.root + "/cache", git: GitCLI(environment: fixture.env, timeout: 60)))
    }

    func solve(_ manifest: String, cache: GitCache) -> String {
        let root = AsthraEcosystem().readManifest(SourceText(path: "/w/asthra.toml", manifest))
        let provider = SourcePackageProvider(cache: cache, ecosystem: AsthraEcosystem(), root: root)
        var solver = PubGrubSolver(provider: provider, root: provider.rootName, version: provider.rootVersion)
        do {
            return try solver.solve().sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        } catch {
            return "\(error)"
        }
    }

    @Test("the newest tag a requirement allows, read from the repositories themselves")
    func solvable() throws {
        let (fixture, cache) = try setUp()
        defer { withExtendedLifetime(fixture) {} }
        #expect(solve("[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^1.0\" }\n", cache: cache)
                == "app 0.1.0, github.com/user/json 1.1.0")
        // A tag pins the version.
        #expect(solve("[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", tag = \"v1.0.0\" }\n", cache: cache)
                == "app 0.1.0, github.com/user/json 1.0.0")
        // json 2.0.0 brings unicode along, from its own manifest.
        #expect(solve("[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^2.0\" }\n", cache: cache)
                == "app 0.1.0, github.com/user/json 2.0.0, github.com/user/unicode 1.0.0")
    }

    @Test("a branch or a commit pins one version: the one its manifest says")
    func pins() throws {
        let (fixture, cache) = try setUp()
        defer { withExtendedLifetime(fixture) {} }
        let first = try fixture.git(["rev-parse", "v1.0.0"], in: fixture.root + "/remotes/user/json.git").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(solve("[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", commit = \"\(first)\" }\n", cache: cache)
                == "app 0.1.0, github.com/user/json 1.0.0")
        #expect(solve("[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", branch = \"main\" }\n", cache: cache)
                == "app 0.1.0, github.com/user/json 2.0.0, github.com/user/unicode 1.0.0")
        // A tag that names no version pins its commit too (not the newest version tag), and,
        // as tags are taken not to move, is answered from the mirror once it is there.
        try fixture.git(["tag", "stable", "v1.0.0"], in: fixture.root + "/remotes/user/json.git")
        let stable = "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", tag = \"stable\" }\n"
        #expect(solve(stable, cache: cache) == "app 0.1.0, github.com/user/json 1.0.0")
        try FileManager.default.removeItem(atPath: fixture.root + "/remotes/user/json.git")
        #expect(solve(stable, cache: cache) == "app 0.1.0, github.com/user/json 1.0.0")
    }

    @Test("a tag or commit the cache's mirror has already is not fetched again (as Cargo takes tags not to move); a range asks the remote")
    func pinnedNotFetchedAgain() throws {
        let (fixture, cache) = try setUp()
        defer { withExtendedLifetime(fixture) {} }
        let first = try fixture.commit("json", "v1.0.0")
        let tagged = "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", tag = \"v1.0.0\" }\n"
        let committed = "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", commit = \"\(first)\" }\n"
        let ranged = "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/user/json\", version = \"^1.0\" }\n"
        #expect(solve(tagged, cache: cache) == "app 0.1.0, github.com/user/json 1.0.0")
        // The remote goes away: the pins are still answered from the mirror.
        try FileManager.default.removeItem(atPath: fixture.root + "/remotes/user/json.git")
        #expect(solve(tagged, cache: cache) == "app 0.1.0, github.com/user/json 1.0.0")
        #expect(solve(committed, cache: cache) == "app 0.1.0, github.com/user/json 1.0.0")
        #expect(solve(ranged, cache: cache) == "cannot get 'github.com/user/json': there is no directory '\(fixture.root)/remotes/user/json.git', where git's `insteadOf` rules send https://github.com/user/json.git")
    }

    @Test("a repository whose manifest names another package is an error that says so; its last path part will do, and so will a fork's upstream import path")
    func anotherPackage() throws {
        let (fixture, cache) = try setUp()
        defer { withExtendedLifetime(fixture) {} }
        try fixture.repository("imposter", versions: ["1.0.0"]) { _ in GitFixture.asthraPackage("other", "1.0.0") }
        try fixture.repository("short", versions: ["1.0.0"]) { _ in ["asthra.toml": "[package]\nname = \"short\"\nversion = \"1.0.0\"\n"] }
        try fixture.repository("json", owner: "fork", versions: ["1.0.0"]) { _ in GitFixture.asthraPackage("json", "1.0.0") }
        #expect(solve("[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\njson = { git = \"github.com/fork/json\" }\n", cache: cache)
                == "app 0.1.0, github.com/fork/json 1.0.0")
        let commit = try fixture.commit("imposter", "v1.0.0")
        #expect(solve("[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nimposter = { git = \"github.com/user/imposter\" }\n", cache: cache)
                == "cannot get 'github.com/user/imposter': version 1.0.0 (commit \(commit.prefix(12))) is the package 'github.com/user/other', by its asthra.toml")
        #expect(solve("[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nshort = { git = \"github.com/user/short\" }\n", cache: cache)
                == "app 0.1.0, github.com/user/short 1.0.0")
    }

    @Test("a conflict through a dependency's own manifest is explained")
    func conflict() throws {
        let (fixture, cache) = try setUp()
        defer { withExtendedLifetime(fixture) {} }
        let result = solve("""
            [package]
            name = "app"
            version = "0.1.0"

            [dependencies]
            json = { git = "github.com/user/json", version = "^2.0" }
            unicode = { git = "github.com/user/unicode", version = "^2.0" }
            """, cache: cache)
        #expect(result == """
            Because app depends on github.com/user/json ^2.0.0 which depends on github.com/user/unicode ^1.0.0, github.com/user/unicode ^1.0.0 is required.
            So, because app depends on github.com/user/unicode ^2.0.0, version solving failed.
            """)
    }
}
