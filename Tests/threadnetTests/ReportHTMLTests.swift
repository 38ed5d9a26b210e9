import Foundation
import Testing

/// report.html: one self-contained page, checked as written and in a real browser (headless
/// Chromium driven over the DevTools protocol by scripts/browser/check_report_html.py).
@Suite("report.html")
struct ReportHTMLTests {
    static let checker = ReportsGoldenTests.repository.appendingPathComponent("scripts/browser/check_report_html.py").path

    static func analyze(_ input: String, _ extra: [String] = []) throws -> (folder: URL, html: String) {
        let folder = try CommandLineTests.temporaryFolder()
        let run = try CommandLineTests.run(["analyze", input, "--out", folder.path, "--quiet"] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        return (folder, try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8))
    }

    /// Self-contained: the diagrams inline, no <img>, no external script, style or link to
    /// fetch, a Content Security Policy that forbids any request.
    @Test func isSelfContained() throws {
        let (folder, html) = try Self.analyze(HostileOptionsTests.seed)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\""))
        #expect(html.components(separatedBy: "<figure class=\"diagram\">").count - 1 == 4)
        #expect(!html.contains("<img") && !html.contains("<link") && !html.contains("src=\"http") && !html.contains("<script src"))
        // The seed's numbers as report.md has them, now as HTML tables.
        #expect(html.contains("<td align=\"left\">Comments</td>\n<td align=\"right\">21</td>"))
    }

    /// A title and author names with markup stay text.
    @Test func hostileTitleStaysText() throws {
        let (folder, html) = try Self.analyze(HostileOptionsTests.seed, ["--title", "<script>alert(1)</script> & <img src=x onerror=alert(2)>"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!html.contains("<script>alert(1)") && !html.contains("<img src=x"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    /// In Chromium: no console error, no request, the tooltip shows on hover, a column sorts,
    /// the wheel zooms, the screenshot is not blank; for the seed and the 476-comment Reddit thread.
    @Test(arguments: ["seeds/000_dd0249cc5e7d2567.txt", "Tests/ThreadNetCoreTests/Fixtures/json/reddit-3hahrw-thread.json"])
    func worksInARealBrowser(_ input: String) throws {
        let which = try PythonTool.run(["-c", "import shutil, sys; sys.exit(0 if shutil.which('chromium') else 1)"])
        try #require(which.status == 0, "Chromium is not installed: scripts/install-deps.sh --tests installs it")
        let (folder, _) = try Self.analyze(ReportsGoldenTests.repository.appendingPathComponent(input).path)
        defer { try? FileManager.default.removeItem(at: folder) }
        let check = try PythonTool.run([Self.checker, folder.appendingPathComponent("report.html").path])
        #expect(check.status == 0, "\(check.output)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any])
        #expect((result["diagrams"] as? Int ?? 0) >= 4)
        let hovered = try #require(result["hovered"] as? [[String: Any]])
        #expect(hovered.count == 2)
        #expect((result["console_errors"] as? [Any])?.isEmpty == true && (result["network_requests"] as? [Any])?.isEmpty == true)
    }
}
