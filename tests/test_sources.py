"""Feeds, fetching and web crawls: fixture feeds and WARC files made here, pages served on 127.0.0.1."""

from __future__ import annotations

import gzip
import io
import time
from collections import Counter
from pathlib import Path

import pytest
from web_sources import PAGES, Site, page

from dateline.io.feeds import html_to_text, looks_like_feed, parse_feed
from dateline.io.fetch import Fetcher, FetchSettings, Page
from dateline.io.formats import Options, container_reader, read_url, story_from_page
from dateline.io.sources import BadInput, Story, iter_stories
from dateline.io.warc import iter_warc

FAST = FetchSettings(timeout=1.0, delay=0.0)


@pytest.fixture(scope="module")
def site():
    with Site() as s:
        yield s


def stories(items):
    return [i for i in items if isinstance(i, Story)]


def bad(items):
    return [i for i in items if isinstance(i, BadInput)]


# -- feeds ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, count, first_title, author, published",
    [
        (
            "rss2.xml",
            3,
            "Ferry service to Lindholm resumes after storm repairs",
            "Maren Okafor",
            "2025-06-10T04:30:00+00:00",
        ),
        (
            "atom.xml",
            2,
            "Drought forces farmers in the Orlen valley to cut herds",
            "Ilse Varga",
            "2025-06-11T06:45:00+00:00",
        ),
        (
            "feed.json",
            2,
            "New bridge over the Sallow river opens to traffic",
            "Rafael Lindqvist",
            "2025-06-12T10:00:00+00:00",
        ),
    ],
)
def test_feed_entries(site, name, count, first_title, author, published):
    entries = parse_feed(site.feed(name), name)
    assert len(entries) == count
    first = entries[0]
    assert first.title == first_title
    assert first.author == author
    assert first.published == published
    assert first.link.startswith(site.base + "/news/")


def test_feed_file_gives_stories_with_paragraphs(tmp_path, site):
    path = tmp_path / "gazette.rss"
    path.write_bytes(site.feed("rss2.xml"))
    items = list(iter_stories([str(path)]))
    got = stories(items)
    assert len(got) == 3 and not bad(items)
    ferry = got[0]
    assert ferry.kind == "feed" and ferry.source == f"{path}#1"
    assert ferry.headline == "Ferry service to Lindholm resumes after storm repairs"
    assert ferry.text.startswith(ferry.headline + "\n\nBy Maren Okafor\n\nThe ferry between")
    assert '"We are glad to have the boat back," said' in ferry.text.split("\n\n")[3]
    assert "By " not in got[1].text  # an e-mail address is not a byline


def test_json_feed_file_is_a_feed_not_json_lines(tmp_path, site):
    path = tmp_path / "ledger.json"
    path.write_bytes(site.feed("feed.json"))
    got = stories(iter_stories([str(path)]))
    assert [s.headline for s in got] == [
        "New bridge over the Sallow river opens to traffic",
        "Eastmoor school wins robotics prize",
    ]
    assert "\n\nThe old bridge will be closed" in got[0].text


def test_plain_xml_is_not_taken_for_a_feed(tmp_path):
    path = tmp_path / "notes.xml"
    path.write_text("<notes><note>Meeting moved to Friday.</note></notes>", encoding="utf-8")
    assert container_reader(path) is None


def test_html_fragment_to_text():
    assert html_to_text("<p>One <b>bold</b> word.</p><p>Two.</p>") == "One bold word.\n\nTwo."
    assert html_to_text("Plain summary,\nwrapped.") == "Plain summary, wrapped."
    assert html_to_text("<div>Kept<script>var x;</script> text</div>") == "Kept text"


def test_sniffing():
    assert looks_like_feed(b'<?xml version="1.0"?>\n<rss version="2.0">')
    assert looks_like_feed(b'{"version": "https://jsonfeed.org/version/1", "items": []}')
    assert not looks_like_feed(b"<html><body>hello</body></html>")
    assert not looks_like_feed(b"<?xml version='1.0'?><feedback><item>Good.</item></feedback>")


# -- fetching ---------------------------------------------------------------------------
def test_redirect_is_followed(site):
    got = Fetcher(FAST).get(site.url("/news/nightbus.html"))
    assert isinstance(got, Page) and got.url == site.url("/news/night-bus.html")
    assert got.content_type == "text/html" and got.fetched.endswith("+00:00")


def test_redirect_loop_stops(site):
    got = Fetcher(FAST).get(site.url("/loop"))
    assert isinstance(got, BadInput) and "redirects" in got.reason


def test_404(site):
    got = Fetcher(FAST).get(site.url("/nowhere.html"))
    assert isinstance(got, BadInput) and got.reason == "HTTP status 404"


def test_slow_server_times_out(site):
    started = time.monotonic()
    got = Fetcher(FAST).get(site.url("/slow.html"))
    assert isinstance(got, BadInput) and "timed out" in got.reason
    assert time.monotonic() - started < 2.5


def test_dripping_server_hits_the_whole_page_deadline(site):
    got = Fetcher(FAST).get(site.url("/drip.html"))  # 40 pieces 0.1 s apart: each read is quick
    assert isinstance(got, BadInput) and "timed out" in got.reason


def test_huge_page_is_refused(site):
    got = Fetcher(FAST).get(site.url("/huge.html"))  # Content-Length says so
    assert isinstance(got, BadInput) and "limit" in got.reason
    small = Fetcher(FetchSettings(timeout=5.0, delay=0.0, max_bytes=2_000_000))
    got = small.get(site.url("/huge-chunked.html"))  # no length given: counted while reading
    assert isinstance(got, BadInput) and "over the 1.9 MB limit" in got.reason


def test_page_that_is_not_html(site):
    got = Fetcher(FAST).get(site.url("/report.pdf"))
    assert isinstance(got, Page)
    story = story_from_page(got)
    assert isinstance(story, BadInput) and "not an HTML page (application/pdf)" in story.reason


def test_feed_that_is_not_xml(site):
    items = list(read_url(site.url("/bad-feed.xml"), Options(fetch=FAST)))
    assert len(items) == 1 and isinstance(items[0], BadInput)
    assert items[0].reason.startswith("not a feed")


def test_robots_txt_forbids(site):
    fetcher = Fetcher(FAST)
    got = fetcher.get(site.url("/private/memo.html"))
    assert isinstance(got, BadInput) and "robots.txt" in got.reason
    assert isinstance(fetcher.get(site.url("/news/ferry.html")), Page)
    assert site.hits.count("/robots.txt") >= 1 and "/private/memo.html" not in site.hits


def test_robots_can_be_turned_off_and_unreachable_robots_forbids(site):
    assert isinstance(
        Fetcher(FetchSettings(timeout=1.0, delay=0.0, robots=False)).get(site.url("/private/memo.html")), Page
    )
    fetcher = Fetcher(FAST)
    got = fetcher.get("http://127.0.0.1:9/story.html")  # nothing listens on port 9
    assert (
        isinstance(got, BadInput)
        and got.reason == "robots.txt could not be read (cannot connect), so the site is not fetched"
    )


def test_polite_pause_between_requests_to_one_host(site):
    fetcher = Fetcher(FetchSettings(timeout=1.0, delay=0.3))
    started = time.monotonic()
    for _ in range(3):
        assert isinstance(fetcher.get(site.url("/news/ferry.html")), Page)
    assert time.monotonic() - started >= 0.6  # robots.txt, then three pages: at least two pauses more


def test_user_agent_is_sent(site):
    fetcher = Fetcher(FetchSettings(timeout=1.0, delay=0.0, user_agent="dateline-test/1"))
    before = len(site.agents)
    assert isinstance(fetcher.get(site.url("/news/drought.html")), Page)
    assert site.agents[before:] and set(site.agents[before:]) == {"dateline-test/1"}


def test_feed_url_with_pages_fetched(site):
    items = list(iter_stories([site.url("/feed.xml")], options=Options(fetch_pages=True, fetch=FAST)))
    got = stories(items)
    kinds = [s.kind for s in got]
    assert kinds == ["web", "web", "feed"]  # the missing page's entry keeps the feed's own text
    ferry, bus, library = got
    assert ferry.url == site.url("/news/ferry.html") and ferry.fetched
    assert "smaller boat run by volunteers" in ferry.text  # the page's text, not the summary
    assert ferry.published == "2025-06-10T04:30:00+00:00"  # the page has no date: the feed's
    assert bus.url == site.url("/news/night-bus.html")  # after the redirect
    assert library.headline == "Library closes early for inventory"
    [failure] = bad(items)
    assert failure.source.endswith("/news/missing.html") and "404" in failure.reason
    assert "kept" in failure.reason


def test_a_page_url_is_one_story(site):
    got = list(iter_stories([site.url("/news/drought.html")], options=Options(fetch=FAST)))
    assert len(got) == 1 and got[0].kind == "web"
    assert got[0].headline == "Drought forces farmers in the Orlen valley to cut herds"


# -- web crawls -------------------------------------------------------------------------
def write_warc(path: Path, records: list[tuple[str, str, bytes, str]], gz: bool) -> None:
    """(url, status line, payload, content type) responses, a request record and a warcinfo."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "dateline tests"}))
        for url, status, payload, kind in records:
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
            )


CRAWL = [
    ("https://gazette.example/news/ferry.html", "200 OK", PAGES["/news/ferry.html"], "text/html; charset=utf-8"),
    ("https://gazette.example/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n", "image/png"),
    ("https://gazette.example/gone.html", "404 Not Found", b"<html>gone</html>", "text/html"),
    ("https://gazette.example/moved", "301 Moved Permanently", b"", "text/html"),
    ("https://courrier.example/peche.html", "200 OK", PAGES["/news/peche.html"], "text/html"),
    (
        "https://gazette.example/empty.html",
        "200 OK",
        b"<html><head></head><body><script>var a = 1;</script></body></html>",
        "text/html",
    ),
]


@pytest.mark.parametrize("gz", [False, True])
def test_warc_stories_and_what_is_passed_over(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, CRAWL, gz)
    options = Options()
    items = list(iter_stories([str(tmp_path)], options=options))
    got = stories(items)
    assert [s.url for s in got] == ["https://gazette.example/news/ferry.html", "https://courrier.example/peche.html"]
    ferry = got[0]
    assert ferry.kind == "warc" and ferry.fetched and ferry.fetched.startswith("20")
    assert ferry.headline == "Ferry service to Lindholm resumes after storm repairs"
    assert ferry.source == f"{path}:https://gazette.example/news/ferry.html"
    assert "Copyright Test Gazette" not in ferry.text  # boilerplate left out by trafilatura
    headline, *paragraphs = ferry.text.split("\n\n")  # paragraphs as stories mark them, for the reader
    assert headline == ferry.headline and len(paragraphs) == 3 and paragraphs[0].startswith("PORT AVERY, June 9")
    assert options.skipped == Counter(
        {"WARC request record": 6, "WARC warcinfo record": 1, "not HTML": 1, "HTTP status 404": 1, "HTTP status 301": 1}
    )
    [empty] = bad(items)  # an HTML page with no main text is reported, not silently dropped
    assert "no main text" in empty.reason


def test_warc_is_streamed_not_read_whole(tmp_path, monkeypatch):
    path = tmp_path / "big.warc.gz"
    write_warc(path, CRAWL[:1] * 50, True)
    import dateline.io.sources as sources

    monkeypatch.setattr(sources, "MAX_BYTES", 100)  # far below the file's size: still read
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read whole"))
    assert len(stories(iter_warc(path))) == 50


def test_truncated_or_false_warc_is_reported(tmp_path):
    path = tmp_path / "cut.warc.gz"
    write_warc(path, CRAWL, True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    items = list(iter_warc(path))
    assert stories(items) and isinstance(items[-1], BadInput)  # what came before the cut is kept
    fake = tmp_path / "fake.warc"
    fake.write_text("this is not a web archive\n" * 20)
    [only] = list(iter_warc(fake))
    assert isinstance(only, BadInput) and only.reason.startswith("not a WARC file")
    assert gzip  # (gz records are written by warcio above)


def test_ray_engine_reads_warc_files_on_the_workers(tmp_path):
    from dateline.ingest.inputs import path_row, plan_inputs, stories_of

    path = tmp_path / "crawl.warc.gz"
    write_warc(path, CRAWL, True)
    plan = plan_inputs([str(tmp_path)])
    assert plan.files == [str(path)]
    got = stories(stories_of([path_row(str(path))]))
    assert [s.kind for s in got] == ["warc", "warc"]


def test_page_helper_is_html():
    assert page("T", "p").startswith(b"<!DOCTYPE html>")


def test_ray_engine_fetches_feed_urls_on_the_driver(site):
    from dateline.ingest.inputs import plan_inputs, stories_of, story_row

    plan = plan_inputs([site.url("/atom.xml"), "s3://bucket/stories.parquet", site.url("/data/stories.parquet")])
    fetched = stories(plan.stories)
    assert fetched[0].headline.startswith("Drought forces farmers")
    assert stories(stories_of([story_row(s) for s in fetched])) == fetched  # shipped to workers as rows, whole
    assert plan.parquet == ["s3://bucket/stories.parquet", site.url("/data/stories.parquet")]


def test_a_feed_polled_again_is_asked_conditionally(site):
    options = Options(fetch=FAST)
    first = list(read_url(site.url("/atom.xml"), options))
    before = site.hits.count("/atom.xml")
    again = list(read_url(site.url("/atom.xml"), options))  # the same fetcher: If-None-Match, 304
    assert len(stories(first)) == 2 and again == []
    assert site.hits.count("/atom.xml") == before + 1
    assert len(stories(read_url(site.url("/atom.xml"), Options(fetch=FAST)))) == 2  # a new run asks afresh


def test_ingest_command_fetches_pages_politely(site, tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app

    result = CliRunner().invoke(
        app,
        [
            "ingest",
            site.url("/feed.xml"),
            "--fetch",
            "--delay",
            "0",
            "--timeout",
            "2",
            "--user-agent",
            "dateline-cli-test",
            "--db",
            str(tmp_path / "a.db"),
            "--workers",
            "1",
            "--quiet",
        ],
    )
    assert result.exit_code == 1  # one page is missing: reported, and its entry's own text kept
    assert "added 3," in result.output and "failed 1" in result.output
    assert "/news/missing.html: HTTP status 404; the feed's own text is kept" in " ".join(result.output.split())
    assert "dateline-cli-test" in site.agents


def test_a_byline_trafilatura_takes_out_is_put_back(tmp_path):
    html = page(
        "Council votes to extend the night bus trial",
        "The city council of Port Avery voted 7-2 on Monday to extend a trial of night buses until the "
        "end of the year, citing rising use by hospital staff.",
        "Councillor Amina Farouk said the buses carried more than 1,200 passengers in May.",
    )
    html = html.replace(b"<h1>", b"<p class='byline'>By Maren Okafor, Harbour Gazette</p><h1>", 1)
    path = tmp_path / "bus.html"
    path.write_bytes(html)
    [story] = list(iter_stories([str(path)]))
    headline, byline, first, second = story.text.split("\n\n")
    assert headline == "Council votes to extend the night bus trial"
    assert byline.startswith("By Maren Okafor") and first.startswith("The city council")
