import Testing
import ThreadNetGraphviz

@Suite struct PluginTests {
    @Test func requiredPluginsArePresent() throws {
        try Graphviz.checkPlugins()
    }

    @Test func versionIsDottedNumbers() {
        let version = Graphviz.version
        #expect(!version.isEmpty)
        #expect(version.split(separator: ".").count >= 2)
        #expect(version.allSatisfy { $0.isNumber || $0 == "." })
    }

    @Test func errorDescriptionNamesTheStage() {
        let error = GraphvizError(kind: .missingPlugins, message: "Graphviz lacks layout sfdp")
        #expect(error.description == "Graphviz plugins missing: Graphviz lacks layout sfdp")
        #expect(GraphvizError(kind: .noGraph, message: "no graph found").description == "Graphviz input error: no graph found")
    }
}
