"""Places: the story's toponyms resolved to GeoNames entries with coordinates.

Toponyms come from the entities part (GPE/LOC/FAC; NORP demonyms linked to their
country; a name of any other type when it is a country's, a state's, a continent's or a
big city's own name, since the tagger often types "Canada" or "Texas" as an
organisation; other organisation names only as weak evidence), places at the head of
organisation names ("Edmonton police": associative), the dateline's places, "the
<place noun> of X" phrases, and capitalised runs the tagger missed that name a
gazetteer entry. Never a place: tickers ("<ANC>"), company names, people, ministries
("Justice Department"). ``dateline.geo.resolve`` picks one reading per name per story
and says why. Capital cities used for their governments ("talks with Washington"),
seats of government ("the Kremlin") and "the North" for a divided country the story
names are kept as metonyms.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dateline.extract.base import StoryContext, register
from dateline.geo import lexicon
from dateline.geo.resolve import COUNTRY_CODES, Reading, Resolver, Toponym, division_lists
from dateline.geo.store import ABBREVIATION, Entry
from dateline.geo.text import fold, surface
from dateline.record import Entity, Mention, Place, PlaceCandidate, PlaceEvidence
from dateline.structure.regions import division_name

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
WEAK_TYPES = frozenset({"PERSON", "ORG"})
MAX_NAME_WORDS = 8  # an entity mention longer than this is not a name
_QUALIFIER = re.compile(r",[ \t]*((?:[A-Z][\w'’-]*\.?[ \t]?){1,3})")
# After a name and its comma, a list goes on ("Washington, Beijing or Seoul"): not a qualifier.
_LIST_GOES_ON = re.compile(r"(?:[ \t]*+,[ \t]*+[A-Z][\w'’.-]*+(?:[ \t]++[A-Z][\w'’.-]*+)*+)*+,?[ \t]*+(?:and|or|&)\b")
_COMPASS = re.compile(r"\b[Tt]he (North|South|East|West)\b(?![ \t]+[A-Z])")
_PLACE_OF = re.compile(r"\b([a-z]+(?: town)?) of ((?:[A-Z][\w'’-]+[ \t]?){1,4})")
_CAPITALISED_RUN = re.compile(r"(?<![\w.])[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,3}")
# A dateline inside the copy, after a headline run into the body: "... package. MANSFIELD — The"
# (a sentence that starts with a name in capitals, a state maybe, and a dash).
_DASH_DATELINE = re.compile(
    r"(?<![\w,.'’-])([A-Z][A-Z.'’-]++(?:[ \t][A-Z][A-Z.'’-]++){0,3})"
    r"(?:,[ \t]*+([A-Z][\w.]*+(?:[ \t][A-Z][\w.]*+)?+))?+[ \t]++(?:—|–|--?)[ \t]"
)
_PARTY = re.compile(
    r"(?:(?<=, )|(?<=\())(?:" + "|".join(lexicon.PARTY_LABELS) + r")-([A-Z][\w'’]*+\.?(?:[ \t][A-Z][\w'’]*+\.?){0,2})"
)
# Stock tickers: "<ANC>", "<GUIN.L>", "(NYSE: ABC)": a code, never a place.
_TICKER = re.compile(
    r"<[A-Z0-9][A-Z0-9.&/-]{0,11}>"
    r"|\((?:NYSE|NASDAQ|Nasdaq|AMEX|LSE|TSX|TSE|ASX|OTC)\s*:\s*[A-Z0-9.-]+\)"
)


@register("places", requires=("entities",))
def make_places(gazetteer: str | None = None):
    """Open (or build, the first time) the gazetteer once; the extractor reuses it."""
    from dateline.geo import load

    resolver = Resolver(load(gazetteer))

    def extract(ctx: StoryContext) -> tuple[Place, ...]:
        return extract_places(ctx, resolver)

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
    tickers = [m.span() for m in _TICKER.finditer(text)]
    seen = [s for s in seen if not _storm_name(text, s.toponym.start)]
    seen = [
        s
        for s in seen
        if (s.toponym.start, s.toponym.end) not in seat_spans
        and fold(surface(s.toponym.text)) not in lexicon.COMPASS_WORDS
        and fold(surface(s.toponym.text)) not in lexicon.COMPANY_SUFFIXES
        and fold(surface(s.toponym.text)) not in lexicon.NOT_PLACE_NAMES
        and not any(a < s.toponym.end and s.toponym.start < b for a, b in tickers)
    ]
    country = _dateline_country(ctx, resolver)
    people = [c for e in entities if e.type in WEAK_TYPES and (c := getattr(e, "country", None))]
    readings = resolver.resolve([s.toponym for s in seen], country=country, countries=people, text=text)
    groups = _Groups(text)
    for s in seen:
        reading = readings.get(fold(surface(s.toponym.text)))
        if reading is not None and _keep(reading, s.toponym):
            metonym = reading.entry is not None and _is_metonym(ctx, reading.entry, s.toponym)
            groups.add(reading, s, metonym)
    for mention, (code, capital) in seats:
        entry = resolver.capital(code, capital)
        if entry is not None:
            reading = Reading(fold(mention.text), entry, (entry,), why=("a seat of government stands for its capital",))
            groups.add(reading, _Seen(Toponym(mention.text, mention.start, mention.end, "seat"), None), True)
    _add_compass(groups, text, ctx.layout.body.end)
    return groups.places()


# --- recognition --------------------------------------------------------------------------


def _toponyms(ctx: StoryContext, entities: list[Entity], resolver: Resolver) -> Iterator[_Seen]:
    text = ctx.layout.text
    taken: list[tuple[int, int]] = []
    person_tails = _person_name_parts(entities)
    found: list[_Seen] = []
    unread: list[tuple[Entity, Mention]] = []  # names of other types a place of the story may claim
    for entity in entities:
        names = [m for m in entity.mentions if getattr(m, "kind", "name") == "name"]  # not "the city"
        cue = _entity_cue(text, names, resolver)  # "in Maryville" once: every "Maryville" is the town
        for m in names:
            if len(m.text.split()) <= MAX_NAME_WORDS and not _run_on(m.text):
                taken.append((m.start, m.end))  # a longer "name" is a tagger's run-on: scan inside it
            source = _source_of(entity, m, person_tails, resolver, cue)
            if source:
                found.append(
                    _Seen(Toponym(m.text, m.start, m.end, source, written_qualifier(text, m.end, resolver)), entity.id)
                )
            if (source is None or source == "weak" and " " in m.text) and _claimable(entity, m, person_tails):
                unread.append((entity, m))
            if source is None and entity.type == "PERSON":
                part = _country_code_in_name(m, resolver)
                if part is not None:
                    found.append(_Seen(part, entity.id))
    found += _name_prefixes(entities, resolver)
    dated = list(_dateline_toponyms(ctx, resolver))
    renamed = {
        (t.start, t.end) for s in dated if (t := s.toponym).source == "region" and t.text != text[t.start : t.end]
    }
    found = [s for s in found if (s.toponym.start, s.toponym.end) not in renamed]  # "Il." is Illinois, not Il, Kenya
    found += dated
    found += _pattern_toponyms(ctx, resolver)
    found += _story_places(found, unread)
    yield from found
    yield from _scan_toponyms(ctx, taken, resolver)


def _story_places(found: list[_Seen], unread: list[tuple[Entity, Mention]]) -> Iterator[_Seen]:
    """A name the story reads as a place elsewhere (a dateline, "in Fargo", a GPE) is that place
    where the tagger typed it otherwise: "Fargo raised its goal" (ORG), "Greer's city limits"
    (PERSON), and at the head of an organisation's name ("Harwinton Democratic Town Committee")."""
    known = {fold(surface(s.toponym.text)) for s in found if s.toponym.source in _CLAIMING_SOURCES}
    if not known:
        return
    for entity, m in unread:
        if fold(surface(m.text)) in known:
            yield _Seen(Toponym(m.text, m.start, m.end, "ner"), entity.id)
            continue
        words = m.text.split(" ")
        for n in range(min(len(words) - 1, 3), 0, -1):
            head = " ".join(words[:n])
            if fold(head) in known:
                yield _Seen(Toponym(head, m.start, m.start + len(head), "associative"), entity.id)
                break


_CLAIMING_SOURCES = frozenset({"ner", "dateline", "region", "pattern"})


def _country_code_in_name(mention: Mention, resolver: Resolver) -> Toponym | None:
    """A country's abbreviation at the head or the end of a tagger's run-on "person" ("U.S. Dlrs",
    "Reynolds Tobacco USA"): no person's name starts or ends with "U.S.", so that part is the country."""
    words = mention.text.split(" ")
    if len(words) < 2:
        return None
    for word, start in ((words[0], mention.start), (words[-1], mention.end - len(words[-1]))):
        word = word.rstrip(",;:")
        if len(word) < 2 or not ("." in word or word.isupper()):
            continue
        if any(e.fcode in COUNTRY_CODES and e.kind == ABBREVIATION for e in resolver.candidates(word)):
            return Toponym(word, start, start + len(word), "ner")
    return None


def _claimable(entity: Entity, mention: Mention, person_tails: set[str]) -> bool:
    """Whether a name mention not read as a place may still be one: never a titled person, a
    company, or part of a person's full name ("Jordan" beside "Michael Jordan")."""
    if entity.type not in WEAK_TYPES or entity.titles:
        return False
    if fold(entity.name.split()[-1]) in lexicon.COMPANY_SUFFIXES:
        return False
    return not (entity.type == "PERSON" and (fold(mention.text) in person_tails or len(entity.name.split()) > 1))


def _entity_cue(text: str, mentions: list[Mention], resolver: Resolver) -> str | None:
    """The strongest cue any mention of an entity has ("follower" over "place" over "near")."""
    cues = {_place_cue(text, m, resolver) for m in mentions}
    return next((cue for cue in ("follower", "place", "near") if cue in cues), None)


def _name_prefixes(entities: Iterable[Entity], resolver: Resolver) -> Iterator[_Seen]:
    """Places at the head of an organisation's name: "Athens" in "Athens Police Department",
    "Colorado" in "Colorado State University" (associative: the organisation is not the place)."""
    for entity in entities:
        if entity.type not in ("ORG", "FAC") or len(entity.name.split()) < 2:
            continue
        company = fold(entity.name.split()[-1]) in lexicon.COMPANY_SUFFIXES
        for m in entity.mentions:
            if getattr(m, "kind", "name") == "name":
                found = _place_prefix(m, resolver)
                if found is not None and not (company and not _names_country(found.text, resolver)):
                    yield _Seen(found, entity.id)  # "Southland Corp" is no place in New Zealand


def _names_country(text: str, resolver: Resolver) -> bool:
    return any(e.fcode in COUNTRY_CODES for e in resolver.candidates(text))


def _place_prefix(mention: Mention, resolver: Resolver) -> Toponym | None:
    found = resolver.place_in_name(mention.text)
    if found is None:
        return None
    at, name = found
    return Toponym(name, mention.start + at, mention.start + at + len(name), "associative")


def _place_cue(text: str, mention: Mention, resolver: Resolver) -> str | None:
    """What the words around a mention say of it: "follower" ("Roselle police", "an Augusta
    native"), "place" ("in Mansfield", "Mansfield, Ohio"), "near" (after "at", "from", "to":
    places and institutions alike), or None."""
    before = text[max(0, mention.start - 12) : mention.start].split()
    word = before[-1].lower() if before else ""
    after = text[mention.end : mention.end + 16].split()
    follower = after[0].lower().strip(".,;:") if after and text[mention.end : mention.end + 1] == " " else ""
    if follower in lexicon.PLACE_FOLLOWERS:
        return "follower"
    if word in lexicon.PLACE_PREPOSITIONS or written_qualifier(text, mention.end, resolver):
        return "place"
    return "near" if word in lexicon.LOCATIVE_PREPOSITIONS else None


def _source_of(
    entity: Entity, mention: Mention, person_tails: set[str], resolver: Resolver, cue: str | None = None
) -> str | None:
    """How far a mention of this entity is a place: by its type, else by its name alone; a
    name typed as a person is a place only when the words around it say so ("in Mansfield")."""
    if entity.type in PLACE_TYPES:
        return "facility" if entity.type == "FAC" else "ner"
    if entity.type == "NORP":
        return None if _plural_demonym(mention.text, resolver) else "demonym"
    if entity.titles or fold(entity.name.split()[-1]) in lexicon.COMPANY_SUFFIXES:
        return None  # "President Lincoln"; a company
    if entity.type == "PERSON" and " " in mention.text.strip() and resolver.prominent(mention.text, person=True):
        return "ner"  # "IVORY COAST", "New Zealand" typed as a person: no person goes by a country's whole name
    if entity.type == "PERSON" and (fold(mention.text) in person_tails or len(entity.name.split()) > 1):
        return None  # "Jordan" when the story also names "Michael Jordan"
    if resolver.prominent(mention.text, person=entity.type == "PERSON"):
        return "ner"  # "Canada", "Texas", "EU" typed as an organisation or a person
    if fold(mention.text) != fold(entity.name) or len(entity.name.split()) > 3:
        return None  # "Meredith" for "Jane Meredith"; a long name
    if entity.type == "PERSON":  # never a person named like a town, unless "in Vernon", "Vernon police"
        return "ner" if cue == "follower" else "weak" if cue else None
    return "ner" if cue in ("place", "follower") else "weak"  # "in Torrington" typed as an organisation


def _plural_demonym(text: str, resolver: Resolver) -> bool:
    """ "Russians", "Canadians": people, not a place (the adjective "Russian" is kept)."""
    word = text.rstrip()
    return (
        word.endswith("s") and not word.endswith(("ss", "ese")) and bool(resolver.candidates(word[:-1], demonym=True))
    )


def _person_name_parts(entities: Iterable[Entity]) -> set[str]:
    """Single words of multi-word person names: such a word alone is the person, not a place."""
    parts: set[str] = set()
    for e in entities:
        words = e.name.split()
        if e.type == "PERSON" and len(words) > 1 and not _run_on(e.name):
            parts.update(fold(w) for w in words)
    return parts


def _run_on(name: str) -> bool:
    """A tagger's "name" that runs on through a phrase: two words or more in lower case besides
    a name's small words ("control joint military operations by Tunisia's armed forces", typed
    a person); the capitalised names inside it are read as if no entity covered them."""
    lower = [w for w in name.split()[1:] if w[:1].islower() and w not in _NAME_SMALL_WORDS]
    return len(lower) >= 2


# Words in lower case that names hold ("Bank of the West", "Ludwig van der Rohe", "Rio de Janeiro").
_NAME_SMALL_WORDS = frozenset(
    {"of", "the", "and", "for", "at", "on", "in", "upon", "van", "von", "der", "den", "de", "da", "del", "di", "du"}
    | {"la", "le", "bin", "al", "el", "y", "do", "dos", "das", "des", "st.", "&"}
)


def written_qualifier(text: str, end: int, resolver: Resolver) -> str | None:
    """The region written after a name: "Texas" in "Paris, Texas", "Va." in "Alexandria, Va."."""
    match = _QUALIFIER.match(text, end, min(len(text), end + 40))
    if not match:
        return None
    qualifier = resolver.region_qualifier(match.group(1))
    if qualifier is None or fold(qualifier) in lexicon.GENERIC_REGION_WORDS:
        return None  # "Miami, West Palm Beach": "West" names a region somewhere, but not here
    after = match.start(1) + len(qualifier)
    if re.match(r"[ \t]*\d", text[after : after + 3]):
        return None  # "District of Massachusetts, No. 18-cr-10083": a number, not Norway
    if not qualifier.endswith(".") and re.match(r"[ \t]+[A-Z][a-z]", text[after : after + 3]):
        return None  # "Los Angeles, San Fernando Valley": the name goes on, it is no region
    if not qualifier.endswith(".") and _LIST_GOES_ON.match(text, match.start(1) + len(qualifier)):
        return None  # "Washington, Beijing or Seoul" (an abbreviation, "Paris, Tex. and Dallas", still qualifies)
    longer = " ".join(match.group(1).split()[: len(qualifier.split()) + 1])
    if longer != qualifier and resolver.candidates(longer.rstrip(".,")):
        return None  # "Pensacola, Panama City and Gainesville": a list of towns, not Pensacola in Panama
    return qualifier


def _dateline_toponyms(ctx: StoryContext, resolver: Resolver) -> Iterator[_Seen]:
    dateline = ctx.layout.dateline
    if dateline is None:
        return
    region = _dateline_region(dateline.region.text, resolver) if dateline.region else None
    for i, place in enumerate(dateline.places):
        last = i == len(dateline.places) - 1
        qualifier = region if last else None
        name = place.text
        if qualifier is None and not resolver.candidates(name):
            name, qualifier = _run_in_state(name, resolver)  # "FARMINGTON CONN.": the comma left out
        yield _Seen(Toponym(name, place.start, place.end, "dateline", qualifier), None)
    if dateline.region is not None and region is not None:
        c = dateline.region
        yield _Seen(Toponym(region, c.start, c.end, "region"), None)


def _dateline_region(written: str, resolver: Resolver) -> str:
    """A dateline's state or country under a name the gazetteer reads: as written, else the
    division the structure step reads it as ("Ia." is Iowa, "Dela." Delaware, "Newfoundland"
    Newfoundland and Labrador), or by its last words when a garbled letter opens it ("M Va.");
    the resolver reads only its own abbreviations."""
    if resolver.region_qualifier(written) == written:
        return written
    if name := division_name(written):
        return name
    words = written.split()
    for n in range(len(words) - 1, 0, -1):  # "M Va.": a garbled letter before the state
        tail = " ".join(words[-n:])
        if resolver.region_qualifier(tail) == tail or division_name(tail):
            return division_name(tail) or tail
    return written


def _run_in_state(name: str, resolver: Resolver) -> tuple[str, str | None]:
    """A dateline place whose state follows without a comma ("FARMINGTON CONN."): the town and
    the state; else the name as it is."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n and words[-1].endswith("."):
            tail = " ".join(words[-n:])
            if resolver.region_qualifier(tail) == tail:
                return " ".join(words[:-n]), tail
    return name, None


def _dateline_country(ctx: StoryContext, resolver: Resolver) -> str | None:
    dateline = ctx.layout.dateline
    if dateline is None or (dateline.country is None and dateline.region is None):
        return None
    return dateline.country or (resolver.country_of(dateline.region.text) if dateline.region else None)


def _pattern_toponyms(ctx: StoryContext, resolver: Resolver) -> Iterator[_Seen]:
    """Places the words around them make places: "the town of Avdiivka", "MANSFIELD — The council",
    "Rep. Ann Lee, R-Marshall", "Barrow, Jackson and Madison counties"."""
    yield from _place_of(ctx, resolver)
    yield from _dash_datelines(ctx, resolver)
    yield from _party_places(ctx, resolver)
    yield from _division_lists(ctx)


def _dash_datelines(ctx: StoryContext, resolver: Resolver) -> Iterator[_Seen]:
    """A sentence opening with a name in capitals and a dash: a dateline run into the copy
    ("Council to vote today. MANSFIELD — The Law Enforcement Center ...", "CHARLESTON, W.Va. --")."""
    text = ctx.layout.text
    for match in _DASH_DATELINE.finditer(text, 0, ctx.layout.body.end):
        name = match.group(1).rstrip(".")
        if len(name) < 3 or not _sentence_initial(text, match.start()) or not resolver.candidates(name):
            continue
        qualifier = resolver.region_qualifier(match.group(2)) if match.group(2) else None
        yield _Seen(Toponym(name, match.start(1), match.start(1) + len(name), "pattern", qualifier), None)


def _party_places(ctx: StoryContext, resolver: Resolver) -> Iterator[_Seen]:
    """A legislator's home place after a party label: "Rep. Ann Lee, R-Marshall", "(D-W. Va.)"."""
    text = ctx.layout.text
    for match in _PARTY.finditer(text, 0, ctx.layout.body.end):
        name = match.group(1)
        if name.endswith(".") and not resolver.candidates(name):
            name = name[:-1]  # a sentence's full stop, not an abbreviation's
        if resolver.candidates(name):
            yield _Seen(Toponym(name, match.start(1), match.start(1) + len(name), "pattern"), None)


def _division_lists(ctx: StoryContext) -> Iterator[_Seen]:
    """Each name of a list before "counties" or "parishes": "Barrow, Jackson and Madison counties"
    names Barrow County, Jackson County and Madison County."""
    for start, end, noun in division_lists(ctx.layout.text, ctx.layout.body.end):
        yield _Seen(Toponym(f"{ctx.layout.text[start:end]} {noun}", start, end, "pattern"), None)


def _place_of(ctx: StoryContext, resolver: Resolver) -> Iterator[_Seen]:
    """ "the settlement of Khasan", "the town of Avdiivka": the noun says it is a place."""
    text = ctx.layout.text
    for match in _PLACE_OF.finditer(text, 0, ctx.layout.body.end):
        if match.group(1).lower() not in lexicon.PLACE_NOUNS:
            continue
        name = match.group(2).rstrip()
        start = match.start(2)
        yield _Seen(
            Toponym(name, start, start + len(name), "pattern", written_qualifier(text, start + len(name), resolver)),
            None,
        )


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
    shouted = _overlap_test(_shouted_lines(text, ctx.layout.body.end))
    overlaps_taken = _overlap_test(taken)
    for start, end in _runs(text, ctx.layout.body.end):
        if shouted(start, start + 1):
            continue  # a line in capitals (a wire headline): capitals say nothing there
        if text[end - 1] == "." and text.count(".", start, end) == 1:
            end -= 1  # a sentence's full stop, not an abbreviation's
        if text[end - 2 : end] in ("'s", "’s"):
            end -= 2  # "Canada's armed forces": the possessive is no part of the name
        if " " not in text[start:end] and _sentence_initial(text, start):
            continue  # "The", "But": a capital that only starts a sentence
        if overlaps_taken(start, end) or not resolver.candidates(text[start:end]):
            continue
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or not len(span):
            continue
        if all(t.pos_ in ("PROPN", "") for t in span):
            yield _Seen(Toponym(span.text, span.start_char, span.end_char, "scan"), None)
        elif resolver.candidates(span.text, demonym=True) and not _plural_demonym(span.text, resolver):
            # "Russian" the tagger left untyped
            yield _Seen(Toponym(span.text, span.start_char, span.end_char, "demonym"), None)


def _runs(text: str, end: int) -> Iterator[tuple[int, int]]:
    """Spans of capitalised runs, each cut where a sentence ends inside it: "... in Ohio. Paris
    said" is two runs, "Ohio." and "Paris"; an abbreviation's dot ("St. Louis", "U.S. Navy")
    is no sentence end."""
    start = 0
    for stop in itertools.chain(_SENTENCE_END.finditer(text, 0, end), (None,)):
        stop_at = stop.start() + 1 if stop else end
        for match in _CAPITALISED_RUN.finditer(text, start, stop_at):
            yield match.span()
        start = stop.end() if stop else end


# A full stop after four letters (a word, not "St." or "U.S."), then a capital.
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{4})\.[ \t]+(?=[A-Z])")


def _storm_name(text: str, start: int) -> bool:
    """ "Irma" in "Hurricane Irma": a storm's given name (on the same line: a headline's "...
    BUDGET STORM" above a dateline names no storm "Washington"; nor does "brainstorm")."""
    before = text[max(0, start - 24) : start].rstrip(" \t").lower()
    return any(before.endswith(word) and not before[: -len(word)][-1:].isalpha() for word in lexicon.STORM_WORDS)


def _shouted_lines(text: str, end: int) -> list[tuple[int, int]]:
    """Spans of the lines written all in capitals (more than a dozen letters) before ``end``."""
    out, start = [], 0
    for line in text[:end].split("\n"):
        if line.isupper() and sum(ch.isalpha() for ch in line) > 12:  # isupper first: C speed
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n"


def _seat_mentions(entities: Iterable[Entity]) -> Iterator[tuple[Mention, tuple[str, str]]]:
    for entity in entities:
        for m in entity.mentions:
            if getattr(m, "kind", "name") != "name":
                continue
            key = fold(surface(m.text))
            if key in lexicon.SEATS_OF_GOVERNMENT:
                yield m, lexicon.SEATS_OF_GOVERNMENT[key]


# --- reading ------------------------------------------------------------------------------


def _keep(reading: Reading, toponym: Toponym) -> bool:
    """Resolved names are kept; unresolved ones when the text says they are places and either
    the gazetteer has candidates for them or a place noun or the dateline introduces them."""
    if reading.entry is not None:
        return True
    if toponym.source in ("pattern", "dateline", "region"):
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


def _add_compass(groups: _Groups, text: str, end: int) -> None:
    """ "the North" means North Korea when the story names North Korea (and no other North X)."""
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
        kind = "metonym" if metonym else _KINDS.get(seen.toponym.source, "literal")
        key = (reading.entry.geonameid if reading.entry else "?" + reading.key, kind)
        group = self._groups.setdefault(
            key,
            {"reading": reading, "mentions": {}, "names": [], "entity": seen.entity, "metonym": metonym, "kind": kind},
        )
        t = seen.toponym
        group["mentions"].setdefault((t.start, t.end), Mention(t.start, t.end, self._text[t.start : t.end]))
        if t.source not in ("demonym",):
            group["names"].append(surface(t.text))
        group["entity"] = group["entity"] or seen.entity

    def add_mention(self, key: tuple, mention: Mention) -> None:
        self._groups[key]["mentions"].setdefault((mention.start, mention.end), mention)

    def countries_named(self, prefix: str) -> list[tuple]:
        return [
            k
            for k, g in self._groups.items()
            if k[1] == "literal"
            and g["reading"].entry is not None
            and g["reading"].entry.fcode in COUNTRY_CODES
            and fold(g["reading"].entry.name).startswith(prefix)
        ]

    def places(self) -> tuple[Place, ...]:
        out = [self._place(g) for g in self._groups.values()]
        return tuple(sorted(out, key=lambda p: p.mentions[0].start if p.mentions else 0))

    @staticmethod
    def _place(group: dict) -> Place:
        reading: Reading = group["reading"]
        entry = reading.entry
        mentions = tuple(sorted(group["mentions"].values(), key=lambda m: m.start))
        name = _display_name(group["names"], entry)
        evidence = _evidence(reading)
        if entry is None:
            ids = tuple(i for i in map(_geonames_id, reading.candidates) if i)
            return Place(
                entity=group["entity"],
                name=name,
                geonames_id=None,
                lat=None,
                lon=None,
                country=reading.country,
                feature=None,
                mentions=mentions,
                candidates=ids,
                kind=group["kind"],
                evidence=evidence,
            )
        return Place(
            entity=group["entity"],
            name=name,
            geonames_id=_geonames_id(entry),
            lat=round(entry.lat, 5),
            lon=round(entry.lon, 5),
            country=entry.country or None,
            feature=entry.fcode or entry.fclass,
            mentions=mentions,
            metonym=group["metonym"],
            kind=group["kind"],
            evidence=evidence,
        )


# Which kind of place mention each recognition source gives (the rest are literal).
_KINDS = {"demonym": "demonym", "associative": "associative"}
EVIDENCE_CANDIDATES = 3  # candidates kept in the record's evidence


def _geonames_id(entry: Entry) -> int | None:
    """The entry's GeoNames id; None for the world regions dateline defines itself."""
    return entry.geonameid if entry.geonameid > 0 else None


def _evidence(reading: Reading) -> PlaceEvidence:
    """The reading's reasons and its best candidates with their scores (see Resolver._why)."""
    scores = reading.scores or (None,) * len(reading.candidates)
    candidates = tuple(
        PlaceCandidate(_geonames_id(e), e.name, e.country or None, e.fcode or e.fclass, score)
        for e, score in zip(reading.candidates[:EVIDENCE_CANDIDATES], scores)
    )
    return PlaceEvidence(why=reading.why, candidates=candidates)


def _display_name(names: list[str], entry: Entry | None) -> str:
    """The fullest name the story uses (not all capitals), else the gazetteer's."""
    written = [n for n in names if n and not n.isupper()] or [n.title() for n in names if n]
    if written:
        return max(written, key=len)
    return entry.name if entry else ""
