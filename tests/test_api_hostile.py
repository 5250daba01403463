"""Hostile parameters to every endpoint and page: the answer is 2xx or 4xx, never a 500.

Ids of 2^63 or more once raised OverflowError, "²" passed ``isdigit()`` and failed ``int()``,
a 60 KB quotes filter broke SQLite's LIKE and a 60 KB search held a core for 46 s.
"""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient
from store_fixtures import db_url  # noqa: F401  (a fixture)
from web_fixtures import STORIES

from dateline.api import create_app
from dateline.store import Store
from dateline.store.api import MAX_QUERY_TERMS, QueryTimeout

HUGE = str(2**63)
HOSTILE_VALUES = [
    HUGE,
    str(2**64 + 7),
    "-1",
    "²",
    "①",
    "١٢",
    "9" * 400,
    "x" * 60_000,
    "%_%" * 20,
    "\"'",
    "\x00",
    "NaN",
    "inf",
    "1e309",
    "",
    " ",
    "a" * 300,
]
STRING_PARAMS = {
    "/api/stories": [
        "q",
        "entity",
        "speaker",
        "place",
        "bbox",
        "since",
        "until",
        "agency",
        "topic",
        "sort",
        "all_versions",
        "limit",
        "offset",
        "format",
    ],
    "/api/entities": ["name", "type", "limit"],
    "/api/quotes": ["speaker", "text", "since", "until", "limit", "format"],
    "/api/places": ["bbox", "limit", "format"],
    "/api/timeline": ["entity", "since", "until"],
    "/api/threads": ["limit", "min_stories"],
    "/search": [
        "q",
        "entity",
        "speaker",
        "place",
        "bbox",
        "since",
        "until",
        "agency",
        "topic",
        "sort",
        "offset",
        "all_versions",
    ],
    "/quotes": ["speaker", "text", "since", "until"],
    "/entities": ["name"],
    "/timeline": ["entity", "since", "until"],
}
PATH_TEMPLATES = [
    "/api/entities/{}",
    "/api/threads/{}",
    "/api/stories/{}",
    "/entities/{}",
    "/threads/{}",
    "/stories/{}",
    "/api/entities/{}?format=csv",
    "/api/entities/{}?format=geojson",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = str(tmp_path_factory.mktemp("hostile") / "a.db")
    with Store.open(url) as store:
        store.add(STORIES)
    store = Store.open(url)
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c
    store.close()


def _ok(response) -> bool:
    return 200 <= response.status_code < 500 and response.status_code != 0


@pytest.mark.parametrize("path, name", [(p, n) for p, names in STRING_PARAMS.items() for n in names])
def test_hostile_query_parameters_are_2xx_or_4xx(client, path, name):
    bad = []
    for value in HOSTILE_VALUES:
        response = client.get(path, params={name: value})
        if not _ok(response):
            bad.append((value[:20], response.status_code))
        elif path.startswith("/api") and response.status_code >= 400:
            body = response.json()
            assert body.get("error") and body.get("detail"), body
    assert not bad, bad


@pytest.mark.parametrize("template", PATH_TEMPLATES)
def test_hostile_path_ids_are_2xx_or_4xx(client, template):
    bad = [
        (v[:20], r.status_code)
        for v in HOSTILE_VALUES
        if v.strip() and "\x00" not in v
        for r in [client.get(template.format(v))]
        if not _ok(r)
    ]
    assert not bad, bad


def test_huge_ids_are_4xx_with_a_json_body(client):
    for path in (f"/api/entities/{HUGE}", f"/api/threads/{HUGE}"):
        response = client.get(path)
        assert 400 <= response.status_code < 500 and response.json()["error"]
    assert client.get("/api/stories", params={"offset": HUGE}).status_code == 422
    assert client.get("/api/stories", params={"entity": HUGE}).status_code == 200  # a name, matching nothing


def test_long_and_many_term_queries_are_refused_quickly(client):
    started = time.perf_counter()
    response = client.get("/api/stories", params={"q": "word " * 12_000})
    assert response.status_code == 422 and time.perf_counter() - started < 5
    many = " ".join(f"w{n}" for n in range(MAX_QUERY_TERMS + 1))
    response = client.get("/api/stories", params={"q": many})
    assert response.status_code == 400 and f"limit of {MAX_QUERY_TERMS}" in response.json()["detail"]
    assert client.get("/api/stories", params={"q": " ".join(many.split()[:MAX_QUERY_TERMS])}).status_code == 200


def test_search_over_its_time_budget_is_a_400(client, monkeypatch):
    store = client.app.state.store

    def slow(*args, **kwargs):
        raise QueryTimeout("query stopped after its 5 s budget")

    monkeypatch.setattr(store, "search", slow)
    response = client.get("/api/stories", params={"q": "harbour"})
    assert response.status_code == 400 and "budget" in response.json()["detail"]


def test_time_budget_stops_a_long_query(db_url):  # noqa: F811
    slow = {
        "sqlite": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c",
        "postgresql": "SELECT pg_sleep(10)",
    }
    with Store.open(db_url) as store:
        with pytest.raises(QueryTimeout):
            with store.db.time_budget(0.05):
                store.db.query(slow[store.db.dialect])
        assert store.db.scalar("SELECT 1 AS x") == 1  # the connection is usable afterwards
