"""The entities extractor on invented fixture stories, with the real spaCy model."""

from __future__ import annotations

import pytest

from dateline.extract.base import StoryContext
from dateline.extract.entities.extractor import make_entities
from dateline.structure.layout import Field, Layout

FAMILY = """\
South Korean President Park Min Jun arrived in Busan on Monday for talks on trade.

Park met local business leaders at the port. His daughter Park Ji Yeon, a lawyer at Hanbit Law, \
travelled with him, and his chief of staff Jung Ho Seok joined them later.

"We want the port to grow," Park told reporters. He said exports would double.

Park Ji Yeon said she had visited the city twice.
"""

CHINESE = """\
Chinese Foreign Minister Wang Jianguo flew to Nairobi on Tuesday. Wang Jianguo will meet Kenyan \
President Samuel Otieno.

Wang said the visit would deepen ties. Otieno, a former banker, welcomed him.

Wang Meiling, a trade official, also joined the delegation.
"""

ARABIC_SPANISH = """\
Crown Prince Faisal bin Khalid of Qaratar met Mexican President Andres Manuel Ortega Salcedo in \
Mexico City on Friday. King Khalid did not attend.

Ortega Salcedo said the two countries would sign a deal. Prince Faisal said he was pleased.
"""

BYLINE = "By Mary Kwon\n\nSEOUL (Wire) - Minister Kwon Tae Ho resigned on Friday. Kwon said he was tired.\n"


@pytest.fixture(scope="module")
def extract():
    return make_entities()


def read(nlp, extract, text, authors=()):
    body = Field(text, 0, len(text))
    fields = tuple(Field(a, text.index(a), text.index(a) + len(a)) for a in authors)
    layout = Layout(text=text, body=body, paragraphs=(body,), authors=fields)
    return extract(StoryContext(layout=layout, doc=nlp(text)))


def person(entities, name):
    found = [e for e in entities if e.type == "PERSON" and e.name == name]
    assert len(found) == 1, [e.name for e in entities if e.type == "PERSON"]
    return found[0]


def test_family_members_told_apart(nlp, extract):
    ents = read(nlp, extract, FAMILY)
    father, daughter = person(ents, "Park Min Jun"), person(ents, "Park Ji Yeon")
    assert sum(m.text == "Park" for m in father.mentions) == 2
    assert all(m.text != "Park" for m in daughter.mentions)
    assert ("daughter", father.id) in {(r.relation, r.target) for r in daughter.relations}
    assert "President" in father.titles[0] and father.country == "KR"


def test_employment_relation_is_a_title(nlp, extract):
    ents = read(nlp, extract, FAMILY)
    aide = person(ents, "Jung Ho Seok")
    assert "chief of staff" in aide.titles
    assert aide.relations and aide.relations[0].target == person(ents, "Park Min Jun").id


def test_pronoun_subject_is_a_mention(nlp, extract):
    ents = read(nlp, extract, FAMILY)
    father = person(ents, "Park Min Jun")
    assert any(m.kind == "pronoun" and m.text == "He" for m in father.mentions)


def test_chinese_namesakes(nlp, extract):
    ents = read(nlp, extract, CHINESE)
    minister = person(ents, "Wang Jianguo")
    assert any(m.text == "Wang" for m in minister.mentions)
    assert all(m.text != "Wang" for m in person(ents, "Wang Meiling").mentions)
    assert minister.country == "CN"


def test_arabic_patronymic_and_spanish_double_surname(nlp, extract):
    ents = read(nlp, extract, ARABIC_SPANISH)
    president = person(ents, "Andres Manuel Ortega Salcedo")
    assert any(m.text == "Ortega Salcedo" for m in president.mentions)
    assert president.country == "MX"
    prince = [e for e in ents if e.type == "PERSON" and "Faisal" in e.name]
    assert len(prince) == 1 and "Khalid" not in {m.text for m in prince[0].mentions}


def test_journalist_is_flagged_and_kept_apart(nlp, extract):
    ents = read(nlp, extract, BYLINE, authors=["Mary Kwon"])
    journalist = person(ents, "Mary Kwon")
    assert journalist.journalist
    minister = person(ents, "Kwon Tae Ho")
    assert not minister.journalist and any(m.text == "Kwon" for m in minister.mentions)


@pytest.mark.parametrize("text", ["", "   \n\n", '"""', "Kim", "He said.", "((( ,,, )))"])
def test_odd_text_does_not_crash(nlp, extract, text):
    assert isinstance(read(nlp, extract, text), tuple)


HEADLINES = [
    "VARGA SAYS HARBOUR ACCORD WORKING, WARNS OSEI\n\n",
    "Varga Says Harbour Accord Working, Warns Osei\n\n",
]
HEADLINE_BODY = """\
OSLO, March 3 (Reuters) - Finance Minister Lena Varga said on Tuesday the harbour accord \
signed last month was working, and warned shipping magnate Tobias Osei against new delays.

"The accord holds," Varga told reporters in Oslo. Osei did not comment.
"""


@pytest.mark.parametrize("headline", HEADLINES)
def test_headline_alone_makes_no_entity(reader, headline):
    article = reader.read(headline + HEADLINE_BODY)
    assert article.headline is not None
    names = sorted(e.name for e in article.entities if e.type in {"PERSON", "ORG"})
    assert [n for n in names if n != "Reuters"] == ["Lena Varga", "Tobias Osei"]
    end = len(headline.rstrip())
    for e in article.entities:
        if all(m.end <= end for m in e.mentions):
            pytest.fail(f"{e.name!r} is named in the headline only")


@pytest.mark.parametrize(
    "text, name, title",
    [
        ("Minister of Finance Ana Costa said on Monday the budget would be cut.\n", "Ana Costa", "Minister of Finance"),
        (
            "On Tuesday the Chancellor of the Exchequer Edwin Marsh said sterling was stable.\n",
            "Edwin Marsh",
            "Chancellor of the Exchequer",
        ),
        ("Prime Minister Edith Mwangi flew to Accra on Sunday.\n", "Edith Mwangi", "Prime Minister"),
    ],
)
def test_title_words_stay_out_of_the_name(nlp, extract, text, name, title):
    found = person(read(nlp, extract, text), name)
    assert title in found.titles
    assert all(title.split()[-1] not in m.text for m in found.mentions if m.kind == "name")


def test_a_name_after_of_keeps_its_first_word_when_no_title_comes_before(nlp, extract):
    # "relatives of" is no title: the first word after "of" is the person's own first name.
    text = (
        "The seven people held on Sunday were relatives of Karim Nasser Belhadj, a 29-year-old driver, police said.\n"
    )
    found = person(read(nlp, extract, text), "Karim Nasser Belhadj")
    assert not any("Karim" in t for t in found.titles)


def test_a_place_name_that_starts_an_institution_is_the_institution(nlp, extract):
    text = (
        "Mourners gathered on Monday at Oak Grove Baptist Church in Dallas, and nurses at "
        "Springfield General Hospital wore black.\n"
    )
    found = {e.name: e.type for e in read(nlp, extract, text)}
    assert found.get("Oak Grove Baptist Church") == "ORG" and "Oak Grove" not in found
    assert found.get("Springfield General Hospital") == "ORG" and found.get("Dallas") == "GPE"


def test_initials_in_capitals_are_the_person_they_spell(nlp, extract):
    text = (
        "Leading candidate Maria Luisa Ortega Baena proposed a land plan on Monday. MLOB, as she is "
        "known, leads the polls, and critics said MLOB would lose the north.\n"
    )
    people = [e for e in read(nlp, extract, text) if e.type == "PERSON"]
    ortega = [e for e in people if e.name == "Maria Luisa Ortega Baena"]
    assert ortega and "MLOB" in {m.text for m in ortega[0].mentions}
    assert not any(e.name.upper() == "MLOB" for e in read(nlp, extract, text))
