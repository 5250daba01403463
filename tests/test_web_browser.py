"""End to end in headless Chromium: the pages over a real archive served by uvicorn on loopback.

Needs Debian's ``chromium`` (scripts/ci-browser.sh installs it); skips when it is absent.
Set DATELINE_SCREENSHOTS=DIR to keep a screenshot of every page visited.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from web_fixtures import FLOOD, HARBOUR, HOSTILE, STORIES

from dateline.api import create_app
from dateline.store import Store

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (scripts/ci-browser.sh)")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app over a fresh SQLite archive of the fixture stories, served on a free loopback port."""
    import uvicorn

    db = tmp_path_factory.mktemp("web") / "archive.db"
    with Store.open(db) as store:
        store.add(STORIES)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


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
    outside = [u for u in page.requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
               and urlsplit(u).netloc != origin]
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
