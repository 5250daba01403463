"""The reader: text in, article record out. Loads the spaCy pipeline and extractors once."""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any, cast

from dateline import extract as _extract  # noqa: F401  (registers the built-in extractors)
from dateline.extract.base import Extractor, StoryContext, build_extractor, check_pipeline, registration
from dateline.io.hygiene import clean_story, too_long
from dateline.io.sources import BadInput, Story
from dateline.nlp import load_pipeline
from dateline.nlp.language import identify, read_in_full
from dateline.record import (
    PARTS,
    SINGLE_PARTS,
    Article,
    Credit,
    Credits,
    Dateline,
    ExtractorFailure,
    Source,
    Span,
    content_id,
)
from dateline.structure import Layout, parse_structure
from dateline.structure.view import TextView, layout_in_view, nlp_view, to_original

DEFAULT_EXTRACTORS: tuple[str, ...] = (
    "entities",
    "timexes",
    "places",
    "quotes",
    "events",
    "topics",
    "tone",
    "sentiments",
)
ON_ERROR = ("record", "raise")  # what the reader does when an extractor raises
ON_ERROR_ENV = "DATELINE_ON_ERROR"  # the default when ``on_error`` is not given (the tests set "raise")

log = logging.getLogger(__name__)


class Reader:
    """Reads stories into article records.

    >>> reader = Reader()                       # loads spaCy once
    >>> article = reader.read("WASHINGTON (AP) — ...")

    ``on_error="record"`` (the default, or ``$DATELINE_ON_ERROR``): an extractor that raises
    leaves its part empty and is named in ``article.errors``; ``"raise"`` lets it through.
    """

    def __init__(
        self,
        model: str | None = None,
        extractors: Sequence[str] | None = None,
        batch_size: int = 16,
        on_error: str | None = None,
        topics: Sequence[str] = (),
    ) -> None:
        """``topics``: directories of topic models (``dateline topics train``) applied after
        the shipped IPTC Media Topic model."""
        self.on_error = on_error or os.environ.get(ON_ERROR_ENV) or "record"
        if self.on_error not in ON_ERROR:
            raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}, not {self.on_error!r}")
        names = DEFAULT_EXTRACTORS if extractors is None else tuple(extractors)
        check_pipeline(names)  # a typo or a missing requirement fails here, not in a run
        self.nlp = load_pipeline(model)
        config = {"topics": {"models": tuple(topics)}}
        self.extractors = [(registration(n).assigns, n, self._build_extractor(n, config.get(n, {}))) for n in names]
        self.batch_size = batch_size

    def _build_extractor(self, name: str, config: dict) -> Extractor:
        """In record mode an extractor that cannot be built fails every story, on the record;
        one the caller configured (``topics=``) fails the build, as the caller asked for it."""
        try:
            return build_extractor(name, **config)
        except Exception as exc:
            if self.on_error == "raise" or config.get("models"):
                raise
            log.warning("extractor %s could not be built: %s: %s", name, type(exc).__name__, exc)
            return _unavailable(name, exc)

    def read(
        self,
        text: str,
        *,
        published: str | None = None,
        anchor: date | None = None,
        source: str | None = None,
        url: str | None = None,
    ) -> Article:
        return next(
            iter(self.read_many([Story(text=text, source=source, url=url, published=published)], anchor=anchor))
        )

    def read_many(self, stories: Iterable[Story | str], *, anchor: date | None = None) -> Iterator[Article]:
        """Read many stories (``Story`` records or plain texts), running spaCy in batches
        (raises on the first story that cannot be read).

        Each story passes the door's hygiene first (``dateline.io.hygiene``): lone surrogates
        become U+FFFD, a ``published`` that is not a date is dropped with a warning, and a story
        over the length limit raises ``ValueError`` naming the limit."""
        ready = [_at_the_door(Story(text=s) if isinstance(s, str) else s) for s in stories]
        layouts = [parse_structure(s.text, published=s.published, headline=s.headline, url=s.url) for s in ready]
        views = [nlp_view(lay) for lay in layouts]
        languages = [identify(lay.text[lay.body.start : lay.body.end] or lay.text).language for lay in layouts]
        texts = (
            view.text[: view.to_view(lay.body.end, end=True)]
            for lay, view, lang in zip(layouts, views, languages)
            if read_in_full(lang)
        )
        docs = self.nlp.pipe(texts, batch_size=self.batch_size)
        for story, layout, view, lang in zip(ready, layouts, views, languages):  # other languages: structure only
            full = read_in_full(lang)
            yield self._build(story, layout, view, next(docs) if full else None, anchor, lang, full)

    def read_all(
        self, items: Iterable[Story | BadInput], *, anchor: date | None = None, chunk: int = 64
    ) -> Iterator[Article | BadInput]:
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

    def _build(
        self, story: Story, layout: Layout, view: TextView, doc, anchor: date | None, language: str | None, full: bool
    ) -> Article:
        """Extractors read the view (doc offsets); one step maps their spans back."""
        story_anchor = _anchor(layout) or anchor
        seen = layout_in_view(layout, view)
        parts: dict[str, tuple] = {}
        errors: list[ExtractorFailure] = []
        for field, name, extractor in self.extractors if full else ():
            ctx = StoryContext(layout=seen, doc=doc, anchor=story_anchor, parts=parts)
            try:
                parts[field] = tuple(extractor(ctx))
            except Exception as exc:  # the one place an extractor's failure is caught
                if self.on_error == "raise":
                    raise
                log.warning("%s failed on %s: %s: %s", name, story.source or "a story", type(exc).__name__, exc)
                errors.append(ExtractorFailure(name, type(exc).__name__, str(exc)))
        parts = {name: to_original(part, view) for name, part in parts.items()}
        url = story.url or layout.url
        return article_from_layout(
            layout,
            source=story.source,
            url=url,
            parts=parts,
            language=language,
            reading="full" if full else "structure",
            sources=(Source(story.kind, story.source, url, story.fetched),) if story.source or url else (),
            errors=tuple(errors),
        )


class ExtractorUnavailable(RuntimeError):
    """An extractor that could not be built (in record mode, each story records this)."""


def _unavailable(name: str, cause: Exception) -> Extractor:
    def fail(ctx: StoryContext) -> tuple:
        raise ExtractorUnavailable(f"{name} could not be built: {type(cause).__name__}: {cause}")

    return fail


def _at_the_door(story: Story) -> Story:
    if reason := too_long(story.text):
        raise ValueError(reason)
    cleaned = clean_story(story)
    for problem in cleaned.problems[len(story.problems) :]:  # new ones: the CLI reported the rest
        warnings.warn(f"{story.source or '<story>'}: {problem}", stacklevel=3)
    return cleaned


def _anchor(layout: Layout) -> date | None:
    value = layout.anchor_date
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def article_from_layout(
    layout: Layout,
    *,
    source: str | None = None,
    url: str | None = None,
    parts: dict[str, tuple] | None = None,
    errors: tuple[ExtractorFailure, ...] = (),
    **provenance,
) -> Article:
    """Turn the parsed structure (and the extractors' parts) into the record."""
    parts = parts or {}
    dl = layout.dateline
    by_role: dict[str, list[Credit]] = {}
    for line in layout.credits:
        by_role.setdefault(line.role, []).append(Credit(line.name.text, line.place.text if line.place else None))
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
            places=tuple(p.text for p in dl.places),
            region=dl.division.text if dl.division else None,
            country=dl.country,
            date=dl.date,
            agency=dl.agency,
        )
        if dl
        else Dateline(),
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
        tables=tuple(t.span for t in layout.tables),
        spans={k: v for k, v in spans.items() if v},
        source=source,
        url=url,
        **cast(dict[str, Any], {field: parts.get(field, ()) for field in PARTS if field not in SINGLE_PARTS}),
        **cast(dict[str, Any], {field: (parts.get(field) or (None,))[0] for field in SINGLE_PARTS}),
        **provenance,  # language, reading, sources
        errors=errors,
    )


def _spans(*fields) -> tuple[Span, ...]:
    return tuple(f.span for f in fields if f is not None)
