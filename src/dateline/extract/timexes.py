"""Timexes: every time expression of the story, normalised on the story's own date.

Wraps ``dateline.time.find_timexes`` (rule-based, spaCy-free) and adds the spaCy
tagger's verb tenses as direction hints, so "met on Friday" looks back even where
the past tense is irregular.
"""
from __future__ import annotations

from spacy.tokens import Doc

from dateline.extract.base import StoryContext, register
from dateline.record import Timex
from dateline.time import find_timexes
from dateline.time.normalise import FUTURE, PAST

FUTURE_MODALS = frozenset({"will", "'ll", "shall", "wo", "ll"})


@register("timexes")
def make_timexes() -> "callable":
    return extract_timexes


def extract_timexes(ctx: StoryContext) -> tuple[Timex, ...]:
    text = ctx.doc.text if ctx.doc is not None else ctx.layout.text
    try:
        found = find_timexes(text, ctx.anchor, tense_hints(ctx.doc))
    except Exception:  # odd text must never stop a read
        return ()
    return tuple(Timex(id=f"t{i}", text=t.text, start=t.start, end=t.end, type=t.type, value=t.value)
                 for i, t in enumerate(found, start=1))


def tense_hints(doc: Doc | None) -> tuple[tuple[int, int], ...]:
    """(char offset, PAST or FUTURE) for past-tense verbs and future modals."""
    if doc is None or not doc.has_annotation("TAG"):
        return ()
    hints = []
    for token in doc:
        if token.tag_ == "VBD":
            hints.append((token.idx, PAST))
        elif token.tag_ == "MD" and token.lower_ in FUTURE_MODALS:
            hints.append((token.idx, FUTURE))
    return tuple(hints)
