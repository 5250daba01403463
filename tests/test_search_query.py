"""One validated search (issue 17): the CLI, the API, the pages and the store read a filter alike.

Before ``SearchQuery``, ``dateline search --until 2031`` found nothing where
``/api/stories?until=2031`` found the year's stories, and ``--since yesterday`` was accepted
by the CLI while the API answered 400.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from store_fixtures import db_url  # noqa: F401  (a fixture)
from typer.testing import CliRunner
from web_fixtures import FLOOD, HARBOUR, HOSTILE, STORIES

from dateline.api import create_app
from dateline.cli import app as cli
from dateline.store import QueryError, SearchQuery, Store


@pytest.fixture
def archive(db_url):  # noqa: F811
    with Store.open(db_url) as store:
        store.add(STORIES)
    return db_url


@pytest.mark.parametrize(
    "raw, field, value",
    [
        ({"until": "2024"}, "until", "2024-12-31"),
        ({"until": "2024-02"}, "until", "2024-02-31"),
        ({"until": "2024-02-03"}, "until", "2024-02-03"),
        ({"since": "2024"}, "since", "2024-01-01"),
        ({"since": "2024-05"}, "since", "2024-05-01"),
        ({"since": " "}, "since", None),
        ({"q": "  fishing  "}, "text", "fishing"),
        ({"bbox": "-10,35,0,45"}, "bbox", (-10.0, 35.0, 0.0, 45.0)),
        ({"limit": "7"}, "limit", 7),
        ({"offset": "40"}, "offset", 40),
        ({"entity": 12}, "entity", 12),
        ({"entity": "12"}, "entity", "12"),
        ({"all_versions": "true"}, "all_versions", True),
        ({"sort": ""}, "sort", None),
    ],
)
def test_parse_normalises(raw, field, value):
    assert getattr(SearchQuery.parse(**raw), field) == value


@pytest.mark.parametrize(
    "raw, says",
    [
        ({"since": "yesterday"}, "since must be an ISO date"),
        ({"until": "2024-13"}, "until must be an ISO date"),
        ({"until": "2024-2-3"}, "until must be an ISO date"),
        ({"since": "２０２４"}, "since must be an ISO date"),
        ({"bbox": "1,2,3"}, "bbox must be four numbers"),
        ({"bbox": "10,0,-10,5"}, "bbox out of range"),
        ({"sort": "loudest"}, "sort must be one of"),
        ({"limit": "0"}, "limit must be between"),
        ({"limit": "x"}, "limit must be a whole number"),
        ({"offset": "-1"}, "offset must be between"),
        ({"offset": "²"}, "offset must be a whole number"),
        ({"all_versions": "maybe"}, "all_versions must be"),
        ({"q": "x" * 600}, "over the 500-character limit"),
        ({"place": "p" * 300}, "place is 300 characters"),
    ],
)
def test_parse_refuses_with_a_reason(raw, says):
    with pytest.raises(QueryError, match=says):
        SearchQuery.parse(**raw)


def test_a_query_with_changes_is_checked_again(archive):
    with Store.open(archive) as store:
        query = SearchQuery.parse(since="2031")
        assert {h.id for h in store.search(query, until="2031-03")} == {HARBOUR.id}
        with pytest.raises(QueryError):
            store.search(query, until="soon")


def test_params_round_trip():
    query = SearchQuery.parse(q="fishing treaty", place="PT", since="2031-03", until="2031", sort="oldest", offset=20)
    assert SearchQuery.from_params(query.params()) == query


def _cli_ids(db: str, *args: str) -> tuple[int, set[str]]:
    out = CliRunner().invoke(cli, ["search", "--db", db, "--format", "json", *args])
    return out.exit_code, {h["id"] for h in json.loads(out.stdout)} if out.exit_code == 0 else set()


@pytest.mark.parametrize(
    "args, expected",
    [
        ({"until": "2031"}, {HARBOUR.id, FLOOD.id, HOSTILE.id}),
        ({"until": "2031-03"}, {HARBOUR.id}),
        ({"since": "2031-05"}, {FLOOD.id, HOSTILE.id}),
        ({"since": "2031", "until": "2031-05"}, {HARBOUR.id, FLOOD.id}),
        ({"until": "2030"}, set()),
    ],
)
def test_cli_api_pages_and_store_agree_on_dates(archive, args, expected):
    code, cli_ids = _cli_ids(archive, *[part for k, v in args.items() for part in (f"--{k}", v)])
    assert code == 0 and cli_ids == expected
    with Store.open(archive) as store:
        assert {h.id for h in store.search(**args)} == expected
        with TestClient(create_app(store)) as client:
            body = client.get("/api/stories", params=args).json()
            assert {s["id"] for s in body["stories"]} == expected and body["total"] == len(expected)
            page = client.get("/search", params=args).text
            assert all(f"/stories/{i}" in page for i in expected)


def test_a_bad_date_is_refused_everywhere(archive):
    out = CliRunner().invoke(cli, ["search", "--db", archive, "--since", "yesterday"])
    assert out.exit_code == 2 and "since must be an ISO date" in out.stderr
    quotes = CliRunner().invoke(cli, ["archive-quotes", "--db", archive, "--until", "soon"])
    assert quotes.exit_code == 2 and "until must be an ISO date" in quotes.stderr
    with Store.open(archive) as store:
        with pytest.raises(QueryError):
            store.search(since="yesterday")
        with TestClient(create_app(store)) as client:
            api = client.get("/api/stories", params={"since": "yesterday"})
            assert api.status_code == 400 and "since must be an ISO date" in api.json()["detail"]
            page = client.get("/search", params={"since": "yesterday"})
            assert page.status_code == 400 and "since must be an ISO date" in page.text
            assert client.get("/api/quotes", params={"since": "yesterday"}).status_code == 400
            assert client.get("/timeline", params={"until": "soon"}).status_code == 400
