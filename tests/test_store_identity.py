"""One entity across the archive: aliases, demonyms, surnames, acronyms, evidence and an
editor's corrections, on SQLite and PostgreSQL (invented stories)."""

from __future__ import annotations

import pytest
from store_fixtures import db_url, make_article  # noqa: F401  (db_url is a fixture)

from dateline.record import Article, Entity, Mention
from dateline.store import Store
from dateline.store.identity import identity_key, lookup_keys, org_key, surname


@pytest.fixture
def store(db_url):  # noqa: F811
    s = Store.open(db_url)
    yield s
    s.close()


def typed(text: str, names: dict[str, str], **kwargs) -> Article:
    """An article with entities of the given types (name -> type), found by position."""
    base = make_article(text, **kwargs)
    ents = []
    for i, (name, type_) in enumerate(names.items(), start=1):
        at = text.index(name) + (len(base.text) - len(text))
        ents.append(Entity(id=f"e{i}", type=type_, name=name, mentions=(Mention(at, at + len(name), name),)))
    return Article(**{**{f: getattr(base, f) for f in base.__dataclass_fields__}, "entities": tuple(ents)})


@pytest.mark.parametrize(
    "name, type_, key",
    [
        ("France", "GPE", ("country:FR", "GPE")),
        ("French", "NORP", ("country:FR", "GPE")),
        ("the United States", "GPE", ("country:US", "GPE")),
        ("Americans", "NORP", ("country:US", "GPE")),
        ("Scotland", "GPE", ("scotland", "GPE")),  # its own entity, not the United Kingdom
        ("the Fed", "ORG", ("federal reserve", "ORG")),
        ("Federal Reserve Board", "ORG", ("federal reserve", "ORG")),
        ("U.S. Treasury", "ORG", ("department of the treasury", "ORG")),
        ("Justice Department", "ORG", ("department of justice", "ORG")),
        ("Mr. Ivo Sander", "PERSON", ("ivo sander", "PERSON")),
    ],
)
def test_identity_keys(name, type_, key):
    assert identity_key(name, type_) == key


def test_a_company_named_after_a_country_keeps_its_name():
    assert org_key("British Airways") == "british airways"


def test_surname_skips_suffixes():
    assert surname("tomas ekker jr") == "ekker" and surname("ekker") is None
    assert "country:FR" in lookup_keys("French")


def test_country_and_demonym_are_one_entity(store):
    store.add(
        [
            typed("Ministers in France met on Monday.", {"France": "GPE"}),
            typed("French farmers protested on Tuesday.", {"French": "NORP"}),
        ]
    )
    (france,) = store.entities("France")
    assert france.n_stories == 2 and france.name == "France"
    assert [e.id for e in store.entities("French")] == [france.id]


def test_fed_finds_the_federal_reserve(store):
    store.add(
        [
            typed("The Federal Reserve Board raised rates.", {"Federal Reserve Board": "ORG"}),
            typed("Traders said the Fed would wait.", {"Fed": "ORG"}),
        ]
    )
    (fed,) = store.entities("the Fed")
    assert fed.n_stories == 2 and fed.name == "Federal Reserve Board"


def test_surname_finds_the_person_and_joins_them(store):
    store.add(
        [
            typed("Tomas Ekker, the finance minister, spoke in Oslo.", {"Tomas Ekker": "PERSON"}),
            typed("Ekker said the budget would balance.", {"Ekker": "PERSON"}),
        ]
    )
    (ekker,) = store.entities("Ekker")
    assert ekker.name == "Tomas Ekker" and ekker.n_stories == 2
    how = {e["how"] for e in store.entity_evidence(ekker.id)}
    assert how == {"new", "surname"}


def test_a_surname_before_its_full_name_is_taken_over(store):
    """The order stories arrive in does not decide: "Ekker" first, "Tomas Ekker" after."""
    store.add([typed("Ekker said the budget would balance.", {"Ekker": "PERSON"})])
    store.add([typed("Tomas Ekker, the finance minister, spoke in Oslo.", {"Tomas Ekker": "PERSON"})])
    (ekker,) = store.entities("Ekker")
    assert ekker.name == "Tomas Ekker" and ekker.n_stories == 2
    assert store.db.scalar("SELECT COUNT(*) AS c FROM entities WHERE type = 'PERSON'") == 1


def test_a_surname_shared_by_two_people_joins_neither(store):
    store.add(
        [
            typed("Tomas Ekker spoke in Oslo.", {"Tomas Ekker": "PERSON"}),
            typed("Anja Ekker spoke in Lima.", {"Anja Ekker": "PERSON"}),
            typed("Ekker said no.", {"Ekker": "PERSON"}),
        ]
    )
    assert len(store.entities("Ekker")) == 3  # the surname matches both people and the short form


def test_acronym_joins_the_organisation(store):
    store.add(
        [
            typed("The Harbour Workers Union called a strike.", {"Harbour Workers Union": "ORG"}),
            typed("The HWU said the strike would go on.", {"HWU": "ORG"}),
        ]
    )
    (union,) = store.entities("HWU")
    assert union.name == "Harbour Workers Union" and union.n_stories == 2


def test_editor_merge_moves_every_row_and_later_stories_follow(store):
    a = typed("Lena Dorn opened the exhibition.", {"Lena Dorn": "PERSON"})
    b = typed("L. Dorn closed the exhibition.", {"L. Dorn": "PERSON"})
    store.add([a, b])
    (lena,), (short,) = store.entities("Lena Dorn"), store.entities("L. Dorn")
    correction = store.merge_entities(short.id, lena.id, note="same curator")
    assert (correction.kind, correction.entity, correction.other) == ("merge", short.id, lena.id)
    assert store.entities("L. Dorn")[0].id == lena.id
    assert store.entity(short.id).entity.id == lena.id  # the old id leads to the merged entity
    assert {h.id for h in store.search(entity=lena.id)} == {a.id, b.id}
    store.add([typed("L. Dorn spoke again.", {"L. Dorn": "PERSON"})])
    assert store.entity(lena.id).entity.n_stories == 3
    assert [c.kind for c in store.corrections(lena.id)] == ["merge"]


def test_editor_split_moves_the_stories_named(store):
    a = typed("Pablo Rien opened a bakery.", {"Pablo Rien": "PERSON"})
    b = typed("Pablo Rien won a chess game.", {"Pablo Rien": "PERSON"})
    store.add([a, b])
    (rien,) = store.entities("Pablo Rien")
    correction = store.split_entity(rien.id, [b.id], note="the chess player is someone else")
    left, new = store.entity(rien.id), store.entity(correction.other)
    assert left.entity.n_stories == 1 and new.entity.n_stories == 1
    assert [h.id for h in new.stories] == [b.id] and [h.id for h in left.stories] == [a.id]
    assert store.corrections()[0].stories == (b.id,)


def test_bad_corrections_are_clear_errors(store):
    store.add([typed("Pablo Rien opened a bakery.", {"Pablo Rien": "PERSON"})])
    (rien,) = store.entities("Pablo Rien")
    with pytest.raises(LookupError):
        store.merge_entities(rien.id, 999_999)
    with pytest.raises(ValueError):
        store.merge_entities(rien.id, rien.id)
    with pytest.raises(ValueError):
        store.split_entity(rien.id, [store.search()[0].id])  # nothing would be left


def test_a_story_that_keeps_a_surname_apart_is_not_overruled(store):
    """The story's reader left "Ekker" unresolved beside "Tomas Ekker": the archive keeps it so."""
    store.add([typed("Ekker arrived late; Tomas Ekker did not.", {"Ekker": "PERSON", "Tomas Ekker": "PERSON"})])
    assert store.db.scalar("SELECT COUNT(*) AS c FROM entities WHERE type = 'PERSON'") == 2


def test_an_archive_of_the_first_schema_gets_its_keys(store):
    store.add([typed("Tomas Ekker spoke in Oslo.", {"Tomas Ekker": "PERSON"})])
    store.db.execute("DELETE FROM entity_keys")
    store.db.execute("DELETE FROM term_df")
    store.db.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    store.db.init_schema()
    assert [e.name for e in store.entities("Tomas Ekker")] == ["Tomas Ekker"]
    assert store.db.scalar("SELECT COUNT(*) AS c FROM term_df") > 0


def _days_from_mentions(store, entity):
    """An entity's stories and mentions per day counted from its rows, as entity_days should hold."""
    rows = store.db.query(
        "SELECT s.day AS day, COUNT(DISTINCT m.story) AS c, COUNT(*) AS k FROM mentions m "
        "JOIN stories s ON s.n = m.story WHERE m.entity = ? AND s.day IS NOT NULL GROUP BY s.day ORDER BY s.day",
        (entity,),
    )
    return [(r["day"], int(r["c"]), int(r["k"])) for r in rows]


def _days_kept(store, entity):
    rows = store.db.query("SELECT day, stories, mentions FROM entity_days WHERE entity = ? ORDER BY day", (entity,))
    return [(r["day"], int(r["stories"]), int(r["mentions"])) for r in rows]


def test_entity_days_follow_writes_merges_and_splits(store):
    """Months and days come from counts kept as stories are written; an editor's merge or split
    counts them again, so they always agree with the mentions."""
    a = typed("Ines Varga opened the fair.", {"Ines Varga": "PERSON"}, published="2031-03-04")
    b = typed("I. Varga closed the fair.", {"I. Varga": "PERSON"}, published="2031-03-04")
    c = typed("Ines Varga left for the coast.", {"Ines Varga": "PERSON"}, published="2031-04-10")
    store.add([a, b, c])
    (ines,), (short,) = store.entities("Ines Varga"), store.entities("I. Varga")
    assert (
        _days_kept(store, ines.id)
        == _days_from_mentions(store, ines.id)
        == [
            ("2031-03-04", 1, 1),
            ("2031-04-10", 1, 1),
        ]
    )
    assert [(m.month, m.stories, m.mentions) for m in store.entity_months(ines.id)] == [
        ("2031-03", 1, 1),
        ("2031-04", 1, 1),
    ]
    store.merge_entities(short.id, ines.id)
    assert _days_kept(store, ines.id) == _days_from_mentions(store, ines.id)
    assert _days_kept(store, short.id) == []
    assert [(d.day, d.stories) for d in store.timeline(entity=ines.id)] == [("2031-03-04", 2), ("2031-04-10", 1)]
    split = store.split_entity(ines.id, [c.id])
    for e in (ines.id, split.other):
        assert _days_kept(store, e) == _days_from_mentions(store, e)
    assert [(d.day, d.stories) for d in store.timeline(entity=split.other)] == [("2031-04-10", 1)]


def test_entity_page_reads_its_newest_stories(store, monkeypatch):
    from dateline.store import api

    monkeypatch.setattr(api, "ENTITY_RECENT", 2)
    arts = [
        typed(
            f"Ines Varga met Tomas Ekker on day {i}.",
            {"Ines Varga": "PERSON", "Tomas Ekker": "PERSON"},
            published=f"2031-03-0{i + 1}",
        )
        for i in range(4)
    ]
    store.add(arts)
    (ines,) = store.entities("Ines Varga")
    page = store.entity(ines.id)
    assert {h.id for h in page.stories} == {arts[2].id, arts[3].id}  # the newest two by arrival
    assert [(o.name, n) for o, n in page.co_occurring] == [("Tomas Ekker", 2)]
    assert len(page.appearances) == 2
    assert [(m.month, m.stories) for m in page.months] == [("2031-03", 4)]  # months count every story
