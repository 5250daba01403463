"""Cross-story identity: the same person is the same archive entity in every story.

An entity is keyed on its normalised name and type; among archive entities with that key, a
story's entity joins the one whose titles, country and company (the other entities it appears
with) agree best. Same-name entities whose evidence conflicts (different countries, or
different titles with no shared company) stay apart. Journalists stay apart from the people
stories are about. Decisions are made in the writer, in story order, and never revised.
"""
from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from dateline.store.patterns import HONORIFICS, NON_WORD, POSSESSIVE, SPACES

CONTEXT_KEEP = 40  # co-occurring names remembered per entity
TITLES_KEEP = 20


def name_key(name: str) -> str:
    """Normalise a name for identity: accents, case, punctuation, possessive and honorifics go."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    text = SPACES.sub(" ", NON_WORD.sub(lambda m: "" if m.group() in {".", "'"} else " ", text)).strip()
    words = text.split(" ")
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return " ".join(words)


def display_name(name: str) -> str:
    """The name as shown: without a possessive ending ("Kim's" is Kim)."""
    return POSSESSIVE.sub("", name.strip())


def title_key(title: str) -> str:
    return SPACES.sub(" ", NON_WORD.sub(" ", (title or "").casefold())).strip()


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one story says about one of its entities."""

    key: str
    type: str
    name: str
    titles: frozenset[str] = frozenset()
    country: str | None = None
    journalist: bool = False
    company: frozenset[str] = frozenset()  # keys of the other entities in the story


@dataclass(slots=True)
class Known:
    """An archive entity as stored."""

    n: int
    name: str
    titles: list[str]
    country: str | None
    journalist: bool
    n_stories: int
    context: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_row(cls, row: dict) -> Known:
        return cls(n=row["n"], name=row["name"], titles=json.loads(row["titles"] or "[]"),
                   country=row["country"], journalist=bool(row["journalist"]),
                   n_stories=row["n_stories"], context=json.loads(row["context"] or "{}"))


def agreement(known: Known, ev: Evidence) -> float | None:
    """How well a story's entity fits an archive entity; None when the evidence conflicts."""
    if known.journalist != ev.journalist:
        return None
    if known.country and ev.country and known.country != ev.country:
        return None
    shared_titles = len({title_key(t) for t in known.titles} & ev.titles)
    shared_company = len(known.context.keys() & ev.company)
    if known.titles and ev.titles and not shared_titles and not shared_company:
        return None
    return 2.0 * shared_titles + shared_company + 0.1 * math.log1p(known.n_stories)


def choose(candidates: list[Known], ev: Evidence) -> Known | None:
    """The best agreeing archive entity, or None: the story's entity is someone new."""
    scored = [(s, k.n_stories, -k.n, k) for k in candidates if (s := agreement(k, ev)) is not None]
    return max(scored, key=lambda t: t[:3])[3] if scored else None


def merged(known: Known, ev: Evidence, titles: tuple[str, ...]) -> Known:
    """The archive entity after this story: titles, country and company added."""
    all_titles = list(known.titles)
    seen = {title_key(t) for t in all_titles}
    for t in titles:
        if title_key(t) not in seen and len(all_titles) < TITLES_KEEP:
            all_titles.append(t)
            seen.add(title_key(t))
    context = Counter(known.context)
    context.update(ev.company)
    name = display_name(ev.name) if len(ev.name) > len(known.name) else known.name
    return Known(n=known.n, name=name, titles=all_titles, country=known.country or ev.country,
                 journalist=known.journalist, n_stories=known.n_stories + 1,
                 context=dict(context.most_common(CONTEXT_KEEP)))
