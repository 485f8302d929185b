import Testing
@testable import BuildModel

@Suite("The fingerprint log: appended entries, the last one counts, torn tails, rewriting")
struct FingerprintLogTests {
    let directory = "/w/target/cache/fingerprints"
    let file = "/w/target/cache/fingerprints/log"

    func print(_ key: String) -> Fingerprint { Fingerprint(key: key, inputs: [], outputs: []) }

    func text(_ fs: InMemoryFileSystem) throws -> String { String(decoding: try fs.readFile(file), as: UTF8.self) }

    @Test("entries are appended; a new reader finds the last one of each id, and a forgotten one is gone")
    func appendAndRead() throws {
        let fs = InMemoryFileSystem()
        let log = FingerprintLog(directory: directory, fileSystem: fs)
        try log.append("a", print("k1"))
        try log.append("b", print("k2"))
        try log.append("a", print("k3"))
        try log.forget("b")
        // Forgetting what has no fingerprint writes nothing.
        try log.forget("c")
        #expect(try text(fs) == """
            ampu-fingerprints 1
            +\ta\t30
            ampu-fingerprint 2
            key\tk1
            end
            +\tb\t30
            ampu-fingerprint 2
            key\tk2
            end
            +\ta\t30
            ampu-fingerprint 2
            key\tk3
            end
            -\tb

            """)
        let again = FingerprintLog(directory: directory, fileSystem: fs)
        #expect(again.fingerprint("a") == print("k3"))
        #expect(again.fingerprint("b") == nil)
        #expect(again.count == 1)
    }

    @Test("each action's last run time, from the fingerprint that stands: read back from the file, or appended since; none where no fingerprint stands or it has no time")
    func runTimes() throws {
        let fs = InMemoryFileSystem()
        let log = FingerprintLog(directory: directory, fileSystem: fs)
        #expect(log.isEmpty)
        try log.append([("a", Fingerprint(key: "k1", inputs: [], outputs: [], runTime: 500)), ("b", Fingerprint(key: "k2", inputs: [], outputs: [], runTime: 70)),
                        ("c", print("k3"))])
        try log.append("b", Fingerprint(key: "k2", inputs: [], outputs: [], runTime: 90))
        #expect(log.runTimes(["a", "b", "c", "d"]) == [500, 90, nil, nil])
        let again = FingerprintLog(directory: directory, fileSystem: fs)
        #expect(!again.isEmpty)
        #expect(again.runTimes(["a", "b", "c", "d"]) == [500, 90, nil, nil])
        try again.forget("a")
        try again.append("c", Fingerprint(key: "k3", inputs: [], outputs: [], runTime: 4))
        #expect(again.runTimes(["a", "b", "c"]) == [nil, 90, 4])
        for id in ["b", "c"] { try again.forget(id) }
        #expect(again.isEmpty)
    }

    @Test("a batch of fingerprints leaves the file as appending them one by one does; the last of an id counts")
    func batch() throws {
        let (one, all) = (InMemoryFileSystem(), InMemoryFileSystem())
        let single = FingerprintLog(directory: directory, fileSystem: one)
        for (id, key) in [("a", "k1"), ("b", "k2"), ("a", "k3")] { try single.append(id, print(key)) }
        let batched = FingerprintLog(directory: directory, fileSystem: all)
        try batched.append("a", print("k1"))
        try batched.append([("b", print("k2")), ("a", print("k3"))])
        try batched.append([])
        #expect(try text(all) == text(one))
        #expect(batched.fingerprint("a") == print("k3") && batched.fingerprint("b") == print("k2"))
        let again = FingerprintLog(directory: directory, fileSystem: all)
        #expect(again.fingerprint("a") == print("k3") && again.fingerprint("b") == print("k2") && again.count == 2)
    }

    @Test("an entry cut short ends what is read; the first append writes the file anew without it")
    func tornTail() throws {
        let fs = InMemoryFileSystem()
        try fs.createDirectory(directory)
        let whole = "ampu-fingerprints 1\n+\ta\t30\nampu-fingerprint 2\nkey\tk1\nend\n"
        let b = "+\tb\t30\nampu-fingerprint 2\nkey\tk2\nend\n"
        let c = "+\tc\t30\nampu-fingerprint 2\nkey\tk3\nend\n"
        // What the file ends with, and what of it is taken.
        let cases: [(tail: String, kept: String)] = [
            ("+\tb\t30\nampu-fingerprint 2\nkey\tk", ""),
            ("+\tb\t1000\n", ""),
            ("garbage\n", ""),
            ("+\tb\t30\nampu-fingerprint 2\nkey\tk2\nEND\n", ""),
            (b + "-\tb", b),
        ]
        for (tail, kept) in cases {
            try fs.writeFile(file, whole + tail)
            let log = FingerprintLog(directory: directory, fileSystem: fs)
            #expect(log.fingerprint("a") == print("k1"))
            #expect(log.fingerprint("b") == (kept.isEmpty ? nil : print("k2")), "\(tail)")
            #expect(FingerprintLog.summary(Array((whole + tail).utf8)) == (standing: kept.isEmpty ? 1 : 2, readable: kept.isEmpty ? 1 : 2, torn: true))
            try log.append("c", print("k3"))
            #expect(try text(fs) == whole + kept + c)
        }
    }

    @Test("a file of another format is not read, and is replaced at the first append")
    func otherFormat() throws {
        let fs = InMemoryFileSystem(files: [file: "ampu-fingerprints 0\n+\ta\t30\nampu-fingerprint 2\nkey\tk1\nend\n"])
        let log = FingerprintLog(directory: directory, fileSystem: fs)
        #expect(log.fingerprint("a") == nil)
        try log.append("b", print("k2"))
        #expect(try text(fs) == "ampu-fingerprints 1\n+\tb\t30\nampu-fingerprint 2\nkey\tk2\nend\n")
    }

    @Test("a log mostly of dead entries is written anew with the living ones, in the order they were written")
    func compaction() throws {
        let fs = InMemoryFileSystem()
        let log = FingerprintLog(directory: directory, fileSystem: fs)
        try log.append("b", print("k0"))
        for i in 1...101 { try log.append("a", print("k\(i)")) }
        // 102 entries for 2 living fingerprints: the next build's first append rewrites.
        let next = FingerprintLog(directory: directory, fileSystem: fs)
        try next.append("c", print("k9"))
        #expect(try text(fs) == """
            ampu-fingerprints 1
            +\tb\t30
            ampu-fingerprint 2
            key\tk0
            end
            +\ta\t32
            ampu-fingerprint 2
            key\tk101
            end
            +\tc\t30
            ampu-fingerprint 2
            key\tk9
            end

            """)
        #expect(FingerprintLog(directory: directory, fileSystem: fs).fingerprint("a") == print("k101"))
    }

    @Test("a log that cannot be written says why at each append, and takes the next that can")
    func unwritable() throws {
        let fs = InMemoryFileSystem(files: ["/w/target/cache/fingerprints": "a file\n"])
        let log = FingerprintLog(directory: directory, fileSystem: fs)
        #expect(throws: FileSystemError.notADirectory(directory)) { try log.append("a", print("k1")) }
        #expect(throws: FileSystemError.notADirectory(directory)) { try log.append("b", print("k2")) }
        try fs.removeItem(directory)
        try log.append("c", print("k3"))
        #expect(try text(fs) == "ampu-fingerprints 1\n+\tc\t30\nampu-fingerprint 2\nkey\tk3\nend\n")
    }
}
