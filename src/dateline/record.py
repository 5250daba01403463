"""The article record: frozen, typed, versioned.

Its JSON shape is documented in docs/record.md (and mirrors shared RECORD.md).
Spans are ``[start, end)`` character offsets into the story text as read:
decoded, with universal newlines (CRLF and CR become LF), nothing else cleaned.
"""

from __future__ import annotations

import dataclasses
import hashlib
import operator
import types
import typing
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "dateline.article/1"
PARTS = (
    "entities",
    "quotes",
    "timexes",
    "places",
    "events",
    "topics",
    "tone",
    "sentiments",
)  # the fields extractors fill
SINGLE_PARTS = frozenset({"tone"})  # of those, the ones holding one value (or None), not a tuple


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str = "name"  # name | pronoun | description


@dataclass(frozen=True, slots=True)
class Relation:
    relation: str  # "father", "sister", "chief of staff", "counterpart", "employer", ...
    target: str  # entity id


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str  # PERSON | ORG | GPE | LOC | FAC | NORP | ...
    name: str  # the fullest form the story uses
    mentions: tuple[Mention, ...]
    titles: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()
    journalist: bool = False
    country: str | None = None  # ISO 3166-1 alpha-2 of the entity's country, where the story says it
    affiliation: str | None = None  # entity id of an employer or country, where the story says it
    candidates: tuple[str, ...] = ()  # entity ids a short name may stand for when the story does not say which


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    kind: str  # direct | partial | indirect
    text: str
    start: int
    end: int
    speaker: str | None  # entity id
    speaker_text: str | None
    speaker_span: Span | None
    anonymous: bool
    cue: str | None
    cue_span: Span | None
    speaker_type: str | None = None  # named | pronoun | anonymous | collective | document | institution
    speakers: tuple[str, ...] = ()  # every source's id, the speaker first ("Smith and Jones said")
    modality: str = "asserted"  # asserted | negated ("did not say") | hypothetical ("would say")
    sentence: Span | None = None  # the sentence(s) holding the quote and its cue, to quote from


@dataclass(frozen=True, slots=True)
class Timex:
    id: str
    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    """A GeoNames entry weighed for a place name, with the score it got (None: not scored)."""

    geonames_id: int | None
    name: str
    country: str | None
    feature: str | None
    score: float | None


@dataclass(frozen=True, slots=True)
class PlaceEvidence:
    """Why a place name got its reading: the evidence for the winner, and the candidates weighed."""

    why: tuple[str, ...] = ()  # strongest first: "written with Texas", "a capital", "the dateline is near"
    candidates: tuple[PlaceCandidate, ...] = ()  # best first, the winner (if any) among them


@dataclass(frozen=True, slots=True)
class Place:
    entity: str | None  # entity id of the mentioned place
    name: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    feature: str | None  # GeoNames feature code ("PPLC", "PCLI") or class
    mentions: tuple[Mention, ...] = ()
    metonym: bool = False  # "Washington" used for the U.S. government
    candidates: tuple[int, ...] = ()  # GeoNames ids considered when left unresolved
    kind: str = "literal"  # literal | metonym | demonym ("Russian") | associative ("Edmonton police")
    evidence: PlaceEvidence | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    trigger: Mention
    who: tuple[str, ...] = ()
    with_: tuple[str, ...] = ()  # serialised as "with"
    where: str | None = None
    when: str | None = None  # timex id
    modality: str = "asserted"  # asserted | planned | reported | negated | hypothetical
    inferred: tuple[str, ...] = ()  # which of where/when were inferred rather than stated
    cameo: str | None = None  # CAMEO top-level code ("04" consult) where the type maps to one
    object: str | None = None  # entity id of the thing acted on ("toured the X House")
    how: str | None = None  # means, as the story words it ("train")
    same_as: str | None = None  # id of an earlier event that this one mentions again


@dataclass(frozen=True, slots=True)
class Topic:
    scheme: str  # "iptc-mediatopic", "reuters21578" or a trained model's name
    code: str  # "medtop:04000000"
    label: str  # "economy, business and finance"
    score: float  # in (0, 1); 0.5 at the model's decision boundary: a ranking, not a probability


@dataclass(frozen=True, slots=True)
class Tone:
    polarity: float  # in [-1, 1]
    positive: float  # share of the story's words that carry positive sentiment (GDELT's PositiveScore / 100)
    negative: float  # share that carry negative sentiment
    words: int  # words counted


@dataclass(frozen=True, slots=True)
class Sentiment:
    entity: str  # entity id
    start: int  # the mention
    end: int
    polarity: int  # -1 | 0 | 1, how the sentence speaks of the entity (NewsMTSC's target-dependent sentiment)
    score: float  # the model's confidence in that polarity, in [0, 1]


@dataclass(frozen=True, slots=True)
class ExtractorFailure:
    """An extractor that failed on this story: its part is left empty and the failure kept here."""

    extractor: str  # the record field it fills ("quotes", "places", ...)
    type: str  # the exception's class name
    message: str


@dataclass(frozen=True, slots=True)
class Dateline:
    places: tuple[str, ...] = ()
    region: str | None = None  # a state or province as written ("Ky.", "Ont.")
    country: str | None = None  # ISO 3166-1 alpha-2
    date: str | None = None  # YYYY-MM-DD, or XXXX-MM-DD when no year is known
    agency: str | None = None


@dataclass(frozen=True, slots=True)
class Credit:
    name: str
    place: str | None = None


@dataclass(frozen=True, slots=True)
class Credits:
    reporting: tuple[Credit, ...] = ()
    additional_reporting: tuple[Credit, ...] = ()
    writing: tuple[Credit, ...] = ()
    editing: tuple[str, ...] = ()
    compiling: tuple[Credit, ...] = ()
    contributing: tuple[Credit, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """Where a copy of the story was found: a file, a feed entry, a web page or a crawl record."""

    kind: str  # file | feed | web | warc
    location: str | None = None  # file path (":line" for JSON Lines), feed URL or WARC file
    url: str | None = None  # the story's page
    fetched: str | None = None  # ISO 8601 time the page was fetched (WARC-Date, HTTP fetch)


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    headline: str | None = None
    agency: str | None = None
    published: str | None = None
    update_note: str | None = None
    bullets: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    dateline: Dateline = field(default_factory=Dateline)
    credits: Credits = field(default_factory=Credits)
    boilerplate: tuple[str, ...] = ()
    body: Span = Span(0, 0)
    paragraphs: tuple[Span, ...] = ()
    tables: tuple[Span, ...] = ()  # tables and lists of figures: kept, not read as sentences
    spans: dict[str, tuple[Span, ...]] = field(default_factory=dict)  # where each structure field was found
    source: str | None = None  # file path or URL it was read from
    url: str | None = None
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    topics: tuple[Topic, ...] = ()
    tone: Tone | None = None
    sentiments: tuple[Sentiment, ...] = ()
    language: str | None = None  # ISO 639-1, or None when identification was unsure
    reading: str = "full"  # full | structure (a language the extractors cannot read yet)
    sources: tuple[Source, ...] = ()
    errors: tuple[ExtractorFailure, ...] = ()  # extractors that failed on this story (their parts are empty)
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict, with ``schema`` first and ``with_`` written as ``with``."""
        data = _plain(self)
        return {"schema": data.pop("schema"), **data}


def content_id(text: str) -> str:
    """Stable id of a story: a hash of its text, so the same story gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {
            ("with" if f.name == "with_" else f.name): _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
        }
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def article_from_dict(data: dict[str, Any]) -> Article:
    """An ``Article`` back from its JSON dict (``to_dict``'s inverse), e.g. a record stored in the archive."""
    return _build(Article, data)


def _build(cls: type, data: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        key = "with" if f.name == "with_" else f.name
        if key in data:
            kwargs[f.name] = _typed(hints[f.name], data[key])
    return cls(**kwargs)


def _typed(hint: Any, value: Any) -> Any:
    """``value`` from JSON as the field's declared type: dataclasses, tuples and dicts of them."""
    if value is None:
        return None
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, value)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _typed(next(a for a in args if a is not type(None)), value)
    if origin is tuple:
        return tuple(_typed(args[0], v) for v in value)
    if origin is dict:
        return {k: _typed(args[1], v) for k, v in value.items()}
    return value


def pickled_by_fields(cls: type) -> type:
    """Pickle instances of the frozen dataclass ``cls`` as ``cls(*fields)``: read records cross
    process boundaries (the local ingest's workers, Ray's actors) by the thousand, and a frozen
    dataclass with slots otherwise pickles through Python-level ``__getstate__``/``__setstate__``
    calls per object: about 0.22 CPU ms a story each way on Reuters-21578 (chunks of 4 stories),
    against 0.09 each way like this. The objects come back equal; the bytes are about the same size.
    The fields are pickled by position: such a pickle is for passing records between processes
    of one version, not for keeping (the record's JSON is what is kept)."""
    get = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))
    if len(dataclasses.fields(cls)) == 1:

        def reduce(self):
            return cls, (get(self),)

    else:

        def reduce(self):
            return cls, get(self)

    cls.__reduce__ = reduce  # type: ignore[method-assign,assignment]
    return cls


for _cls in list(globals().values()):
    if isinstance(_cls, type) and dataclasses.is_dataclass(_cls) and _cls.__module__ == __name__:
        pickled_by_fields(_cls)
