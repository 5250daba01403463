"""Versions and threads that hold: an update is a version, a day's notice with new figures is
not; a shared template or dateline never makes a thread (invented stories)."""

from __future__ import annotations

import dataclasses

import pytest
from store_fixtures import db_url, make_article  # noqa: F401  (db_url is a fixture)

from dateline.record import Span
from dateline.store import Store
from dateline.store.features import figures, numbers_agree

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
