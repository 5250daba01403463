"""The archive API on a real SQLite file and a real PostgreSQL server: the same tests on both."""

from __future__ import annotations

import threading

import pytest
from store_fixtures import FLOOD, HARBOUR, db_url, make_article  # noqa: F401  (db_url is a fixture)

from dateline.store import Store

SUMMIT = HARBOUR

SUMMIT_FOLLOWUP = make_article(
    "Mara Velt returned from Lisbon and defended the fishing treaty quotas before parliament. "
    "Critics of the Harbour Council said the fishing quotas were too generous.",
    headline="Velt defends Lisbon fishing treaty",
    published="2031-03-06T09:00:00+00:00",
    people={"Mara Velt": ("foreign minister",)},
    orgs=("Harbour Council",),
    places=(("Lisbon", 38.72, -9.14, "PT"),),
)


@pytest.fixture
def store(db_url):  # noqa: F811
    s = Store.open(db_url)
    yield s
    s.close()


@pytest.fixture
def filled(store):
    store.add([SUMMIT, FLOOD, SUMMIT_FOLLOWUP])
    return store


def test_add_is_idempotent(store):
    assert store.add([SUMMIT, FLOOD]) == 2
    assert store.add([SUMMIT, FLOOD]) == 0
    assert store.stats()["stories"] == 2


def test_reopen_keeps_stories(db_url):  # noqa: F811
    with Store.open(db_url) as first:
        first.add([SUMMIT])
    with Store.open(db_url) as again:
        assert again.has_story(SUMMIT.id)
        assert again.stats()["stories"] == 1


def test_get_story_round_trips_the_record(filled):
    detail = filled.get_story(SUMMIT.id)
    assert detail.record == SUMMIT.to_dict()
    assert set(detail.entity_ids) == {e.id for e in SUMMIT.entities} | {"byline1"}
    assert filled.get_story("0" * 16) is None


@pytest.mark.parametrize(
    "query, expected",
    [
        ("fishing treaty", {SUMMIT.id, SUMMIT_FOLLOWUP.id}),
        ('"quotas were too generous"', {SUMMIT_FOLLOWUP.id}),
        ("floods Nairobi", {FLOOD.id}),
        ("river rose", {FLOOD.id}),  # stemmed: "river" finds "rivers"
        ("deal on quotas", {SUMMIT.id}),  # quote text is indexed
        ("volcano", set()),
        ("", {SUMMIT.id, FLOOD.id, SUMMIT_FOLLOWUP.id}),  # no text: no text filter
        ("!!", set()),  # nothing searchable
    ],
)
def test_full_text_search(filled, query, expected):
    assert {h.id for h in filled.search(query)} == expected


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"entity": "Mara Velt"}, {SUMMIT.id, SUMMIT_FOLLOWUP.id}),
        ({"entity": "mr. tomas ekker"}, {FLOOD.id}),
        ({"speaker": "Mara Velt"}, {SUMMIT.id}),
        ({"speaker": "Osei Brandt"}, set()),
        ({"place": "Nairobi"}, {FLOOD.id}),
        ({"place": "pt"}, {SUMMIT.id, SUMMIT_FOLLOWUP.id}),
        ({"bbox": (-10.0, 38.0, -9.0, 39.0)}, {SUMMIT.id, SUMMIT_FOLLOWUP.id}),
        ({"bbox": (30.0, -5.0, 40.0, 5.0)}, {FLOOD.id}),
        ({"since": "2031-05-01"}, {FLOOD.id}),
        ({"until": "2031-03-05"}, {SUMMIT.id}),
        ({"since": "2031-05-19", "until": "2031-05-19"}, {FLOOD.id}),  # by the event's day
        ({"agency": "afp"}, {FLOOD.id}),
        ({"entity": "Mara Velt", "since": "2031-03-05"}, {SUMMIT_FOLLOWUP.id}),
    ],
)
def test_search_filters(filled, kwargs, expected):
    assert {h.id for h in filled.search(**kwargs)} == expected


def test_search_text_and_filter_combine(filled):
    assert [h.id for h in filled.search("fishing", agency="AFP")] == []
    assert {h.id for h in filled.search("fishing", place="Lisbon")} == {SUMMIT.id, SUMMIT_FOLLOWUP.id}


def test_same_person_is_one_entity_across_stories(filled):
    velt = filled.entities("Mara Velt")
    assert len(velt) == 1 and velt[0].n_stories == 2
    assert velt[0].titles == ["foreign minister"]


def test_journalist_byline_is_an_entity(filled):
    (carvo,) = filled.entities("Ines Carvo")
    assert carvo.journalist and carvo.n_stories == 1


def test_namesakes_with_conflicting_titles_stay_apart(store):
    singer = make_article(
        "Lena Dorn sang at the opera house in Vienna for the Lark Choir.",
        people={"Lena Dorn": ("soprano",)},
        orgs=("Lark Choir",),
    )
    judge = make_article(
        "Lena Dorn ruled on the harbour dispute for the High Court.",
        people={"Lena Dorn": ("judge",)},
        orgs=("High Court",),
    )
    judge_again = make_article(
        "Lena Dorn adjourned the High Court hearing.", people={"Lena Dorn": ("judge",)}, orgs=("High Court",)
    )
    store.add([singer, judge, judge_again])
    dorns = sorted(store.entities("Lena Dorn"), key=lambda e: e.n_stories)
    assert [(d.titles, d.n_stories) for d in dorns] == [(["soprano"], 1), (["judge"], 2)]


def test_namesakes_from_different_countries_stay_apart(store):
    a = make_article("Pablo Rien opened a bakery.", people={"Pablo Rien": ()}, countries={"Pablo Rien": "AR"})
    b = make_article("Pablo Rien won a chess game.", people={"Pablo Rien": ()}, countries={"Pablo Rien": "ES"})
    store.add([a, b])
    assert len(store.entities("Pablo Rien")) == 2


def test_entity_profile(filled):
    profile = filled.entity("Mara Velt")
    assert profile.entity.name == "Mara Velt"
    assert [q.text for q in profile.quotes] == ["We have a deal on quotas,"]
    assert [(e.trigger, e.day, e.role) for e in profile.events] == [("met", "2031-03-04", "who")]
    together = {ref.name: n for ref, n in profile.co_occurring}
    assert together["Lisbon"] == 2 and together["Harbour Council"] == 2 and together["Osei Brandt"] == 1
    assert [(d.day, d.stories, d.events) for d in profile.timeline] == [("2031-03-04", 1, 1), ("2031-03-06", 1, 0)]
    assert {s.id for s in profile.stories} == {SUMMIT.id, SUMMIT_FOLLOWUP.id}
    assert filled.entity(profile.entity.id).entity == profile.entity
    assert filled.entity("Nobody Here") is None


def test_quotes_by_speaker(filled):
    quotes = filled.quotes(speaker="Tomas Ekker")
    assert [(q.text, q.speaker.name, q.story) for q in quotes] == [
        ("The water came in hours,", "Tomas Ekker", FLOOD.id)
    ]
    assert len(filled.quotes()) == 2
    assert filled.quotes(text="WATER")[0].story == FLOOD.id


def test_places_counts_stories(filled):
    counts = {p.name: p.stories for p in filled.places()}
    assert counts == {"Lisbon": 2, "Nairobi": 1}
    assert [p.name for p in filled.places(bbox=(30, -5, 40, 5))] == ["Nairobi"]


def test_timeline(filled):
    days = {d.day: (d.stories, d.events) for d in filled.timeline()}
    assert days == {"2031-03-04": (1, 1), "2031-03-06": (1, 0), "2031-05-19": (0, 1), "2031-05-20": (1, 0)}
    assert [d.day for d in filled.timeline(since="2031-05-01")] == ["2031-05-19", "2031-05-20"]


def test_versions_share_a_group_and_newest_is_current(store):
    body = "Port workers in Valmont went on strike over pay, the Dock Union said on Monday."
    first = make_article(
        body,
        headline="Valmont port workers strike over pay",
        published="2031-07-01T08:00:00+00:00",
        orgs=("Dock Union",),
    )
    update = make_article(
        body + " Ships queued outside the harbour.",
        update_note="Updates with ships queuing",
        headline="UPDATE 1-Valmont port workers strike over pay",
        published="2031-07-01T11:00:00+00:00",
        orgs=("Dock Union",),
    )
    other = make_article(
        "A new bridge opened in Carrow.",
        headline="Carrow opens bridge to traffic",
        published="2031-07-01T09:00:00+00:00",
    )
    store.add([update, first, other])  # arrival order is not publication order
    versions = store.get_story(first.id).versions
    assert [v.id for v in versions] == [update.id, first.id]
    assert [v.is_current for v in versions] == [True, False]
    assert store.get_story(other.id).versions[0].id == other.id
    assert {h.id for h in store.search("strike")} == {update.id}
    assert {h.id for h in store.search("strike", all_versions=True)} == {update.id, first.id}
    assert store.results("strike").total == 1 and store.results("strike", all_versions=True).total == 2


def test_recurring_headline_over_different_text_is_not_a_version(store):
    a = make_article(
        "Grain prices rose in early trade as dry weather worried farmers in the north.",
        headline="Morning market summary for traders",
        published="2031-07-01T08:00:00+00:00",
    )
    b = make_article(
        "Copper slipped after a large mine in the south reopened following repairs.",
        headline="Morning market summary for traders",
        published="2031-07-02T08:00:00+00:00",
    )
    store.add([a, b])
    assert store.get_story(a.id).version_group != store.get_story(b.id).version_group


def test_near_identical_text_is_a_version_without_same_headline(store):
    words = " ".join(f"word{i}" for i in range(200))
    a = make_article(f"Officials in Grenmark said {words} and nothing else.", headline="Grenmark officials speak")
    b = make_article(f"Officials in Grenmark said {words} and nothing more.", headline="What Grenmark said today")
    store.add([a, b])
    assert store.get_story(a.id).version_group == store.get_story(b.id).version_group


def test_related_stories_share_a_thread_unrelated_do_not(filled):
    summit, followup, flood = (filled.get_story(s.id) for s in (SUMMIT, SUMMIT_FOLLOWUP, FLOOD))
    assert summit.thread == followup.thread
    assert flood.thread != summit.thread
    assert [s.id for s in summit.thread_stories] == [SUMMIT_FOLLOWUP.id]
    (thread,) = filled.threads()
    assert thread.stories == 2 and thread.first_day == "2031-03-04"


def test_failed_batch_writes_nothing(store, monkeypatch):
    from dateline.store.features import prepare

    calls = []
    original = store.db.fts_insert

    def failing(*args):
        calls.append(args)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(*args)

    monkeypatch.setattr(store.db, "fts_insert", failing)
    with pytest.raises(RuntimeError):
        store.write([prepare(SUMMIT), prepare(FLOOD)])
    monkeypatch.undo()
    assert store.stats()["stories"] == 0 and store.stats()["mentions"] == 0
    assert store.add([SUMMIT, FLOOD]) == 2


def test_queries_from_other_threads(filled):
    results: list[int] = []
    workers = [threading.Thread(target=lambda: results.append(len(filled.search("fishing")))) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert results == [2, 2, 2, 2]


def test_results_serialise(filled):
    import json

    profile = filled.entity("Mara Velt").to_dict()
    assert json.loads(json.dumps(profile))["entity"]["name"] == "Mara Velt"
    assert filled.search("fishing")[0].to_dict()["id"] in {SUMMIT.id, SUMMIT_FOLLOWUP.id}


def test_results_page_through_with_a_real_total(store):
    stories = [
        make_article(
            f"The harbour strike entered day {i} as dock workers met on pay.",
            headline=f"Harbour strike day {i}",
            published=f"2031-04-{i:02d}T09:00:00+00:00",
        )
        for i in range(1, 8)
    ]
    store.add(stories)
    first, second = store.results("harbour strike", limit=3), store.results("harbour strike", limit=3, offset=3)
    assert first.total == second.total == 7 and first.sort == "relevance"
    assert len(first.hits) == len(second.hits) == 3
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}  # page 2 is not page 1 again
    assert len(store.results("harbour strike", limit=3, offset=6).hits) == 1
    newest = [h.day for h in store.results("harbour", sort="newest", limit=7).hits]
    assert newest == sorted(newest, reverse=True) and newest[0] == "2031-04-07"
    assert [h.day for h in store.search(sort="oldest", limit=2)] == ["2031-04-01", "2031-04-02"]
    with pytest.raises(ValueError):
        store.search("harbour", sort="loudest")


def test_results_carry_dateline_and_marked_snippet(filled):
    (hit,) = filled.results("floods rivers").hits
    assert hit.id == FLOOD.id and hit.agency == "AFP" and hit.day == "2031-05-20"
    marked = [hit.snippet[a:b].lower() for a, b in hit.marks]
    assert "floods" in marked and "rivers" in marked  # the stemmed matches, as written
    assert "Nairobi" in hit.snippet
    plain = filled.results(agency="AFP").hits[0]
    assert plain.snippet.startswith("Floods cut roads") and plain.marks == ()  # no text: the lead


def test_results_dateline_names_where_it_was_filed(store):
    import dataclasses

    from dateline.record import Dateline

    story = dataclasses.replace(
        make_article("Talks resumed on the fishing treaty.", headline="Talks resume"),
        dateline=Dateline(places=("LISBON",), country="PT", date="2031-03-04"),
    )
    store.add([story])
    assert store.results("talks").hits[0].dateline == "LISBON, PT"


def test_results_facets_count_the_matching_stories(filled):
    facets = filled.results("fishing", facets=True).facets
    assert [(f.label, f.count) for f in facets["people"]][:1] == [("Mara Velt", 2)]
    assert {f.label for f in facets["places"]} == {"Lisbon"}
    assert [(f.label, f.count) for f in facets["agencies"]] == [("Reuters", 2)]
    assert [(f.value, f.count) for f in facets["months"]] == [("2031-03", 2)]
    velt = facets["people"][0].value
    assert {h.id for h in filled.results("fishing", entity=velt).hits} == {SUMMIT.id, SUMMIT_FOLLOWUP.id}
    assert filled.results("volcano", facets=True).total == 0


def test_facets_leave_out_descriptions(store):
    story = make_article(
        "a senior official said Ravi Patel would resign.",
        headline="Patel to resign",
        people={"a senior official": (), "Ravi Patel": ()},
    )
    store.add([story])
    assert [f.label for f in store.results("resign", facets=True).facets["people"]] == ["Ravi Patel"]
