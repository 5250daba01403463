"""The threads page, a thread with its versions, the versions diff and the editor's corrections
through the API: headless Chromium over a real archive (invented stories), and the API on
SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from store_fixtures import db_url, make_article  # noqa: F401  (db_url is a fixture)
from test_web_browser import CHROMIUM, _only_loopback, _shot, browser, page, serving  # noqa: F401  (fixtures)

from dateline.api import create_app
from dateline.store import Store

FLOOD_1 = make_article(
    "Flood waters rose in Kessel on Monday and the river authority ordered the old town cleared. "
    "Mayor Ines Carvo said 400 people had left their homes and the dikes would hold.",
    headline="Kessel flood forces evacuation",
    published="2031-04-01T08:00:00+00:00",
    people={"Ines Carvo": ("mayor",)},
    places=(("Kessel", 50.1, 8.1, "DE"),),
)
FLOOD_1_UPDATE = make_article(
    "Flood waters rose in Kessel on Monday and the river authority ordered the old town cleared. "
    "Mayor Ines Carvo said 650 people had left their homes and the dikes would hold.",
    headline="UPDATE 1-Kessel flood forces evacuation",
    published="2031-04-01T11:30:00+00:00",
    people={"Ines Carvo": ("mayor",)},
    places=(("Kessel", 50.1, 8.1, "DE"),),
)
FLOOD_2 = make_article(
    "The flood in Kessel crested on Tuesday. Ines Carvo said the old town would stay closed while the "
    "river authority checked the dikes.",
    headline="Kessel flood crests",
    published="2031-04-02T08:00:00+00:00",
    people={"Ines Carvo": ("mayor",)},
    places=(("Kessel", 50.1, 8.1, "DE"),),
)
OTHER = make_article(
    "Osei Brandt opened a bakery in Lima.",
    headline="Bakery opens in Lima",
    published="2031-04-02T09:00:00+00:00",
    people={"Osei Brandt": ()},
    places=(("Lima", -12.05, -77.04, "PE"),),
)
STORIES = (FLOOD_1, FLOOD_1_UPDATE, FLOOD_2, OTHER)


@pytest.fixture
def client(db_url):  # noqa: F811
    with Store.open(db_url) as store:
        store.add(STORIES)
    store = Store.open(db_url)
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


def _id(client, name: str) -> int:
    return client.get("/api/entities", params={"name": name}).json()["entities"][0]["id"]


def test_api_version_diff(client):
    r = client.get(f"/api/stories/{FLOOD_1.id}/diff/{FLOOD_1_UPDATE.id}")
    assert r.status_code == 200
    pieces = r.json()["pieces"]
    deleted = [p["text"].strip() for p in pieces if p["op"] == "delete"]
    inserted = [p["text"].strip() for p in pieces if p["op"] == "insert"]
    assert "400" in deleted and "650" in inserted and "Carvo" not in " ".join(deleted + inserted)
    assert "".join(p["text"] for p in pieces if p["op"] != "delete").endswith("dikes would hold.")
    assert client.get(f"/api/stories/{FLOOD_1.id}/diff/{OTHER.id}").status_code == 404


def test_api_merge_and_split_are_kept_and_shown_everywhere(client):
    carvo, brandt = _id(client, "Ines Carvo"), _id(client, "Osei Brandt")
    r = client.post(f"/api/entities/{brandt}/merge", json={"into": carvo, "note": "test merge"})
    assert r.status_code == 200 and r.json()["kind"] == "merge"
    stories = {s["id"] for s in client.get("/api/stories", params={"entity": carvo, "limit": 50}).json()["stories"]}
    assert OTHER.id in stories
    assert client.get(f"/api/entities/{brandt}").json()["entity"]["id"] == carvo  # the old id leads on
    r = client.post(f"/api/entities/{carvo}/split", json={"stories": [OTHER.id], "note": "not the mayor"})
    assert r.status_code == 200
    new = r.json()["other"]
    assert [s["id"] for s in client.get("/api/stories", params={"entity": new}).json()["stories"]] == [OTHER.id]
    evidence = client.get(f"/api/entities/{carvo}/evidence").json()
    assert [c["kind"] for c in evidence["corrections"]] == ["merge", "split"]
    assert {e["how"] for e in evidence["evidence"]} >= {"new", "same name"}


@pytest.mark.parametrize("body, status", [({"into": 999_999}, 404), ({"into": -1}, 422), ({}, 422)])
def test_api_bad_merges(client, body, status):
    assert client.post(f"/api/entities/{_id(client, 'Ines Carvo')}/merge", json=body).status_code == status


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("threads") / "archive.db"
    with Store.open(db) as store:
        store.add(STORIES)
    with serving(db) as url:
        yield url


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (scripts/ci-browser.sh)")
def test_threads_page_thread_and_diff(page, server):  # noqa: F811
    page.goto(f"{server}/threads")
    _shot(page, "threads")
    items = page.locator(".threads-list li")
    assert items.count() == 1 and "2 stories" not in items.first.inner_text()  # one thread: three stories
    assert "3 stories and versions" in items.first.inner_text()
    items.first.locator("a").click()
    page.wait_for_load_state()
    _shot(page, "thread")
    listed = page.locator("ol.thread > li")
    assert listed.count() == 2  # the update is listed under the story it updates
    assert "Ines Carvo" in page.locator(".held").inner_text()
    first = listed.nth(0)
    assert first.locator("a.headline").inner_text() == FLOOD_1_UPDATE.headline
    assert "1 April 2031, 08:00" in first.locator(".versions").inner_text()
    first.locator(".versions a").click()
    page.wait_for_load_state()
    _shot(page, "diff")
    assert "400" in page.locator(".diff del").all_inner_texts()[-1]
    assert "650" in page.locator(".diff ins").all_inner_texts()[-1]
    assert not page.errors
    _only_loopback(page, server)
