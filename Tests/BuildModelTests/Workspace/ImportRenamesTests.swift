import Testing
@testable import BuildModel

@Suite("how a relative import is spelt anew when files move")
struct ImportRenamesTests {
    @Test("the path from the importing directory, with or without the extension, ./ unless it goes up")
    func spelling() {
        #expect(ImportRenames.spelling(of: "/ws/src/b/c.oats", from: "/ws/src", withExtension: false) == "./b/c")
        #expect(ImportRenames.spelling(of: "/ws/src/b/c.oats", from: "/ws/src", withExtension: true) == "./b/c.oats")
        #expect(ImportRenames.spelling(of: "/ws/src/b/c.oats", from: "/ws/src/d/e", withExtension: false) == "../../b/c")
        #expect(ImportRenames.spelling(of: "/ws/src/v1.2/c", from: "/ws/src", withExtension: false) == "./v1.2/c")
        #expect(ImportRenames.spelling(of: "/ws/src/.hidden", from: "/ws/src", withExtension: false) == "./.hidden")
    }
}
