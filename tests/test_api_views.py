"""The shared views (issue 17) and what they add (issue 18): exports in a stable column order,
entity pages, say events folded into quotes, dated timelines. SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient
from store_fixtures import db_url, make_article  # noqa: F401  (a fixture)
from web_fixtures import FLOOD, STORIES

from dateline.api import create_app
from dateline.record import Event, Mention
from dateline.store import Store
from dateline.views.export import APPEARANCE_COLUMNS, PLACE_COLUMNS, QUOTE_COLUMNS, STORY_COLUMNS

# Mara Velt is in both stories below, with another title in the second.
TREATY = make_article(
    'Mara Velt and Osei Brandt signed the fishing treaty in Lisbon. "It holds," Mara Velt said on Friday.',
    headline="Fishing treaty signed",
    published="2031-04-11T09:00:00+00:00",
    people={"Mara Velt": ("prime minister",), "Osei Brandt": ("council chairman",)},
    places=(("Lisbon", 38.72, -9.14, "PT"),),
    quotes=(("Mara Velt", "It holds,"),),
    events=(("signed", "Mara Velt", "2031-04-10"),),
)


def _with_say(article):
    """The story with a "say" event on the verb that introduces its first quote."""
    at = article.text.index("said", article.quotes[0].end)
    say = Event(
        id="v9",
        type="say",
        trigger=Mention(at, at + 4, "said"),
        who=(article.quotes[0].speaker,),
        when=article.events[0].when,
    )
    return dataclasses.replace(article, events=(*article.events, say))


@pytest.fixture
def client(db_url):  # noqa: F811
    with Store.open(db_url) as store:
        store.add([*STORIES, _with_say(TREATY)])
    store = Store.open(db_url)
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


def _entity(client, name: str) -> int:
    return client.get("/api/entities", params={"name": name}).json()["entities"][0]["id"]


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize(
    "path, columns", [("/api/stories", STORY_COLUMNS), ("/api/quotes", QUOTE_COLUMNS), ("/api/places", PLACE_COLUMNS)]
)
def test_csv_exports_keep_their_column_order(client, path, columns):
    r = client.get(path, params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"].startswith('attachment; filename="dateline-')
    rows = _csv(r.text)
    assert tuple(rows[0]) == columns and len(rows) > 1
    assert all(len(row) == len(columns) for row in rows)


def test_search_export_is_the_page_on_screen(client):
    params = {"since": "2031-01-01", "sort": "oldest", "limit": 2}
    shown = [s["id"] for s in client.get("/api/stories", params=params).json()["stories"]]
    rows = _csv(client.get("/api/stories", params={**params, "format": "csv"}).text)
    assert [r[0] for r in rows[1:]] == shown
    lines = client.get("/api/stories", params={**params, "offset": 2, "format": "jsonl"}).text.splitlines()
    assert [list(json.loads(line)) for line in lines] == [list(STORY_COLUMNS)] * len(lines)
    assert {json.loads(line)["id"] for line in lines}.isdisjoint(shown)


def test_geojson_exports_points_where_stories_were_filed(client):
    body = client.get("/api/stories", params={"q": "fishing", "format": "geojson"}).json()
    assert body["type"] == "FeatureCollection"
    places = {f["properties"]["place"]: f["geometry"]["coordinates"] for f in body["features"]}
    assert places == {"Lisbon": [-9.14, 38.72]}
    assert list(body["features"][0]["properties"]) == [c for c in STORY_COLUMNS if c not in ("lat", "lon")]
    quotes = client.get("/api/quotes", params={"speaker": "Tomas Ekker", "format": "geojson"}).json()
    assert [f["properties"]["place"] for f in quotes["features"]] == ["Nairobi"]


def test_bad_export_format_is_4xx(client):
    r = client.get("/api/stories", params={"format": "xlsx"})
    assert r.status_code == 422 and r.json()["error"]


def test_entity_profile_for_a_researcher(client):
    n = _entity(client, "Mara Velt")
    body = client.get(f"/api/entities/{n}").json()
    assert [(m["month"], m["stories"], m["quotes"]) for m in body["months"]] == [("2031-03", 1, 1), ("2031-04", 1, 1)]
    assert {t["title"]: t["stories"] for t in body["titles"]} == {"foreign minister": 1, "prime minister": 1}
    assert [p["name"] for p in body["places"]] == ["Lisbon"] and body["places"][0]["stories"] == 2
    brandt = _entity(client, "Osei Brandt")
    assert {"source": min(n, brandt), "target": max(n, brandt), "stories": 2} in body["links"]
    assert [a["titles"] for a in body["appearances"]] == [["prime minister"], ["foreign minister"]]
    rows = _csv(client.get(f"/api/entities/{n}", params={"format": "csv"}).text)
    assert tuple(rows[0]) == APPEARANCE_COLUMNS and [r[5] for r in rows[1:]] == ["prime minister", "foreign minister"]


def test_entity_page_draws_its_network_and_lists(client):
    n = _entity(client, "Mara Velt")
    html = client.get(f"/entities/{n}").text
    assert '<svg class="network"' in html and html.count("<circle") >= 3 and "<line" in html
    for section in ('id="mentions"', 'id="titles"', 'id="where"', 'id="quotes"', "April 2031"):
        assert section in html
    assert f'href="/api/entities/{n}?format=csv"' in html
    assert f'href="/api/quotes?speaker={n}&amp;limit=50&amp;format=csv"' in html  # its quotes, as shown


def test_story_panel_folds_say_events_into_quotes(client):
    body = client.get(f"/api/stories/{TREATY.id}").json()
    panel = body["panel"]
    assert [e["type"] for e in panel["events"]] == ["meet"]  # "said" is no longer "what happened"
    (quote,) = panel["said"]
    assert [e["trigger"] for e in quote["events"]] == ["said"] and quote["when"] == "10 April 2031"
    assert [(e["trigger"], e["when"]) for e in panel["timeline"]] == [("signed", "10 April 2031")]
    html = client.get(f"/stories/{TREATY.id}").text
    assert 'id="story-timeline"' in html and "10 April 2031" in html


def test_timeline_lists_dated_events_without_say(client):
    body = client.get("/api/timeline").json()
    assert [(e["day"], e["trigger"]) for e in body["events"]] == [
        ("2031-03-04", "met"),
        ("2031-04-10", "signed"),
        ("2031-05-19", "rose"),
    ]
    html = client.get("/timeline").text
    assert html.count('class="events-of-day"') == 3 and f"/stories/{FLOOD.id}" in html


def test_quotes_page_and_its_exports(client):
    html = client.get("/quotes", params={"speaker": "Mara Velt"}).text
    assert "We have a deal on quotas," in html and "It holds," in html and "We will" not in html
    assert 'href="/api/quotes?speaker=Mara+Velt&amp;limit=100&amp;format=jsonl"' in html
    assert client.get("/quotes", params={"since": "soon"}).status_code == 400


def test_search_page_links_its_exports(client):
    html = client.get("/search", params={"q": "fishing", "offset": 0}).text
    assert 'href="/api/stories?q=fishing&amp;limit=20&amp;format=csv"' in html


def test_api_and_web_do_not_import_each_other():
    code = (
        "import sys; import dateline.web.pages, dateline.views; "
        "print(sorted(m for m in sys.modules if m.startswith('dateline.api')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_country_and_topic_facets_narrow(client):
    body = client.get("/api/stories", params={"since": "2031", "facets": "true"}).json()
    assert {f["value"]: f["count"] for f in body["facets"]["countries"]} == {"PT": 2, "KE": 1, "NO": 1}
    assert body["facets"]["topics"] == []  # the invented stories carry no topics
    html = client.get("/search", params={"since": "2031"}).text
    assert ">Portugal</a>" in html and "/search?since=2031&amp;sort=newest&amp;place=PT" in html
    narrowed = client.get("/api/stories", params={"since": "2031", "place": "PT"}).json()
    assert narrowed["total"] == 2


def test_events_per_day_keep_the_first_of_a_busy_day(client):
    store = client.app.state.store
    both = [(e.day, e.type) for e in store.events(since="2031-04", until="2031-04")]
    assert both == [("2031-04-10", "meet"), ("2031-04-10", "say")]
    assert [(e.day, e.type) for e in store.events(since="2031-04", until="2031-04", per_day=1)] == both[:1]
