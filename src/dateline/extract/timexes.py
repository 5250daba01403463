"""Timexes: every time expression of the story, normalised on the story's own date.

Wraps ``dateline.time.find_timexes`` (rule-based, spaCy-free) and adds the spaCy
tagger's verb tenses as direction hints, so "met on Friday" looks back even where
the past tense is irregular.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, LOWER, TAG
from spacy.tokens import Doc

from dateline.extract.base import Extractor, StoryContext, doc_text, register
from dateline.record import Timex
from dateline.time import find_timexes
from dateline.time.normalise import FUTURE, PAST
from dateline.time.yearless import find_timexes_yearless

FUTURE_MODALS = frozenset({"will", "'ll", "shall", "wo", "ll"})
# Names a time word may sit inside without being a time: "Daily News", "USA Today",
# "NBC Nightly News", "The Sunday Times" (not events: "Easter Monday" is a day).
TITLED_NAMES = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "LAW"})


@register("timexes")
def make_timexes() -> Extractor:
    return extract_timexes


def extract_timexes(ctx: StoryContext) -> tuple[Timex, ...]:
    text = doc_text(ctx.doc) if ctx.doc is not None else ctx.layout.text
    day = _yearless_day(ctx)
    if day is not None:
        found = find_timexes_yearless(text, *day, tense_hints(ctx.doc))
    else:
        found = find_timexes(text, ctx.anchor, tense_hints(ctx.doc))
    names = _titled_names(ctx)
    found = [t for t in found if not _word_of_a_name(t.start, t.end, t.text, names)]
    return tuple(
        Timex(id=f"t{i}", text=t.text, start=t.start, end=t.end, type=t.type, value=t.value)
        for i, t in enumerate(found, start=1)
    )


def _titled_names(ctx: StoryContext) -> list[tuple[int, int]]:
    """Character spans of the story's organisations' and titles' names: the entities part
    when it ran before, and the tagger's own names."""
    spans = [
        (m.start, m.end)
        for e in ctx.part("entities")
        if getattr(e, "type", None) in TITLED_NAMES
        for m in e.mentions
        if m.kind == "name"
    ]
    if ctx.doc is not None:
        spans += [(e.start_char, e.end_char) for e in ctx.doc.ents if e.label_ in TITLED_NAMES]
    return spans


def _word_of_a_name(start: int, end: int, text: str, names: list[tuple[int, int]]) -> bool:
    """One capitalised word inside a longer organisation's or a title's name is part of the
    name, not a time ("the Daily News": no daily set; "USA Today": no today)."""
    if not text[:1].isupper() or not text.isalpha():
        return False
    return any(a <= start and end <= b and b - a > end - start for a, b in names)


def _yearless_day(ctx: StoryContext) -> tuple[int, int] | None:
    """(month, day) when the story's date is known without its year ("XXXX-03-30")."""
    own = ctx.layout.anchor_date
    if ctx.anchor is not None or not own or not own.startswith("XXXX-"):
        return None
    return int(own[5:7]), int(own[8:10])


def tense_hints(doc: Doc | None) -> tuple[tuple[int, int], ...]:
    """(char offset, PAST or FUTURE) for past-tense verbs and future modals, read from the
    doc's arrays (no Token object per token)."""
    if doc is None or not doc.has_annotation("TAG"):
        return ()
    strings = doc.vocab.strings
    rows = doc.to_array([TAG, LOWER, IDX])
    past = rows[:, 0] == strings["VBD"]
    future = (rows[:, 0] == strings["MD"]) & numpy.isin(rows[:, 1], [strings[w] for w in FUTURE_MODALS])
    hints = [(int(rows[i, 2]), PAST if past[i] else FUTURE) for i in numpy.flatnonzero(past | future)]
    return tuple(hints)
