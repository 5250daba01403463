"""End to end in headless Chromium: the pages over a real archive served by uvicorn on loopback.

Needs Debian's ``chromium`` (scripts/ci-browser.sh installs it); skips when it is absent.
Set DATELINE_SCREENSHOTS=DIR to keep a screenshot of every page visited.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from web_fixtures import FLOOD, HARBOUR, HOSTILE, STORIES

from dateline.api import create_app
from dateline.store import Store

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (scripts/ci-browser.sh)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: Path):
    """The app over the archive at ``db``, served by uvicorn on a free loopback port."""
    import uvicorn

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app over a fresh SQLite archive of the fixture stories."""
    db = tmp_path_factory.mktemp("web") / "archive.db"
    with Store.open(db) as store:
        store.add(STORIES)
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request it makes and every script or console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests, pg.errors = [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))  # CSP violations, failed loads
    yield pg
    context.close()


def _shot(page, name: str) -> None:
    folder = os.environ.get("DATELINE_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _only_loopback(page, server: str) -> None:
    origin = urlsplit(server).netloc
    outside = [
        u
        for u in page.requests
        if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != origin
    ]
    assert not outside, outside


def test_story_page_highlights_and_panel(page, server):
    page.goto(f"{server}/stories/{HARBOUR.id}")
    _shot(page, "story")
    assert page.locator("article.story h1").inner_text() == HARBOUR.headline
    body = page.locator(".story .body")
    mentions = {e.name: len(e.mentions) for e in HARBOUR.entities}
    assert body.locator(".hl-entity", has_text="Mara Velt").count() == mentions["Mara Velt"]
    assert body.locator(".hl-place", has_text="Lisbon").count() == mentions["Lisbon"]
    assert body.locator(".hl-quote").first.inner_text() == "We have a deal on quotas,"
    said = page.locator("#said li").first
    assert "Mara Velt" in said.inner_text() and "We have a deal on quotas," in said.inner_text()
    assert "Lisbon" in page.locator("#where").inner_text()
    assert "Osei Brandt" in page.locator("#who").inner_text()
    assert [" ".join(t.split()) for t in page.locator("#story-timeline li").all_inner_texts()] == [
        "4 March 2031 met meet · Mara Velt"
    ]
    said.hover()  # pointing at a quote in the panel lights up its span in the text
    assert body.locator(".hl-quote.lit").count() == 1
    assert not page.errors
    _only_loopback(page, server)


def test_hostile_story_runs_no_script(page, server):
    page.goto(f"{server}/stories/{HOSTILE.id}")
    assert not page.errors
    assert page.evaluate("window.pwned === undefined")
    assert "<script>window.pwned=1</script>" in page.locator(".story .body").inner_text()
    assert page.locator(".story .body img").count() == 0
    _only_loopback(page, server)


def test_search_then_entity_page(page, server):
    page.goto(server)
    _shot(page, "home")
    page.fill("form.quick input[name=q]", "water")
    page.press("form.quick input[name=q]", "Enter")
    page.wait_for_url("**/search?q=water")
    _shot(page, "search")
    hits = page.locator("ol.hits a.headline")
    assert hits.all_inner_texts() == [FLOOD.headline]
    hits.first.click()
    page.wait_for_url(f"**/stories/{FLOOD.id}")
    page.locator(".story .body a.hl-entity", has_text="Tomas Ekker").first.click()
    page.wait_for_url("**/entities/*")
    _shot(page, "entity")
    assert page.locator("h1.entity-name").inner_text() == "Tomas Ekker"
    assert "The water came in hours," in page.locator("#quotes").inner_text()
    assert page.locator("table.timeline tbody tr").count() >= 1
    assert not page.errors
    _only_loopback(page, server)


def test_search_pages_sorts_and_narrows_by_facet(page, server, monkeypatch):
    from dateline.web import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    page.goto(f"{server}/search?since=2031-01-01&sort=oldest")
    _shot(page, "search-page-1")
    assert page.locator("p.count").inner_text().startswith("3 stories, 1 to 2 shown")
    first = page.locator("ol.hits a.headline").all_inner_texts()
    assert first == [HARBOUR.headline, FLOOD.headline]
    page.click("a[rel=next]")
    page.wait_for_url("**offset=2**")
    assert page.locator("ol.hits a.headline").all_inner_texts() == [HOSTILE.headline]
    page.goto(f"{server}/search?q=water")
    assert page.locator("ol.hits mark").all_inner_texts() == ["water"]
    assert "AFP" in page.locator("ol.hits .meta").first.inner_text()
    page.goto(f"{server}/search?since=2031-01-01")
    page.locator("[data-facet=agencies] a", has_text="AFP").click()
    page.wait_for_url("**agency=AFP**")
    _shot(page, "search-facet")
    assert page.locator("ol.hits a.headline").all_inner_texts() == [FLOOD.headline]
    assert not page.errors
    _only_loopback(page, server)


def test_map_loads_places_without_leaving_loopback(page, server):
    page.goto(f"{server}/map")
    page.wait_for_selector("#map[data-loaded]", timeout=15000)
    _shot(page, "map")
    assert page.get_attribute("#map", "data-loaded") == "3"
    assert page.locator("path.place-marker").count() == 3
    assert page.locator("#map svg path").count() > 100  # the world outline is drawn
    assert not page.errors
    _only_loopback(page, server)


def test_timeline_page(page, server):
    page.goto(f"{server}/timeline")
    _shot(page, "timeline")
    days = page.locator("table.timeline tbody tr td:first-child").all_inner_texts()
    assert "2031-05-19" in days and "2031-03-04" in days
    _only_loopback(page, server)


def test_entity_page_for_a_researcher(page, server):
    page.goto(f"{server}/entities?name=Mara+Velt")
    page.wait_for_url("**/entities/*")
    _shot(page, "entity-network")
    assert page.locator("h1.entity-name").inner_text() == "Mara Velt"
    assert page.locator("svg.network circle").count() == 4  # Mara Velt, Osei Brandt, Harbour Council, Lisbon
    assert page.locator("svg.network line").count() >= 3
    assert "foreign minister" in page.locator("#titles").inner_text()
    assert "March 2031" in page.locator("#mentions").inner_text()
    assert "Lisbon" in page.locator("#where").inner_text()
    page.locator("svg.network a", has_text="Osei Brandt").click()
    page.wait_for_url("**/entities/*")
    assert page.locator("h1.entity-name").inner_text() == "Osei Brandt"
    assert not page.errors
    _only_loopback(page, server)


@pytest.mark.parametrize(
    "start, link, columns",
    [
        ("/search?since=2031-01-01&sort=oldest", "CSV", "id,day,published,headline,agency,dateline,place"),
        ("/quotes", "CSV", "story,day,headline,speaker_id,speaker,speaker_text,kind,cue,text"),
        ("/map", "CSV", "name,geonames_id,country,feature,lat,lon,stories"),
    ],
)
def test_export_downloads_what_the_page_shows(page, server, start, link, columns):
    page.goto(f"{server}{start}")
    with page.expect_download() as info:
        page.locator("p.export a", has_text=link).first.click()
    download = info.value
    text = Path(download.path()).read_text(encoding="utf-8")
    assert download.suggested_filename.startswith("dateline-") and download.suggested_filename.endswith(".csv")
    assert text.splitlines()[0].startswith(columns)
    if start.startswith("/search"):  # the rows in the order on screen
        shown = page.locator("ol.hits a.headline").all_inner_texts()
        assert [line.split(",")[3] for line in text.splitlines()[1:]] == shown
    assert not page.errors


def test_export_geojson_and_jsonl_downloads(page, server):
    page.goto(f"{server}/search?q=fishing")
    with page.expect_download() as info:
        page.locator("p.export a", has_text="GeoJSON").click()
    geo = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert [f["properties"]["place"] for f in geo["features"]] == ["Lisbon"]
    page.goto(f"{server}/entities?name=Tomas+Ekker")
    page.wait_for_url("**/entities/*")
    with page.expect_download() as info:
        page.locator("p.export a", has_text="JSON Lines").first.click()
    rows = [json.loads(line) for line in Path(info.value.path()).read_text(encoding="utf-8").splitlines()]
    assert [r["story"] for r in rows] == [FLOOD.id] and rows[0]["entity"] == "Tomas Ekker"
    with page.expect_download() as info:  # its quotes, as the page lists them
        page.locator("#quotes p.export a", has_text="CSV").click()
    quotes = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    assert len(quotes) == 2 and "The water came in hours," in quotes[1]
    _only_loopback(page, server)


def test_quotes_and_timeline_pages(page, server):
    page.goto(f"{server}/quotes")
    _shot(page, "quotes")
    assert page.locator("ul.quotes li").count() == 3
    page.fill("form.filters input[name=speaker]", "Tomas Ekker")
    page.press("form.filters input[name=speaker]", "Enter")
    page.wait_for_url("**/quotes?speaker=Tomas+Ekker**")
    assert page.locator("ul.quotes blockquote").all_inner_texts() == ["The water came in hours,"]
    page.goto(f"{server}/timeline")
    _shot(page, "timeline-events")
    assert "rose" in page.locator("table.timeline ol.events-of-day").last.inner_text()
    assert not page.errors
    _only_loopback(page, server)
