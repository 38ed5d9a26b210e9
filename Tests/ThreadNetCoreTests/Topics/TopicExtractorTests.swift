import Foundation
import Testing
@testable import ThreadNetCore

@Suite("Topic extraction")
struct TopicExtractorTests {
    // MARK: - The seed with seeds/topics.yaml

    static func seed() throws -> (ThreadAnalysis, TopicIncidence) {
        let text = try String(contentsOf: Paths.seed, encoding: .utf8)
        let analysis = try analyzeText(text, name: "000_dd0249cc5e7d2567.txt")
        let dictionary = try TopicDictionary(contentsOf: Paths.repository.appendingPathComponent("seeds/topics.yaml"))
        return (analysis, analysis.topicIncidence(TopicOptions(dictionary: dictionary)))
    }

    /// Topics per comment, counted by hand from reading the seed against seeds/topics.yaml
    /// (enf = immigration/enforcement, ill = immigration/illegal immigration, crime, welfare,
    /// jobs, pol = politics and elections, health, edu), with the words that carry them:
    ///
    ///  1 Taxachusetts: enf (enforce), ill (illegal, freeloaders)                        → 2
    ///  2 D T: ill (illegally), welfare (poverty), health (medical, health care premiums),
    ///    edu (college education, student), jobs (job)                                  → 5
    ///  3 blackbear1: ill (illegal immigrant, immigrants), enf (borders)                 → 2
    ///  4 maria: jobs (worked), health (health premiums, co-pays)                        → 2
    ///  5 Brooklyn: pol (Dems, gov, votes, election)                                     → 1
    ///  6 massbaysailor: pol (Deval, vote, voter, election, Democratic, Legislative,
    ///    goverment), edu (tuition), ill (illegals)                                      → 3
    ///  7 Paul: crime (criminal, non-criminal, crime ×3), enf (deported),
    ///    ill (ILLEAGALLY), pol (Capitol Hill)                                           → 4
    ///  8 Linda: ill (illegals, freeload), welfare (tax payers, entitled),
    ///    crime (gangs, drugs, cartels, terrorists), pol (goverment)                     → 4
    ///  9 justsayin': jobs (job), pol (Patrick), ill (illegals)                          → 3
    /// 10 J.C.A.: ill, pol (Dems, voter, politics, Voters), jobs (work),
    ///    welfare (Assistance, Section8), health (health care), edu (college)            → 6
    /// 11 J.C.A.: ill (illegally), crime (criminals, Violent, crime)                     → 2
    /// 12 Deus-est: all but enf (immigration, LABOR, wage, tax, food stamps, health care,
    ///    school, bilingual teachers, Government, crime)                                 → 7
    /// 13 emom: all eight (illegal's, administration, assistance, borders, work visa,
    ///    Hospitals, crime, TAXES, kindergarten)                                         → 8
    /// 13.1 Lori: none                                                                   → 0
    /// 14 Karen: ill (illegally), welfare (freebies), pol (Patrick)                      → 3
    /// 15 Matt: pol (Deval, politicians, elected), enf (enforce ×2)                      → 2
    /// 16 decol: pol (voted), ill (illegals), crime (crimes, punishment)                 → 3
    /// 17 fred: crime, ill (illegal alien), enf (ICE, law enforcement), pol (Deval, Governor) → 4
    /// 17.1 Paul: pol (Senators, Congressmen, Governor), jobs (jobs, job), crime (rapist,
    ///    Police, assaulted), ill (illegal alien), enf (ICE)                             → 5
    /// 18 J.C.A.: enf (Gitmo, boot camp, ICE ×2, incarcerate), welfare (tax),
    ///    ill (Immigration), crime (criminals)                                           → 4
    /// 19 J.C.A.: enf (incarcerate), crime (criminals)                                   → 2
    @Test("the seed with seeds/topics.yaml: topic frequencies and comments with two or three topics, counted by hand")
    func seedDictionary() throws {
        let (analysis, inc) = try Self.seed()
        #expect(analysis.comments.count == 21)
        // The article is unit 0 (comment -1), then one unit per comment.
        #expect(inc.unitCount == 22)
        let units: [Int32] = [-1] + (0..<Int32(21)).map { $0 }
        #expect(inc.unitComment == units)
        let maps = unitMaps(inc)
        let comments = Array(maps.dropFirst())

        // Comments carrying each topic (from the table above).
        func frequency(_ topic: String) -> Int { comments.filter { $0[topic] != nil }.count }
        #expect(frequency("immigration/enforcement") == 9)          // 1 3 7 13 15 17 17.1 18 19
        #expect(frequency("immigration/illegal immigration") == 16) // all but 4 5 13.1 15 19
        #expect(frequency("crime") == 10)                           // 7 8 11 12 13 16 17 17.1 18 19
        #expect(frequency("welfare and taxes") == 7)                // 2 8 10 12 13 14 18
        #expect(frequency("jobs and labour") == 7)                  // 2 4 9 10 12 13 17.1
        #expect(frequency("politics and elections") == 13)          // 5–10 12–17 17.1
        #expect(frequency("health care") == 5)                      // 2 4 10 12 13
        #expect(frequency("education") == 5)                        // 2 6 10 12 13

        // Comments with exactly two topics: 1 3 4 11 15 19; exactly three: 6 9 14 16.
        let sizes = comments.map(\.count)
        #expect(sizes.filter { $0 == 2 }.count == 6)
        #expect(sizes.filter { $0 == 3 }.count == 4)
        #expect(sizes == [2, 5, 2, 2, 1, 3, 4, 4, 3, 6, 2, 7, 8, 0, 3, 2, 3, 4, 5, 4, 2])

        // Match counts. Comment 12, welfare: tax, Tax (Return), food stamps, subsidized, SSI, SSI,
        // taxpayer's, Taxpayers, benefits, taxpayers = 10. Comment 15: enforce ×2. Comment 18,
        // enforcement: Gitmo, boot camp, ICE, ICE, incarcerate = 5.
        #expect(comments[11]["welfare and taxes"] == 10)
        #expect(comments[15]["immigration/enforcement"] == 2)
        #expect(comments[19]["immigration/enforcement"] == 5)
        // The article, enforcement: Secure Communities ×3, deported ×3, immigration status,
        // Homeland Security, (Customs) Enforcement, immigration enforcement, enforce,
        // (law) enforcement = 12.
        #expect(maps[0]["immigration/enforcement"] == 12)
    }

    @Test("the seed's automatic key terms run too, and are deterministic")
    func seedAutomatic() throws {
        let (analysis, _) = try Self.seed()
        let a = analysis.topicIncidence(TopicOptions())
        let b = analysis.topicIncidence(TopicOptions())
        #expect(a == b)
        #expect(a.topics.count == 30)
        #expect(a.unitCount == 22)
        #expect(!a.topics.contains("the") && !a.topics.contains("will"))
        let kt = TopicExtractor.keyTerms(of: analysis, options: TopicOptions())
        #expect(kt.terms.map(\.label) == a.topics)
        #expect(kt.terms.allSatisfy { $0.documentFrequency >= 2 })
        #expect(zip(kt.terms, kt.terms.dropFirst()).allSatisfy { $0.documentFrequency >= $1.documentFrequency })
        // "country", counted by hand: the article (1), comments 4 (3), 7 (1), 8 (3: Country,
        // country, Country), 13 (1), 17.1 (2), 18 (1, "home country"), 19 (1, "home country") —
        // 8 documents, 13 times. "home country" is a collocation: it is the only pair in 18 and
        // 19 (O11 = 2 in 2 documents), `home` starts 3 pairs (home land, home country ×2) and
        // `country` ends 3 (world country, home country ×2), so E11 = 3·3/N < 0.1 for the
        // N > 100 pairs of the thread, and G² > 2·2·ln(2/0.1) − … ≫ 3.84. Compounding takes those
        // two out: country has document frequency 6 and frequency 11.
        let country = try #require(kt.terms.first { $0.label == "country" })
        #expect(country.documentFrequency == 6)
        #expect(country.frequency == 11)
        let all = KeyTerms(documents: TopicExtractor.tokenize(analysis, options: TopicOptions()).documents,
                           stopwords: .english, stem: false, maxTerms: 1000, minDocumentFrequency: 2)
        let home = try #require(all.terms.first { $0.label == "home country" })
        #expect(home.isCollocation && home.documentFrequency == 2 && (home.logLikelihood ?? 0) > KeyTerms.criticalValue)
    }

    // MARK: - Chinese comments through the Disqus importer

    /// A hand-made Disqus export with three Chinese comments (no third-party text). It is inline
    /// rather than a fixture file because the importers' detection tests walk every fixture,
    /// and the shared `xml/isso-disqus.xml` has no Chinese text (its messages are `...` and
    /// `Hello, World.`).
    static let chineseDisqus = """
    <?xml version="1.0" encoding="utf-8"?>
    <disqus xmlns="http://disqus.com"
            xmlns:dsq="http://disqus.com/disqus-internals"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <category dsq:id="1">
          <forum>example</forum>
          <title>General</title>
        </category>

        <thread dsq:id="10">
          <id>policy-post</id>
          <forum>example</forum>
          <category dsq:id="1"/>
          <link>http://example.org/policy</link>
          <title>政策讨论</title>
          <message/>
          <createdAt>2020-01-01T00:00:00Z</createdAt>
          <author>
            <name>Editor</name>
          </author>
        </thread>

        <post dsq:id="11">
            <message><![CDATA[<p>移民政策很重要。</p>]]></message>
            <createdAt>2020-01-01T01:00:00Z</createdAt>
            <isDeleted>false</isDeleted>
            <isSpam>false</isSpam>
            <author>
                <name>小明</name>
                <isAnonymous>false</isAnonymous>
            </author>
            <thread dsq:id="10" />
        </post>

        <post dsq:id="12">
            <message><![CDATA[<p>我反对这个移民政策！</p>]]></message>
            <createdAt>2020-01-01T02:00:00Z</createdAt>
            <isDeleted>false</isDeleted>
            <isSpam>false</isSpam>
            <author>
                <name>小红</name>
                <isAnonymous>false</isAnonymous>
            </author>
            <thread dsq:id="10" />
            <parent dsq:id="11" />
        </post>

        <post dsq:id="13">
            <message><![CDATA[<p>政策需要改革，移民也需要。</p>]]></message>
            <createdAt>2020-01-01T03:00:00Z</createdAt>
            <isDeleted>false</isDeleted>
            <isSpam>false</isSpam>
            <author>
                <name>Li Wei</name>
                <isAnonymous>false</isAnonymous>
            </author>
            <thread dsq:id="10" />
        </post>
    </disqus>
    """

    @Test("Chinese Disqus comments give bigram key terms, counted by hand")
    func chineseDisqus() throws {
        let corpus = try DisqusImporter().read(InputSource(name: "disqus-chinese.xml", text: Self.chineseDisqus), options: ImportOptions())
        let thread = try #require(corpus.threads.first)
        let analysis = ThreadAnalysis(thread: thread)
        #expect(analysis.comments.count == 3)
        // 移民政策很重要 → 移民 民政 政策 策很 很重 重要
        // 我反对这个移民政策 → 我反 反对 对这 这个 个移 移民 民政 政策
        // 政策需要改革 | 移民也需要 → 政策 策需 需要 要改 改革 | 移民 民也 也需 需要
        // Document frequency ≥ 2: 移民 3, 政策 3, 民政 2 (需要 is twice in one comment only).
        // 政策 (U+653F) sorts before 移民 (U+79FB) on the tie.
        let inc = analysis.topicIncidence(TopicOptions())
        #expect(inc.topics == ["政策", "移民", "民政"])
        #expect(inc.unitComment == [0, 1, 2])
        #expect(unitMaps(inc) == [["政策": 1, "移民": 1, "民政": 1], ["政策": 1, "移民": 1, "民政": 1], ["政策": 1, "移民": 1]])
    }
}
