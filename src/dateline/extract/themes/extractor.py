"""Themes and tone: what the story is about (``topics``), how it speaks overall (``tone``)
and how it speaks of each person it names, mention by mention (``sentiments``)."""

from __future__ import annotations

from bisect import bisect_right
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
        starts = [s.start_char for s in sents]
        for entity in ctx.part("entities"):
            if entity.type not in SENTIMENT_TYPES or entity.journalist:
                continue
            for m in entity.mentions:
                i = bisect_right(starts, m.start) - 1
                if i < 0 or m.end > sents[i].end_char:  # outside the parsed text, or across sentences
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


def _around(doc, sentence, start: int, end: int):
    """The mention's sentence, or a window of ``MAX_SENTENCE_TOKENS`` around it in a longer one."""
    if len(sentence) <= MAX_SENTENCE_TOKENS:
        return sentence
    mention = doc.char_span(start, end, alignment_mode="expand")
    if mention is None:
        return None
    half = MAX_SENTENCE_TOKENS // 2
    return doc[max(sentence.start, mention.start - half) : min(sentence.end, mention.end + half)]
