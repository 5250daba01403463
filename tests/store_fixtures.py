"""Invented stories for the archive tests, built as records (no NLP) so every field is known."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.record import Article, Dateline, Entity, Event, Mention, Place, Quote, Span, Timex, content_id

PG_ENV = "DATELINE_TEST_PG_URL"


def make_article(
    text: str,
    *,
    headline: str | None = None,
    agency: str | None = "Reuters",
    published: str | None = None,
    people: dict[str, tuple[str, ...]] | None = None,
    orgs: tuple[str, ...] = (),
    places: tuple[tuple[str, float, float, str], ...] = (),
    quotes: tuple[tuple[str, str], ...] = (),
    events: tuple[tuple[str, str, str], ...] = (),
    authors: tuple[str, ...] = (),
    countries: dict[str, str] | None = None,
    update_note: str | None = None,
) -> Article:
    """An article whose entities, quotes, places and events are found by position in ``text``.

    ``people`` maps a name to its titles; ``quotes`` are (speaker name, quoted text);
    ``events`` are (trigger word, who name, ISO day); ``places`` are (name, lat, lon, country).
    """
    if authors:
        text = f"By {' and '.join(authors)}\n\n{text}"
    if headline:
        text = f"{headline}\n\n{text}"
    entities: list[Entity] = []
    ids: dict[str, str] = {}

    def add(name: str, type_: str, titles: tuple[str, ...] = ()) -> None:
        spans = _find_all(text, name)
        ids[name] = f"e{len(entities) + 1}"
        entities.append(
            Entity(
                id=ids[name],
                type=type_,
                name=name,
                mentions=tuple(Mention(s, e, name) for s, e in spans),
                titles=titles,
                country=(countries or {}).get(name),
            )
        )

    for name, titles in (people or {}).items():
        add(name, "PERSON", titles)
    for name in orgs:
        add(name, "ORG")
    for name, *_ in places:
        add(name, "GPE")
    qs = []
    for i, (speaker, said) in enumerate(quotes, start=1):
        start = text.index(said)
        qs.append(
            Quote(
                id=f"q{i}",
                kind="direct",
                text=said,
                start=start,
                end=start + len(said),
                speaker=ids[speaker],
                speaker_text=speaker,
                speaker_span=None,
                anonymous=False,
                cue="said",
                cue_span=None,
            )
        )
    timexes, evs = [], []
    for i, (trigger, who, day) in enumerate(events, start=1):
        start = text.index(trigger)
        timexes.append(Timex(id=f"t{i}", text=day, start=0, end=0, type="DATE", value=day))
        evs.append(
            Event(
                id=f"v{i}",
                type="meet",
                trigger=Mention(start, start + len(trigger), trigger),
                who=(ids[who],),
                when=f"t{i}",
            )
        )
    pls = tuple(
        Place(entity=ids[name], name=name, geonames_id=None, lat=lat, lon=lon, country=cc, feature="PPL")
        for name, lat, lon, cc in places
    )
    author_spans = {"authors": tuple(Span(*_find_all(text, a)[0]) for a in authors if a in text)}
    return Article(
        id=content_id(text),
        text=text,
        headline=headline,
        agency=agency,
        published=published,
        update_note=update_note,
        authors=authors,
        body=Span(0, len(text)),
        dateline=Dateline(date=published[:10] if published else None),
        spans={k: v for k, v in author_spans.items() if v},
        entities=tuple(entities),
        quotes=tuple(qs),
        timexes=tuple(timexes),
        places=pls,
        events=tuple(evs),
    )


def _find_all(text: str, name: str) -> list[tuple[int, int]]:
    out, start = [], text.find(name)
    while start >= 0:
        out.append((start, start + len(name)))
        start = text.find(name, start + 1)
    return out


def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "archive.db")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> Iterator[str]:
    """A fresh, empty archive location: a SQLite file, or a private schema on the test server."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set (run scripts/ci-services.sh to start a PostgreSQL server)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


_FIRST = ("Mara", "Osei", "Tomas", "Lena", "Pablo", "Ines", "Kofi", "Anja", "Ravi", "Sofia")
_LAST = ("Velt", "Brandt", "Ekker", "Dorn", "Rien", "Carvo", "Mensah", "Lindqvist", "Patel", "Moreau")
_CITIES = ("Lisbon", "Nairobi", "Oslo", "Lima", "Hanoi", "Accra", "Dublin", "Quito")
_TOPICS = (
    ("port strike", "dock workers walked out over pay"),
    ("bridge collapse", "a road bridge fell into the river"),
    ("election count", "officials began counting ballots"),
    ("drought", "farmers said the wells ran dry"),
)


def invented_stories(n: int) -> list[str]:
    """``n`` distinct short wire stories about invented people (real city names only)."""
    out = []
    for i in range(n):
        who = f"{_FIRST[i % len(_FIRST)]} {_LAST[(i // len(_FIRST)) % len(_LAST)]}"
        city = _CITIES[i % len(_CITIES)]
        topic, what = _TOPICS[i % len(_TOPICS)]
        out.append(
            f"{city} {topic} enters day {i + 2}\n\n"
            f"{city.upper()}, March {i % 27 + 1} (Reuters) - In {city}, {what} on Monday, and {who}, "
            f"a spokesman for the city council, said the {topic} would continue.\n\n"
            f'"We will keep going until day {i + 2}," {who} told reporters.\n\n'
            f"(Reporting by Ines Carvo; Editing by Kofi Mensah)\n"
        )
    return out


# Two invented stories shared by the store, API and page tests.
HARBOUR = make_article(
    "Mara Velt met Osei Brandt in Lisbon on Tuesday to discuss the fishing treaty. "
    '"We have a deal on quotas," Mara Velt said after the meeting. Osei Brandt of the Harbour Council '
    "called the fishing treaty fair.",
    headline="Velt and Brandt agree fishing quotas in Lisbon",
    published="2031-03-04T10:00:00+00:00",
    people={"Mara Velt": ("foreign minister",), "Osei Brandt": ("council chairman",)},
    orgs=("Harbour Council",),
    places=(("Lisbon", 38.72, -9.14, "PT"),),
    quotes=(("Mara Velt", "We have a deal on quotas,"),),
    events=(("met", "Mara Velt", "2031-03-04"),),
    authors=("Ines Carvo",),
)

FLOOD = make_article(
    "Floods cut roads around Nairobi as rivers rose overnight, said Tomas Ekker of the Rain Agency. "
    '"The water came in hours," Tomas Ekker said.',
    headline="Floods cut roads around Nairobi",
    agency="AFP",
    published="2031-05-20T08:00:00+00:00",
    people={"Tomas Ekker": ("spokesman",)},
    orgs=("Rain Agency",),
    places=(("Nairobi", -1.29, 36.82, "KE"),),
    quotes=(("Tomas Ekker", "The water came in hours,"),),
    events=(("rose", "Tomas Ekker", "2031-05-19"),),
)
