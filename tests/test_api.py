"""The JSON API and the pages over a real archive (SQLite; PostgreSQL when DATELINE_TEST_PG_URL is set)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from store_fixtures import db_url  # noqa: F401  (a fixture)
from web_fixtures import FLOOD, HARBOUR, HOSTILE, STORIES

from dateline.api import create_app
from dateline.store import Store


@pytest.fixture
def client(db_url):  # noqa: F811
    with Store.open(db_url) as store:
        store.add(STORIES)
    store = Store.open(db_url)
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


def _entity_id(client, name: str) -> int:
    found = client.get("/api/entities", params={"name": name}).json()["entities"]
    assert found, name
    return found[0]["id"]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, {HARBOUR.id, FLOOD.id, HOSTILE.id}),
        ({"q": "fishing treaty"}, {HARBOUR.id}),
        ({"q": "water"}, {FLOOD.id}),
        ({"speaker": "Tomas Ekker"}, {FLOOD.id}),
        ({"entity": "Harbour Council"}, {HARBOUR.id}),
        ({"place": "Nairobi"}, {FLOOD.id}),
        ({"place": "PT"}, {HARBOUR.id}),
        ({"bbox": "-10,35,0,45"}, {HARBOUR.id}),
        ({"since": "2031-05-01"}, {FLOOD.id, HOSTILE.id}),
        ({"until": "2031-03"}, {HARBOUR.id}),
        ({"agency": "afp"}, {FLOOD.id}),
        ({"q": "fishing", "agency": "AFP"}, set()),
    ],
)
def test_search_filters(client, params, expected):
    r = client.get("/api/stories", params=params)
    assert r.status_code == 200
    body = r.json()
    assert {s["id"] for s in body["stories"]} == expected
    assert body["count"] == len(expected)


@pytest.mark.parametrize(
    "params",
    [
        {"bbox": "1,2,3"},
        {"bbox": "a,b,c,d"},
        {"bbox": "10,0,-10,5"},
        {"since": "March"},
        {"until": "2031-13-01"},
        {"limit": "0"},
        {"limit": "x"},
        {"offset": "-1"},
    ],
)
def test_bad_search_is_4xx_with_json_error(client, params):
    r = client.get("/api/stories", params=params)
    assert 400 <= r.status_code < 500
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["error"]


@pytest.mark.parametrize(
    "path", ["/api/stories/0000000000000000", "/api/entities/999999", "/api/threads/999999", "/api/nothing"]
)
def test_missing_is_404_json(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert r.json()["error"] == "not found"


def test_entity_id_must_be_a_number(client):
    assert client.get("/api/entities/abc").status_code == 422


def test_story_detail_maps_entities_to_archive_ids(client):
    body = client.get(f"/api/stories/{HARBOUR.id}").json()
    assert body["record"]["headline"] == HARBOUR.headline
    local = next(e["id"] for e in body["record"]["entities"] if e["name"] == "Mara Velt")
    assert body["entity_ids"][local] == _entity_id(client, "Mara Velt")


def test_entity_profile(client):
    n = _entity_id(client, "Tomas Ekker")
    body = client.get(f"/api/entities/{n}").json()
    assert body["entity"]["name"] == "Tomas Ekker"
    assert [q["text"] for q in body["quotes"]] == ["The water came in hours,"]
    assert [s["id"] for s in body["stories"]] == [FLOOD.id]


def test_quotes_by_speaker(client):
    body = client.get("/api/quotes", params={"speaker": "Mara Velt"}).json()
    assert [q["text"] for q in body["quotes"]] == ["We have a deal on quotas,"]
    assert body["quotes"][0]["story"] == HARBOUR.id


def test_places_are_geojson(client):
    body = client.get("/api/places").json()
    assert body["type"] == "FeatureCollection"
    by_name = {f["properties"]["name"]: f for f in body["features"]}
    assert set(by_name) == {"Lisbon", "Nairobi", "Oslo"}
    assert by_name["Nairobi"]["geometry"] == {"type": "Point", "coordinates": [36.82, -1.29]}
    boxed = client.get("/api/places", params={"bbox": "30,-5,40,5"}).json()
    assert [f["properties"]["name"] for f in boxed["features"]] == ["Nairobi"]


def test_timeline_counts_story_and_event_days(client):
    days = {d["day"]: d for d in client.get("/api/timeline").json()["days"]}
    assert days["2031-05-19"]["events"] == 1
    assert days["2031-05-20"]["stories"] == 1
    assert client.get("/api/timeline", params={"since": "June"}).status_code == 400


def test_threads_endpoint(client):
    body = client.get("/api/threads", params={"min_stories": 1}).json()
    assert sum(t["stories"] for t in body["threads"]) == len(STORIES)
    thread = body["threads"][0]["thread"]
    assert client.get(f"/api/threads/{thread}").json()["stories"]


def test_openapi_lists_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/quotes",
        "/api/places",
        "/api/timeline",
        "/api/threads",
    ):
        assert path in paths
    assert "/stories/{story_id}" not in paths  # pages are not API


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search?q=quotas",
        "/map",
        "/timeline",
        "/entities?name=",
        f"/stories/{HARBOUR.id}",
        f"/stories/{HOSTILE.id}",
    ],
)
def test_pages_render(client, path):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")


def test_story_page_escapes_untrusted_text(client):
    html = client.get(f"/stories/{HOSTILE.id}").text
    assert "<script>window.pwned" not in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert "<img src=x" not in html and "<b>defaced" not in html
    assert "Oslo site &lt;b&gt;defaced&lt;/b&gt;" in html


def test_story_page_highlights_and_links(client):
    html = client.get(f"/stories/{HARBOUR.id}").text
    n = _entity_id(client, "Mara Velt")
    assert f'<a class="hl hl-entity" href="/entities/{n}"' in html
    assert 'class="hl hl-place"' in html and 'class="hl hl-quote"' in html
    assert '<section id="said">' in html and "We have a deal on quotas," in html


def test_entity_page_by_name_redirects(client):
    r = client.get("/entities", params={"name": "Lena Dorn"}, follow_redirects=False)
    assert r.status_code == 303
    page = client.get(r.headers["location"]).text
    assert "Lena Dorn" in page and "&lt;img src=x" in page


def test_pages_forbid_outside_and_inline_scripts(client):
    policy = client.get("/").headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy


def test_missing_page_is_html_404(client):
    r = client.get("/stories/0000000000000000")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")


def test_search_pages_have_real_totals_and_do_not_repeat(client):
    seen, offset = [], 0
    while True:
        body = client.get("/api/stories", params={"limit": 2, "offset": offset}).json()
        assert body["total"] == 3 and body["limit"] == 2 and body["sort"] == "newest"
        seen += [s["id"] for s in body["stories"]]
        if not body["stories"]:
            break
        offset += 2
    assert sorted(seen) == sorted({HARBOUR.id, FLOOD.id, HOSTILE.id})  # each once, none repeated
    oldest = client.get("/api/stories", params={"sort": "oldest"}).json()["stories"]
    assert [s["id"] for s in oldest] == [HARBOUR.id, FLOOD.id, HOSTILE.id]


def test_search_hits_answer_with_snippet_and_facets(client):
    body = client.get("/api/stories", params={"q": "water", "facets": "true"}).json()
    (hit,) = body["stories"]
    assert hit["agency"] == "AFP" and hit["day"] == "2031-05-20" and body["sort"] == "relevance"
    assert [hit["snippet"][a:b] for a, b in hit["marks"]] == ["water"]
    assert [f["label"] for f in body["facets"]["people"]] == ["Tomas Ekker"]
    assert body["facets"]["agencies"] == [{"value": "AFP", "label": "AFP", "count": 1}]
    assert "facets" not in client.get("/api/stories", params={"q": "water"}).json()


def test_bad_sort_is_4xx(client):
    r = client.get("/api/stories", params={"sort": "loudest"})
    assert 400 <= r.status_code < 500 and r.json()["error"]
    assert client.get("/search", params={"q": "water", "sort": "loudest"}).status_code == 400


def test_search_page_pages_sorts_and_marks(client):
    html = client.get("/search", params={"since": "2031-01-01", "sort": "oldest"}).text
    assert "3 stories" in html and 'rel="next"' not in html
    first = client.get("/search", params={"q": "Oslo", "agency": "AP"}).text
    assert "<mark>Oslo</mark>" in first and "&lt;script&gt;" in first and "<script>window" not in first
    assert "People</h2>" in first and "Lena Dorn" in first
    assert "1 June 2031" in first  # a readable date
    months = client.get("/search", params={"since": "2031-01-01"}).text
    assert "/search?since=2031-05&amp;sort=newest&amp;until=2031-05" in months  # a month of the histogram narrows to it


def test_search_page_next_link_moves_on(client, monkeypatch):
    import re

    from dateline.web import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    page1 = client.get("/search", params={"since": "2031-01-01"}).text
    (next_url,) = re.findall(r'rel="next" href="([^"]+)"', page1)
    page2 = client.get(next_url.replace("&amp;", "&")).text
    ids = lambda html: set(re.findall(r'href="/stories/([0-9a-f]{16})"', html))  # noqa: E731
    assert len(ids(page1)) == 2 and len(ids(page2)) == 1 and not ids(page1) & ids(page2)
    assert 'rel="prev"' in page2 and "3 to 3 shown" in page2


def test_story_page_shows_dateline_and_readable_dates(client):
    import dataclasses

    from store_fixtures import make_article

    from dateline.record import Dateline

    filed = dataclasses.replace(
        make_article("Talks on the fishing treaty resumed on Monday.", headline="Talks resume"),
        dateline=Dateline(places=("LISBON",), country="PT", date="XXXX-03-04"),
    )
    client.app.state.store.add([filed])
    html = client.get(f"/stories/{filed.id}").text
    assert '<p class="dateline">LISBON, Portugal, 4 March</p>' in html
    harbour = client.get(f"/stories/{HARBOUR.id}").text
    assert "4 March 2031, 10:00 UTC" in harbour and "2031-03-04T10:00" not in harbour.split("<aside")[0]


@pytest.mark.parametrize(
    "value, readable",
    [
        ("2031-03-04", "4 March 2031"),
        ("XXXX-03-04", "4 March"),
        ("1987-03", "March 1987"),
        ("2031-03-04T10:00:00Z", "4 March 2031, 10:00 UTC"),
        ("XXXX-XX-XX", "XXXX-XX-XX"),
        ("2031-13-01", "2031-13-01"),
        (None, ""),
        ("1987-W10", "week 10 of 1987"),
        ("1987-Q1", "Q1 1987"),
        ("1987-03-09TMO", "9 March 1987, morning"),
        ("P2W", "2 weeks"),
        ("PT20M", "20 minutes"),
        ("P1Y", "1 year"),
        ("PRESENT_REF", "now"),
        ("P2Y6M", "P2Y6M"),
        ("PXD", "PXD"),
    ],
)
def test_readable_date(value, readable):
    from dateline.views.dates import readable_date

    assert readable_date(value) == readable
