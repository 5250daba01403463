"""Web-crawl benchmark: stories per second from a WARC file against the same stories from JSON Lines.

    .venv/bin/python benchmarks/bench_warc.py [--stories 2000] [--no-read]

Built at run time in a temporary folder, never committed: Reuters-21578 stories (the dev
half in ../shared/data/reuters21578) written once as JSON Lines and once as a gzipped WARC
file of HTML pages (headline, byline, paragraphs, publication time in a meta tag), with what a
crawl also holds: a request record before every response, and every tenth page followed by an
image and a 404. Then, in one run and in this process:
1. sources: bytes to stories (``iter_stories``): JSON Lines decoding against WARC streaming
   with trafilatura extracting each page's main text;
2. full read: the same plus ``Reader.read_all`` (spaCy and every extractor), model loaded
   beforehand, and how often the two records agree (authors, dateline, entities, quotes,
   language); skipped with --no-read;
3. agreement: the share of stories whose headline and last body words come out the same both
   ways (compared as words: HTML folds runs of spaces).
"""

from __future__ import annotations

import argparse
import html
import io
import json
import tempfile
import time
from pathlib import Path

from dateline.io.formats import Options
from dateline.io.sources import Story, iter_stories

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578"


def wire_stories(n: int) -> list:
    from dateline.eval.reuters21578 import iter_wire_stories

    out = []
    for sgm in sorted(REUTERS.glob("reut2-*.sgm")):
        out += list(iter_wire_stories(sgm))
        if len(out) >= n:
            break
    return out[:n]


def as_html(story) -> bytes:
    """The wire story as a news page: the body's paragraphs in an <article>, with site chrome."""
    parts = story.text.split("\n\n")
    paragraphs = parts[1:]
    if story.authors and paragraphs and paragraphs[0].lower().startswith("by "):
        byline, paragraphs = paragraphs[0], paragraphs[1:]
    else:
        byline = ""
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(story.headline)}"
        f"</title><meta property='article:published_time' content='{story.published}'></head><body>"
        f"<header><nav><a href='/'>Home</a> <a href='/markets'>Markets</a></nav></header><main><article>"
        f"<h1>{html.escape(story.headline)}</h1>"
        + (f"<p class='byline'>{html.escape(byline)}</p>" if byline else "")
        + f"{body}</article></main><footer>All quotes delayed. Terms of use.</footer></body></html>"
    ).encode()


def build(stories: list, folder: Path) -> tuple[Path, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    jsonl = folder / "stories.jsonl"
    jsonl.write_text(
        "\n".join(json.dumps({"text": s.text, "published": s.published, "headline": s.headline}) for s in stories),
        encoding="utf-8",
    )
    warc = folder / "crawl.warc.gz"
    with open(warc, "wb") as out:
        writer = WARCWriter(out, gzip=True)

        def response(url: str, status: str, kind: str, payload: bytes) -> None:
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(f"GET {url} HTTP/1.1\r\n\r\n".encode()))
            )
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
            )

        for i, story in enumerate(stories):
            response(f"https://wire.example/1987/{story.id}.html", "200 OK", "text/html; charset=utf-8", as_html(story))
            if i % 10 == 0:
                response(f"https://wire.example/img/{i}.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
                response(f"https://wire.example/gone/{i}", "404 Not Found", "text/html", b"<html>gone</html>")
    return jsonl, warc


def timed(label: str, run, n_expected: int):
    started = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - started
    n = len(result)
    print(f"  {label:<34} {n:>6} stories in {seconds:7.2f} s  {n / seconds:9.1f} stories/s")
    return result, n / seconds


def words(text: str) -> list[str]:
    return text.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--no-read", action="store_true", help="time the sources only, not the full read")
    args = parser.parse_args()
    if not REUTERS.is_dir():
        raise SystemExit(f"Reuters-21578 absent: {REUTERS}")
    stories = wire_stories(args.stories)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl, warc = build(stories, Path(tmp))
        print(
            f"{len(stories)} Reuters-21578 stories: JSON Lines {jsonl.stat().st_size / 1e6:.1f} MB, "
            f"WARC.gz {warc.stat().st_size / 1e6:.1f} MB ({len(stories)} pages among "
            f"{2 * (len(stories) + 2 * ((len(stories) + 9) // 10))} records)"
        )

        def from_jsonl():
            return [s for s in iter_stories([str(jsonl)]) if isinstance(s, Story)]

        options = Options()

        def from_warc():
            return [s for s in iter_stories([str(warc)], options=options) if isinstance(s, Story)]

        print("1. sources (bytes to stories)")
        plain, jsonl_rate = timed("JSON Lines", from_jsonl, len(stories))
        crawled, warc_rate = timed("WARC.gz (warcio + trafilatura)", from_warc, len(stories))
        print(f"  WARC / JSON Lines: {warc_rate / jsonl_rate:.3f}; passed over: {dict(options.skipped)}")

        same_head = sum(words(a.headline or "") == words(b.headline or "") for a, b in zip(plain, crawled))
        same_words = sum(words(a.text)[-40:] == words(b.text)[-40:] for a, b in zip(plain, crawled))
        print(f"3. agreement: headline {same_head / len(plain):.1%}, last 40 body words {same_words / len(plain):.1%}")

        if args.no_read:
            return
        from dateline.reader import Reader

        reader = Reader()
        list(reader.read_many(plain[:4]))
        print("2. full read (sources + Reader.read_all, model loaded)")
        a, full_jsonl = timed("JSON Lines", lambda: list(reader.read_all(iter_stories([str(jsonl)]))), len(stories))
        b, full_warc = timed("WARC.gz", lambda: list(reader.read_all(iter_stories([str(warc)]))), len(stories))
        print(f"  WARC / JSON Lines: {full_warc / full_jsonl:.3f}")
        pairs = list(zip(a, b))
        for name, get in (
            ("authors", lambda r: r.authors),
            ("dateline places", lambda r: r.dateline.places),
            ("entity names", lambda r: sorted({e.name for e in r.entities})),
            ("quotes", lambda r: [q.text for q in r.quotes]),
            ("language", lambda r: r.language),
        ):
            same = sum(get(x) == get(y) for x, y in pairs)
            print(f"  same {name} in both records: {same / len(pairs):.1%}")


if __name__ == "__main__":
    main()
