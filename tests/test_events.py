"""Event frames on invented sentences: each type, each modality, passive, coordination,
nominal events, pronouns and the time and place the story implies.

Entities, timexes and places are hand-made records (found by their surface text), so these
tests depend on the parse and on the events code only, not on the other extractors.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from dateline.extract.base import StoryContext
from dateline.extract.events.extractor import find_frames, make_events
from dateline.extract.events.frames import FrameFinder
from dateline.record import Entity, Mention, Place, Timex
from dateline.structure.layout import DatelineField, Field, Layout

ANCHOR = date(2021, 3, 10)  # a Wednesday


def story(
    nlp,
    text: str,
    entities: dict[str, tuple[str, ...]],
    timexes: dict[str, str] | None = None,
    places: tuple[str, ...] = (),
    dateline: str | None = None,
) -> StoryContext:
    """A StoryContext with hand-made records: ``entities`` maps "TYPE:Name" to the surface
    forms to find in ``text``; ``timexes`` maps a surface form to its TIMEX3 value."""
    ents, by_name = [], {}
    for n, (key, surfaces) in enumerate(entities.items(), start=1):
        etype, name = key.split(":", 1)
        mentions = tuple(
            Mention(m.start(), m.end(), m.group())
            for s in surfaces
            for m in re.finditer(rf"(?<!\w){re.escape(s)}(?!\w)", text)
        )
        ents.append(Entity(id=f"e{n}", type=etype, name=name, mentions=mentions))
        by_name[name] = f"e{n}"
    tx = tuple(
        Timex(id=f"t{n}", text=s, start=m.start(), end=m.end(), type="DATE", value=v)
        for n, (s, v) in enumerate((timexes or {}).items(), start=1)
        for m in [re.search(re.escape(s), text)]
        if m
    )
    pl = tuple(
        Place(entity=by_name[p], name=p, geonames_id=None, lat=None, lon=None, country=None, feature=None)
        for p in places
    )
    body = Field(text, 0, len(text))
    dl = None
    if dateline:
        end = text.index(dateline) + len(dateline)
        place = Field(dateline.split(",")[0].split(" (")[0], 0, len(dateline.split(",")[0].split(" (")[0]))
        dl = DatelineField(
            places=(place,), country=None, date=ANCHOR.isoformat(), date_text=None, agency=None, start=0, end=end
        )
    layout = Layout(text=text, body=body, paragraphs=(body,), dateline=dl)
    return StoryContext(
        layout=layout,
        doc=nlp(text),
        anchor=ANCHOR,
        parts={"entities": tuple(ents), "timexes": tx, "places": pl, "quotes": ()},
    )


@pytest.fixture(scope="session")
def finder():
    return FrameFinder()


@pytest.fixture(scope="session")
def extract():
    return make_events()


def names(ctx: StoryContext, ids) -> list[str]:
    by_id = {e.id: e.name for e in ctx.part("entities")}
    return [by_id.get(i, i) for i in ids]


def events(ctx: StoryContext, extract) -> list[dict]:
    """The events as plain dicts with names and timex values, for readable assertions."""
    values = {t.id: t.value for t in ctx.part("timexes")}
    by_id = {e.id: e.name for e in ctx.part("entities")}
    return [
        {
            "type": e.type,
            "trigger": e.trigger.text,
            "who": names(ctx, e.who),
            "with": names(ctx, e.with_),
            "where": by_id.get(e.where),
            "when": values.get(e.when),
            "modality": e.modality,
            "inferred": e.inferred,
            "cameo": e.cameo,
            "object": by_id.get(e.object),
            "how": e.how,
        }
        for e in extract(ctx)
    ]


def only(evs: list[dict], trigger: str) -> dict:
    found = [e for e in evs if e["trigger"] == trigger]
    assert len(found) == 1, f"expected one event on {trigger!r}, got {evs}"
    return found[0]


P = "PERSON"
ROLE_CASES = [
    # one sentence per type: (text, entities "TYPE:Name" -> surfaces, trigger, expected fields)
    (
        "Anna Berg crossed the border into Poland on Monday by car.",
        {"PERSON:Anna Berg": ("Anna Berg",), "GPE:Poland": ("Poland",)},
        "crossed",
        {"type": "travel", "who": ["Anna Berg"], "where": "Poland", "when": "2021-03-08", "how": "car"},
    ),
    (
        "Anna Berg arrived in Vilnius late on Monday.",
        {"PERSON:Anna Berg": ("Anna Berg",), "GPE:Vilnius": ("Vilnius",)},
        "arrived",
        {"type": "arrive", "who": ["Anna Berg"], "where": "Vilnius", "when": "2021-03-08"},
    ),
    (
        "Premier Ivo Sander left for Madrid on Monday.",
        {"PERSON:Ivo Sander": ("Ivo Sander",), "GPE:Madrid": ("Madrid",)},
        "left",
        {"type": "depart", "who": ["Ivo Sander"], "where": "Madrid"},
    ),
    (
        "Foreign Minister Ivo Sander visited Lisbon on Monday.",
        {"PERSON:Ivo Sander": ("Ivo Sander",), "GPE:Lisbon": ("Lisbon",)},
        "visited",
        {"type": "visit", "who": ["Ivo Sander"], "where": "Lisbon", "cameo": "04"},
    ),
    (
        "Ivo Sander met Marta Holm in Lisbon on Monday.",
        {"PERSON:Ivo Sander": ("Ivo Sander",), "PERSON:Marta Holm": ("Marta Holm",), "GPE:Lisbon": ("Lisbon",)},
        "met",
        {"type": "meet", "who": ["Ivo Sander"], "with": ["Marta Holm"], "where": "Lisbon", "when": "2021-03-08"},
    ),
    (
        "Ivo Sander held talks with Marta Holm in Lisbon.",
        {"PERSON:Ivo Sander": ("Ivo Sander",), "PERSON:Marta Holm": ("Marta Holm",), "GPE:Lisbon": ("Lisbon",)},
        "talks",
        {"type": "talk", "who": ["Ivo Sander"], "with": ["Marta Holm"], "where": "Lisbon"},
    ),
    (
        "Marta Holm said the economy was growing.",
        {"PERSON:Marta Holm": ("Marta Holm",)},
        "said",
        {"type": "say", "who": ["Marta Holm"], "cameo": "01"},
    ),
    (
        "Estland and Norland signed a trade pact in Riga on Monday.",
        {"GPE:Estland": ("Estland",), "GPE:Norland": ("Norland",), "GPE:Riga": ("Riga",)},
        "signed",
        {"type": "sign", "who": ["Estland"], "with": ["Norland"], "where": "Riga", "cameo": "05"},
    ),
    (
        "The two governments agreed on a ceasefire, Marta Holm said.",
        {"PERSON:Marta Holm": ("Marta Holm",)},
        "agreed",
        {"type": "agree", "modality": "reported"},
    ),
    (
        "Ivo Sander demanded the release of the prisoners.",
        {"PERSON:Ivo Sander": ("Ivo Sander",)},
        "demanded",
        {"type": "demand", "who": ["Ivo Sander"], "cameo": "10"},
    ),
    (
        "Norland threatened Estland with new tariffs.",
        {"GPE:Norland": ("Norland",), "GPE:Estland": ("Estland",)},
        "threatened",
        {"type": "threaten", "who": ["Norland"], "with": ["Estland"], "cameo": "13"},
    ),
    (
        "Norland sanctioned Estland on Monday.",
        {"GPE:Norland": ("Norland",), "GPE:Estland": ("Estland",)},
        "sanctioned",
        {"type": "sanction", "who": ["Norland"], "with": ["Estland"], "cameo": "16"},
    ),
    (
        "Rebels attacked a convoy near Mosul on Monday.",
        {"GPE:Mosul": ("Mosul",)},
        "attacked",
        {"type": "attack", "where": "Mosul", "cameo": "18"},
    ),
    (
        "Thousands of farmers protested in Paris on Monday.",
        {"GPE:Paris": ("Paris",)},
        "protested",
        {"type": "protest", "where": "Paris", "cameo": "14"},
    ),
    (
        "Gunmen killed Mayor Olek Brandt in Tula on Monday.",
        {"PERSON:Olek Brandt": ("Olek Brandt",), "GPE:Tula": ("Tula",)},
        "killed",
        {"type": "kill", "with": ["Olek Brandt"], "where": "Tula", "when": "2021-03-08"},
    ),
    (
        "Olek Brandt died in Tula in 1994.",
        {"PERSON:Olek Brandt": ("Olek Brandt",), "GPE:Tula": ("Tula",)},
        "died",
        {"type": "die", "who": ["Olek Brandt"], "where": "Tula", "when": "1994"},
    ),
    (
        "Marta Holm appointed Ivo Sander as finance minister.",
        {"PERSON:Marta Holm": ("Marta Holm",), "PERSON:Ivo Sander": ("Ivo Sander",)},
        "appointed",
        {"type": "appoint", "who": ["Marta Holm"], "with": ["Ivo Sander"]},
    ),
    (
        "Ivo Sander resigned on Monday.",
        {"PERSON:Ivo Sander": ("Ivo Sander",)},
        "resigned",
        {"type": "resign", "who": ["Ivo Sander"]},
    ),
    (
        "Police arrested Olek Brandt in Tula.",
        {"PERSON:Olek Brandt": ("Olek Brandt",), "GPE:Tula": ("Tula",)},
        "arrested",
        {"type": "arrest", "with": ["Olek Brandt"], "where": "Tula", "cameo": "17"},
    ),
]
TIMEXES = {
    "Monday": "2021-03-08",
    "1994": "1994",
    "Friday": "2021-03-12",
    "next week": "2021-W11",
    "last week": "2021-W09",
}


@pytest.mark.parametrize("text,entities,trigger,expected", ROLE_CASES, ids=[c[2] for c in ROLE_CASES])
def test_each_type(nlp, extract, text, entities, trigger, expected):
    event = only(events(story(nlp, text, entities, TIMEXES), extract), trigger)
    assert {k: event[k] for k in expected} == expected


MODALITY_CASES = [
    ("Ivo Sander met Marta Holm.", "met", "asserted"),
    ("Ivo Sander will meet Marta Holm.", "meet", "planned"),
    ("Ivo Sander is expected to meet Marta Holm.", "meet", "planned"),
    ("Ivo Sander plans to visit Marta Holm.", "visit", "planned"),
    ("The agency reported that Ivo Sander had met Marta Holm.", "met", "reported"),
    ("Ivo Sander met Marta Holm, the agency said.", "met", "reported"),
    ("Ivo Sander did not meet Marta Holm.", "meet", "negated"),
    ("Ivo Sander never met Marta Holm.", "met", "negated"),
    ("Ivo Sander would meet Marta Holm if invited.", "meet", "hypothetical"),
    ("Ivo Sander could visit Marta Holm.", "visit", "hypothetical"),
    ("Ivo Sander hopes to visit Marta Holm.", "visit", "hypothetical"),
    ("Ivo Sander had no meeting with Marta Holm.", "meeting", "negated"),
    ("The planned summit between Ivo Sander and Marta Holm was welcomed.", "summit", "planned"),
]
PAIR = {"PERSON:Ivo Sander": ("Ivo Sander", "Sander"), "PERSON:Marta Holm": ("Marta Holm", "Holm")}


@pytest.mark.parametrize("text,trigger,modality", MODALITY_CASES, ids=[c[0] for c in MODALITY_CASES])
def test_modality(nlp, extract, text, trigger, modality):
    assert only(events(story(nlp, text, PAIR), extract), trigger)["modality"] == modality


def test_date_after_the_story_day_is_planned(nlp, extract):
    evs = events(story(nlp, "Ivo Sander visits Marta Holm on Friday.", PAIR, TIMEXES), extract)
    assert only(evs, "visits")["modality"] == "planned"


@pytest.mark.parametrize(
    "text,who,with_",
    [
        ("Marta Holm was greeted by Ivo Sander at the palace.", ["Ivo Sander"], ["Marta Holm"]),
        ("Marta Holm was welcomed by Ivo Sander.", ["Ivo Sander"], ["Marta Holm"]),
        ("Ivo Sander and Marta Holm met on Monday.", ["Ivo Sander"], ["Marta Holm"]),
        ("Ivo Sander met with Marta Holm.", ["Ivo Sander"], ["Marta Holm"]),
        ("Ivo Sander met Marta Holm and Olek Brandt.", ["Ivo Sander"], ["Marta Holm", "Olek Brandt"]),
    ],
    ids=["passive", "passive-2", "coordination", "met-with", "coordinated-objects"],
)
def test_passive_and_coordination(nlp, extract, text, who, with_):
    ents = {**PAIR, "PERSON:Olek Brandt": ("Olek Brandt",)}
    ev = [e for e in events(story(nlp, text, ents, TIMEXES), extract) if e["type"] == "meet"]
    assert len(ev) == 1 and ev[0]["who"] == who and ev[0]["with"] == with_


NOMINAL_CASES = [
    ("The Sander-Holm summit ended without a deal.", "summit", {"who": ["Ivo Sander"], "with": ["Marta Holm"]}),
    (
        "Ivo Sander spoke to reporters. His second meeting with Marta Holm in Oslo in 1994 broke down.",
        "meeting",
        {"who": ["Ivo Sander"], "with": ["Marta Holm"], "where": "Oslo", "when": "1994"},
    ),
    (
        "Ivo Sander held a summit with Marta Holm in 1994.",
        "summit",
        {"who": ["Ivo Sander"], "with": ["Marta Holm"], "when": "1994"},
    ),
    ("Ivo Sander flew to Oslo for talks with Marta Holm.", "talks", {"who": ["Ivo Sander"], "with": ["Marta Holm"]}),
    ("Crowds cheered the 1994 visit by Marta Holm.", "visit", {"who": ["Marta Holm"], "when": "1994"}),
]


@pytest.mark.parametrize(
    "text,trigger,expected", NOMINAL_CASES, ids=[c[1] + str(i) for i, c in enumerate(NOMINAL_CASES)]
)
def test_nominal_events(nlp, extract, text, trigger, expected):
    ents = {**PAIR, "GPE:Oslo": ("Oslo",)}
    event = only(events(story(nlp, text, ents, TIMEXES), extract), trigger)
    assert {k: event[k] for k in expected} == expected


def test_purpose_counterpart_joins_the_visit(nlp, extract):
    text = "Ivo Sander visited Oslo last week for talks with his counterpart Marta Holm."
    ev = only(events(story(nlp, text, {**PAIR, "GPE:Oslo": ("Oslo",)}, TIMEXES), extract), "visited")
    assert (ev["who"], ev["with"], ev["where"], ev["when"]) == (["Ivo Sander"], ["Marta Holm"], "Oslo", "2021-W09")


def test_nominal_without_participants_is_not_an_event(nlp, extract):
    assert events(story(nlp, "The summit ended early.", PAIR), extract) == []


@pytest.mark.parametrize(
    "text,trigger,who",
    [
        ("Ivo Sander landed in Oslo. He then toured the harbour.", "toured", "Ivo Sander"),
        ("Marta Holm spoke first. Later the young leader visited Oslo.", "visited", "Marta Holm"),
        ("The plane carrying Ivo Sander landed in Oslo.", "landed", "Ivo Sander"),
        ("Ivo Sander's train arrived in Oslo.", "arrived", "Ivo Sander"),
        ("Oslo honoured Olek Brandt, who died in 1994.", "died", "Olek Brandt"),
        ("Ivo Sander met his counterpart Marta Holm.", "met", "Ivo Sander"),
    ],
)
def test_agents_through_pronouns_vehicles_and_relatives(nlp, extract, text, trigger, who):
    ents = {**PAIR, "PERSON:Olek Brandt": ("Olek Brandt",), "GPE:Oslo": ("Oslo",)}
    assert only(events(story(nlp, text, ents, TIMEXES), extract), trigger)["who"] == [who]


def test_counterpart_in_apposition(nlp, extract):
    ev = only(events(story(nlp, "Ivo Sander met his counterpart Marta Holm.", PAIR), extract), "met")
    assert ev["with"] == ["Marta Holm"]


def test_continuation_inherits_place(nlp, extract):
    text = "Ivo Sander stopped at the station in the town of Brest. He then toured the harbour."
    ents = {"PERSON:Ivo Sander": ("Ivo Sander",), "ORG:Brest": ("Brest",)}
    evs = events(story(nlp, text, ents, TIMEXES), extract)
    assert only(evs, "stopped")["where"] == "Brest"  # "the town of X" is a place whatever NER said
    toured = only(evs, "toured")
    assert toured["where"] == "Brest" and "where" in toured["inferred"]


def test_same_event_shares_its_date(nlp, extract):
    text = (
        "Ivo Sander is expected to hold his first meeting with Marta Holm on Friday. "
        "Ivo Sander will meet Marta Holm in Oslo."
    )
    evs = events(story(nlp, text, {**PAIR, "GPE:Oslo": ("Oslo",)}, TIMEXES), extract)
    meet = only(evs, "meet")
    assert meet["when"] == "2021-03-12" and "when" in meet["inferred"] and meet["modality"] == "planned"


def test_story_day_for_an_undated_past_event(nlp, extract):
    text = "OSLO, March 10 - Ivo Sander arrived in Bergen. Ivo Sander had visited Bergen before."
    ctx = story(
        nlp,
        text,
        {"PERSON:Ivo Sander": ("Ivo Sander",), "GPE:Bergen": ("Bergen",), "GPE:Oslo": ("OSLO",)},
        {"March 10": "2021-03-10"},
        dateline="OSLO, March 10 -",
    )
    evs = events(ctx, extract)
    arrived = only(evs, "arrived")
    assert arrived["when"] == "2021-03-10" and arrived["inferred"] == ("when",)
    assert only(evs, "visited")["when"] is None  # past perfect: not the story's day


def test_dateline_place_for_the_lead(nlp, extract):
    text = "OSLO, March 10 - Ivo Sander resigned on Wednesday. Marta Holm resigned too."
    ctx = story(
        nlp,
        text,
        {"PERSON:Ivo Sander": ("Ivo Sander",), "PERSON:Marta Holm": ("Marta Holm",), "GPE:Oslo": ("OSLO",)},
        {"Wednesday": "2021-03-10"},
        dateline="OSLO, March 10 -",
    )
    resigned = [e for e in events(ctx, extract) if e["trigger"] == "resigned"]
    assert resigned[0]["where"] == "Oslo" and "where" in resigned[0]["inferred"]


def test_no_events_outside_the_body(nlp, extract):
    text = "Ivo Sander met Marta Holm.\n\nReporting by Ivo Sander; editing by Marta Holm met"
    ctx = story(nlp, text, PAIR)
    end = text.index("Reporting")
    layout = ctx.layout.__class__(
        text=text, body=type(ctx.layout.body)(text[:end], 0, end), paragraphs=ctx.layout.paragraphs
    )
    ctx = StoryContext(layout=layout, doc=ctx.doc, anchor=ctx.anchor, parts=ctx.parts)
    assert [e["trigger"] for e in events(ctx, extract)] == ["met"]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "met met met", "!!! ??? ...", "Summit. Visit. Talks."])
def test_odd_text_never_raises(nlp, extract, text):
    assert isinstance(extract(story(nlp, text, {})), tuple)


def test_open_class_adds_other_verbs(nlp):
    ctx = story(nlp, "Ivo Sander praised Marta Holm.", PAIR)
    typed = find_frames(ctx, FrameFinder())
    every = find_frames(ctx, FrameFinder(open_class=True))
    assert typed == [] and [(f.type.name, f.trigger.text) for f in every] == [("other", "praised")]


def test_company_description_stands_for_the_last_company(nlp, extract):
    text = "Norsk Air ordered ten jets. The airline signed the contract in Oslo."
    ents = {"ORG:Norsk Air": ("Norsk Air",), "GPE:Oslo": ("Oslo",)}
    assert only(events(story(nlp, text, ents), extract), "signed")["who"] == ["Norsk Air"]


@pytest.mark.parametrize(
    "text,trigger,etype",
    [
        ("Norsk Air bought ten jets from Avia Corp.", "bought", "trade"),
        ("Avia Corp unveiled a new jet.", "unveiled", "launch"),
        ("Shares of Avia Corp fell sharply on Monday.", "fell", "fall"),
        ("Avia Corp won the contract.", "won", "win"),
    ],
)
def test_business_types(nlp, extract, text, trigger, etype):
    ents = {"ORG:Norsk Air": ("Norsk Air",), "ORG:Avia Corp": ("Avia Corp",)}
    assert only(events(story(nlp, text, ents, TIMEXES), extract), trigger)["type"] == etype


@pytest.mark.parametrize(
    "text,who",
    [
        ("Norsk Air said it bought ten jets.", ["Norsk Air"]),
        ("Norsk Air grew. Analysts said it bought ten jets.", []),  # "it" looks no further than its sentence
    ],
)
def test_it_stands_for_an_organisation_in_the_same_sentence(nlp, extract, text, who):
    ents = {"ORG:Norsk Air": ("Norsk Air",)}
    assert only(events(story(nlp, text, ents), extract), "bought")["who"] == who


def test_plural_role_noun_is_not_an_apposition(nlp, extract):
    text = "Marta Holm told reporters Ivo Sander would resign."
    assert only(events(story(nlp, text, PAIR), extract), "told")["with"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Sander declined to comment.",
        "Marta Holm signed up for the course.",
        "Norland can meet its debt payments.",
        "The deal fell through.",
    ],
)
def test_other_senses_are_not_events(nlp, extract, text):
    ents = {**PAIR, "GPE:Norland": ("Norland",)}
    assert [e["type"] for e in events(story(nlp, text, ents), extract)] == []


def test_later_mentions_point_at_the_first(nlp, extract):
    text = (
        "Ivo Sander will meet Marta Holm in Oslo on Friday. The Holm-Sander summit will be short. "
        "Marta Holm met Olek Brandt in 1994."
    )
    ents = {**PAIR, "PERSON:Olek Brandt": ("Olek Brandt",), "GPE:Oslo": ("Oslo",)}
    evs = extract(story(nlp, text, ents, TIMEXES))
    by_trigger = {e.trigger.text: e for e in evs}
    assert by_trigger["summit"].same_as == by_trigger["meet"].id
    assert by_trigger["met"].same_as is None and by_trigger["meet"].same_as is None


def test_transitive_drop_is_no_fall(nlp, extract):
    text = "Norland urged Estland to drop sanctions."
    ents = {"GPE:Norland": ("Norland",), "GPE:Estland": ("Estland",)}
    assert [e["type"] for e in events(story(nlp, text, ents), extract)] == ["appeal"]


def test_an_amount_is_no_object(nlp, extract):
    ents = {"ORG:Avia Corp": ("Avia Corp",)}
    evs = events(story(nlp, "Shares of Avia Corp gained 3 percent on Monday.", ents, TIMEXES), extract)
    assert only(evs, "gained")["type"] == "rise"


def _with_quote(ctx: StoryContext, text: str, speaker: str, cue: str, quoted: str) -> StoryContext:
    from dateline.record import Quote, Span

    start, c = text.index(quoted), text.index(cue)
    s = text.index(speaker.split()[-1])
    quote = Quote(
        id="q1",
        kind="indirect",
        text=quoted,
        start=start,
        end=start + len(quoted),
        speaker="e1",
        speaker_text=speaker,
        speaker_span=Span(s, s + len(speaker.split()[-1])),
        anonymous=False,
        cue=cue,
        cue_span=Span(c, c + len(cue)),
    )
    return StoryContext(layout=ctx.layout, doc=ctx.doc, anchor=ctx.anchor, parts={**ctx.parts, "quotes": (quote,)})


def test_quote_cue_outside_the_lexicon_makes_a_say_event(nlp, extract):
    text = "Oslo will host the talks, according to Marta Holm."
    ctx = _with_quote(
        story(nlp, text, {"PERSON:Marta Holm": ("Marta Holm",), "GPE:Oslo": ("Oslo",)}),
        text,
        "Marta Holm",
        "according",
        "Oslo will host the talks",
    )
    say = [e for e in events(ctx, extract) if e["type"] == "say"]
    assert [(e["trigger"], e["who"]) for e in say] == [("according", ["Marta Holm"])]


def test_event_inside_a_quote_is_reported(nlp, extract):
    text = "Marta Holm noted that Ivo Sander met Olek Brandt."
    ents = {
        "PERSON:Marta Holm": ("Marta Holm",),
        "PERSON:Ivo Sander": ("Ivo Sander",),
        "PERSON:Olek Brandt": ("Olek Brandt",),
    }
    ctx = _with_quote(story(nlp, text, ents), text, "Marta Holm", "noted", "Ivo Sander met Olek Brandt")
    assert only(events(ctx, extract), "met")["modality"] == "reported"
