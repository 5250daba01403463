"""Themes and tone: what the story is about (``topics``), how it speaks overall (``tone``)
and how it speaks of each person it names, mention by mention (``sentiments``)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from dateline.extract.base import StoryContext, doc_text, register
from dateline.extract.themes import sentiment as _sentiment
from dateline.extract.themes import topics as _topics
from dateline.extract.themes.tone import tone as _tone
from dateline.record import Sentiment, Topic

# NewsMTSC's targets are people. Read on real stories (PolNeAR, Reuters, LGL), polarities for
# organisations and groups were mostly the sentence's mood ("in contempt of Congress") or NER
# errors ("taco", "Misogamy"), so only people get one.
SENTIMENT_TYPES = frozenset({"PERSON"})
# A longer "sentence" (run-on text, a list) is read in a window of this many tokens around the
# mention: news sentences are shorter, and reading all of one per mention would be quadratic.
MAX_SENTENCE_TOKENS = 100
# A sentence that names people more often than this is a list or run-on text, not prose (a
# news sentence names one to three): its first mentions get a polarity, the rest none, so that
# a story of a thousand names in one run reads in linear time with a small constant.
MAX_MENTIONS_PER_SENTENCE = 12


def _story_text(ctx: StoryContext) -> str:
    """Headline and body: the words the story is about, without credits or boilerplate."""
    lay = ctx.layout
    head = lay.headline.text if lay.headline else ""
    return f"{head}\n{lay.text[lay.body.start : lay.body.end]}"


@register("topics")
def topics_factory(models: Sequence[str | Path] = (), default: bool = True):
    """The shipped IPTC Media Topic model (unless ``default`` is False), then each model
    directory in ``models`` (written by ``dateline topics train``)."""
    loaded = ([_topics.default_model()] if default else []) + [_topics.load(m) for m in models]

    def extract(ctx: StoryContext) -> tuple[Topic, ...]:
        text = _story_text(ctx)
        return tuple(t for model in loaded for t in model.predict(text))

    return extract


@register("tone")
def tone_factory():
    def extract(ctx: StoryContext) -> tuple:
        found = _tone(_story_text(ctx))
        return (found,) if found else ()

    return extract


@register("sentiments", requires=("entities",))
def sentiments_factory():
    """One polarity per mention of a person, read from its sentence."""
    model = _sentiment.default_model()

    def extract(ctx: StoryContext) -> tuple[Sentiment, ...]:
        text, out = doc_text(ctx.doc), []
        sents = list(ctx.doc.sents)  # once: Token.sent walks the doc at every call
        people = [e for e in ctx.part("entities") if e.type in SENTIMENT_TYPES and not e.journalist]
        sentence_of = _sentences_of(sents, [(m.start, m.end) for e in people for m in e.mentions])
        for entity in people:
            for m in entity.mentions:
                i = sentence_of.get((m.start, m.end))
                if i is None:
                    continue
                sentence = _around(ctx.doc, sents[i], m.start, m.end)
                if sentence is None:
                    continue
                first, last = sentence.start_char, sentence.end_char
                target = _sentiment.Target(text[first:last], m.start - first, m.end - first, sentence, first)
                polarity, score = model.predict(target)
                out.append(Sentiment(entity.id, m.start, m.end, polarity, score))
        return tuple(out)

    return extract


def _sentences_of(sents: list, spans: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """The sentence (its index) of each mention to read: inside one parsed sentence, and among
    the first ``MAX_MENTIONS_PER_SENTENCE`` of it."""
    starts = [s.start_char for s in sents]
    out: dict[tuple[int, int], int] = {}
    read: Counter[int] = Counter()
    for start, end in sorted(set(spans)):
        i = bisect_right(starts, start) - 1
        if i < 0 or end > sents[i].end_char:  # outside the parsed text, or across sentences
            continue
        read[i] += 1
        if read[i] <= MAX_MENTIONS_PER_SENTENCE:
            out[start, end] = i
    return out


def _around(doc, sentence, start: int, end: int):
    """The mention's sentence, or a window of ``MAX_SENTENCE_TOKENS`` around it in a longer one."""
    if len(sentence) <= MAX_SENTENCE_TOKENS:
        return sentence
    mention = doc.char_span(start, end, alignment_mode="expand")
    if mention is None:
        return None
    half = MAX_SENTENCE_TOKENS // 2
    return doc[max(sentence.start, mention.start - half) : min(sentence.end, mention.end + half)]
