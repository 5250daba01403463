"""The places extractor on invented stories, against the test's own GeoNames fixture."""

from pathlib import Path

import pytest
from geo_fixtures import build_gazetteer

from dateline.extract.base import StoryContext, build_extractor
from dateline.geo import store
from dateline.structure import parse_structure

FIXTURE = Path(__file__).parent / "fixtures" / "geonames_mini.txt"


@pytest.fixture(scope="module")
def gazetteer_path(tmp_path_factory):
    return build_gazetteer(
        tmp_path_factory.mktemp("gaz") / "g.sqlite",
        FIXTURE,
        [
            ("russian", 2017370, store.DEMONYM),
            ("north korean", 1873107, store.DEMONYM),
            ("mo", 4398678, store.ABBREVIATION),
        ],
    )


@pytest.fixture(scope="module")
def read_places(nlp, gazetteer_path):
    entities = build_extractor("entities")
    places = build_extractor("places", gazetteer=str(gazetteer_path))

    def read(text):
        layout = parse_structure(text)
        doc = nlp(layout.text[: layout.body.end])
        parts = {"entities": entities(StoryContext(layout=layout, doc=doc))}
        return places(StoryContext(layout=layout, doc=doc, parts=parts))

    return read


def by_name(found):
    return {p.name: p for p in found}


def test_all_caps_dateline_in_texas(read_places):
    found = by_name(
        read_places(
            "PARIS, Texas (AP) — Volunteers in Lamar County opened a shelter on Monday after storms "
            "damaged homes across the county, the mayor said."
        )
    )
    paris = found["Paris"]
    assert paris.geonames_id == 4717560 and paris.country == "US"
    assert paris.mentions[0].text == "PARIS"


def test_paris_alone_is_france(read_places):
    found = by_name(read_places("Talks in Paris ended without a deal, and delegates flew home on Friday."))
    assert found["Paris"].country == "FR"


def test_paris_texas_qualifier(read_places):
    found = by_name(read_places("The band played its first show in Paris, Texas, before moving to Dallas."))
    assert found["Paris"].geonames_id == 4717560


def test_place_missing_from_gazetteer_is_listed_unresolved(read_places):
    found = by_name(
        read_places(
            "The convoy stopped at the railway station in the settlement of Ozernyi Bor near the border with Russia."
        )
    )
    place = found["Ozernyi Bor"]
    assert place.geonames_id is None and place.lat is None
    assert found["Russia"].country == "RU"


def test_khasan_never_becomes_hassan_or_khasab(read_places):
    found = by_name(
        read_places(
            "The train stopped in the settlement of Khasan after crossing from North Korea "
            "into Russia, officials in Vladivostok said."
        )
    )
    assert found["Khasan"].geonames_id is None
    assert 1270239 in found["Khasan"].candidates
    assert found["Vladivostok"].country == "RU"


def test_demonyms_join_their_country(read_places):
    found = read_places("Russian officials met the North Korean delegation in Moscow on Tuesday.")
    countries = {p.country for p in found if p.feature == "PCLI"}
    assert {"RU", "KP"} <= countries
    russia = next(p for p in found if p.country == "RU" and p.feature == "PCLI")
    assert russia.name == "Russia" and russia.mentions[0].text == "Russian"


def test_the_north_means_north_korea(read_places):
    found = read_places(
        "North Korea and South Korea met at the border. The North wants sanctions eased, officials in Seoul said."
    )
    north = next(p for p in found if p.country == "KP")
    assert any(m.text == "The North" for m in north.mentions)


def test_capital_and_seat_as_metonyms(read_places):
    found = read_places("Nuclear talks with Washington are stalled, a Kremlin aide told reporters in Moscow.")
    washington = next(p for p in found if p.name == "Washington")
    assert washington.metonym and washington.geonames_id == 4140963
    kremlin = next(p for p in found if p.name == "Kremlin")
    assert kremlin.metonym and kremlin.country == "RU"
    moscow = next(p for p in found if p.name == "Moscow")
    assert not moscow.metonym


@pytest.mark.parametrize("text", ["", "   \n\n", "!!!", "A" * 5000, "Paris" * 300, "Paris,\n,\n, Texas,"])
def test_odd_text_never_raises(read_places, text):
    assert isinstance(read_places(text), tuple)


def test_place_naming_a_local_institution(read_places):
    found = read_places(
        "Officers from the Dallas Police Department and the Lamar County Sheriff's Office "
        "searched the area near Paris, Texas."
    )
    names = {p.name: p for p in found}
    assert names["Dallas"].geonames_id == 4684888
    assert "Lamar County" in names


def test_unusable_gazetteer_path_fails_the_build(tmp_path):
    """No silent empty extractor: the reader records (or raises) this, see test_reader_errors."""
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    with pytest.raises(OSError):
        build_extractor("places", gazetteer=str(blocker / "sub" / "g.sqlite"))


def test_dateline_capital_is_never_a_metonym(read_places):
    found = read_places("MOSCOW, May 2 (Reuters) - Officials met in the capital on Tuesday to discuss trade.")
    moscow = [p for p in found if p.name == "Moscow"]
    assert len(moscow) == 1 and not moscow[0].metonym and moscow[0].geonames_id == 524901


def test_dateline_run_into_the_copy(gazetteer_path):
    """A headline run into the body ("... roof. SPRINGFIELD, Missouri — The council"): the capitals
    and the dash make a dateline with its state; capitals inside a sentence do not."""
    from dateline.extract.places import _dash_datelines
    from dateline.geo.gazetteer import Gazetteer
    from dateline.geo.resolve import Resolver

    resolver = Resolver(Gazetteer(gazetteer_path))
    text = "Council to vote on a new roof. SPRINGFIELD, Missouri — The council met. It saw DALLAS - a film."
    found = [s.toponym for s in _dash_datelines(StoryContext(layout=parse_structure(text), doc=None), resolver)]
    assert [(t.text, t.qualifier, t.source) for t in found] == [("SPRINGFIELD", "Missouri", "pattern")]


def test_party_label_names_a_home_town(read_places):
    found = read_places("The bill passed on Monday. Rep. Ann Lee, R-Springfield, voted for it with the others.")
    assert any(m.text == "Springfield" for p in found for m in p.mentions)


def test_list_before_counties_names_counties(read_places):
    found = by_name(read_places("Schools in Lamar, Henry and Washington counties closed on Monday after the storm."))
    assert found["Lamar County"].feature == "ADM2" and found["Henry County"].feature == "ADM2"
    assert found["Lamar County"].mentions[0].text == "Lamar"


def test_words_after_a_name_make_it_a_place(gazetteer_path):
    """ "Springfield police": a place whatever the tagger typed it; "Springfield said" is a person."""
    from dateline.extract.places import _place_cue, _source_of
    from dateline.geo.gazetteer import Gazetteer
    from dateline.geo.resolve import Resolver
    from dateline.record import Entity, Mention

    resolver = Resolver(Gazetteer(gazetteer_path))
    person = Entity("e1", "PERSON", "Springfield", (Mention(0, 11, "Springfield"),))
    for text, source in (("Springfield police arrested a man.", "ner"), ("Springfield said no.", None)):
        cue = _place_cue(text, person.mentions[0], resolver)
        assert _source_of(person, person.mentions[0], set(), resolver, cue) == source


def test_a_place_of_the_story_claims_its_name_typed_otherwise():
    """ "in Fargo" once: "Fargo" typed as an organisation, and at the head of one, is the town."""
    from dateline.extract.places import _Seen, _story_places
    from dateline.geo.resolve import Toponym
    from dateline.record import Entity, Mention

    found = [_Seen(Toponym("Fargo", 3, 8, "ner"), "e1")]
    org = Entity("e2", "ORG", "Fargo", (Mention(20, 25, "Fargo"),))
    club = Entity("e3", "ORG", "Fargo Lions Club", (Mention(40, 56, "Fargo Lions Club"),))
    other = Entity("e4", "ORG", "Lions Club", (Mention(60, 70, "Lions Club"),))
    claimed = list(_story_places(found, [(org, org.mentions[0]), (club, club.mentions[0]), (other, other.mentions[0])]))
    assert [(s.toponym.text, s.toponym.start, s.toponym.source) for s in claimed] == [
        ("Fargo", 20, "ner"),
        ("Fargo", 40, "associative"),
    ]


def test_dateline_state_without_its_comma(read_places):
    """ "SPRINGFIELD MO., March 3 -": the state run into the town still decides which Springfield."""
    found = read_places("SPRINGFIELD MO., March 3 - Acme Corp said on Tuesday it would buy a rival.")
    place = next(p for p in found if p.mentions[0].text == "SPRINGFIELD MO.")
    assert place.geonames_id == 4409896


def test_never_a_place_whatever_town_bears_the_name(read_places):
    """ "Earth" (a town in Texas) is the planet; "Southland Corp" is a company, not a region."""
    from dateline.geo import lexicon

    assert "earth" in lexicon.NOT_PLACE_NAMES
    found = read_places("Life on Earth goes on, Paris officials said on Monday.")
    assert all(p.name != "Earth" for p in found)


def test_demonym_after_the_comma_is_not_the_place_country(read_places):
    # "in Paris, Russian exiles ...": the word after the comma is the sentence going on, not a
    # country written after the city, so it must not hold Paris to Russia.
    found = by_name(read_places("But in Paris, Russian exiles insist the talks will fail, their leader said."))
    assert found["Paris"].country == "FR"


@pytest.mark.parametrize("text", ["They prayed to God in Paris.", "Metro Police in Paris said the road was shut."])
def test_words_that_name_no_place_in_the_news(read_places, text):
    """ "God" is no town in Hungary, "Metro" police no town in Indonesia, whatever the gazetteer holds."""
    from dateline.geo import lexicon

    assert {"god", "metro"} <= lexicon.NOT_PLACE_NAMES
    assert {p.name for p in read_places(text)} == {"Paris"}
