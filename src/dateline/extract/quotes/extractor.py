"""Quotes: who said what. Direct, partial and reported speech with cue and speaker.

Pipeline per story: split paragraphs, pair quote marks (``quotes.marks``), find
reported speech in the parse (``quotes.cues``), tie each quote to its cue
(``quotes.attribution``) and resolve speakers in text order (``quotes.speakers``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from dateline.extract.base import StoryContext, register
from dateline.extract.quotes.attribution import (
    DIRECT,
    INDIRECT,
    PARTIAL,
    Item,
    Paragraphs,
    containing,
    direct_cue,
    headline_label,
    is_scare_quote,
    is_title,
    lead_in_cue,
    mostly_quoted,
    quote_kind,
    sentence_cue,
    speaker_labels,
)
from dateline.extract.quotes.cue_words import cue_forms
from dateline.extract.quotes.cues import ASSERTED, TokenIndex, modality, reported_speech, unnested
from dateline.extract.quotes.marks import Quoted, find_quoted, split_paragraphs
from dateline.extract.quotes.model import CueModel, load_model
from dateline.extract.quotes.quote_marks import SPEAKER_LABEL_RE
from dateline.extract.quotes.speakers import NOBODY, Speaker, SpeakerResolver
from dateline.record import Quote, Span

_MARKS = "\"“”’'»"


@register("quotes", requires=("entities",))
def make_quotes() -> Callable[[StoryContext], tuple[Quote, ...]]:
    forms = cue_forms()
    model = load_model()

    def extract_quotes(ctx: StoryContext) -> tuple[Quote, ...]:
        return read_quotes(ctx, forms, model)

    return extract_quotes


@dataclass(frozen=True)
class _Story:
    """What every step reads: the doc, its text, token lookups, paragraphs, quoted spans."""

    doc: Doc
    text: str
    index: TokenIndex
    paragraphs: Paragraphs
    quotes: tuple[Quoted, ...]
    forms: frozenset[str]
    model: CueModel | None
    headline: bool  # the first paragraph is the headline


def read_quotes(ctx: StoryContext, forms: frozenset[str], model: CueModel | None = None) -> tuple[Quote, ...]:
    text = ctx.layout.text  # the doc covers a prefix of it: same offsets, and Doc.text is rebuilt per access
    headline = _headline_span(ctx, _doc_end(ctx.doc))
    paragraphs = Paragraphs(headline + _paragraph_spans(ctx, _doc_end(ctx.doc)))
    story = _Story(
        ctx.doc,
        text,
        TokenIndex(ctx.doc),
        paragraphs,
        find_quoted(text, paragraphs.spans),
        forms,
        model,
        bool(headline),
    )
    items = _items(story)
    excluded = [(q.open, q.close) for q in story.quotes] + [(it.start, it.end) for it in items if it.kind == INDIRECT]
    dateline = ctx.layout.dateline
    blocked = [(dateline.start, dateline.end)] if dateline else []
    resolver = SpeakerResolver(ctx.doc, ctx.part("entities"), excluded, text=text, blocked=blocked)
    return _attribute(items, resolver, story)


def _paragraph_spans(ctx: StoryContext, limit: int) -> list[tuple[int, int]]:
    body = ctx.layout.body
    spans = [(max(p.start, body.start), min(p.end, body.end, limit)) for p in ctx.layout.paragraphs]
    spans = [(s, e) for s, e in spans if e > s] or [(body.start, min(body.end, limit))]
    return split_paragraphs(ctx.layout.text, spans)


def _headline_span(ctx: StoryContext, limit: int) -> list[tuple[int, int]]:
    """The headline, read as a paragraph of its own ("Flynn says Trump ...", "Poll: ..."),
    unless it is set in capitals (old wire copy: the parse of "USAIR SAYS IT ..." is noise)."""
    head = ctx.layout.headline
    if head is None or head.end > min(limit, ctx.layout.body.start):
        return []
    letters = [c for c in ctx.layout.text[head.start : head.end] if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return []
    return split_paragraphs(ctx.layout.text, [(head.start, head.end)])[:1]


def _items(story: _Story) -> list[Item]:
    quotes, paragraphs = story.quotes, story.paragraphs
    kinds = [quote_kind(story.text, q, paragraphs.span(q.open)[0], story.forms) for q in quotes]
    direct = {k for k, kind in enumerate(kinds) if kind == DIRECT}
    labelled = speaker_labels(story.text, story.index, paragraphs)
    marked = [(q.open, q.close) for q in quotes] + [(it.start, it.end) for it in labelled]  # no cue inside
    found = reported_speech(story.doc, story.forms, marked, story.model)
    reported = [r for r in unnested(found, story.doc, story.forms, marked) if not mostly_quoted(r, quotes, direct)]
    items = [item for item in (_reported_item(r, paragraphs) for r in reported) if item is not None]
    items += labelled
    if story.headline:
        items += headline_label(story.doc, story.text, story.index, paragraphs.spans[0], 0)
    previous: Item | None = None
    frames = tuple(q for q, kind in zip(quotes, kinds) if kind == DIRECT)  # partial quotes sit inside sentences
    for q, kind in zip(quotes, kinds):
        if SPEAKER_LABEL_RE.match(story.text, q.start):
            continue  # '"PENCE: Well, ...': a transcript line (its label gives the item), marked as a quote
        item = _quote_item(story, q, kind, reported, frames)
        if item is None:
            continue
        item = _continued(item, previous)
        items.append(item)
        if item.kind == DIRECT:
            previous = item
    # a direct quote's cue reports nothing more ('"...," he said in an interview': no "said in")
    quoted_cues = {it.cue.token for it in items if it.kind == DIRECT and it.cue}
    items = [it for it in items if it.kind != INDIRECT or not it.cue or it.cue.token not in quoted_cues]
    return sorted(items, key=lambda it: (min(it.start, it.cue.start if it.cue else it.start), it.start))


def _reported_item(reported, paragraphs: Paragraphs) -> Item | None:
    """Reported speech kept to the cue's paragraph (the parse may run across a headline)."""
    if not paragraphs.spans:
        return None
    para = paragraphs.index(reported.cue.start)
    start, end = paragraphs.spans[para]
    if not start <= reported.cue.start < end:
        return None
    s, e = max(reported.start, start), min(reported.end, end)
    return Item(INDIRECT, s, e, reported.cue, para) if e - s > 1 else None


def _quote_item(story: _Story, q: Quoted, kind: str, reported, frames: tuple[Quoted, ...]) -> Item | None:
    para = story.paragraphs.index(q.open)
    frame = (story.paragraphs.spans[para][0], story.paragraphs.span(max(q.close - 1, q.open))[1])
    if kind == PARTIAL:
        if is_title(story.text[q.start : q.end]):
            return None
        host = containing(reported, q)
        if host is None and is_scare_quote(story.doc, story.index, q):
            return None
        cue = host.cue if host else sentence_cue(story.doc, story.index, q, story.forms)
        return Item(PARTIAL, q.start, q.end, cue, para) if cue is not None else None
    cue = direct_cue(story.doc, story.text, story.index, q, frame, story.forms, frames)
    if cue is None and q.open == frame[0] and para > 0:
        cue = lead_in_cue(story.doc, story.text, story.index, story.paragraphs.spans[para - 1], story.forms)
    quote_only = cue is None and _alone(story.text, q, frame)
    return Item(DIRECT, q.start, q.end, cue, para, quote_only)


def _continued(item: Item, previous: Item | None) -> Item:
    """'"A," Barkley said. "B."': a direct quote with no cue of its own, later in the
    paragraph of an attributed direct quote, goes on with that quote's cue."""
    if (
        item.kind == DIRECT
        and item.cue is None
        and previous is not None
        and previous.kind == DIRECT
        and previous.cue is not None
        and previous.paragraph == item.paragraph
    ):
        return Item(DIRECT, item.start, item.end, previous.cue, item.paragraph)
    return item


def _alone(text: str, q: Quoted, frame: tuple[int, int]) -> bool:
    """The quote is all its paragraph holds (bar punctuation)."""
    rest = text[frame[0] : q.open] + text[q.close : frame[1]]
    return not any(ch.isalnum() for ch in rest)


def _attribute(items: list[Item], resolver: SpeakerResolver, story: _Story) -> tuple[Quote, ...]:
    by_cue: dict[tuple[int, int], Speaker] = {}
    out: list[Quote] = []
    text = story.text
    for item in items:
        speaker = _speaker(item, resolver, story.paragraphs, by_cue)
        cue = item.cue
        out.append(
            Quote(
                id=f"q{len(out) + 1}",
                kind=item.kind,
                text=text[item.start : item.end],
                start=item.start,
                end=item.end,
                speaker=speaker.id,
                speaker_text=speaker.text,
                speaker_span=speaker.span,
                anonymous=speaker.anonymous,
                cue=text[cue.start : cue.end] if cue else None,
                cue_span=Span(cue.start, cue.end) if cue else None,
                speaker_type=speaker.type,
                speakers=(speaker.id, *speaker.others) if speaker.id else (),
                modality=modality(story.doc[cue.token]) if cue else ASSERTED,
                sentence=_sentence(story, item, speaker),
            )
        )
    return tuple(out)


def _sentence(story: _Story, item: Item, speaker: Speaker) -> Span:
    """The whole sentences holding the quote, its cue and where it names its speaker,
    kept inside the quote's paragraph (the parse may join a headline to a sentence)."""
    spans = [(item.start, item.end)] + [(x.start, x.end) for x in (item.cue, speaker.span) if x is not None]
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    first, last = story.index.at(lo), story.index.at(hi - 1)
    start = story.doc[first].sent.start_char if first is not None else lo
    end = story.doc[last].sent.end_char if last is not None else hi
    para = story.paragraphs.span(lo)
    if para[0] <= lo:
        start = max(start, para[0])
    text = story.text
    while end < len(text) and text[end] in _MARKS and not text[end - 1].isspace():  # '... trend."'
        end += 1
    while end > start and (text[end - 1].isspace() or (text[end - 1] in _MARKS and text[end - 2].isspace())):
        end -= 1  # the parse may end a sentence after the next one's opening mark: 'said. "'
    return Span(start, end)


def _speaker(
    item: Item, resolver: SpeakerResolver, paragraphs: Paragraphs, by_cue: dict[tuple[int, int], Speaker]
) -> Speaker:
    if item.cue is not None:
        key = (item.cue.start, item.cue.end)
        if key not in by_cue:
            source = item.cue.source
            if source is not None:
                by_cue[key] = resolver.resolve(source)
            else:  # '"...," adding': the speaker followed, unless the cue names nobody ("is expected to")
                by_cue[key] = NOBODY if item.cue.sourceless else resolver.implicit(item.cue.token)
        else:
            resolver.remember(item.start, by_cue[key])
        return by_cue[key]
    if item.quote_only and item.paragraph > 0:
        earlier = resolver.last_speaker(paragraphs.spans[item.paragraph - 1][0])
        if earlier is not None:
            resolver.remember(item.start, earlier)
            return earlier.unwritten()
    return NOBODY


def _doc_end(doc: Doc) -> int:
    """Where the parsed text stops (quotes are looked for only where there is a parse)."""
    return doc[-1].idx + len(doc[-1].text) if len(doc) else 0
