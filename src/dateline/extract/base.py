"""The extractor contract and its registry (a plain dict, as spaCy's own registries are).

Each extractor declares what it reads (``requires``: parts earlier extractors fill) and the
record field it fills (``assigns``), so a pipeline is checked when the reader is built
(``check_pipeline``), as spaCy checks ``assigns``/``requires`` of its components.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc

from dateline.record import PARTS
from dateline.structure.layout import Layout

_TEXT = "dateline.text"  # the key of a doc's text in its user_data


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy rebuilds it from every token at each access."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


Extractor = Callable[["StoryContext"], tuple]
ExtractorFactory = Callable[..., Extractor]


class PipelineError(ValueError):
    """A list of extractors that cannot run: an unknown name or a requirement not met."""


@dataclass(frozen=True)
class Registration:
    factory: ExtractorFactory
    requires: tuple[str, ...] = ()  # record fields filled by extractors that must run before it
    assigns: str = ""  # the record field it fills


_REGISTRY: dict[str, Registration] = {}


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


def register(
    name: str, *, requires: tuple[str, ...] = (), assigns: str | None = None
) -> Callable[[ExtractorFactory], ExtractorFactory]:
    """Register an extractor factory under ``name``; it fills the record field ``assigns``
    (``name`` unless told) and reads the parts named in ``requires``."""

    def wrap(factory: ExtractorFactory) -> ExtractorFactory:
        _REGISTRY[name] = Registration(factory, tuple(requires), assigns or name)
        return factory

    return wrap


def registered() -> tuple[str, ...]:
    return tuple(_REGISTRY)


def registration(name: str) -> Registration:
    """The declaration of ``name``; a ``PipelineError`` naming the close matches if unknown."""
    if name not in _REGISTRY:
        close = difflib.get_close_matches(name, _REGISTRY, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise PipelineError(f"no extractor named {name!r}; {hint}known: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[name]


def check_pipeline(names: tuple[str, ...]) -> None:
    """Every name known, none twice, each one's requirements filled by an extractor before it."""
    filled: dict[str, str] = {}
    for name in names:
        declared = registration(name)
        if name in filled.values():
            raise PipelineError(f"extractor {name!r} is listed twice")
        if declared.assigns not in PARTS:
            raise PipelineError(
                f"extractor {name!r} assigns {declared.assigns!r}, which is not a record "
                f"field an extractor fills ({', '.join(PARTS)})"
            )
        missing = [r for r in declared.requires if r not in filled]
        if missing:
            raise PipelineError(
                f"extractor {name!r} reads {', '.join(map(repr, missing))}: list "
                f"{' and '.join(map(repr, missing))} before {name!r} in the extractors"
            )
        filled[declared.assigns] = name


def build_extractor(name: str, **config: Any) -> Extractor:
    return registration(name).factory(**config)
