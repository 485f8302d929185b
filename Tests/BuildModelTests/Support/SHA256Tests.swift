import Testing
@testable import BuildModel

@Suite("SHA-256")
struct SHA256Tests {
    @Test("the standard test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(_ text: String, _ digest: String) {
        #expect(SHA256.hex(Array(text.utf8)) == digest)
    }

    @Test("a million a's, fed in pieces of every size")
    func millionAs() {
        var h = SHA256()
        var left = 1_000_000
        var piece = 1
        while left > 0 {
            let n = min(piece, left)
            h.update([UInt8](repeating: 0x61, count: n))
            left -= n
            piece = piece % 997 + 1
        }
        #expect(SHA256.hex(digest: h.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite("Content hash (XXH64)")
struct ContentHashTests {
    @Test("the reference values of XXH64 with seed 0", arguments: [
        ("", "ef46db3751d8e999"),
        ("a", "d24ec4f1a98c6e5b"),
        ("abc", "44bc2cf5ad770999"),
        ("Nobody inspects the spammish repetition", "fbcea83c8a378bf1"),
        ("The quick brown fox jumps over the lazy dog", "0b242d361fda71bc"),
    ])
    func vectors(_ text: String, _ digest: String) {
        #expect(ContentHash.hex(Array(text.utf8)) == digest)
    }

    /// The second half as the reference implementation gives it (Python's `xxhash.xxh64` with
    /// seed 0x165667B19E3779F9).
    @Test("the wide hash is XXH64 with seed 0, then XXH64 with the third prime as its seed", arguments: [
        ("abc", "44bc2cf5ad770999" + "dfc526749dcdd9e8"),
        ("the quick brown fox jumps over the lazy dog, twice", "29603f8b09652c7e" + "79474352a29f94da"),
    ])
    func wide(_ text: String, _ digest: String) {
        #expect(ContentHash.wideHex(Array(text.utf8)) == digest)
    }
}
