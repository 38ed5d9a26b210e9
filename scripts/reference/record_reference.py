#!/usr/bin/env python3
"""Reference figures for the full record ThreadNet keeps (score, permalink, edited, text, the
root post), from the raw fixture JSON with the json module (never with ThreadNet).

Writes `<stem>.record.json` next to each fixture; RecordTests compares comments.csv with it.
Usage: python3 scripts/reference/record_reference.py

Per fixture: `comments` (every comment record, as the fixture-count scripts count them),
`scored` (comments with an integer score) and `scoreSum`, `edited`, and `samples`: the first
three comments in file order with `id`, `score`, `permalink` and `text` where the platform
gives them as is; plus the root post's `postScore`. Platform rules:
- Reddit: score = `score`; edited = `edited` is true or a number; permalink = the post's
  permalink + the comment id + "/" when the comment has none; text = `body` (html-unescaped).
- Mastodon: score = `favourites_count`; edited = `edited_at` set; permalink = `url`.
- YouTube: score = `likeCount`; permalink = https://www.youtube.com/watch?v=VIDEO&lc=ID.
- HN Algolia: score = `points`; permalink = https://news.ycombinator.com/item?id=ID.
"""
import html
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "Tests", "ThreadNetCoreTests", "Fixtures", "json")


def reddit(doc):
    post = next(c["data"] for c in doc[0]["data"]["children"] if c["kind"] == "t3")
    base = "https://www.reddit.com" + post["permalink"]
    out, stack = [], list(reversed(doc[1]["data"]["children"]))
    while stack:
        node = stack.pop()
        if node["kind"] != "t1":
            continue
        d = node["data"]
        edited = d.get("edited")
        text = d.get("body", "")
        out.append({"id": d["id"], "score": d.get("score"),
                    "edited": edited is True or (isinstance(edited, (int, float)) and not isinstance(edited, bool)),
                    "permalink": ("https://www.reddit.com" + d["permalink"]) if d.get("permalink") else base + d["id"] + "/",
                    "text": None if text in ("[deleted]", "[removed]") else html.unescape(text).strip()})
        if isinstance(d.get("replies"), dict):
            stack.extend(reversed(d["replies"]["data"]["children"]))
    return out, post.get("score")


def mastodon(doc):
    out = []
    for s in doc["ancestors"][1:] + doc["descendants"]:
        out.append({"id": s["id"], "score": s.get("favourites_count"), "edited": s.get("edited_at") is not None,
                    "permalink": s.get("url"), "text": None})
    root = doc["ancestors"][0].get("favourites_count") if doc["ancestors"] else None
    return out, root


def youtube(doc):
    out = []
    for item in doc["items"]:
        top = item["snippet"]["topLevelComment"]
        video = top["snippet"].get("videoId") or item["snippet"].get("videoId")
        comments = [top] + (item.get("replies") or {}).get("comments", [])
        for c in comments:
            sn = c["snippet"]
            out.append({"id": c["id"], "score": sn.get("likeCount"),
                        "edited": sn.get("updatedAt") not in (None, sn.get("publishedAt")),
                        "permalink": f"https://www.youtube.com/watch?v={video}&lc={c['id']}",
                        "text": sn["textOriginal"].strip() if "textOriginal" in sn else None})
    return out, None


def hn_algolia(doc):
    out, stack = [], [doc]
    while stack:
        node = stack.pop()
        if node.get("type") != "pollopt":
            out.append({"id": str(node["id"]), "score": node.get("points"), "edited": False,
                        "permalink": f"https://news.ycombinator.com/item?id={node['id']}", "text": None})
        stack.extend(reversed(node.get("children") or []))
    return out, None


def main():
    for stem, reader in [("reddit-3hahrw-thread", reddit), ("mastodon-context-109294719267373593", mastodon),
                         ("youtube-commentthreads", youtube), ("hn-algolia-item17-fraction", hn_algolia)]:
        with open(os.path.join(FIXTURES, stem + ".json"), encoding="utf-8") as f:
            comments, post_score = reader(json.load(f))
        scored = [c["score"] for c in comments if isinstance(c["score"], int) and not isinstance(c["score"], bool)]
        result = {"comments": len(comments), "scored": len(scored), "scoreSum": sum(scored),
                  "edited": sum(1 for c in comments if c["edited"]), "postScore": post_score,
                  "samples": comments[:3]}
        with open(os.path.join(FIXTURES, stem + ".record.json"), "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1, sort_keys=True, ensure_ascii=False)
            f.write("\n")
        print(stem, {k: result[k] for k in ("comments", "scored", "scoreSum", "edited", "postScore")})


if __name__ == "__main__":
    main()
