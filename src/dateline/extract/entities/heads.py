"""A name's last word can say its type better than the tagger did.

The news NER learned CoNLL-2003's catch-all MISC as "NORP", so products, laws, events,
places and companies come out as nationalities ("Galaxy S5", "Geneva Conventions",
"Third World War", "Palmdale", "Dish Network"); and any tagger takes a street named after
someone for that person ("Darby Street") or a law for an organisation ("Financial Services
Act"). Real archives showed both in many stories (docs/real-copy.md, session 10). The
head word decides only where it is unambiguous; a nationality, a religion or a party
("Sikh", "Democrats", "Communism") has none of these heads and keeps its type.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dateline.extract.entities import gazetteer
from dateline.extract.entities.entity_words import (
    EVENT_HEADS,
    FACILITY_HEADS,
    GOVERNMENT_SEATS,
    INSTITUTION_HEADS,
    LAW_HEADS,
    LEGAL_FORMS,
    ORG_HEADS,
    PRESS_HEADS,
    STREET_HEADS,
    STREET_METONYMS,
    STREET_PREFIXES,
    VENUE_HEADS,
)
from dateline.geo.text import case_key

# A nationality's endings ("Sicilian", "Kurdish", "Saudi"): such a word is never taken for a town.
_GROUP_ENDING = re.compile(r"(?:an|ans|ish|ese|i|is|ic|ch)$")
# The group of seven, of twenty: a forum, not a product.
_FORUM = re.compile(r"^G-?\d{1,2}$")
# An ordinal or a bare number typed NORP ("the 456th person") is no name.
_NUMBER = re.compile(r"^\d[\d,.]*(?:st|nd|rd|th|s)?$")
# Roads named by a number ("Interstate 5", "Route 66", "Highway 214").
_NUMBERED_ROAD = frozenset({"interstate", "route", "highway", "state route", "us route"})
_ORG_WORDS = ORG_HEADS | INSTITUTION_HEADS | LEGAL_FORMS
# Institution words that are surnames or counties too ("Charlotte Church", "Rapides Parish").
_SURNAME_HEADS = frozenset({"church", "temple", "chapel", "parish"})


def head_type(words: Sequence[str], label: str) -> str | None:
    """The type a name's words give it over ``label``: a new label, ``""`` when the "name"
    is no name at all (a currency sign, markup typed NORP), or None to keep ``label``."""
    if not words:
        return None
    text = " ".join(words)
    if label == "NORP" and (not any(c.isalpha() for c in text) or any(c in text for c in "=<>") or _NUMBER.match(text)):
        return ""
    if not words[0][:1].isupper():
        return None
    low = [w.lower() for w in words]
    head = low[-1]
    if case_key(text) in GOVERNMENT_SEATS:
        return None  # "Downing Street" stands for a government
    if len(words) >= 2 and head in LAW_HEADS and label != "LAW":
        return "LAW"
    if len(words) >= 2 and label in {"PERSON", "ORG", "NORP"}:
        street = head in STREET_HEADS and not (label == "PERSON" and head == "lane")
        if street and case_key(text) not in STREET_METONYMS or low[0] in STREET_PREFIXES:
            return "FAC"
    if label == "PERSON" and len(words) >= 2:  # "Bambino Gesu Hospital", "Jiji News", "Meydan Racecourse"
        if head in INSTITUTION_HEADS - _SURNAME_HEADS or head in PRESS_HEADS:
            return "ORG"
        if head in VENUE_HEADS:
            return "FAC"
    if label == "PERSON" and len(words) == 1 and head in (INSTITUTION_HEADS | VENUE_HEADS) - _SURNAME_HEADS:
        return ""  # "Hospital" cut from "Alder Hey Children's Hospital"
    if label != "NORP" or gazetteer.is_demonym(text):
        return None
    return _misc_type(words, low)


def _misc_type(words: Sequence[str], low: Sequence[str]) -> str | None:
    text = " ".join(words)
    if low[-1] in EVENT_HEADS or " ".join(low[-2:]) in EVENT_HEADS:
        return "EVENT"
    if low[-1] in _ORG_WORDS or _FORUM.match(text):
        return "ORG"
    if low[-1] in FACILITY_HEADS or len(words) >= 2 and low[-1] in STREET_HEADS:
        return "FAC"
    if len(words) >= 2 and " ".join(low[:-1]) in _NUMBERED_ROAD and words[-1][:1].isdigit():
        return "FAC"
    if any(c.isdigit() for c in text):
        return "PRODUCT"  # "Galaxy S5", "IE 7"
    if gazetteer.country_code(text):
        return "GPE"
    town = gazetteer.city_population(text)  # one word only when a big city: "Orion" is a plane too
    if town and (len(words) >= 2 or town >= gazetteer.BIG_CITY and not _GROUP_ENDING.search(low[-1])):
        return "GPE"
    return None
