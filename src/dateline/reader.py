"""The reader: text in, article record out. Loads the spaCy pipeline and extractors once."""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Iterator, Sequence

from dateline import extract as _extract  # noqa: F401  (registers the built-in extractors)
from dateline.extract.base import StoryContext, build_extractor
from dateline.io.hygiene import clean_story, too_long
from dateline.io.sources import BadInput, Story
from dateline.nlp import load_pipeline
from dateline.record import Article, Credit, Credits, Dateline, Span, content_id
from dateline.structure import Layout, parse_structure

DEFAULT_EXTRACTORS: tuple[str, ...] = ("entities", "timexes", "places", "quotes", "events")


class Reader:
    """Reads stories into article records.

    >>> reader = Reader()                       # loads spaCy once
    >>> article = reader.read("WASHINGTON (AP) — ...")
    """

    def __init__(self, model: str | None = None, extractors: Sequence[str] | None = None,
                 batch_size: int = 16) -> None:
        self.nlp = load_pipeline(model)
        names = DEFAULT_EXTRACTORS if extractors is None else tuple(extractors)
        from dateline.extract.base import registered

        self.extractors = [(n, build_extractor(n)) for n in names if n in registered()]
        self.batch_size = batch_size

    def read(self, text: str, *, published: str | None = None, anchor: date | None = None,
             source: str | None = None, url: str | None = None) -> Article:
        return next(iter(self.read_many([Story(text=text, source=source, url=url, published=published)],
                                        anchor=anchor)))

    def read_many(self, stories: Iterable[Story], *, anchor: date | None = None) -> Iterator[Article]:
        """Read many stories, running spaCy in batches (raises on the first failure).

        Each story passes the door's hygiene first (``dateline.io.hygiene``): lone surrogates
        become U+FFFD, a ``published`` that is not a date is dropped with a warning, and a story
        over the length limit raises ``ValueError`` naming the limit."""
        stories = [_at_the_door(s) for s in stories]
        layouts = [parse_structure(s.text, published=s.published, headline=s.headline, url=s.url)
                   for s in stories]
        texts = (lay.text[: _nlp_end(lay)] for lay in layouts)
        for story, layout, doc in zip(stories, layouts, self.nlp.pipe(texts, batch_size=self.batch_size)):
            yield self._build(story, layout, doc, anchor)

    def read_all(self, items: Iterable[Story | BadInput], *, anchor: date | None = None,
                 chunk: int = 64) -> Iterator[Article | BadInput]:
        """Read a stream of stories in order; a story that fails becomes a ``BadInput`` and the
        stream goes on, so one bad story never loses the others."""
        batch: list[Story] = []
        for item in items:
            if isinstance(item, BadInput):
                yield from self._read_batch(batch, anchor)
                batch = []
                yield item
                continue
            batch.append(item)
            if len(batch) >= chunk:
                yield from self._read_batch(batch, anchor)
                batch = []
        yield from self._read_batch(batch, anchor)

    def _read_batch(self, batch: list[Story], anchor: date | None) -> Iterator[Article | BadInput]:
        try:
            articles = list(self.read_many(batch, anchor=anchor))
        except Exception:  # isolate the failing story: read the batch one by one
            for story in batch:
                try:
                    yield from self.read_many([story], anchor=anchor)
                except Exception as exc:
                    yield BadInput(story.source or "<story>", f"failed to read: {type(exc).__name__}: {exc}")
            return
        yield from articles

    def _build(self, story: Story, layout: Layout, doc, anchor: date | None) -> Article:
        story_anchor = _anchor(layout) or anchor
        parts: dict[str, tuple] = {}
        for name, extractor in self.extractors:
            ctx = StoryContext(layout=layout, doc=doc, anchor=story_anchor, parts=parts)
            parts[name] = tuple(extractor(ctx))
        return article_from_layout(layout, source=story.source, url=story.url or layout.url, parts=parts)


def _at_the_door(story: Story) -> Story:
    if reason := too_long(story.text):
        raise ValueError(reason)
    cleaned = clean_story(story)
    for problem in cleaned.problems[len(story.problems):]:  # new ones: the CLI reported the rest
        warnings.warn(f"{story.source or '<story>'}: {problem}", stacklevel=3)
    return cleaned


def _nlp_end(layout: Layout) -> int:
    """spaCy reads the text up to the end of the body: credits and boilerplate need no NLP."""
    return layout.body.end


def _anchor(layout: Layout) -> date | None:
    value = layout.anchor_date
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def article_from_layout(layout: Layout, *, source: str | None = None, url: str | None = None,
                        parts: dict[str, tuple] | None = None) -> Article:
    """Turn the parsed structure (and the extractors' parts) into the record."""
    parts = parts or {}
    dl = layout.dateline
    by_role: dict[str, list[Credit]] = {}
    for line in layout.credits:
        by_role.setdefault(line.role, []).append(
            Credit(line.name.text, line.place.text if line.place else None))
    spans = {
        "headline": _spans(layout.headline),
        "agency": _spans(layout.agency_span),
        "published": _spans(layout.published_span),
        "update_note": _spans(layout.update_note),
        "bullets": _spans(*layout.bullets),
        "byline": _spans(layout.byline),
        "authors": _spans(*layout.authors),
        "dateline": (Span(dl.start, dl.end),) if dl else (),
        "credits": _spans(layout.credits_span),
        "boilerplate": _spans(*layout.boilerplate),
    }
    return Article(
        id=content_id(layout.text),
        text=layout.text,
        headline=layout.headline.text if layout.headline else layout.extra.get("headline"),
        agency=layout.agency,
        published=layout.published,
        update_note=layout.update_note.text if layout.update_note else None,
        bullets=tuple(b.text for b in layout.bullets),
        authors=tuple(a.text for a in layout.authors),
        dateline=Dateline(
            places=tuple(p.text for p in dl.places), country=dl.country.text if dl.country else None,
            date=dl.date, agency=dl.agency) if dl else Dateline(),
        credits=Credits(
            reporting=tuple(by_role.get("reporting", ())),
            additional_reporting=tuple(by_role.get("additional_reporting", ())),
            writing=tuple(by_role.get("writing", ())),
            editing=tuple(c.name for c in by_role.get("editing", ())),
            compiling=tuple(by_role.get("compiling", ())),
            contributing=tuple(by_role.get("contributing", ())),
        ),
        boilerplate=tuple(b.text for b in layout.boilerplate),
        body=layout.body.span,
        paragraphs=tuple(p.span for p in layout.paragraphs),
        spans={k: v for k, v in spans.items() if v},
        source=source,
        url=url,
        **{name: parts.get(name, ()) for name in DEFAULT_EXTRACTORS},
    )


def _spans(*fields) -> tuple[Span, ...]:
    return tuple(f.span for f in fields if f is not None)
