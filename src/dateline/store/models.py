"""Typed results of archive queries. Each has ``to_dict()`` for JSON."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


class _Dict:
    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)  # type: ignore[call-overload]  # the subclasses are dataclasses


@dataclass(frozen=True, slots=True)
class StoryHit(_Dict):
    """A story found by ``search``: enough for a result list; ``get_story`` gives the rest."""

    id: str
    headline: str | None
    agency: str | None
    published: str | None
    day: str | None
    source: str | None
    thread: int | None
    version_group: int | None
    is_current: bool
    score: float | None = None
    dateline: str | None = None  # "LISBON, Portugal": filled by ``Store.results``
    place: StoryPlace | None = None  # where it was filed (``Store.results``), for maps and GeoJSON
    snippet: str | None = None  # a passage of the body around the matched words (``Store.results``)
    marks: tuple[tuple[int, int], ...] = ()  # [start, end) of each matched word in ``snippet``


@dataclass(frozen=True, slots=True)
class StoryPlace(_Dict):
    """Where a story was filed: its dateline place when resolved, else the first place it names."""

    name: str
    lat: float
    lon: float
    country: str | None = None


@dataclass(frozen=True, slots=True)
class EntityRef(_Dict):
    """An archive entity (the same person across stories)."""

    id: int
    name: str
    type: str
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    journalist: bool = False
    n_stories: int = 0


@dataclass(frozen=True, slots=True)
class StoryDetail(_Dict):
    """A stored story: its full record plus what the archive knows about it.

    ``entity_ids`` maps the record's local entity ids ("e1") to archive entity ids, so a page
    can link every highlighted mention to its entity page.
    """

    id: str
    record: dict[str, Any]
    thread: int | None
    version_group: int | None
    is_current: bool
    entity_ids: dict[str, int]
    versions: list[StoryHit]
    thread_stories: list[StoryHit]

    @property
    def article(self):
        """The stored record as a typed ``dateline.record.Article``."""
        from dateline.record import article_from_dict

        return article_from_dict(self.record)


@dataclass(frozen=True, slots=True)
class QuoteHit(_Dict):
    story: str
    headline: str | None
    day: str | None
    speaker: EntityRef | None
    speaker_text: str | None
    kind: str
    text: str
    start: int
    end: int
    cue: str | None
    place: StoryPlace | None = None  # where the story was filed (``Store.quotes(places=True)``)


@dataclass(frozen=True, slots=True)
class EventHit(_Dict):
    story: str
    headline: str | None
    type: str
    trigger: str
    start: int
    end: int
    day: str | None
    modality: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceCount(_Dict):
    name: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    country: str | None
    feature: str | None
    stories: int


@dataclass(frozen=True, slots=True)
class DayCount(_Dict):
    day: str
    stories: int
    events: int


@dataclass(frozen=True, slots=True)
class TopicCount(_Dict):
    """A topic and how many (current) stories carry it: a facet of the archive."""

    scheme: str
    code: str
    label: str
    stories: int


@dataclass(frozen=True, slots=True)
class ToneDay(_Dict):
    """How the stories spoke of an entity on one day: its mentions by polarity and their mean."""

    day: str
    mentions: int
    positive: int
    negative: int
    mean: float  # mean polarity of the mentions, in [-1, 1]


@dataclass(frozen=True, slots=True)
class MonthCount(_Dict):
    """An entity's mentions in one month (the stories' days): stories naming it and its mentions."""

    month: str  # YYYY-MM
    stories: int
    mentions: int
    quotes: int = 0


@dataclass(frozen=True, slots=True)
class Appearance(_Dict):
    """One story an entity appears in, with the titles that story gives it."""

    story: str
    day: str | None
    headline: str | None
    titles: tuple[str, ...]
    mentions: int
    quotes: int
    place: StoryPlace | None = None


@dataclass(frozen=True, slots=True)
class TitleUse(_Dict):
    """A title as the stories give it ("foreign minister"), with the stories and days it was used."""

    title: str
    stories: int
    first_day: str | None
    last_day: str | None


@dataclass(frozen=True, slots=True)
class Link(_Dict):
    """Two archive entities named in the same stories: the edges of a co-occurrence network."""

    source: int
    target: int
    stories: int


@dataclass(frozen=True, slots=True)
class EntityProfile(_Dict):
    """Everything the archive knows about one entity."""

    entity: EntityRef
    quotes: list[QuoteHit]
    events: list[EventHit]
    co_occurring: list[tuple[EntityRef, int]]
    timeline: list[DayCount]
    stories: list[StoryHit]
    namesakes: list[EntityRef]  # other archive entities with the same name (kept apart)
    tone: list[ToneDay] = field(default_factory=list)  # per-day sentiment of its mentions, oldest first
    months: list[MonthCount] = field(default_factory=list)  # mentions over time, oldest first
    places: list[PlaceCount] = field(default_factory=list)  # where: places its stories name, most first
    titles: list[TitleUse] = field(default_factory=list)  # titles as the stories give them, most used first
    appearances: list[Appearance] = field(default_factory=list)  # its stories, newest first
    links: list[Link] = field(default_factory=list)  # co-occurrence among it and ``co_occurring``


@dataclass(frozen=True, slots=True)
class ThreadSummary(_Dict):
    thread: int
    headline: str | None
    stories: int
    first_day: str | None
    last_day: str | None


@dataclass(frozen=True, slots=True)
class FacetCount(_Dict):
    """One value of a facet over the matching stories: ``value`` is what the filter takes."""

    value: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class SearchResults(_Dict):
    """One page of a search: the hits with snippets, the real total, and facet counts."""

    total: int
    offset: int
    limit: int
    sort: str  # relevance | newest | oldest
    hits: list[StoryHit]
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
