"""Acceptance on the seed story: people told apart, journalists flagged, places not people.

Reads ../shared (skips when absent): gold `persons` and `journalists_not_subjects`.
"""

from __future__ import annotations

import re

import pytest
from conftest import fold

pytestmark = pytest.mark.acceptance


@pytest.fixture(scope="module")
def people(seed_text):
    from dateline.reader import Reader

    article = Reader(extractors=["entities"]).read(seed_text)
    return [e for e in article.entities if e.type == "PERSON"]


def _by_name(people, name):
    found = [e for e in people if fold(e.name) == fold(name) and not e.journalist]
    assert len(found) == 1, f"{name}: {len(found)} entities"
    return found[0]


def _standalone(text: str, form: str, name: str) -> bool:
    """The form occurs in the story on its own, not only inside the full name."""
    return re.search(rf"\b{re.escape(form)}\b", text.replace(name, "")) is not None


def test_every_gold_person_is_one_entity_with_mentions_and_titles(people, gold, seed_text):
    for person in gold["persons"]:
        entity = _by_name(people, person["name"])
        texts = {fold(m.text) for m in entity.mentions}
        for form in person["mentions_include"]:
            if _standalone(seed_text, form, person["name"]) and fold(form) != fold(person["name"]):
                assert fold(form) in texts, f"{person['name']}: no mention {form!r}"
            else:
                assert any(fold(form) in t for t in texts), f"{person['name']}: no mention with {form!r}"
        titles = {fold(t) for t in entity.titles}
        for title in person["titles"]:
            assert fold(title) in titles, f"{person['name']}: title {title!r} not in {entity.titles}"


def test_relations_point_at_the_right_person(people, gold):
    for person in gold["persons"]:
        rel = person.get("relation_to")
        if not rel:
            continue
        entity = _by_name(people, person["name"])
        target = _by_name(people, rel["person"])
        assert (rel["relation"], target.id) in {(r.relation, r.target) for r in entity.relations}


def test_people_sharing_a_surname_stay_apart(people, gold):
    kims = {fold(p["name"]) for p in gold["persons"] if p["name"].split()[0] == "Kim"}
    kims |= {fold(j) for j in gold["journalists_not_subjects"] if "Kim" in j.split()}
    entities = [e for e in people if fold(e.name) in kims]
    assert len(entities) == len(kims) >= 7
    assert len({e.id for e in entities}) == len(entities)


def test_no_person_is_a_place(people, gold):
    places = {fold(p["name"]) for p in gold["places"]}
    assert not [e.name for e in people if fold(e.name) in places]


def test_journalists_flagged_and_kept_apart(people, gold):
    journalists = {fold(j) for j in gold["journalists_not_subjects"]}
    flagged = {fold(e.name) for e in people if e.journalist}
    assert journalists <= flagged
    assert not [e.name for e in people if e.journalist and fold(e.name) not in journalists]


def test_pronoun_subjects_point_back(people):
    official = [e for e in people if "official" in e.name.casefold()]
    assert official and any(m.kind == "pronoun" for m in official[0].mentions)
