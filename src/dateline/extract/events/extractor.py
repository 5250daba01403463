"""Events: what happened, who did it with whom, where and when (issue 7).

Runs last: reads the entities, timexes, places and quotes already found, finds event frames
in the dependency parse of the story body (``dateline.extract.events.frames``), fills in the time
and place the story implies (``dateline.extract.events.propagate``) and writes ``Event`` records.
"""

from __future__ import annotations

from dateline.extract.base import Extractor, StoryContext, doc_text, register
from dateline.extract.events.frames import Frame, FrameFinder
from dateline.extract.events.index import StoryIndex
from dateline.extract.events.lexicon import EVENT_TYPES
from dateline.extract.events.propagate import propagate
from dateline.record import Event, Mention

SAY = next(t for t in EVENT_TYPES if t.name == "say")


@register("events", requires=("entities", "timexes", "places", "quotes"))
def make_events(open_class: bool = False) -> Extractor:
    """``open_class=True`` also records every other verb with its participants, as type "other"."""
    finder = FrameFinder(open_class=open_class)

    def extract_events(ctx: StoryContext) -> tuple[Event, ...]:
        frames = find_frames(ctx, finder)
        ids = {id(f): f"ev{n}" for n, f in enumerate(frames, start=1)}
        return tuple(to_event(f, n, ids.get(id(f.same_as))) for n, f in enumerate(frames, start=1))

    return extract_events


def find_frames(ctx: StoryContext, finder: FrameFinder) -> list[Frame]:
    """Frames for the story body, with the implied times and places filled in."""
    index = StoryIndex.build(ctx)
    start, end = _body(ctx)
    frames = finder(index, start, end)
    _attribute_speech(index, frames, ctx, (start, end))
    frames.sort(key=lambda f: f.trigger.i)
    lead, place = _dateline_place(ctx, index)
    propagate(frames, index, ctx.anchor, lead=lead, dateline_place=place)
    return frames


def to_event(frame: Frame, n: int, same_as: str | None = None) -> Event:
    tok = frame.trigger
    return Event(
        id=f"ev{n}",
        type=frame.type.name,
        trigger=Mention(tok.idx, tok.idx + len(tok.text), tok.text),
        who=frame.who_ids(),
        with_=frame.with_ids(),
        where=frame.where[0] if frame.where else None,
        when=frame.when[0] if frame.when else None,
        modality=frame.modality,
        inferred=tuple(sorted(frame.inferred)),
        cameo=frame.type.cameo,
        object=frame.object[0] if frame.object else None,
        how=frame.how,
        same_as=same_as,
    )


def _body(ctx: StoryContext) -> tuple[int, int]:
    """The body without its dateline: events come from the story, not from headers or credits."""
    layout = ctx.layout
    start, end = layout.body.start, min(layout.body.end, len(doc_text(ctx.doc)))
    if layout.dateline is not None and start <= layout.dateline.end <= end:
        start = layout.dateline.end
    if layout.credits_span is not None and start < layout.credits_span.start < end:
        end = layout.credits_span.start
    for b in layout.boilerplate:
        if start < b.start < end:
            end = b.start
    return start, end


def _attribute_speech(index: StoryIndex, frames: list[Frame], ctx: StoryContext, body: tuple[int, int]) -> None:
    """Say events take their speaker from the quotes part; a quote whose cue is not a verb
    the lexicon knows ("according to") still makes a say event."""
    doc = index.doc
    by_token = {f.trigger.i: f for f in frames}
    for quote in ctx.part("quotes"):
        if (
            quote.cue_span is None
            or quote.speaker not in index.entity_type
            or not body[0] <= quote.cue_span.start < body[1]
        ):
            continue
        span = doc.char_span(quote.cue_span.start, quote.cue_span.end, alignment_mode="expand")
        if span is None:
            continue
        frame = next((by_token[t.i] for t in span if t.i in by_token), None)
        if frame is None:
            frame = Frame(span.root, SAY, False, [span.root])
            frames.append(frame)
            by_token[span.root.i] = frame
        if frame.type is SAY and quote.speaker not in frame.who_ids():
            frame.who = [(quote.speaker, _speaker_token(doc, quote))]


def _speaker_token(doc, quote) -> int:
    """Where the quote names its speaker (-1 when it does not, as for a continued quote)."""
    span = (
        doc.char_span(quote.speaker_span.start, quote.speaker_span.end, alignment_mode="expand")
        if quote.speaker_span
        else None
    )
    return span.root.i if span is not None else -1


def _dateline_place(ctx: StoryContext, index: StoryIndex) -> tuple[tuple[int, int] | None, str | None]:
    """The first paragraph's span and the dateline's place entity, when the dateline names one place."""
    dl = ctx.layout.dateline
    if dl is None or len(dl.places) != 1:
        return None, None
    field = dl.places[0]
    span = ctx.doc.char_span(field.start, field.end, alignment_mode="expand")
    eid = next((index.entity_at[t.i] for t in span or () if index.entity_at[t.i] in index.places), None)
    if eid is None:
        name = field.text.casefold()
        eid = next(
            (
                e.id
                for e in ctx.part("entities")
                if e.id in index.places and any(m.text.casefold() == name for m in e.mentions)
            ),
            None,
        )
    lead = next(((p.start, p.end) for p in ctx.layout.paragraphs if p.start <= dl.end <= p.end), None)
    return (lead, eid) if eid else (None, None)


__all__ = ["find_frames", "make_events", "to_event"]
