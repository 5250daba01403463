"""The extractor contract and its registry (a plain dict, as spaCy's own registries are)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Mapping

from spacy.tokens import Doc

from dateline.structure.layout import Layout

Extractor = Callable[["StoryContext"], tuple]
ExtractorFactory = Callable[..., Extractor]

_FACTORIES: dict[str, ExtractorFactory] = {}


@dataclass(frozen=True)
class StoryContext:
    """What an extractor may read.

    ``doc`` covers ``layout.text`` from offset 0, so token offsets are offsets into it (it
    may stop before the credits and boilerplate). ``layout`` is the story as spaCy reads it
    (``structure.view``: wrapped lines joined, tables left out), and its spans are in the
    same offsets; the reader maps every span an extractor returns back to the original. ``parts`` holds
    what earlier extractors returned, by record field name ("entities", "timexes"...).
    """

    layout: Layout
    doc: Doc
    anchor: date | None = None
    parts: Mapping[str, tuple] = field(default_factory=dict)

    def part(self, name: str) -> tuple:
        return tuple(self.parts.get(name, ()))


def register(name: str) -> Callable[[ExtractorFactory], ExtractorFactory]:
    """Register an extractor factory under ``name`` (the record field it fills)."""

    def wrap(factory: ExtractorFactory) -> ExtractorFactory:
        _FACTORIES[name] = factory
        return factory

    return wrap


def registered() -> tuple[str, ...]:
    return tuple(_FACTORIES)


def build_extractor(name: str, **config: Any) -> Extractor:
    if name not in _FACTORIES:
        raise KeyError(f"no extractor named {name!r}; known: {', '.join(sorted(_FACTORIES))}")
    return _FACTORIES[name](**config)
