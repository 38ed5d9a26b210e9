#!/usr/bin/env python3
"""Opens a report.html in headless Chromium and checks it as a reader would, through the
DevTools protocol (over --remote-debugging-pipe: no port, no extra Python package).

Checks, printing one JSON object and exiting 1 when any fails:
- the page loads with no console error, no uncaught exception and no log entry of level error
  (a request the page's Content Security Policy blocks is such an error);
- no network request other than the file itself (file: and data: URLs only);
- it holds at least one inline SVG diagram, and its tables have sortable headers;
- hovering (a real mouse move dispatched by Chromium's input pipeline) the first node with a
  tooltip in each of the first two diagrams shows the tooltip box with that node's text;
- clicking a numeric column's header sorts the rows by it;
- a wheel event over a diagram zooms it (its viewBox shrinks);
- a screenshot is taken and is not blank (more than 1 % of its pixels are not white), saved
  beside the page as report-screenshot.png when --screenshot is given.

Usage: check_report_html.py REPORT.html [--screenshot OUT.png] [--chromium PATH]
"""
import argparse
import base64
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib


class Pipe:
    """CDP over the pipe pair Chromium reads on fd 3 and writes on fd 4: NUL-terminated JSON."""

    def __init__(self, chromium, profile):
        to_browser_r, self.to_browser_w = os.pipe()
        self.from_browser_r, from_browser_w = os.pipe()
        # Chromium expects fd 3 (commands in) and fd 4 (replies out).
        def setup():
            # Move both ends out of the way first, in case either already is fd 3 or 4.
            r, w = os.dup(to_browser_r) + 100, os.dup(from_browser_w) + 100
            os.dup2(to_browser_r, r)
            os.dup2(from_browser_w, w)
            os.dup2(r, 3)
            os.dup2(w, 4)
        self.proc = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--remote-debugging-pipe", f"--user-data-dir={profile}", "--window-size=1280,1000", "about:blank"],
            preexec_fn=setup, pass_fds=(3, 4),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_browser_w, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            for m in self._read():
                if m.get("id") == self.next_id:
                    if "error" in m:
                        raise RuntimeError(f"{method}: {m['error']}")
                    return m.get("result", {})
                self.events.append(m)
        raise TimeoutError(method)

    def wait_event(self, method, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i, m in enumerate(self.events):
                if m.get("method") == method:
                    return self.events.pop(i)
            self.events.extend(self._read())
        raise TimeoutError(method)

    def _read(self):
        import select
        r, _, _ = select.select([self.from_browser_r], [], [], 0.2)
        if not r:
            return []
        chunk = os.read(self.from_browser_r, 1 << 20)
        if not chunk:
            raise RuntimeError("Chromium closed the pipe")
        self.buffer += chunk
        out = []
        while b"\0" in self.buffer:
            raw, self.buffer = self.buffer.split(b"\0", 1)
            out.append(json.loads(raw))
        return out

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def png_nonwhite_share(png):
    """Share of pixels that are not pure white in an 8-bit RGB(A) PNG (no interlace)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", data[:10])
            assert depth == 8 and ctype in (2, 6)
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    bpp = 4 if ctype == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    nonwhite = 0
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            if line[x] < 250 or line[x + 1] < 250 or line[x + 2] < 250:
                nonwhite += 1
        prev = line
    return nonwhite / float(width * height)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("report")
    ap.add_argument("--screenshot")
    ap.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    a = ap.parse_args()
    url = "file://" + os.path.abspath(a.report)
    profile = tempfile.mkdtemp(prefix="threadnet-chromium-")
    result = {"url": url, "failures": []}
    cdp = Pipe(a.chromium, profile)
    try:
        target = cdp.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        s = cdp.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Network", "Page"):
            cdp.send(domain + ".enable", session=s)
        cdp.send("Page.navigate", {"url": url}, session=s)
        cdp.wait_event("Page.loadEventFired")
        time.sleep(0.3)

        def js(expression):
            r = cdp.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=s)
            if "exceptionDetails" in r:
                raise RuntimeError(f"script failed: {r['exceptionDetails']}")
            return r["result"].get("value")

        def mouse(kind, x, y, **extra):
            cdp.send("Input.dispatchMouseEvent", dict({"type": kind, "x": x, "y": y}, **extra), session=s)

        diagrams = js("document.querySelectorAll('figure.diagram svg').length")
        result["diagrams"] = diagrams
        if not diagrams:
            result["failures"].append("no inline SVG diagram")
        # Hover a comment or author (a node with a tooltip other than the article's) in each of
        # the first two Graphviz diagrams (the time charts have no nodes).
        hovered = []
        graphs = js("""Array.prototype.map.call(document.querySelectorAll('figure.diagram svg'), function (svg, i) {
            return svg.querySelector('g.node') ? i : -1; }).filter(function (i) { return i >= 0; })""") or []
        if len(graphs) < 2:
            result["failures"].append(f"fewer than two Graphviz diagrams ({len(graphs)})")
        for k in graphs[:2]:
            spot = js(f"""(function () {{
                var svg = document.querySelectorAll('figure.diagram svg')[{k}];
                var nodes = svg.querySelectorAll('g.node');
                for (var i = 0; i < nodes.length; i++) {{
                    var a = nodes[i].querySelector('a');
                    var t = a && (a.getAttributeNS('http://www.w3.org/1999/xlink', 'title') || a.getAttribute('xlink:title'));
                    if (!t || t === 'the article') continue;
                    var shape = nodes[i].querySelector('ellipse, polygon, path');
                    shape.scrollIntoView({{block: 'center'}});
                    var r = shape.getBoundingClientRect();
                    return {{x: r.left + r.width / 2, y: r.top + r.height / 2, text: t}};
                }}
                return null; }})()""")
            if not spot:
                result["failures"].append(f"diagram {k}: no node with a tooltip")
                continue
            time.sleep(0.1)
            mouse("mouseMoved", spot["x"], spot["y"])
            time.sleep(0.1)
            shown = js("(function () { var t = document.getElementById('tooltip'); return {hidden: t.hidden, text: t.textContent}; })()")
            hovered.append({"diagram": k, "expected": spot["text"], "shown": shown})
            if shown["hidden"] or shown["text"] != spot["text"]:
                result["failures"].append(f"diagram {k}: hovering did not show the tooltip {spot['text']!r} (got {shown})")
            mouse("mouseMoved", 1, 1)
        result["hovered"] = hovered
        # Sorting: the first table with a numeric column in its second cell.
        sort = js("""(function () {
            var tables = document.querySelectorAll('main table');
            for (var i = 0; i < tables.length; i++) {
                var t = tables[i];
                if (!t.tBodies.length || t.tBodies[0].rows.length < 3) continue;
                var cells = t.tHead.rows[0].cells;
                for (var c = 1; c < cells.length; c++) {
                    var values = Array.prototype.map.call(t.tBodies[0].rows, function (r) { return parseFloat((r.cells[c] || {}).textContent); });
                    if (values.some(isNaN)) continue;
                    cells[c].click();
                    var after = Array.prototype.map.call(t.tBodies[0].rows, function (r) { return parseFloat(r.cells[c].textContent); });
                    var sorted = after.every(function (v, k) { return k === 0 || after[k - 1] <= v; });
                    return {table: i, column: cells[c].textContent.trim(), rows: after.length, ascending: sorted, aria: cells[c].getAttribute('aria-sort')};
                }
            }
            return null; })()""")
        result["sort"] = sort
        if not sort or not sort["ascending"] or sort["aria"] != "ascending":
            result["failures"].append(f"sorting a numeric column failed: {sort}")
        # Zoom: a wheel event over the first diagram shrinks its viewBox.
        if diagrams:
            box = js("""(function () { var svg = document.querySelector('figure.diagram svg'); svg.scrollIntoView({block: 'center'});
                var r = svg.getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2, w: svg.viewBox.baseVal.width}; })()""")
            time.sleep(0.1)
            mouse("mouseWheel", box["x"], box["y"], deltaX=0, deltaY=-120)
            time.sleep(0.2)
            w = js("document.querySelector('figure.diagram svg').viewBox.baseVal.width")
            result["zoom"] = {"before": box["w"], "after": w}
            if not w < box["w"]:
                result["failures"].append(f"the wheel did not zoom: viewBox width {box['w']} → {w}")
        js("window.scrollTo(0, 0)")
        shot = base64.b64decode(cdp.send("Page.captureScreenshot", {"format": "png"}, session=s)["data"])
        if a.screenshot:
            with open(a.screenshot, "wb") as f:
                f.write(shot)
        share = png_nonwhite_share(shot)
        result["screenshot_nonwhite_share"] = round(share, 4)
        if share < 0.01:
            result["failures"].append(f"the screenshot is blank ({share:.2%} non-white pixels)")
        # What the browser reported while all this ran.
        cdp.events.extend(cdp._read())
        errors, requests = [], []
        for m in cdp.events:
            method, p = m.get("method"), m.get("params", {})
            if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                errors.append("console: " + " ".join(str(x.get("value", x.get("description", ""))) for x in p.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                errors.append("exception: " + p.get("exceptionDetails", {}).get("text", ""))
            elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                errors.append("log: " + p["entry"].get("text", ""))
            elif method == "Network.requestWillBeSent":
                u = p.get("request", {}).get("url", "")
                if not (u.startswith("file://") or u.startswith("data:")):
                    requests.append(u)
        result["console_errors"] = errors
        result["network_requests"] = requests
        if errors:
            result["failures"].append(f"{len(errors)} console error(s)")
        if requests:
            result["failures"].append(f"{len(requests)} network request(s)")
    except Exception as e:  # a protocol failure is a failure of the check, reported as such
        result["failures"].append(f"{type(e).__name__}: {e}")
    finally:
        cdp.close()
        shutil.rmtree(profile, ignore_errors=True)
    print(json.dumps(result, indent=1))
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
