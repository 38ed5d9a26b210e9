/// `report.html`: the Markdown report as one self-contained page, for a browser.
///
/// The page is `report.md` rendered by cmark-gfm (``MarkdownHTML``), with every picture the
/// report embeds replaced by its SVG inline (a diagram's `.png` by the `.svg` drawn beside it),
/// and a small inline script: diagrams zoom with the wheel, pan by dragging and reset on double
/// click; hovering a comment or author shows its tooltip (author, time, depth, excerpt; counts
/// and degrees), as Graphviz wrote it into the SVG; clicking a table header sorts by that
/// column (numbers as numbers). Nothing is loaded from anywhere: the page's Content Security
/// Policy allows no network request (`default-src 'none'`), only its own inline style and
/// script, so it works offline and a hostile name cannot make it fetch anything. A picture the
/// page has no SVG for is named, not linked.
public enum HTMLReport {
    /// Writes the page for `markdown` (the text of `report.md`), with `svgs` the SVG text of
    /// each picture by the path the Markdown names it by (`reply-tree.png` or `reply-tree.svg`
    /// both find `reply-tree.svg`).
    ///
    /// - Complexity: O(*m* + *s*) for *m* bytes of Markdown and *s* bytes of SVG.
    public static func write(markdown: String, title: String, svgs: [String: String], to out: TextOutput) {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        out.write("<meta name=\"generator\" content=\"ThreadNet \(ThreadNetVersion.current)\">\n")
        out.write("<title>")
        out.write(xml: title)
        out.write("</title>\n<style>\n\(style)</style>\n</head>\n<body>\n<main>\n")
        writeBody(MarkdownHTML.render(markdown), svgs: svgs, to: out)
        out.write("</main>\n<div id=\"tooltip\" role=\"tooltip\" hidden></div>\n<script>\n\(script)</script>\n</body>\n</html>\n")
    }

    /// Copies `html`, each `<img …>` replaced by its inline SVG figure.
    static func writeBody(_ html: String, svgs: [String: String], to out: TextOutput) {
        var rest = html[...]
        while let open = rest.range(of: "<img src=\"") {
            out.write(rest[..<open.lowerBound])
            guard let close = rest.range(of: ">", range: open.upperBound..<rest.endIndex) else {
                rest = rest[open.lowerBound...]
                break
            }
            let tag = rest[open.lowerBound..<close.upperBound]
            let src = attribute("src", in: tag) ?? ""
            let alt = attribute("alt", in: tag) ?? ""
            let svgPath = src.hasSuffix(".png") ? String(src.dropLast(4)) + ".svg" : src
            if let svg = svgs[svgPath] ?? svgs[src] {
                // `alt` comes HTML-escaped from cmark-gfm: it is written as it is.
                out.write("<figure class=\"diagram\"><div class=\"viewport\">")
                out.write(inlineSVG(svg))
                out.write("</div><figcaption>\(alt) <span class=\"hint\">(wheel: zoom, drag: pan, double click: reset)</span></figcaption></figure>")
            } else {
                out.write("<span class=\"missing\">[picture not drawn: \(alt)]</span>")
            }
            rest = rest[close.upperBound...]
        }
        out.write(rest)
    }

    /// The value of `name="…"` in a tag cmark-gfm wrote (values are escaped, never hold `"`).
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let r = tag.range(of: " \(name)=\"") else { return nil }
        let value = tag[r.upperBound...]
        return String(value[..<(value.firstIndex(of: "\"") ?? value.endIndex)])
    }

    /// An SVG document as an element to put in HTML: the XML declaration, DOCTYPE and comments
    /// before `<svg` dropped.
    static func inlineSVG(_ svg: String) -> Substring {
        guard let start = svg.range(of: "<svg") else { return "" }
        return svg[start.lowerBound...]
    }

    static let style = """
    body { font: 15px/1.5 system-ui, -apple-system, "DejaVu Sans", sans-serif; color: #222; margin: 0; }
    main { max-width: 1100px; margin: 0 auto; padding: 1em 1.5em 4em; }
    h1, h2, h3, h4 { line-height: 1.25; }
    table { border-collapse: collapse; margin: 0.8em 0; font-size: 14px; }
    th, td { border: 1px solid #d0d0d0; padding: 3px 8px; }
    th { background: #f3f3f3; cursor: pointer; user-select: none; }
    th[aria-sort="ascending"]::after { content: " ▲"; }
    th[aria-sort="descending"]::after { content: " ▼"; }
    code { background: #f4f4f4; padding: 0 3px; border-radius: 3px; }
    figure.diagram { margin: 1em 0; border: 1px solid #ddd; border-radius: 4px; }
    figure.diagram .viewport { overflow: hidden; }
    figure.diagram svg { display: block; width: 100%; height: auto; max-height: 85vh; cursor: grab; touch-action: none; }
    figure.diagram svg.dragging { cursor: grabbing; }
    figcaption { font-size: 13px; color: #555; padding: 4px 8px; border-top: 1px solid #eee; }
    .hint { color: #999; }
    .missing { color: #a00; }
    #tooltip { position: fixed; z-index: 10; max-width: 360px; background: #222; color: #fff; font-size: 13px;
               padding: 4px 8px; border-radius: 4px; pointer-events: none; white-space: pre-wrap; }

    """

    static let script = """
    (function () {
      "use strict";
      var XLINK = "http://www.w3.org/1999/xlink";
      var tip = document.getElementById("tooltip");
      function place(e) { tip.style.left = (e.clientX + 14) + "px"; tip.style.top = (e.clientY + 14) + "px"; }
      document.querySelectorAll("figure.diagram svg").forEach(function (svg) {
        // Graphviz's <title> holds internal node ids: the tooltip below says what they are.
        svg.querySelectorAll("title").forEach(function (t) { t.remove(); });
        svg.querySelectorAll("a").forEach(function (a) {
          var text = a.getAttributeNS(XLINK, "title") || a.getAttribute("xlink:title");
          if (!text) { return; }
          var target = a.closest("g.node, g.edge") || a;
          target.addEventListener("mouseover", function (e) { tip.textContent = text; tip.hidden = false; place(e); });
          target.addEventListener("mousemove", place);
          target.addEventListener("mouseout", function () { tip.hidden = true; });
        });
        var vb = svg.viewBox.baseVal;
        if (!vb || !vb.width) { return; }
        var home = [vb.x, vb.y, vb.width, vb.height];
        function toSVG(e) {
          var r = svg.getBoundingClientRect();
          return { x: vb.x + (e.clientX - r.left) / r.width * vb.width, y: vb.y + (e.clientY - r.top) / r.height * vb.height };
        }
        svg.addEventListener("wheel", function (e) {
          e.preventDefault();
          var f = e.deltaY < 0 ? 0.8 : 1.25, p = toSVG(e);
          vb.x = p.x - (p.x - vb.x) * f; vb.y = p.y - (p.y - vb.y) * f; vb.width *= f; vb.height *= f;
        }, { passive: false });
        var drag = null;
        svg.addEventListener("pointerdown", function (e) { drag = { x: e.clientX, y: e.clientY }; svg.classList.add("dragging"); svg.setPointerCapture(e.pointerId); });
        svg.addEventListener("pointermove", function (e) {
          if (!drag) { return; }
          var r = svg.getBoundingClientRect();
          vb.x -= (e.clientX - drag.x) / r.width * vb.width; vb.y -= (e.clientY - drag.y) / r.height * vb.height;
          drag = { x: e.clientX, y: e.clientY };
        });
        svg.addEventListener("pointerup", function () { drag = null; svg.classList.remove("dragging"); });
        svg.addEventListener("dblclick", function () { vb.x = home[0]; vb.y = home[1]; vb.width = home[2]; vb.height = home[3]; });
      });
      function key(cell) {
        var t = cell.textContent.trim().replace(/,/g, "");
        var n = parseFloat(t);
        return isNaN(n) || !/^[-+]?[0-9.]/.test(t) ? null : n;
      }
      document.querySelectorAll("table").forEach(function (table) {
        if (!table.tHead || !table.tBodies.length) { return; }
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
          th.tabIndex = 0;
          th.title = "Sort by this column";
          function sort() {
            var up = th.getAttribute("aria-sort") !== "ascending";
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
            th.setAttribute("aria-sort", up ? "ascending" : "descending");
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[column], y = b.cells[column];
              if (!x || !y) { return 0; }
              var p = key(x), q = key(y), c;
              if (p !== null && q !== null) { c = p - q; } else { c = x.textContent.localeCompare(y.textContent); }
              return up ? c : -c;
            });
            rows.forEach(function (r) { body.appendChild(r); });
          }
          th.addEventListener("click", sort);
          th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
        });
      });
    })();

    """
}
