import Foundation
import Testing
@testable import ThreadNetCore

@Suite("Topic dictionaries")
struct TopicDictionaryTests {
    func sources(_ d: TopicDictionary) -> [[String]] { d.terms.map { $0.map(\.source) } }

    @Test("quanteda YAML: nested topics named with /, file order kept, parents not topics")
    func yamlNested() throws {
        let yaml = """
        # comment
        immigration:
          enforcement:
            - secure communities
            - deport*
          illegal: [illegal*, alien*]
        crime:
          - crime*
          - crime*
        health care: medical
        """
        let d = try TopicDictionary.parseYAML(yaml, file: "t.yml")
        #expect(d.topics == ["immigration/enforcement", "immigration/illegal", "crime", "health care"])
        // Duplicates dropped; a single scalar is one term.
        #expect(sources(d) == [["secure communities", "deport*"], ["illegal*", "alien*"], ["crime*"], ["medical"]])
        #expect(d.terms[0][0].elements == [.exact("secure"), .exact("communities")])
        #expect(d.terms[0][1].elements == [.glob(Array("deport*".unicodeScalars))])
    }

    @Test("YAML errors name the file and line", arguments: [
        ("a:\n  - x\n b: [", 3, "not valid YAML"),
        ("- just\n- a list\n", 1, "must be a mapping"),
        ("a:\n  - x\nb:\n", 3, "has no terms"),
        ("a:\n  - x\nb: []\n", 3, "has no terms"),
        ("a:\n  - x\n  - {k: v}\n", 3, "each term must be"),
        ("a:\n  b: [x]\na/b: [y]\n", 3, "defined twice"),
    ])
    func yamlErrors(_ c: (String, Int, String)) {
        do {
            _ = try TopicDictionary.parseYAML(c.0, file: "bad.yml")
            Issue.record("no error for \(c.0)")
        } catch {
            #expect(error.file == "bad.yml")
            #expect(error.line == c.1, "\(error)")
            #expect(error.message.contains(c.2), "\(error)")
        }
    }

    @Test("LIWC .dic: header categories, tab-separated ids, several categories per term, phrases")
    func liwc() throws {
        let dic = "\n%\n1\tcrime\n2 welfare\n%\ncrim*\t1\nfood stamps\t2\ntax*\t2\t1\nvictim 1\nkind of 1 2\n"
        let d = try TopicDictionary.parseLIWC(dic, file: "t.dic")
        #expect(d.topics == ["crime", "welfare"])
        #expect(sources(d) == [["crim*", "tax*", "victim", "kind of"], ["food stamps", "tax*", "kind of"]])
    }

    @Test("LIWC errors name the line", arguments: [
        ("1\tcrime\n%\n", 1, "starts with a line holding only %"),
        ("%\n1\tcrime\n", 2, "not closed"),
        ("%\nx\tcrime\n%\n", 2, "a number and a name"),
        ("%\n1\tcrime\n1\tother\n%\n", 3, "defined twice"),
        ("%\n1\tcrime\n%\ncrim*\n", 4, "has no category"),
        ("%\n1\tcrime\n%\ncrim*\t7\n", 4, "not in the header"),
        ("%\n1\tcrime\n2\tother\n%\nlike\t02 134/125\n", 5, "not a number"),
    ])
    func liwcErrors(_ c: (String, Int, String)) {
        do {
            _ = try TopicDictionary.parseLIWC(c.0, file: "bad.dic")
            Issue.record("no error for \(c.0)")
        } catch {
            #expect(error.file == "bad.dic")
            #expect(error.line == c.1, "\(error)")
            #expect(error.message.contains(c.2), "\(error)")
        }
    }

    @Test("files: the extension or a leading % chooses the format; unreadable files are errors")
    func files() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let dic = dir.appendingPathComponent("x.txt")
        try "%\n1\tcrime\n%\ncrim*\t1\n".write(to: dic, atomically: true, encoding: .utf8)
        #expect(try TopicDictionary(contentsOf: dic).topics == ["crime"])
        let yaml = dir.appendingPathComponent("x.yaml")
        try "crime: [crim*]\n".write(to: yaml, atomically: true, encoding: .utf8)
        #expect(try TopicDictionary(contentsOf: yaml).topics == ["crime"])
        #expect(throws: TopicInputError.self) { try TopicDictionary(contentsOf: dir.appendingPathComponent("none.yml")) }
    }

    @Test("the shipped seeds/topics.yaml parses: 8 topics in file order")
    func seedDictionary() throws {
        let d = try TopicDictionary(contentsOf: Paths.repository.appendingPathComponent("seeds/topics.yaml"))
        #expect(d.topics == ["immigration/enforcement", "immigration/illegal immigration", "crime", "welfare and taxes",
                             "jobs and labour", "politics and elections", "health care", "education"])
    }
}
