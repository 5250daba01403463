"""Places: the story's toponyms resolved to GeoNames entries with coordinates.

Toponyms come from the entities part (GPE/LOC/FAC; NORP demonyms linked to their
country; PERSON/ORG names only as weak evidence, since the tagger often mistypes a
city), the dateline's places, "the <place noun> of X" phrases, and capitalised runs
the tagger missed that name a gazetteer entry. ``dateline.geo.resolve`` picks one
reading per name per story. Capital cities used for their governments ("talks with
Washington"), seats of government ("the Kremlin") and "the North" for a divided
country the story names are kept as metonyms.
"""
from __future__ import annotations

import bisect
import itertools
import logging
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from dateline.extract.base import StoryContext, register
from dateline.geo import lexicon
from dateline.geo.resolve import COUNTRY_CODES, Reading, Resolver, Toponym
from dateline.geo.store import Entry
from dateline.geo.text import fold, surface
from dateline.record import Entity, Mention, Place

log = logging.getLogger(__name__)

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
WEAK_TYPES = frozenset({"PERSON", "ORG"})
_QUALIFIER = re.compile(r",[ \t]*((?:[A-Z][\w'’-]*\.?[ \t]?){1,3})")
_COMPASS = re.compile(r"\b[Tt]he (North|South|East|West)\b(?![ \t]+[A-Z])")
_PLACE_OF = re.compile(r"\b([a-z]+(?: town)?) of ((?:[A-Z][\w'’-]+[ \t]?){1,4})")
_CAPITALISED_RUN = re.compile(r"(?<![\w.])[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,3}")


@register("places")
def make_places(gazetteer: str | None = None):
    """Open (or build, the first time) the gazetteer once; the extractor reuses it."""
    from dateline.geo import load

    try:
        resolver = Resolver(load(gazetteer))
    except Exception:  # no gazetteer can be built or opened here: read the rest of the story
        log.exception("places: no gazetteer (set DATELINE_GAZETTEER to a writable path)")
        return lambda ctx: ()

    def extract(ctx: StoryContext) -> tuple[Place, ...]:
        try:
            return extract_places(ctx, resolver)
        except Exception:  # odd text must never stop a read
            log.exception("places: could not read this story's places")
            return ()

    return extract


@dataclass(frozen=True, slots=True)
class _Seen:
    """A mention handed to the resolver, with what it came from."""

    toponym: Toponym
    entity: str | None


def extract_places(ctx: StoryContext, resolver: Resolver) -> tuple[Place, ...]:
    text = ctx.layout.text
    entities = [e for e in ctx.part("entities") if isinstance(e, Entity) and not e.journalist]
    seen = list(_toponyms(ctx, entities, resolver))
    seats = list(_seat_mentions(entities))
    seat_spans = {(m.start, m.end) for m, _ in seats}
    seen = [s for s in seen if (s.toponym.start, s.toponym.end) not in seat_spans
            and fold(surface(s.toponym.text)) not in lexicon.COMPASS_WORDS]
    country = _dateline_country(ctx, resolver)
    people = [e.country for e in entities if e.type in WEAK_TYPES and getattr(e, "country", None)]
    readings = resolver.resolve([s.toponym for s in seen], country=country, countries=people)
    groups = _Groups(text)
    for s in seen:
        reading = readings.get(fold(surface(s.toponym.text)))
        if reading is not None and _keep(reading, s.toponym):
            metonym = reading.entry is not None and _is_metonym(ctx, reading.entry, s.toponym)
            groups.add(reading, s, metonym)
    for mention, (code, capital) in seats:
        entry = _capital(resolver, code, capital)
        if entry is not None:
            groups.add(Reading(fold(mention.text), entry, (entry,)), _Seen(
                Toponym(mention.text, mention.start, mention.end, "seat"), None), True)
    _add_compass(groups, text, ctx.layout.body.end)
    return groups.places()


# --- recognition --------------------------------------------------------------------------

def _toponyms(ctx: StoryContext, entities: list[Entity], resolver: Resolver) -> Iterator[_Seen]:
    text = ctx.layout.text
    taken: list[tuple[int, int]] = []
    person_tails = _person_name_parts(entities)
    for entity in entities:
        source = _source_of(entity, person_tails)
        for m in entity.mentions:
            if getattr(m, "kind", "name") != "name":
                continue  # pronouns and descriptions ("the city") are not toponyms
            taken.append((m.start, m.end))
            if source == "weak" and fold(m.text) != fold(entity.name):
                continue  # "Meredith" for "Jane Meredith": part of a person's name
            if source:
                yield _Seen(Toponym(m.text, m.start, m.end, source, _qualifier(text, m.end, resolver)), entity.id)
    yield from _name_prefixes(entities, resolver)
    yield from _dateline_toponyms(ctx)
    yield from _pattern_toponyms(ctx, resolver)
    yield from _scan_toponyms(ctx, taken, resolver)


def _name_prefixes(entities: Iterable[Entity], resolver: Resolver) -> Iterator[_Seen]:
    """Places naming a local institution: "Athens" in "Athens Police Department"."""
    for entity in entities:
        if entity.type not in ("ORG", "FAC", "PERSON") or len(entity.name.split()) < 2:
            continue
        for m in entity.mentions:
            if getattr(m, "kind", "name") == "name":
                found = _place_prefix(m, resolver)
                if found is not None:
                    yield _Seen(found, entity.id)


def _place_prefix(mention: Mention, resolver: Resolver) -> Toponym | None:
    words = mention.text.split(" ")
    for n in range(min(len(words) - 1, 3), 0, -1):
        division = words[n - 1].lower() in ("county", "parish")
        if not division and words[n].lower().strip(".,’'s") not in lexicon.CIVIC_WORDS:
            continue
        name = " ".join(words[:n])
        if name[:1].isupper() and resolver.candidates(name):
            return Toponym(name, mention.start, mention.start + len(name), "ner")
    return None


def _source_of(entity: Entity, person_tails: set[str]) -> str | None:
    if entity.type in PLACE_TYPES:
        return "facility" if entity.type == "FAC" else "ner"
    if entity.type == "NORP":
        return "demonym"
    if entity.type in WEAK_TYPES and len(entity.name.split()) <= 3 and not entity.titles:
        if entity.type == "PERSON" and fold(entity.name) in person_tails:
            return None  # "Jordan" when the story also names "Michael Jordan"
        return "weak"
    return None


def _person_name_parts(entities: Iterable[Entity]) -> set[str]:
    """Single words of multi-word person names: such a word alone is the person, not a place."""
    parts: set[str] = set()
    for e in entities:
        words = e.name.split()
        if e.type == "PERSON" and len(words) > 1:
            parts.update(fold(w) for w in words)
    return parts


def _qualifier(text: str, end: int, resolver: Resolver) -> str | None:
    """The region written after a name: "Texas" in "Paris, Texas", "Va." in "Alexandria, Va."."""
    match = _QUALIFIER.match(text, end, min(len(text), end + 40))
    return resolver.region_qualifier(match.group(1)) if match else None


def _dateline_toponyms(ctx: StoryContext) -> Iterator[_Seen]:
    dateline = ctx.layout.dateline
    if dateline is None:
        return
    for i, place in enumerate(dateline.places):
        last = i == len(dateline.places) - 1
        qualifier = dateline.country.text if (last and dateline.country) else None
        yield _Seen(Toponym(place.text, place.start, place.end, "dateline", qualifier), None)
    if dateline.country is not None:
        c = dateline.country
        yield _Seen(Toponym(c.text, c.start, c.end, "dateline"), None)


def _dateline_country(ctx: StoryContext, resolver: Resolver) -> str | None:
    dateline = ctx.layout.dateline
    if dateline is None or dateline.country is None:
        return None
    return resolver.country_of(dateline.country.text)


def _pattern_toponyms(ctx: StoryContext, resolver: Resolver) -> Iterator[_Seen]:
    """"the settlement of Khasan", "the town of Avdiivka": the noun says it is a place."""
    text = ctx.layout.text
    for match in _PLACE_OF.finditer(text, 0, ctx.layout.body.end):
        if match.group(1).lower() not in lexicon.PLACE_NOUNS:
            continue
        name = match.group(2).rstrip()
        start = match.start(2)
        yield _Seen(Toponym(name, start, start + len(name), "pattern",
                            _qualifier(text, start + len(name), resolver)), None)


def _overlap_test(spans: list[tuple[int, int]]):
    """``overlaps(start, end)``: whether any span overlaps, in log time (a run-on story has
    thousands of runs and spans: a scan of every span for every run is quadratic)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(itertools.accumulate((e for _, e in ordered), max))  # furthest end so far

    def overlaps(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # the spans starting before ``end``
        return k > 0 and reach[k - 1] > start

    return overlaps


def _scan_toponyms(ctx: StoryContext, taken: list[tuple[int, int]], resolver: Resolver) -> Iterator[_Seen]:
    """Capitalised proper-noun runs outside every entity that the gazetteer knows (weak evidence)."""
    doc, text = ctx.doc, ctx.layout.text
    overlaps_taken = _overlap_test(taken)
    for match in _CAPITALISED_RUN.finditer(text, 0, ctx.layout.body.end):
        start, end = match.span()
        if text[end - 1] == "." and text.count(".", start, end) == 1:
            end -= 1  # a sentence's full stop, not an abbreviation's
        if " " not in text[start:end] and _sentence_initial(text, start):
            continue  # "The", "But": a capital that only starts a sentence
        if overlaps_taken(start, end) or not resolver.candidates(text[start:end]):
            continue
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or not len(span):
            continue
        if all(t.pos_ in ("PROPN", "") for t in span):
            yield _Seen(Toponym(span.text, span.start_char, span.end_char, "scan"), None)
        elif resolver.candidates(span.text, demonym=True):  # "Russian" the tagger left untyped
            yield _Seen(Toponym(span.text, span.start_char, span.end_char, "demonym"), None)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n"


def _seat_mentions(entities: Iterable[Entity]) -> Iterator[tuple[Mention, tuple[str, str]]]:
    for entity in entities:
        for m in entity.mentions:
            if getattr(m, "kind", "name") != "name":
                continue
            key = fold(surface(m.text))
            if key in lexicon.SEATS_OF_GOVERNMENT:
                yield m, lexicon.SEATS_OF_GOVERNMENT[key]


def _capital(resolver: Resolver, country: str, capital: str) -> Entry | None:
    found = [e for e in resolver.candidates(capital) if e.country == country and e.fclass == "P"]
    return max(found, key=lambda e: e.population, default=None)


# --- reading ------------------------------------------------------------------------------

def _keep(reading: Reading, toponym: Toponym) -> bool:
    """Resolved names are kept; unresolved ones when the text says they are places and either
    the gazetteer has candidates for them or a place noun or the dateline introduces them."""
    if reading.entry is not None:
        return True
    if toponym.source in ("pattern", "dateline"):
        return True
    return toponym.source == "ner" and bool(reading.candidates)


def _is_metonym(ctx: StoryContext, entry: Entry, toponym: Toponym) -> bool:
    """A capital city standing for its government: subject of a verb, or "talks with X"."""
    if entry.fcode != "PPLC" or toponym.source not in ("ner", "weak", "scan"):
        return False
    dateline = ctx.layout.dateline
    if dateline is not None and dateline.start <= toponym.start < dateline.end:
        return False  # a dateline names where the story was filed, never a government
    span = ctx.doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if root.dep_ in lexicon.METONYM_VERB_DEPS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ in lexicon.METONYM_PREPOSITIONS


def _add_compass(groups: "_Groups", text: str, end: int) -> None:
    """"the North" means North Korea when the story names North Korea (and no other North X)."""
    for match in _COMPASS.finditer(text, 0, end):
        word = match.group(1).lower()
        countries = groups.countries_named(word + " ")
        if len(countries) == 1:
            mention = Mention(match.start(), match.end(), match.group(0))
            groups.add_mention(countries[0], mention)


class _Groups:
    """Mentions gathered into one Place per (entry or unresolved name, metonym or not)."""

    def __init__(self, text: str) -> None:
        self._groups: dict[tuple, dict] = {}
        self._text = text  # a mention's text is what its span points at, never a normalised form

    def add(self, reading: Reading, seen: _Seen, metonym: bool) -> None:
        key = (reading.entry.geonameid if reading.entry else "?" + reading.key, metonym)
        group = self._groups.setdefault(key, {"reading": reading, "mentions": {}, "names": [],
                                              "entity": seen.entity, "metonym": metonym})
        t = seen.toponym
        group["mentions"].setdefault((t.start, t.end), Mention(t.start, t.end, self._text[t.start:t.end]))
        if t.source not in ("demonym",):
            group["names"].append(surface(t.text))
        group["entity"] = group["entity"] or seen.entity

    def add_mention(self, key: tuple, mention: Mention) -> None:
        self._groups[key]["mentions"].setdefault((mention.start, mention.end), mention)

    def countries_named(self, prefix: str) -> list[tuple]:
        return [k for k, g in self._groups.items()
                if not k[1] and g["reading"].entry is not None and g["reading"].entry.fcode in COUNTRY_CODES
                and fold(g["reading"].entry.name).startswith(prefix)]

    def places(self) -> tuple[Place, ...]:
        out = [self._place(g) for g in self._groups.values()]
        return tuple(sorted(out, key=lambda p: p.mentions[0].start if p.mentions else 0))

    @staticmethod
    def _place(group: dict) -> Place:
        reading: Reading = group["reading"]
        entry = reading.entry
        mentions = tuple(sorted(group["mentions"].values(), key=lambda m: m.start))
        name = _display_name(group["names"], entry)
        if entry is None:
            return Place(entity=group["entity"], name=name, geonames_id=None, lat=None, lon=None, country=None,
                         feature=None, mentions=mentions, candidates=tuple(e.geonameid for e in reading.candidates))
        return Place(entity=group["entity"], name=name, geonames_id=entry.geonameid, lat=round(entry.lat, 5),
                     lon=round(entry.lon, 5), country=entry.country or None, feature=entry.fcode or entry.fclass,
                     mentions=mentions, metonym=group["metonym"])


def _display_name(names: list[str], entry: Entry | None) -> str:
    """The fullest name the story uses (not all capitals), else the gazetteer's."""
    written = [n for n in names if n and not n.isupper()] or [n.title() for n in names if n]
    if written:
        return max(written, key=len)
    return entry.name if entry else ""
