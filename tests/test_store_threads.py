"""Versions and threads that hold: an update is a version, a day's notice with new figures is
not; a shared template or dateline never makes a thread (invented stories)."""

from __future__ import annotations

import dataclasses

import pytest
from store_fixtures import db_url, make_article  # noqa: F401  (db_url is a fixture)

from dateline.record import Span
from dateline.store import Store
from dateline.store.features import NAMED_PREFIXES, features, figures, numbers_agree
from dateline.store.threads import THREAD_DAYS, _slug_match, _time_damping

NOTICE = (
    "The Harbour Bank said it added {0} mln crowns of reserves to the banking system on {1} through "
    "overnight repurchase agreements, bringing the week's additions to {2} mln crowns. Dealers had "
    "expected the bank to add reserves because of the seasonal demand for cash at the end of the month, "
    "and the rate on overnight funds was {3} pct when the bank acted, against {4} pct at the opening of "
    "trade. The bank said it would publish its weekly statement on the following business day as usual."
)


@pytest.fixture
def store(db_url):  # noqa: F811
    s = Store.open(db_url)
    yield s
    s.close()


def notice(day: int, *numbers: str):
    return make_article(
        NOTICE.format(*numbers),
        headline="Harbour Bank adds reserves via repurchases",
        published=f"2031-03-{day:02d}T15:00:00+00:00",
        orgs=("Harbour Bank",),
    )


def test_figures_tell_an_update_from_a_new_notice():
    a = figures(NOTICE.format("450", "Monday", "1,200", "6.1", "6.3"))
    assert a == ("450", "1200", "6.1", "6.3")
    assert numbers_agree(a, a + ("17",))
    assert not numbers_agree(a, figures(NOTICE.format("300", "Tuesday", "1,500", "5.9", "6.2")))
    assert numbers_agree(("7",), ("8",))  # too few figures to say


def test_a_daily_notice_with_new_figures_is_not_a_version(store):
    store.add([notice(2, "450", "Monday", "1,200", "6.1", "6.3"), notice(3, "300", "Tuesday", "1,500", "5.9", "6.2")])
    groups = {r["version_group"] for r in store.db.query("SELECT version_group FROM stories")}
    assert len(groups) == 2 and len(store.search()) == 2  # nothing hidden


def test_the_same_notice_updated_is_a_version(store):
    first = notice(2, "450", "Monday", "1,200", "6.1", "6.3")
    later = make_article(
        first.text.split("\n\n", 1)[1] + " A spokesman said no further operation was planned.",
        headline="UPDATE 1-Harbour Bank adds reserves via repurchases",
        published="2031-03-02T17:00:00+00:00",
        orgs=("Harbour Bank",),
    )
    store.add([first, later])
    (hit,) = store.search()
    assert hit.id == later.id and len(store.get_story(later.id).versions) == 2


def table(company: str, day: int, cents: int):
    """An earnings table: the company only in the headline, the dateline city the only name."""
    text = (
        f"New York, March {day} - Shr {cents} cts vs 33 cts\nNet 2,100,000 vs 1,700,000\n"
        f"Revs 40.2 mln vs 35.1 mln\nAvg shrs 5,100,000 vs 5,000,000\n"
    )
    art = make_article(
        text,
        headline=f"{company} 4th qtr net",
        published=f"2031-03-{day:02d}T12:00:00+00:00",
        places=(("New York", 40.71, -74.0, "US"),),
    )
    start = art.text.index("New York")
    return dataclasses.replace(art, spans={**art.spans, "dateline": (Span(start, start + 8),)})


def test_tables_sharing_a_template_and_dateline_are_not_a_thread(store):
    store.add([table(c, 4, 40 + i) for i, c in enumerate(("Orrin Tools", "Velt Shipping", "Brandt Mills"))])
    assert len({r["thread"] for r in store.db.query("SELECT thread FROM stories")}) == 3


def test_stories_reporting_the_same_happening_share_a_thread(store):
    a = make_article(
        "Flood waters rose in Kessel on Monday and the river authority ordered the old town cleared. "
        "Mayor Ines Carvo said the dikes would hold.",
        headline="Kessel flood forces evacuation",
        published="2031-04-01T08:00:00+00:00",
        people={"Ines Carvo": ("mayor",)},
        places=(("Kessel", 50.1, 8.1, "DE"),),
    )
    b = make_article(
        "The flood in Kessel crested on Tuesday. Ines Carvo said the old town would stay closed "
        "while the river authority checked the dikes.",
        headline="Kessel flood crests",
        published="2031-04-02T08:00:00+00:00",
        people={"Ines Carvo": ("mayor",)},
        places=(("Kessel", 50.1, 8.1, "DE"),),
    )
    store.add([a, b])
    assert len({r["thread"] for r in store.db.query("SELECT thread FROM stories")}) == 1


FLOOD = (
    "Flood waters rose in {town} on Monday and the river authority ordered the old town cleared. "
    "Mayor {mayor} said the dikes along the river would hold, while volunteers filled sandbags "
    "and the army sent boats to reach families cut off by the water in {town}. {mayor} said "
    "schools would stay closed until the river fell. Germany has seen three floods this year."
)


def flood(town: str, mayor: str, day: int, lat: float):
    art = make_article(
        FLOOD.format(town=town, mayor=mayor),
        headline=f"{town} flood forces evacuation",
        published=f"2031-04-{day:02d}T08:00:00+00:00",
        people={mayor: ("mayor",)},
        places=((town, lat, 8.1, "DE"), ("Germany", 51.0, 10.0, "DE")),
    )
    country = dataclasses.replace(art.places[1], feature="PCLI")
    return dataclasses.replace(art, places=(art.places[0], country))


def test_only_names_are_posted_for_thread_look_ups(store):
    """The story's words weigh in its thread's centroid, but only its names are looked up to find
    candidate threads, so only names get postings (fewer index entries a story written)."""
    store.add([flood("Kessel", "Ines Carvo", 1, 50.1)])
    posted = {r["term"] for r in store.db.query("SELECT term FROM terms")}
    centroid = {r["term"] for r in store.db.query("SELECT term FROM thread_terms")}
    assert posted and all(t.startswith(NAMED_PREFIXES) for t in posted)
    assert posted < centroid and any(not t.startswith(NAMED_PREFIXES) for t in centroid)


def test_the_same_kind_of_happening_elsewhere_is_another_thread(store):
    """Two floods told in the same words, in two towns with two mayors, share only their country:
    what they report (who, where) keeps them apart."""
    store.add([flood("Kessel", "Ines Carvo", 1, 50.1), flood("Lormar", "Tomas Berg", 2, 52.3)])
    assert len({r["thread"] for r in store.db.query("SELECT thread FROM stories")}) == 2


def test_a_story_joins_the_thread_it_shares_most_with(store):
    """A later story naming the thread's people and places joins it, and the thread's centroid,
    days and story count follow."""
    later = make_article(
        "The clean-up began in Kessel as the river fell. Ines Carvo thanked the volunteers and said "
        "the dikes had held; the river authority will inspect them before the old town reopens.",
        headline="Kessel begins clean-up after flood",
        published="2031-04-09T08:00:00+00:00",
        people={"Ines Carvo": ("mayor",)},
        places=(("Kessel", 50.1, 8.1, "DE"),),
    )
    store.add([flood("Kessel", "Ines Carvo", 1, 50.1), flood("Lormar", "Tomas Berg", 2, 52.3), later])
    rows = store.db.query("SELECT thread FROM stories ORDER BY n")
    assert rows[0]["thread"] == rows[2]["thread"] != rows[1]["thread"]
    info = store.db.one("SELECT * FROM threads WHERE n = ?", (rows[0]["thread"],))
    assert (info["stories"], info["first_day"], info["last_day"]) == (2, "2031-04-01", "2031-04-09")
    assert info["named"] > 0 and info["words"] > 0


FILLER = (
    "harbour cargo ferry island market winter cattle timber copper wheat barley orchard vineyard "
    "quarry bridge tunnel railway station airport museum library theatre stadium hospital school "
    "college factory foundry mill brewery bakery garden forest meadow valley canyon glacier volcano "
    "desert prairie marsh lagoon reef"
).split()


def test_a_thread_centroid_keeps_a_bounded_number_of_terms(store):
    """However many stories a thread gathers, its centroid holds at most ``CENTROID_TERMS`` terms:
    the cost of comparing a story with it stays flat."""
    from dateline.store.threads import CENTROID_TERMS

    arts = []
    for i in range(6):
        words = " ".join(f"{w}{'abcdefgh'[i]}x" for w in FILLER)
        arts.append(
            make_article(
                f"Ines Carvo visited Kessel. {words}. {words}. {words}.",
                headline="Kessel flood",
                published=f"2031-04-{1 + i:02d}T08:00:00+00:00",
                people={"Ines Carvo": ("mayor",)},
                places=(("Kessel", 50.1, 8.1, "DE"),),
            )
        )
    store.add(arts)
    (thread,) = {r["thread"] for r in store.db.query("SELECT thread FROM stories")}
    assert store.db.scalar("SELECT stories FROM threads WHERE n = ?", (thread,)) == 6
    assert 40 < store.db.scalar("SELECT COUNT(*) FROM thread_terms WHERE thread = ?", (thread,)) <= CENTROID_TERMS


def test_an_archive_without_centroids_gets_them_when_opened(db_url):  # noqa: F811
    """An archive written before thread centroids existed (schema 2) has them built from its
    stored terms when it is opened, and threading goes on from them."""
    with Store.open(db_url) as s:
        s.add([flood("Kessel", "Ines Carvo", 1, 50.1)])
        s.db.execute("DELETE FROM thread_terms")
        s.db.execute("DELETE FROM threads")
        s.db.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
    with Store.open(db_url) as s:
        assert s.db.scalar("SELECT COUNT(*) FROM thread_terms") > 0
        assert s.db.scalar("SELECT stories FROM threads") == 1
        s.add([dataclasses.replace(flood("Kessel", "Ines Carvo", 12, 50.1), id="later-take")])
        assert len({r["thread"] for r in s.db.query("SELECT thread FROM stories")}) == 1


def trial(text: str, day: str, people: tuple[str, ...], places=(("Kessel", 50.1, 8.1, "DE"),)):
    return make_article(
        text,
        headline="Harbour fraud case",
        published=f"{day}T08:00:00+00:00",
        people={p: () for p in people},
        places=places,
    )


def test_a_surname_alone_meets_the_full_name(store):
    """The second story names the accused by surname only, and no other name: it joins the
    thread that named him in full (a thread needs a name in common)."""
    store.add(
        [
            trial(
                "Prosecutors charged Aldo Fenwick with fraud over the harbour contracts.",
                "2031-05-04",
                ("Aldo Fenwick",),
                places=(),
            ),
            trial(
                "Fenwick denied the fraud charges over the harbour contracts at a hearing.",
                "2031-05-06",
                ("Fenwick",),
                places=(),
            ),
        ]
    )
    assert len({r["thread"] for r in store.db.query("SELECT thread FROM stories")}) == 1


def test_a_follow_up_weeks_later_is_not_damped_but_years_later_is(store):
    """A verdict seven weeks after the charges is the same story followed (on ECB+, a fifth of
    one event's dated story pairs are 15 to 60 days apart); the same words three years later
    are another case."""
    assert _time_damping("2031-06-22", "2031-05-04", "2031-05-04", THREAD_DAYS) == 1.0
    assert _time_damping("2034-06-22", "2031-05-04", "2031-06-22", THREAD_DAYS) < 0.1
    verdict = "A court in Kessel found Aldo Fenwick guilty of fraud over the harbour contracts."
    store.add(
        [
            trial(verdict, "2031-06-22", ("Aldo Fenwick",)),
            trial(verdict + " He appealed.", "2034-06-22", ("Aldo Fenwick",)),
        ]
    )
    assert len({r["thread"] for r in store.db.query("SELECT thread FROM stories")}) == 2


def test_an_update_is_found_among_years_of_its_recurring_headline(store):
    """A backfill: the first take arrives, then a hundred later notices in the same words under the
    same headline (a notice repeated every month, its reference number changed), then the update of
    the first take. Candidates are
    read around the update's own day, so the many later notices neither hide the first take nor
    cost the write more than one week of them."""
    first = notice(2, "450", "Monday", "1,200", "6.1", "6.3")
    later = [
        make_article(
            NOTICE.format("450", "Monday", "1,200", "6.1", "6.3") + f" Notice {k + 2}.",
            headline=first.headline,
            published=f"{2032 + k // 12}-{1 + k % 12:02d}-02T15:00:00+00:00",
            orgs=("Harbour Bank",),
        )
        for k in range(100)
    ]
    update = make_article(
        first.text.split("\n\n", 1)[1] + " A spokesman said no further operation was planned.",
        headline="UPDATE 1-Harbour Bank adds reserves via repurchases",
        published="2031-03-02T17:00:00+00:00",
        orgs=("Harbour Bank",),
    )
    for batch in ([first], later):  # in this order of arrival
        store.add(batch)
    (original,) = store.db.query("SELECT n, version_group FROM stories WHERE id = ?", (first.id,))
    # the headline alone finds the first take (before, its newest 50 namesakes hid it)
    assert _slug_match(store.db, -1, features(update), "Reuters", update=True) == original["version_group"]
    store.add([update])
    assert len(store.get_story(update.id).versions) == 2


def test_an_archive_of_schema_4_gets_its_buckets_with_their_days(db_url):  # noqa: F811
    """Schema 4 kept MinHash buckets without days (``lsh``); opening such an archive moves them
    into ``story_buckets`` with their story's day, and a near-copy then still finds its original."""
    with Store.open(db_url) as s:
        s.add([flood("Kessel", "Ines Carvo", 1, 50.1)])
        s.db.execute("CREATE TABLE lsh (band INTEGER NOT NULL, bucket BIGINT NOT NULL, story BIGINT NOT NULL)")
        s.db.execute("INSERT INTO lsh (band, bucket, story) SELECT band, bucket, story FROM story_buckets")
        s.db.execute("DROP TABLE story_buckets")
        s.db.execute("UPDATE meta SET value = '4' WHERE key = 'schema'")
    with Store.open(db_url) as s:
        rows = s.db.query("SELECT DISTINCT day FROM story_buckets")
        assert [r["day"] for r in rows] == ["2031-04-01"]
        copy = dataclasses.replace(flood("Kessel", "Ines Carvo", 2, 50.1), id="a-near-copy")
        s.add([copy])
        assert len({r["version_group"] for r in s.db.query("SELECT version_group FROM stories")}) == 1
