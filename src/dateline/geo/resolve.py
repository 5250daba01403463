"""Toponym resolution: pick one GeoNames entry per name per story, from story evidence.

Each distinct name gets one reading. Its candidates are every entry one of whose names
folds to it (no fuzzy matching). A candidate's score adds a prior (feature type,
population, how the name names it) to the story's evidence: the dateline's country and
places, a qualifier written after the name ("Paris, Texas"), the countries and
first-level divisions the story's other places lie in, and nearness to them. Two passes:
the first reads the story's places on priors and the dateline alone, the second re-reads
each name against the others' first readings. A name whose best candidate has no support
stays unresolved, with its candidates listed: no answer beats a wrong one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from dateline.geo import lexicon
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.store import ABBREVIATION, ALTERNATE, DEMONYM, NAME, Entry
from dateline.geo.text import fold, surface

COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"})
STRONG_SOURCES = frozenset({"ner", "facility", "dateline", "region", "pattern", "gold", "associative"})
# Prior bonus by feature code: a bare country or state name usually means the country or state.
FEATURE_BONUS = {"CONT": 3.0, "RGN": 3.0, "ADM1": 2.0, "ADM2": 0.3, "PPLC": 1.5, "PPLA": 0.8}
WIDE_CODES = frozenset({"CONT", "RGN"})  # continents and world regions ("the Middle East")
ALTERNATE_PENALTY = 2.0  # an alternate name (often a foreign or former one) is a weaker match
DIVISION_CODES = frozenset({"ADM1", "ADM2"})
HUGE_CITY = 5_000_000  # a city this big is meant over a division of the same name
DIVIDED_REGION_ID = -(10**9)  # a region made of its divisions has no GeoNames id: one below this
CITY_PART_KM = 30.0  # a place this near a huge city's point is a part of it ("Queens, New York")
BIG_CITY = 1_000_000
PROMINENT_DIVISION = 100_000  # a first-level division this big is a place whatever the tagger typed it
WEAK_LOCAL_PLACE = 10_000  # a name tagged as a person needs local support and this many people
SMALL_PLACE = 2_000  # a place this small needs support from the story ("Atlantic", Iowa)
SMALL_TOWN = 10_000
FAMOUS_NAMESAKE = 100_000  # a city this big casts a shadow on its namesakes twenty times smaller:
NAMESAKE_RATIO = 20  # for them the story's area (co-location, its state, a town near) counts
SHADOWED_LOCAL = 0.75  # three quarters (0.5, 0.65 and 0.8 did worse on LGL; 0.5 better elsewhere)
NEAR_KM = 200.0
CO_SUPPORT = 2.0
CAPITAL_OF_NAMED_COUNTRY = 3.0
NEAR_COUNTRY = 1.2  # another country the story names lies next to it (its point within 200 km)
CONTAINED = 3.0  # a town inside a county the story names, or a county holding a town it names
CONTAINED_MAX = 2  # a name with more of its candidates so placed gets nothing: a coincidence
CLUSTER_KM = 40.0  # several of the story's names each have a town or county this near a candidate:
CLUSTER = 2.0  # a local story's towns, whatever namesakes each has (per doubling of the names)
CLUSTER_CELL = 1.0  # degrees: the grid the names' town points are looked up in
LISTED = 4.0  # "Oregon, Nevada and Utah": a state in a list of states, a country in a list of countries
FALLBACK_MARGIN = 2.0  # when the best candidate is refused, a close runner-up may answer
PRIOR_TEMPERATURE = 3.0
# Prominence: how widely a place is known, from how many alternate names GeoNames gives it.
ALTERNATES_WEIGHT = 1.0  # per decade of alternate names (1.5 and 2.0 did worse on LGL, no better elsewhere)
PROMINENCE_WEIGHT = 1.0  # 1.3 and 1.6 scored the same on the development sets: local evidence matters
WIDELY_KNOWN = 40  # this many alternate names: its exonyms are its English names ("Cologne")
DATELINE_PROMINENCE = 1.0  # a dateline city is the famous one: its prominence counts again
DATELINE_DIVISION_PENALTY = 3.0  # a dateline names a city, not a state of the same name
# A bare dateline names the famous city: its namesakes three times less prominent (population
# times alternate names) keep a quarter of the story's evidence ("WASHINGTON", "VANCOUVER").
DATELINE_FAMOUS_MARGIN = math.log10(3)
DATELINE_NAMESAKE_SHARE = 0.25

# Former and informal names of countries written as words ("Burma", "Zaire", "Siam", "Holland",
# "Britain"): the country's name, whatever its length, not an abbreviation to be read only when dotted.
_COUNTRY_WORDS = frozenset(
    key
    for key in (*lexicon.FORMER_COUNTRY_NAMES, *lexicon.COUNTRY_ABBREVIATIONS)
    if len(key) > 3 and key.replace(" ", "").isalpha() and not key.startswith("the ")
)

# A short word of capitals ("BBC", "MoD", "TNA"): an acronym, which names a place only as a
# known abbreviation ("US", "UAE", "NSW") or as the own name of a big place.
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z&]{2,5}$")
_POSTAL_CODE = re.compile(r"^[A-Z]{2}$")  # "MA", "PA": a U.S. state's postal code
_COMPASS_INITIAL = re.compile(r"^([NSEW])\.\s*(?=[A-Z])")
# What lies between two names of a list ("Oregon, Nevada and Utah"), spaces normalised.
# A name written as a state: "Washington state", "New York's governor", "the state of Washington"
# ("Ohio State University" is a name of its own).
_STATE_AFTER = re.compile(
    r"(?<![ \t])(?:['’]s)?[ \t]++(?:state(?!\w)|State(?![ \t]*[A-Za-z])|(?i:"
    + "|".join(r"[ \t]+".join(map(re.escape, o.split())) for o in lexicon.STATE_OFFICES)
    + r")(?!\w))"
)
_STATE_BEFORE = re.compile(r"\b[Ss]tate of[ \t]+$")
_DIVISION_PLURAL = re.compile(r"\b(" + "|".join(lexicon.DIVISION_PLURALS) + r")\b")
_LIST_ITEM = re.compile(r"[A-Z][\w'’.-]*+(?:[ \t][A-Z][\w'’.-]*+)?+")
_LIST_GAPS = frozenset({",", "and", "or", "&", ", and", ", or", ", &"})


@dataclass(frozen=True, slots=True)
class Toponym:
    """One place mention handed to the resolver."""

    text: str
    start: int
    end: int
    source: str = "ner"  # ner | dateline | region (a dateline's state or country) | pattern | weak (tagged
    #                      person or organisation) | scan | demonym
    #                      | associative (a place naming an organisation: "Edmonton police")
    qualifier: str | None = None  # "Texas" in "Paris, Texas"


@dataclass(frozen=True, slots=True)
class Reading:
    """The reading of one name: its entry (None when unresolved) and the candidates weighed."""

    key: str
    entry: Entry | None
    candidates: tuple[Entry, ...]
    score: float = 0.0
    scores: tuple[float, ...] = ()  # each candidate's score, in the candidates' order
    why: tuple[str, ...] = ()  # what made the entry win (or why none was taken)
    country: str | None = None  # unresolved, but a qualifier says which country: "ROGERS, Conn."


@dataclass
class _Name:
    key: str
    text: str
    sources: set[str]
    qualifiers: set[str]
    candidates: tuple[Entry, ...]
    first: int
    has_name_match: bool = False  # some candidate is named so by its own name, not an alternate
    names_country: bool = False  # the name is a country's own name ("Mexico", not Mexico City)
    capital_countries: frozenset[str] = frozenset()  # countries where the name is a capital or huge city
    respelled: bool = False  # a misspelt dateline read as a town's name one letter off
    inside: str | None = None  # the place named inside an organisation's name handed as a whole
    division: str | None = None  # "County": written in a list before "counties" ("Clark and Greene counties")
    city_parts: frozenset[int] = frozenset()  # candidates of a bare dateline that are parts of a huge city

    @property
    def strong(self) -> bool:
        return bool(self.sources & STRONG_SOURCES)

    @property
    def demonym_only(self) -> bool:
        return self.sources == {"demonym"}


@dataclass
class _Context:
    countries: Counter = field(default_factory=Counter)  # country -> weight
    admin1s: Counter = field(default_factory=Counter)  # (country, admin1) -> weight
    points: list[tuple[str, float, float]] = field(default_factory=list)  # (key, lat, lon)
    dateline_points: list[tuple[str, float, float]] = field(default_factory=list)
    own: dict[str, tuple[str, tuple[str, str] | None, float]] = field(default_factory=dict)
    cells: dict[tuple[int, int], dict[str, float]] = field(default_factory=dict)  # cell -> {name: weight}
    regions: dict[tuple[str, str], dict[str, float]] = field(default_factory=dict)  # (cc, admin1) -> {name: weight}
    memo: dict[tuple[int, str], float] = field(default_factory=dict)  # (geonameid, name) -> co-support
    named_countries: dict[str, set[str]] = field(default_factory=dict)  # country -> names naming it outright
    own_names: dict[int, set[str]] = field(default_factory=dict)  # geonameid -> names that are its own name
    own_named: set[str] = field(default_factory=set)  # names that are some place's own name
    counties: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)  # ADM2 code -> names of it
    towns: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)  # ADM2 code -> names of towns in it
    listed: dict[str, Counter] = field(default_factory=dict)  # name -> its list-mates' readings (kind, country)
    candidates_of: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    area_named: dict[str, set[str]] = field(default_factory=dict)  # name -> countries it is or has a state of
    bare_datelines: set[str] = field(default_factory=set)  # dateline names written without a state or country
    city_parts: set[int] = field(default_factory=set)  # candidates of bare datelines that are parts of huge cities
    named_states: set[tuple[str, str]] = field(default_factory=set)  # (cc, admin1) of states the story names
    country_points: list[tuple[str, Entry]] = field(default_factory=list)  # (name, country) of named countries
    town_cells: dict[tuple[int, int], list[tuple[str, float, float]]] = field(default_factory=dict)  # own-named towns

    def country_weight(self, country: str, key: str) -> float:
        """Weight of ``country`` in the story, without the name ``key``'s own contribution."""
        mine = self.own.get(key)
        return self.countries.get(country, 0) - (mine[2] if mine and mine[0] == country else 0)

    def region_weight(self, region: tuple[str, str], key: str) -> float:
        mine = self.own.get(key)
        return self.admin1s.get(region, 0) - (mine[2] if mine and mine[1] == region else 0)


class Resolver:
    """Resolves a story's toponyms against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def candidates(self, text: str, *, demonym: bool = False) -> tuple[Entry, ...]:
        """Every entry one of the name's spellings folds to (best kind kept per entry)."""
        found: dict[int, Entry] = {}
        for key in name_keys(text):
            for entry in self.gazetteer.lookup(key):
                if demonym and entry.kind != DEMONYM:
                    continue
                if entry.kind == ABBREVIATION and entry.fcode in COUNTRY_CODES and key in _COUNTRY_WORDS:
                    entry = replace(entry, kind=NAME)  # "Burma", "Zaire", "Holland": a country's name, not a code
                if entry.geonameid not in found or entry.kind < found[entry.geonameid].kind:
                    found[entry.geonameid] = entry
        words = surface(text).split(" ", 1)
        if (
            len(words) == 2
            and fold(words[0]) in lexicon.COMPASS_WORDS
            and not any(e.population >= SMALL_TOWN for e in found.values())
        ):
            # "East Berlin", "West Beirut": a part of a famous city (not East Berlin, Pennsylvania)
            for e in self.candidates(words[1], demonym=demonym):
                if e.fclass == "P" and widely_known(e):
                    found.setdefault(e.geonameid, e)
        if not found and not demonym:
            found = {e.geonameid: e for e in self._area_part(text)}
        if not demonym and not any(e.kind == NAME and e.population >= PROMINENT_DIVISION for e in found.values()):
            for e in self._divided_region(text):
                found.setdefault(e.geonameid, e)
        return tuple(found.values())

    def _divided_region(self, text: str) -> tuple[Entry, ...]:
        """ "Darfur", "Kordofan": a region the gazetteer knows only by its divisions ("North
        Darfur", "South Darfur"...), two or more of one country, sits at the mean of their points."""
        key = fold(surface(text))
        if not key or key in lexicon.GENERIC_REGION_WORDS or key.split(" ")[-1] in lexicon.DIVISION_NOUNS:
            return ()
        parts = [
            e
            for word in lexicon.PART_WORDS
            for e in self.gazetteer.lookup(f"{word} {key}")
            if e.kind == NAME and e.fcode == "ADM1"
        ]
        countries = {e.country for e in parts}
        if len(parts) < 2 or len(countries) != 1:
            return ()
        return (
            Entry(
                DIVIDED_REGION_ID - min(e.geonameid for e in parts),
                surface(text),
                sum(e.lat for e in parts) / len(parts),
                sum(e.lon for e in parts) / len(parts),
                "L",
                "RGN",
                countries.pop(),
                "",
                "",
                sum(e.population for e in parts),
                0,
            ),
        )

    def _area_part(self, text: str) -> tuple[Entry, ...]:
        """ "Northeast Georgia", "East Texas", "Western Pennsylvania", "Metro Vancouver": a part of
        a state, a country or a famous city the gazetteer has no entry for lies in it."""
        words = surface(text).split(" ")
        for n in (2, 1):
            if len(words) > n and fold(" ".join(words[:n])) in lexicon.AREA_PREFIXES:
                tail = " ".join(words[n:])
                if fold(tail) in lexicon.GENERIC_REGION_WORDS or fold(words[n]) in lexicon.GENERIC_REGION_WORDS:
                    return ()  # "East Coast" is no part of Coast, Kenya; "North Eastern Province" none of Eastern
                if fold(words[-1]) in lexicon.DIVISION_NOUNS:
                    return ()  # a province or region of its own ("Southern Highlands Province")
                return tuple(
                    e
                    for e in self.candidates(tail)
                    if e.kind in (NAME, ABBREVIATION)
                    and (
                        e.fcode in COUNTRY_CODES
                        or e.fcode == "ADM1"
                        and e.population >= PROMINENT_DIVISION
                        or e.fclass == "P"
                        and widely_known(e)
                    )
                )
        return ()

    def place_in_name(self, text: str, *, whole: bool = False) -> tuple[int, str] | None:
        """The place at the head or the end of an organisation's name, with its offset: before a
        civic word ("Athens Police Department", "Clarke County Superior Court") or when prominent
        ("Colorado State University", "Air Zimbabwe", "Bank of England"); never a ministry
        ("Justice Department"), a seat of government, nor a place only part of what the name is
        of ("Bank of New England"). For a name handed ``whole`` as a place (a benchmark's gold
        name), none in a natural feature's or a landmark's name ("Lake Ontario", "Nile Delta":
        not Ontario, not Delta State), and at the end only after "of" ("Bank of England", not
        "Latin America")."""
        skip = 4 if text.lower().startswith("the ") else 0  # "The United States Department of Agriculture"
        words = text[skip:].split(" ")
        if whole and any(fold(w) in lexicon.FEATURE_WORDS for w in words):
            return None
        for n in range(min(len(words) - 1, 3), 0, -1):
            name = " ".join(words[:n])
            if (
                not name[:1].isupper()
                or fold(name) in lexicon.PORTFOLIO_WORDS
                or fold(name) in lexicon.SEATS_OF_GOVERNMENT
            ):
                continue  # "Justice Department": a ministry, not Justice, Illinois; "White House Office"
            division = words[n - 1].lower() in ("county", "parish")
            civic = division or words[n].lower().strip(".,’'s") in lexicon.CIVIC_WORDS
            if civic and self.candidates(name) or self.prominent(name):
                return skip, name
        for n in range(1, min(len(words) - 1, 3) + 1):  # at the end: "Air Zimbabwe", "Bank of England"
            name = " ".join(words[-n:]).rstrip(".,;:")
            after_of = words[-n - 1] == "of" or words[-n - 2 : -n] == ["of", "the"]
            if "of" in words[:-n] and not after_of or whole and not after_of:
                continue  # "Bank of New England": "England" is only part of what the bank is of
            if name[:1].isupper() and self.prominent(name):
                return skip + len(" ".join(words[:-n])) + 1, name
        return None

    def prominent(self, text: str, *, person: bool = False) -> bool:
        """Whether the name is the own name of a country, state, continent, capital or big city:
        a place whatever type the entity tagger gave it ("Canada" typed as an organisation). For
        a name typed as a person, a first-level division counts from 100,000 people: "Paul" and
        "Michael" are first names before they are divisions of Cape Verde and the Isle of Man."""
        if fold(surface(text)) in lexicon.GENERIC_REGION_WORDS:
            return False  # "Centre", "Western": a word first, a division of some country second
        acronym = bool(_ACRONYM.match(text.replace(".", "")))
        for e in self.candidates(text):
            if acronym and not _acronym_can_name(e, text):
                continue  # "GAO" (an agency) is not Gao, Mali
            short = len(fold(text)) < 6 and not _looks_abbreviated(text)
            if e.kind not in (NAME, ABBREVIATION) or e.kind == ABBREVIATION and short:
                continue
            if e.fcode in COUNTRY_CODES or e.fcode in WIDE_CODES:
                return True
            if e.fcode == "ADM1" and (not person or e.population >= PROMINENT_DIVISION):
                return True
            if e.fclass == "P" and (e.fcode == "PPLC" or e.population >= BIG_CITY):
                return True
        return False

    def resolve(
        self,
        toponyms: Sequence[Toponym],
        *,
        country: str | None = None,
        countries: Iterable[str] = (),
        text: str | None = None,
    ) -> dict[str, Reading]:
        """Readings keyed by folded name. ``country`` is the dateline's country (ISO alpha-2);
        ``countries`` those of the story's people and organisations; ``text``, the story the
        toponyms' spans point into, shows which names are written as a list."""
        names = self._group(toponyms, text)
        base = _candidate_layout(names)
        if country:
            base.countries[country] += 3
        for code in set(countries):
            base.countries[code] += 1
        first = {k: self._reading(n, base).entry for k, n in names.items()}
        context = _context_from(names, first, base)
        if text:
            context.listed = _list_mates(toponyms, text, first)
        return {k: self._reading(n, context) for k, n in names.items()}

    def _group(self, toponyms: Sequence[Toponym], text: str | None = None) -> dict[str, _Name]:
        names: dict[str, _Name] = {}
        for t in sorted(toponyms, key=lambda t: t.start):
            key = fold(surface(t.text))
            if not key:
                continue
            name = names.get(key)
            if name is None:
                name = names[key] = _Name(key, surface(t.text), set(), set(), (), t.start)
            name.sources.add(t.source)
            if t.qualifier:
                name.qualifiers.add(t.qualifier)
        for t in toponyms:  # "Buffalo, New York": a name written as another's state is that state
            qualifying = names.get(fold(surface(t.qualifier))) if t.qualifier else None
            if qualifying is not None and not self._part_of_huge_city(t.text, qualifying.text):
                qualifying.sources.add("region")
        if text:  # "Washington state", "New York's governor": when most of a name's mentions say so
            cued = Counter(fold(surface(t.text)) for t in toponyms if written_as_state(text, t.start, t.end))
            mentions = Counter(fold(surface(t.text)) for t in toponyms)
            for key, n in cued.items():
                if key in names and 2 * n >= mentions[key]:
                    names[key].sources.add("region")
            listed = {(start, end): noun for start, end, noun in division_lists(text)}
            in_lists = Counter(
                (fold(surface(t.text)), listed[t.start, t.end]) for t in toponyms if (t.start, t.end) in listed
            )
            for (key, noun), n in in_lists.items():  # "Clark, Greene and Warren counties": the counties
                if key in names and 2 * n >= mentions[key] and not key.endswith(fold(noun)):
                    names[key].division = noun
        for name in names.values():
            name.candidates = self.candidates(name.text, demonym=name.demonym_only)
            seat = lexicon.SEATS_OF_GOVERNMENT.get(name.key)
            if seat is not None:  # "the White House" is Washington, never White House, Tennessee
                capital = self.capital(*seat)
                name.candidates = (capital,) if capital is not None else ()
            if _ACRONYM.match(name.text.replace(".", "")) and "dateline" not in name.sources:
                # "BBC", "I.R.S.": an acronym names a place as a known abbreviation or a big place's name
                name.candidates = tuple(e for e in name.candidates if _acronym_can_name(e, name.text))
            if _written_abbreviation(name.text) and any(e.kind == ABBREVIATION for e in name.candidates):
                # "N.Y.", "Calif.": the state the abbreviation stands for, not a city called so too
                name.candidates = tuple(e for e in name.candidates if e.kind in (NAME, ABBREVIATION))
            if name.division:
                name.candidates = self.candidates(f"{name.text} {name.division}") or name.candidates
            if "region" in name.sources:  # a dateline's "Ontario" is the province, never Ontario, California
                name.candidates = self._areas(name.text) or name.candidates  # "NORTH DIGHTON, MA."
            if not name.candidates and "dateline" in name.sources and len(name.key) >= 5:
                name.candidates = self.gazetteer.near_spellings(name.key)  # "ALTANTA, March 3 -"
                name.respelled = bool(name.candidates)
            if not name.candidates and "gold" in name.sources and len(name.text.split(" ")) > 1:
                # a name a caller hands whole as a place ("Colorado State University", "Athens Police
                # Department"): the place at its head or end, as the reader reads it end to end (the
                # reader finds such associative places itself: its own whole names stay unread)
                inside = self.place_in_name(name.text, whole=True)
                if inside is not None:
                    name.candidates = self.candidates(inside[1])
                    name.inside = inside[1]
            if len(name.key) < 6 and not _looks_abbreviated(name.text):
                name.candidates = tuple(e for e in name.candidates if e.kind != ABBREVIATION)
            name.has_name_match = any(e.kind in (NAME, ABBREVIATION) for e in name.candidates)
            name.names_country = any(
                e.kind in (NAME, ABBREVIATION) and e.fcode in COUNTRY_CODES for e in name.candidates
            )
            if name.names_country:  # "Canada, Mexico": a list of countries, not Canada in Mexico
                name.qualifiers = {q for q in name.qualifiers if any(a1 for _, a1 in self._qualifier_regions({q}))}
            if name.qualifiers and any(e.kind == NAME and e.fcode == "ADM1" for e in name.candidates):
                regions = self._qualifier_regions(name.qualifiers)
                if not any((e.country, e.admin1) in regions or (e.country, "") in regions for e in name.candidates):
                    name.qualifiers = set()  # "the Indiana, Ill., border": two states, not Indiana in Illinois
            if "dateline" in name.sources and not name.qualifiers:
                name.city_parts = frozenset(e.geonameid for e in name.candidates if self._city_part(e))
            name.capital_countries = frozenset(
                e.country
                for e in name.candidates
                if e.fclass == "P" and (e.fcode == "PPLC" and e.kind == NAME or e.population >= HUGE_CITY)
            )
        return names

    def _city_part(self, entry: Entry) -> bool:
        """A town of under 100,000 people within 30 km of a huge city's point is a part of it
        (Greenwich, London): a wire dateline names the huge city instead ("LONDON")."""
        return (
            entry.fclass == "P"
            and entry.population < FAMOUS_NAMESAKE
            and any(
                haversine_km(entry.lat, entry.lon, c.lat, c.lon) <= CITY_PART_KM
                for c in self.gazetteer.big_places(HUGE_CITY)
                if c.geonameid != entry.geonameid
            )
        )

    def capital(self, country: str, name: str) -> Entry | None:
        """The city of ``name`` in ``country`` a seat of government stands for ("the Kremlin")."""
        found = [e for e in self.candidates(name) if e.country == country and e.fclass == "P"]
        return max(found, key=lambda e: e.population, default=None)

    def _part_of_huge_city(self, text: str, qualifier: str) -> bool:
        """ "Queens, New York", "Brooklyn, New York": a part of the huge city the qualifier also
        names is written with the city, not the state ("Buffalo, New York" is the state)."""
        cities = [e for e in self.candidates(qualifier) if e.fclass == "P" and e.population >= HUGE_CITY]
        return any(
            haversine_km(e.lat, e.lon, c.lat, c.lon) <= CITY_PART_KM
            for c in cities
            for e in self.candidates(text)
            if e.geonameid != c.geonameid
        )

    def _reading(self, name: _Name, context: _Context) -> Reading:
        scored = sorted(((self._score(e, name, context), e) for e in name.candidates), key=lambda se: -se[0])[:10]
        ranked = tuple(e for _, e in scored)
        scores = tuple(round(s, 2) for s, _ in scored)
        if not scored:
            return Reading(
                name.key, None, (), why=("no gazetteer entry of this name",), country=self._qualifier_country(name)
            )
        top = scored[0][0]
        for score, entry in scored:
            if score < top - FALLBACK_MARGIN:
                break
            if self._acceptable(entry, name, context):
                return Reading(name.key, entry, ranked, score, scores, self._why(entry, name, context))
        country = self._qualifier_country(name)
        why = (
            f"no candidate lies in {', '.join(sorted(name.qualifiers))}"
            if country
            else f"the dateline writes {', '.join(sorted(name.qualifiers))}, which no entry bears"
            if self._unread_dateline_region(name)
            else "no candidate has support in the story"
        )
        return Reading(name.key, None, ranked, top, scores, (why,), country)

    def _unread_dateline_region(self, name: _Name) -> bool:
        """A dateline that writes its place's region in words no entry bears ("GEORGETOWN, Grand
        Cayman"): it says the place is not the famous one, and not which one it is."""
        return (
            "dateline" in name.sources
            and bool(name.qualifiers)
            and not self._qualifier_regions(name.qualifiers)
            and not any(map(self.candidates, name.qualifiers))
        )

    def _qualifier_country(self, name: _Name) -> str | None:
        countries = {cc for cc, _ in self._qualifier_regions(name.qualifiers)} if name.qualifiers else set()
        return countries.pop() if len(countries) == 1 else None

    def _why(self, entry: Entry, name: _Name, context: _Context) -> tuple[str, ...]:
        """The evidence for ``entry``, strongest first: the terms of its score."""
        terms = [("prominence", prominence(entry)), (_feature_reason(entry), _feature_bonus(entry))]
        if name.respelled:
            terms.append((f"the dateline misspells {entry.name}", math.inf))
        if "dateline" in name.sources and not name.qualifiers:
            terms.append(
                (
                    "a dateline names the famous city",
                    DATELINE_PROMINENCE * prominence(entry)
                    if entry.fclass == "P" and entry.geonameid not in name.city_parts
                    else 0.0,
                )
            )
        qualifier = self._qualifier_score(entry, name)
        if qualifier:
            terms.append((f"written with {', '.join(sorted(name.qualifiers))}", qualifier))
        terms += list(_support_terms(entry, name.key, context))
        return tuple(label for label, value in sorted(terms, key=lambda t: -t[1]) if value > 0)

    def _score(self, entry: Entry, name: _Name, context: _Context) -> float:
        return _prior(entry, name) + self._qualifier_score(entry, name) + _support(entry, name.key, context)

    def _qualifier_score(self, entry: Entry, name: _Name) -> float:
        if not name.qualifiers:
            return 0.0
        regions = self._qualifier_regions(name.qualifiers)
        if not regions:
            return 0.0
        inside = (entry.country, entry.admin1) in regions or (entry.country, "") in regions
        return 8.0 if inside else -8.0

    def _qualifier_regions(self, qualifiers: set[str]) -> set[tuple[str, str]]:
        regions: set[tuple[str, str]] = set()
        for q in qualifiers:
            for e in self._areas(q):
                if e.fcode in COUNTRY_CODES:
                    regions.add((e.country, ""))
                elif e.fcode == "ADM1":
                    regions.add((e.country, e.admin1))
        return regions

    def _areas(self, text: str) -> tuple[Entry, ...]:
        """The countries and first-level divisions a name written as a state or country may be:
        those of its candidates, else the U.S. state of a postal code ("MA.")."""
        areas = tuple(
            e for e in self.candidates(text) if e.kind != DEMONYM and (e.fcode == "ADM1" or e.fcode in COUNTRY_CODES)
        )  # "in Miami, Cuban exiles say": a demonym after the comma is never the place's country
        return areas or self._postal_states(text)

    def _postal_states(self, text: str) -> tuple[Entry, ...]:
        """The U.S. state a two-letter postal code names ("MA.", "PA"), read only where a state is
        written: after a place and its comma, or as a dateline's state. Elsewhere "MA" or "IN"
        is a word or a degree, never a state."""
        code = text.rstrip(".").strip()
        if not _POSTAL_CODE.match(code):
            return ()
        state = self.gazetteer.admin1("US", code)
        return (state,) if state is not None else ()

    def region_qualifier(self, text: str) -> str | None:
        """The leading words of ``text`` that name a country or first-level division, if any."""
        words = text.split()
        for n in range(min(len(words), 3), 0, -1):
            candidate = " ".join(words[:n]).rstrip(",;:")
            if self._qualifier_regions({candidate}):
                return candidate
        return None

    def country_of(self, text: str) -> str | None:
        """ISO code of the country a dateline's country or state field names, if unambiguous."""
        codes = {e.country for e in self._areas(text) if e.kind != ALTERNATE}
        return codes.pop() if len(codes) == 1 else None

    def _acceptable(self, entry: Entry, name: _Name, context: _Context) -> bool:
        """Whether the best candidate is good enough to answer with."""
        qualifier = self._qualifier_score(entry, name)
        if qualifier < 0:
            return False  # "Warrington, Pa." is never Warrington, England
        if self._unread_dateline_region(name):
            return False  # "GEORGETOWN, Grand Cayman": the dateline says where, in words no entry bears
        qualified = qualifier > 0
        supported = _support(entry, name.key, context) > 0 or qualified
        big = entry.population >= BIG_CITY and (name.strong or entry.kind != ALTERNATE)
        famous = (big or widely_known(entry)) and entry.fcode != "AIRP"
        if entry.kind == ALTERNATE and not supported and not famous:
            return False  # an airport's bare name ("Chopin") needs the story's support too; so
            # does a big city's lesser alternate name for a word no tagger called a place ("Velmar")
        if entry.kind == DEMONYM or entry.fcode in COUNTRY_CODES or entry.fcode in WIDE_CODES:
            return True
        near = _nearest_km(entry, name.key, context.points) <= NEAR_KM
        local = (
            near
            or qualified
            or _co_support(entry, name.key, context) > 0
            or context.region_weight((entry.country, entry.admin1), key=name.key) > 0
        )
        own_state_name = (
            entry.fcode == "ADM1"
            and entry.kind == NAME
            and entry.population >= 100_000
            and fold(entry.name) not in lexicon.GENERIC_REGION_WORDS
        )
        if not name.strong:
            # a capitalised word no tagger called a name, or a name tagged a person or
            # organisation: a state by its own name, a big place the story supports, a huge city
            if entry.fcode == "ADM1":
                return local or own_state_name
            tagged = "weak" in name.sources  # the tagger called it a name, of the wrong type
            return (
                tagged
                and local
                and entry.population >= WEAK_LOCAL_PLACE
                or (local or supported)
                and entry.population >= 100_000
                or famous
                and entry.population >= BIG_CITY
            )
        if entry.fcode == "ADM1":  # a state by its own name ("West Virginia"), not "Western", Uganda
            return supported or entry.population >= BIG_CITY or own_state_name
        return local or entry.population >= SMALL_PLACE


def name_keys(text: str) -> list[str]:
    """Folded spellings to look a mention up by: as written, without "the"/"'s", expanded, and
    with the "the" news drops from a country's formal name put back ("Republic of Congo")."""
    keys = [fold(text), fold(surface(text))]
    compass = _COMPASS_INITIAL.match(surface(text))
    if compass:
        word = lexicon.COMPASS_INITIALS[compass.group(1).lower()]
        keys.append(fold(word + " " + surface(text)[compass.end() :]))
    if " of " in keys[1] and " of the " not in keys[1]:  # "Democratic Republic of Congo"
        keys.append(keys[1].replace(" of ", " of the ", 1))
    words = keys[1].split(" ")
    if len(words) > 1 and words[0] in lexicon.PREFIX_EXPANSIONS:
        keys.append(" ".join([lexicon.PREFIX_EXPANSIONS[words[0]], *words[1:]]))
    return list(dict.fromkeys(k for k in keys if k))


def _context_from(names: dict[str, _Name], chosen: dict[str, Entry | None], base: _Context) -> _Context:
    """The story's evidence from first readings: countries, divisions and points of its places."""
    context = _Context(
        Counter(base.countries),
        Counter(base.admin1s),
        list(base.points),
        cells=base.cells,
        regions=base.regions,
        memo=base.memo,
        own_names=base.own_names,
        own_named=base.own_named,
        counties=base.counties,
        towns=base.towns,
        candidates_of=base.candidates_of,
        area_named=base.area_named,
        bare_datelines=base.bare_datelines,
        city_parts=base.city_parts,
        town_cells=base.town_cells,
    )
    for key, entry in chosen.items():
        if entry is None:
            continue
        weight = 2.0 if "dateline" in names[key].sources else 1.0
        region = None
        if names[key].demonym_only or entry.kind == DEMONYM:  # "English", "Texan": an origin, not where the story is
            if entry.country:
                context.countries[entry.country] += weight  # type: ignore[assignment]  # typeshed's Counter counts ints
            context.own[key] = (entry.country, None, weight)
            continue
        if entry.fcode == "ADM1" or (entry.fcode not in COUNTRY_CODES and entry.fcode not in WIDE_CODES):
            region = (entry.country, entry.admin1)
            context.admin1s[region] += weight  # type: ignore[assignment]  # typeshed's Counter counts ints; weights are floats
        if entry.fcode not in COUNTRY_CODES | WIDE_CODES and entry.fcode != "ADM1":
            context.points.append((key, entry.lat, entry.lon))
            if "dateline" in names[key].sources:
                context.dateline_points.append((key, entry.lat, entry.lon))
        if entry.country:
            context.countries[entry.country] += weight  # type: ignore[assignment]  # typeshed's Counter counts ints
        if entry.fcode in COUNTRY_CODES:
            context.named_countries.setdefault(entry.country, set()).add(key)
            context.country_points.append((key, entry))
        if entry.fcode == "ADM1":
            context.named_states.add((entry.country, entry.admin1))
        context.own[key] = (entry.country, region, weight)
    return context


CELL_DEGREES = 1.5


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(math.floor(lat / CELL_DEGREES)), int(math.floor(lon / CELL_DEGREES))


def _looks_abbreviated(text: str) -> bool:
    """ "LA", "U.S.", "Tenn.", "Sask.": capitals or a dot; "La" (La Niña) or "Man" are words."""
    return "." in text or text.isupper() or not any(ch.isalpha() for ch in text)


def _written_abbreviation(text: str) -> bool:
    """ "Calif.", "La.", "N.Y.", "U.S.": written as a news abbreviation of a state or country
    ("L.A." is written as initials Louisiana never is)."""
    if "." not in text:
        return False
    key = fold(text)
    return (
        any(ch.islower() for ch in text) or key in lexicon.INITIAL_ABBREVIATIONS or key in lexicon.COUNTRY_ABBREVIATIONS
    )


def _acronym_can_name(entry: Entry, text: str) -> bool:
    """An acronym names a known abbreviation's place or a big place by its own name; written
    with dots ("L.A.") also a city of a million by another of its names ("HRB", an airport
    code among Harbin's names, is no city). Three capitals or fewer without dots ("GAO", "ICA",
    "BUR") are an organisation's initials: a known abbreviation or a country, never a division or
    a town that happens to be spelt so."""
    dotted = "." in text
    if entry.kind == ABBREVIATION:
        return True
    if not dotted and text.isupper() and len(text) <= 3:
        return entry.kind == NAME and entry.fcode in COUNTRY_CODES | WIDE_CODES
    big = entry.fcode in COUNTRY_CODES | WIDE_CODES or entry.fcode == "ADM1" or entry.population >= 100_000
    return entry.kind == NAME and big or dotted and entry.fclass == "P" and entry.population >= BIG_CITY


def _candidate_layout(names: dict[str, _Name]) -> _Context:
    """Where each name's candidates lie (grid cells and divisions), weighted by their priors.

    A candidate near likely candidates of many other names is likely the one meant: a local
    story's towns, counties and state cluster, whatever namesakes each has elsewhere. Each
    name votes with the share of its prior each candidate holds, so "Russia" votes for the
    country, not for Russia, Ohio.
    """
    context = _Context()
    for key, name in names.items():
        for entry in name.candidates:
            if entry.kind in (NAME, ABBREVIATION):
                context.own_names.setdefault(entry.geonameid, set()).add(key)
                context.own_named.add(key)
        if name.demonym_only or not name.candidates:
            continue
        context.candidates_of[key] = name.candidates
        if "dateline" in name.sources and not name.qualifiers:
            context.bare_datelines.add(key)
            context.city_parts |= name.city_parts
        for e in name.candidates:
            if e.kind == NAME and (e.fcode in COUNTRY_CODES or e.fcode == "ADM1") and e.population >= 100_000:
                context.area_named.setdefault(key, set()).add(e.country)
        if len(name.key) > 3 and not name.names_country:
            for entry in name.candidates:  # every town or county the name is the own name of
                if entry.kind == NAME and (entry.fclass == "P" or entry.fcode == "ADM2"):
                    at = (math.floor(entry.lat / CLUSTER_CELL), math.floor(entry.lon / CLUSTER_CELL))
                    context.town_cells.setdefault(at, []).append((key, entry.lat, entry.lon))
        for entry in name.candidates:
            if entry.admin2 and entry.fcode == "ADM2":
                context.counties.setdefault((entry.country, entry.admin1, entry.admin2), set()).add(key)
            elif entry.admin2 and entry.fclass == "P":
                context.towns.setdefault((entry.country, entry.admin1, entry.admin2), set()).add(key)
        for entry, share in _prior_shares(name).items():
            if entry.fcode in COUNTRY_CODES or entry.fcode in WIDE_CODES or entry.kind == DEMONYM:
                continue  # a demonym ("English") says where someone is from, not where the story is
            if entry.fcode != "ADM1":
                cell = context.cells.setdefault(_cell(entry.lat, entry.lon), {})
                cell[key] = cell.get(key, 0.0) + share
            if entry.admin1:
                region = context.regions.setdefault((entry.country, entry.admin1), {})
                region[key] = region.get(key, 0.0) + share
    return context


def _prior_shares(name: _Name) -> dict[Entry, float]:
    """Each candidate's share of the name's prior (softened: population counts by its root)."""
    priors = {e: _prior(e, name) / PRIOR_TEMPERATURE for e in name.candidates}
    top = max(priors.values())
    weights = {e: 10 ** (p - top) for e, p in priors.items()}
    total = sum(weights.values())
    return {e: w / total for e, w in weights.items()}


def _feature_bonus(entry: Entry) -> float:
    return 4.0 if entry.fcode in COUNTRY_CODES else FEATURE_BONUS.get(entry.fcode, 0.0)


_FEATURE_REASONS = {
    "CONT": "a continent",
    "RGN": "a world region",
    "ADM1": "a state or province",
    "ADM2": "a county or district",
    "AIRP": "an airport",
    "PPLC": "a capital",
    "PPLA": "a state or province capital",
}


def _feature_reason(entry: Entry) -> str:
    return "a country" if entry.fcode in COUNTRY_CODES else _FEATURE_REASONS.get(entry.fcode, "a place")


def widely_known(entry: Entry) -> bool:
    return entry.population >= HUGE_CITY or entry.alternates >= WIDELY_KNOWN


def prominence(entry: Entry) -> float:
    """How well known a place is: its population and how many alternate names GeoNames gives it."""
    return math.log10(entry.population + 10) + ALTERNATES_WEIGHT * math.log10(1 + entry.alternates)


def _prior(entry: Entry, name: _Name) -> float:
    """What the name alone says for ``entry``: prominence, feature type, kind of match."""
    score = PROMINENCE_WEIGHT * prominence(entry)
    if entry.kind == ALTERNATE and (entry.population < HUGE_CITY or name.names_country):
        # a huge city's alternate name is its usual one ("New York"), unless it names a country; a
        # widely known city's is often its English one ("Cologne"), so it costs that city less
        doubled = name.has_name_match and not widely_known(entry)
        score -= ALTERNATE_PENALTY * (2 if doubled else 1)
    score += _feature_bonus(entry)
    if entry.fcode in DIVISION_CODES and entry.country in name.capital_countries:
        score -= 3.0  # "Washington", "New York", "Tokyo": the city, not the division
    if "dateline" in name.sources and not name.qualifiers:  # "WASHINGTON", not "WASHINGTON, Pa."
        if entry.fclass == "P" and entry.geonameid not in name.city_parts:
            score += DATELINE_PROMINENCE * prominence(entry)
        elif entry.fcode in DIVISION_CODES:
            score -= DATELINE_DIVISION_PENALTY
    return score


def _co_support(entry: Entry, key: str, context: _Context) -> float:
    """Weight of the other names with a candidate near ``entry`` or in its division."""
    if entry.fcode in COUNTRY_CODES or entry.fcode in WIDE_CODES:
        return 0.0
    memo = (entry.geonameid, key)
    if memo not in context.memo:
        context.memo[memo] = _co_weight(entry, key, context)
    return context.memo[memo]


def _co_weight(entry: Entry, key: str, context: _Context) -> float:
    near: dict[str, float] = {}
    if entry.fcode != "ADM1":
        row, col = _cell(entry.lat, entry.lon)
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for other, weight in context.cells.get((row + dr, col + dc), {}).items():
                    near[other] = max(near.get(other, 0.0), weight)
    for other, weight in context.regions.get((entry.country, entry.admin1), {}).items():
        near[other] = max(near.get(other, 0.0), weight)
    near.pop(key, None)
    return sum(near.values())


def _support(entry: Entry, key: str, context: _Context) -> float:
    """Evidence from the rest of the story for ``entry`` (other names only, never its own)."""
    return sum(value for _, value in _support_terms(entry, key, context))


def _support_terms(entry: Entry, key: str, context: _Context) -> Iterable[tuple[str, float]]:
    """Each piece of the story's evidence for ``entry``, with what it adds to the score; for
    the namesake of a famous city a bare dateline names, a quarter of it ("VANCOUVER" over a
    story that names the U.S. and New Jersey is still filed from Vancouver, Canada)."""
    share, own_state = _dateline_share(entry, key, context)
    for label, value in _story_terms(entry, key, context):
        in_full = own_state and (label == _OWN_STATE or label == _IN_COUNTRY + entry.country)
        yield label, value if in_full else share * value


def _dateline_share(entry: Entry, key: str, context: _Context) -> tuple[float, bool]:
    """The share of the story's evidence a bare dateline's namesake keeps, and whether the
    evidence of its state and country still counts in full because the story names its state:
    "BIRMINGHAM" over a story about an Alabama bank is Birmingham, Alabama; a capital outshines
    even that ("WASHINGTON" over Pennsylvania towns); a capital is never the namesake ("SAN JOSE"
    may be Costa Rica's, not only California's)."""
    if key not in context.bare_datelines or entry.fclass != "P" or entry.fcode == "PPLC":
        return 1.0, True
    famous = _famous_of_name(key, context)
    if famous is not None and famous.geonameid != entry.geonameid:
        if prominence(famous) - prominence(entry) >= DATELINE_FAMOUS_MARGIN:
            named = (entry.country, entry.admin1) in context.named_states
            return DATELINE_NAMESAKE_SHARE, famous.fcode != "PPLC" and named
    return 1.0, True


_OWN_STATE = "other places of the story are in its state or province"
_IN_COUNTRY = "other places of the story are in "


def _story_terms(entry: Entry, key: str, context: _Context) -> Iterable[tuple[str, float]]:
    if (
        entry.kind == ALTERNATE
        and key in context.own_named
        and key + " city" in context.own_names.get(entry.geonameid, ())
        and any(e.kind == NAME and e.fcode in COUNTRY_CODES for e in context.candidates_of.get(key, ()))
    ):
        return  # "Mexico" (a country's own name) beside "Mexico City": the city is the one called so
        # (not "New York" beside "New York City": the huge city goes by both)
    local = _local_weight(entry, key, context)  # a famous namesake's shadow damps the area's evidence
    co = _co_support(entry, key, context)
    if co > 0:
        yield "other places of the story lie near it", local * CO_SUPPORT * math.log2(1 + co)
    cluster = _cluster(entry, key, context, plain=local < 1.0)
    if cluster >= 2:
        yield (
            f"{cluster} other names of the story have a town within {CLUSTER_KM:.0f} km",
            CLUSTER * math.log2(cluster),
        )
    if _contained(entry, key, context):
        yield (
            ("it lies in a county the story names" if entry.fclass == "P" else "the story names a town in it"),
            CONTAINED,
        )
    mates = context.listed.get(key)
    if mates:
        own_country = any(  # "Matias Romero, Oaxaca State, Mexico": the states' own country closes the line
            e.kind == NAME and e.fcode in COUNTRY_CODES and e.country == entry.country
            for e in context.candidates_of.get(key, ())
        )
        if entry.fcode == "ADM1" and mates[("ADM1", entry.country)] and not own_country:
            yield "listed with other states or provinces of its country", LISTED
        elif entry.fcode in COUNTRY_CODES and mates[("country", "")]:
            yield "listed with other countries", LISTED
    listed_with_states = bool(mates and mates[("ADM1", entry.country)])  # "Utah, Washington and Wisconsin"
    if entry.fcode == "PPLC" and context.named_countries.get(entry.country, set()) - {key} and not listed_with_states:
        yield "the story names its country", CAPITAL_OF_NAMED_COUNTRY  # "Moscow" beside "Russia", not "Mexico" itself
    countries = context.country_weight(entry.country, key)
    if countries > 0:
        yield _IN_COUNTRY + entry.country, 1.2 * math.log2(1 + countries)
    if entry.fcode not in COUNTRY_CODES | WIDE_CODES:
        neighbour = _near_country(entry, key, context)
        if neighbour:
            yield f"the story names {neighbour}, next to it", NEAR_COUNTRY
    if entry.fcode not in COUNTRY_CODES | WIDE_CODES and entry.fcode != "ADM1":
        if context.region_weight((entry.country, entry.admin1), key) > 0:
            yield _OWN_STATE, local * 2.5
        nearest = _nearest_km(entry, key, context.points)
        if nearest < NEAR_KM:
            yield f"another place of the story is {nearest:.0f} km away", local * (2.0 if nearest < 50 else 1.2)
        if _nearest_km(entry, key, context.dateline_points) < NEAR_KM:
            yield "the dateline is near", 2.0  # the story is told from there


def _cluster(entry: Entry, key: str, context: _Context, *, plain: bool = False) -> int:
    """How many other names of the story are the own name of a town or county within 40 km of
    a town or county ``entry``, however small and however many namesakes each has: a local
    story's places lie together ("Millbrook", "Ashford" and "Corran", three towns of one county,
    each with bigger namesakes elsewhere). Two such names are needed: one is a coincidence."""
    if entry.kind != NAME or not (entry.fclass == "P" or entry.fcode == "ADM2") or not context.town_cells:
        return 0
    memo = (entry.geonameid, f"\0cluster{plain:d}:" + key)
    if memo not in context.memo:
        row, col = math.floor(entry.lat / CLUSTER_CELL), math.floor(entry.lon / CLUSTER_CELL)
        base = _county_base(key)
        near = {
            other
            for dr in (-1, 0, 1)
            for dc in (-1, 0, 1)
            for other, lat, lon in context.town_cells.get((row + dr, col + dc), ())
            if other != key
            and _county_base(other) != base
            and not (plain and _famous_population(other, context) >= FAMOUS_NAMESAKE)
            and haversine_km(entry.lat, entry.lon, lat, lon) <= CLUSTER_KM
        }
        context.memo[memo] = float(len(near))
    return int(context.memo[memo])


def _near_country(entry: Entry, key: str, context: _Context) -> str | None:
    """The name of another country the story names whose point lies within 200 km of ``entry``
    (a town of one country in a story that names its small neighbours is that town, not a
    bigger province of its name on another continent): a neighbour's point is a place nearby."""
    for other, country in context.country_points:
        if (
            other != key
            and country.country != entry.country
            and haversine_km(entry.lat, entry.lon, country.lat, country.lon) < NEAR_KM
        ):
            return country.name
    return None


def _local_weight(entry: Entry, key: str, context: _Context) -> float:
    """How much the story's area counts for ``entry``: in full, unless a famous place bears
    the name and ``entry`` is a small town of it ("Atlanta" in a story that names Texas towns
    is still Atlanta, Georgia, not Atlanta, Texas); then only a county, a qualifier or the
    dateline speak for the small one at full weight."""
    if entry.fclass != "P":
        return 1.0
    famous = _famous_population(key, context)
    if famous >= FAMOUS_NAMESAKE and entry.population * NAMESAKE_RATIO < famous:
        return SHADOWED_LOCAL
    return 1.0


def _famous_population(key: str, context: _Context) -> float:
    """The population of the most populous town or state the name is the own name of."""
    memo = (0, "\0famous:" + key)
    if memo not in context.memo:
        context.memo[memo] = max(
            (e.population for e in context.candidates_of.get(key, ()) if _famous_kind(e) and e.kind == NAME),
            default=0,
        )
    return context.memo[memo]


def _famous_kind(entry: Entry) -> bool:
    """A town or a first-level division: a place whose name a town may borrow ("Oregon", Illinois)."""
    return entry.fclass == "P" or entry.fcode == "ADM1"


def _famous_of_name(key: str, context: _Context) -> Entry | None:
    """The most prominent town the name is the own name of, if any (not a part of a huge city:
    a bare "GREENWICH" dateline is Greenwich, Connecticut, since Greenwich, London files as "LONDON")."""
    towns = [
        e
        for e in context.candidates_of.get(key, ())
        if e.fclass == "P" and e.kind == NAME and e.geonameid not in context.city_parts
    ]
    return max(towns, key=prominence) if towns else None


def _contained(entry: Entry, key: str, context: _Context) -> bool:
    """Whether a town lies in a county another name of the story names ("Athens" beside
    "Henderson County"), or a county holds a town another name names. Never between a county
    and a town of its own name ("Madison" and "Madison County"), and not for a name most of
    whose candidates are so placed (a coincidence, not evidence)."""
    if (
        not entry.admin2
        or not (entry.fclass == "P" or entry.fcode == "ADM2")
        or entry.country in context.area_named.get(key, ())
    ):
        return False  # "California" is the state, whatever town of its name lies in a county named
    memo = (entry.geonameid, "\0contained:" + key)
    if memo not in context.memo:
        context.memo[memo] = float(
            _containing_names(entry, key, context) > 0 and _placed(key, context) <= CONTAINED_MAX
        )
    return bool(context.memo[memo])


def _placed(key: str, context: _Context) -> float:
    """How many of the name's candidates lie in a county another name names (or hold a town)."""
    memo = (0, "\0placed:" + key)
    if memo not in context.memo:
        context.memo[memo] = float(
            sum(
                1
                for e in context.candidates_of.get(key, ())
                if e.admin2 and (e.fclass == "P" or e.fcode == "ADM2") and _containing_names(e, key, context) > 0
            )
        )
    return context.memo[memo]


def _containing_names(entry: Entry, key: str, context: _Context) -> int:
    table = context.counties if entry.fclass == "P" else context.towns
    others = table.get((entry.country, entry.admin1, entry.admin2), set()) - {key}
    base = _county_base(key)
    return sum(1 for other in others if _county_base(other) != base)


def _county_base(key: str) -> str:
    """ "madison" for "madison county", "madison parish" or "madison": a county's own town name."""
    words = key.split(" ")
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in ("county", "parish", "co") else key


def _list_mates(toponyms: Sequence[Toponym], text: str, first: dict[str, Entry | None]) -> dict[str, Counter]:
    """For each name written in a list of names ("Oregon, Nevada and Utah": a conjunction, or
    three or more names between commas), what its list-mates were first read as: states or
    provinces of a country, or countries. "Tacoma, Washington" or "WASHINGTON, Pa." is no list."""
    ordered = sorted(toponyms, key=lambda t: t.start)
    chains: list[list[Toponym]] = []
    conjoined: list[bool] = []
    for t in ordered:
        if chains and 0 <= t.start - chains[-1][-1].end <= 8:
            gap = list_separator(text[chains[-1][-1].end : t.start])
            if gap:
                chains[-1].append(t)
                conjoined[-1] = conjoined[-1] or gap != ","
                continue
        chains.append([t])
        conjoined.append(False)
    out: dict[str, Counter] = {}
    for chain, conjunction in zip(chains, conjoined):
        if len(chain) < 2 or not conjunction and len(chain) < 3:
            continue
        keys = [fold(surface(t.text)) for t in chain]
        for key in keys:
            for other in keys:
                entry = first.get(other)
                if other == key or entry is None:
                    continue
                kind = (
                    ("ADM1", entry.country)
                    if entry.fcode == "ADM1"
                    else ("country", "")
                    if entry.fcode in COUNTRY_CODES
                    else None
                )
                if kind:
                    out.setdefault(key, Counter())[kind] += 1
    return out


def division_lists(text: str, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """Each name of a list before "counties" or "parishes" (up to ``end``), with the noun its
    division goes by: "Barrow, Jackson and Madison counties" names Barrow County, Jackson County
    and Madison County; a list needs two names or more and a conjunction."""
    for match in _DIVISION_PLURAL.finditer(text, 0, len(text) if end is None else end):
        noun = lexicon.DIVISION_PLURALS[match.group(1)]
        items = list(_LIST_ITEM.finditer(text, max(0, match.start() - 160), match.start()))
        chain: list[re.Match] = []
        at, conjoined = match.start(), False
        for item in reversed(items):
            gap = text[item.end() : at].strip()
            separator = list_separator(gap)
            if chain and not separator or not chain and gap:
                break
            conjoined = conjoined or separator not in (None, ",")
            chain.append(item)
            at = item.start()
        if len(chain) >= 2 and conjoined:
            for item in chain:
                yield item.start(), item.end(), noun


def written_as_state(text: str, start: int, end: int) -> bool:
    """Whether the words around a name say it is a state or province: "Washington state", "New
    York Governor", "Georgia's attorney general", "the state of Washington" (a city has a mayor)."""
    return bool(_STATE_AFTER.match(text, end, min(len(text), end + 30))) or bool(
        _STATE_BEFORE.search(text, max(0, start - 12), start)
    )


def list_separator(gap: str) -> str | None:
    """The separator ``gap`` is between two names of a list (",", "and", ", or"...), spaces
    normalised; None when it is anything else."""
    normal = " ".join(gap.replace(",", " , ").split()).replace(" ,", ",")
    return normal if normal in _LIST_GAPS else None


def _nearest_km(entry: Entry, key: str, points: list[tuple[str, float, float]]) -> float:
    return min((haversine_km(entry.lat, entry.lon, lat, lon) for k, lat, lon in points if k != key), default=math.inf)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
