import Testing
@testable import ThreadNetCore

@Suite("HTMLText")
struct HTMLTextTests {
    // MARK: plainText

    @Test func hackerNewsParagraphsAndHexReferences() {
        #expect(HTMLText.plainText("I&#x27;m <i>sure</i><p>Next") == "I'm sure\n\nNext")
        #expect(HTMLText.plainText("a&#x2F;b <a href=\"https:&#x2F;&#x2F;x.org\" rel=\"nofollow\">link</a>")
                == "a/b link")
    }

    @Test func paragraphsAreSeparatedByOneBlankLine() {
        #expect(HTMLText.plainText("<p>One</p><p>Two</p>") == "One\n\nTwo")
        #expect(HTMLText.plainText("<div class=\"md\"><p>One </p>\n\n<p>Two</p>\n</div>") == "One\n\nTwo")
        #expect(HTMLText.plainText("<p>Welcome!</p>\n\n<h3>Sandbox</h3>\n\n<p>Reset.</p>") == "Welcome!\n\nSandbox\n\nReset.")
    }

    @Test func lineBreaks() {
        #expect(HTMLText.plainText("one<br>two<br/>three<BR />four") == "one\ntwo\nthree\nfour")
        #expect(HTMLText.plainText("one<br>\ntwo") == "one\ntwo")
        #expect(HTMLText.plainText("one<br><br>two") == "one\n\ntwo")
        #expect(HTMLText.plainText("<ul><li>a</li>\n<li>b</li></ul>after") == "a\nb\n\nafter")
    }

    @Test func bareNewlinesAreKeptAndSpacesCollapsed() {
        #expect(HTMLText.plainText("  line one  \nline   two\n\n\n\npara\ttab ") == "line one\nline two\n\npara tab")
        #expect(HTMLText.plainText("a\r\nb") == "a\nb")
        #expect(HTMLText.plainText("a&nbsp;&nbsp;b\u{00A0}c") == "a b c")
    }

    @Test func lessThanThatIsNotATagStaysText() {
        #expect(HTMLText.plainText("a < b and c > d") == "a < b and c > d")
        #expect(HTMLText.plainText("I <3 you, 1<2") == "I <3 you, 1<2")
        #expect(HTMLText.plainText("x </ y") == "x </ y")
        #expect(HTMLText.plainText("&lt;b&gt;not bold&lt;/b&gt;") == "<b>not bold</b>")
    }

    @Test func unclosedTagIsDroppedToTheEnd() {
        #expect(HTMLText.plainText("bold <b") == "bold")
        #expect(HTMLText.plainText("cut <a href=\"http://exa") == "cut")
        #expect(HTMLText.plainText("<b>bold</b") == "bold")
    }

    @Test func attributesWithGreaterThanInQuotes() {
        #expect(HTMLText.plainText("<a title=\"a>b\" href='x>y'>link</a> end") == "link end")
    }

    @Test func scriptStyleAndCommentsAreDropped() {
        #expect(HTMLText.plainText("a<script>if (x < 1) { alert('<p>') }</script>b") == "ab")
        #expect(HTMLText.plainText("a<STYLE type=\"text/css\">p { color: red }</STYLE> b") == "a b")
        #expect(HTMLText.plainText("<!-- SC_OFF --><div class=\"md\"><p>test</p>\n</div><!-- SC_ON -->") == "test")
        #expect(HTMLText.plainText("a<script>never closed") == "a")
        #expect(HTMLText.plainText("<![CDATA[x < y]]> z") == "x < y z")
    }

    @Test func doubleEscapedHTMLBody() {
        // Reddit without raw_json: body_html is entity-escaped HTML.
        #expect(HTMLText.plainText("&lt;div class=\"md\"&gt;&lt;p&gt;Hi &amp;amp; bye&lt;/p&gt;&lt;/div&gt;")
                == "<div class=\"md\"><p>Hi & bye</p></div>")
    }

    @Test func emptyAndWhitespaceOnly() {
        #expect(HTMLText.plainText("") == "")
        #expect(HTMLText.plainText("   \n <p> </p> ") == "")
        #expect(HTMLText.plainText("plain") == "plain")
    }

    @Test func unicodeIsPreserved() {
        #expect(HTMLText.plainText("<p>Grüße 🌎 日本</p>") == "Grüße 🌎 日本")
    }

    // MARK: decodeEntities

    @Test func namedEntities() {
        #expect(HTMLText.decodeEntities("Blog &raquo; Post") == "Blog » Post")
        #expect(HTMLText.decodeEntities("&laquo;x&raquo; &hellip; &mdash;&ndash; &lsquo;a&rsquo; &ldquo;b&rdquo;")
                == "«x» … —– ‘a’ “b”")
        #expect(HTMLText.decodeEntities("&copy; &reg; &trade; &euro; &bull; &middot; &eacute;&Eacute;")
                == "© ® ™ € • · éÉ")
        #expect(HTMLText.decodeEntities("&amp; &lt; &gt; &quot; &apos; &AMP;") == "& < > \" ' &")
        #expect(HTMLText.decodeEntities("a&nbsp;b") == "a b")
    }

    @Test func unknownOrUnterminatedNamesStay() {
        #expect(HTMLText.decodeEntities("&bogus; &amp") == "&bogus; &amp")
        #expect(HTMLText.decodeEntities("?sound=rimshot&play=true&t=15s") == "?sound=rimshot&play=true&t=15s")
        #expect(HTMLText.decodeEntities("AT&T & co") == "AT&T & co")
        #expect(HTMLText.decodeEntities("&") == "&")
        #expect(HTMLText.decodeEntities("&#") == "&#")
        #expect(HTMLText.decodeEntities("&#x;") == "&#x;")
    }

    @Test func numericReferences() {
        #expect(HTMLText.decodeEntities("it&#8217;s") == "it’s")
        #expect(HTMLText.decodeEntities("I&#x27;m a&#X2F;b") == "I'm a/b")
        #expect(HTMLText.decodeEntities("&#39;quoted&#39") == "'quoted'")
        #expect(HTMLText.decodeEntities("&#128512;") == "😀")
        #expect(HTMLText.decodeEntities("&#146;&#150;") == "’–") // Windows-1252 range
        #expect(HTMLText.decodeEntities("&#0;&#xD800;&#x110000;&#99999999999;") == "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func doubleEscapedAtMostTwice() {
        #expect(HTMLText.decodeEntities("&amp;gt; quote") == "> quote")
        #expect(HTMLText.decodeEntities("&amp;quot;hi&amp;quot;") == "\"hi\"")
        #expect(HTMLText.decodeEntities("don&amp;#8217;t") == "don’t")
        #expect(HTMLText.decodeEntities("&amp;amp;") == "&")
        #expect(HTMLText.decodeEntities("&amp;amp;amp;") == "&amp;")
    }

    @Test func decodeLeavesTagsAndWhitespace() {
        #expect(HTMLText.decodeEntities("<b>x</b>  \n y") == "<b>x</b>  \n y")
        #expect(HTMLText.decodeEntities("no entities at all") == "no entities at all")
    }

    @Test func largeInputIsLinear() {
        let chunk = "<p>Some <i>text</i> &amp; more&#x27;s</p>\n"
        let big = String(repeating: chunk, count: 20_000)
        let text = HTMLText.plainText(big)
        #expect(text.hasPrefix("Some text & more's\n\nSome text"))
        #expect(text.utf8.count == 20_000 * "Some text & more's".utf8.count + 19_999 * 2)
    }
}
