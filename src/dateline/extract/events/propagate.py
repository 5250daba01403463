"""Time and place the story implies but does not state beside the trigger.

Each step fills only what is missing and records it in ``Frame.inferred``, in this order:
1. a later or earlier mention of the same event (same type and agent) states it;
2. a narrative continuation ("He then toured ...") happens where the agent's last event did;
3. an event nested in another's argument ("built ahead of a 1986 visit") happens where it does;
4. a main-clause past or present event with no date happens on the story's own day;
5. a lead-paragraph event with no place happens at the dateline's place, when it names one;
6. an event dated after the story's day is planned.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date

from spacy.tokens import Token

from dateline.extract.events import lexicon as lx
from dateline.extract.events.frames import Frame
from dateline.extract.events.index import StoryIndex
from dateline.extract.events.timeline import date_range

COREF_WINDOW = 3  # sentences
CONTINUATION_WINDOW = 6  # sentences
# Pair passes compare a frame with at most this many others of its kind, so a run-on
# "A met B and A met C and ..." costs linear time, not quadratic (or cubic) time.
PAIR_CAP = 32
INHERIT_DEPS = frozenset(
    {
        "pobj",
        "prep",
        "dobj",
        "nsubj",
        "nsubjpass",
        "acl",
        "advmod",
        "compound",
        "appos",
        "npadvmod",
        "attr",
        "pcomp",
        "xcomp",
    }
)


def propagate(
    frames: list[Frame],
    index: StoryIndex,
    anchor: date | None,
    lead: tuple[int, int] | None = None,
    dateline_place: str | None = None,
) -> None:
    sentences = _sentence_numbers(frames, index)
    _same_event(frames, sentences)
    _continuation(frames, sentences, index)
    _nested(frames, index)
    today = _story_day_timex(index, anchor)
    if today:
        _story_day(frames, today, index)
        _nested(frames, index)  # "after crossing the border": the day of the event it qualifies
    if dateline_place and lead:
        _dateline_place(frames, lead, dateline_place)
    if anchor:
        _planned_by_date(frames, index, anchor)
    _link_same(frames, index)


def _fill(target: Frame, source: Frame) -> None:
    if target.when is None and source.when is not None:
        target.when = source.when
        target.inferred.add("when")
    if target.where is None and source.where is not None:
        target.where = source.where
        target.inferred.add("where")


def _sentence_numbers(frames: list[Frame], index: StoryIndex) -> dict[int, int]:
    """Each frame's sentence number, by ``id(frame)``: one pass over the sentences, never a
    ``Token.sent`` per pair (that walks the whole sentence each time)."""
    starts = [s.start for s in index.doc.sents]
    return {id(f): max(0, bisect_right(starts, f.trigger.i) - 1) for f in frames}


def _same_event(frames: list[Frame], sentences: dict[int, int]) -> None:
    """Fill each frame from the same event mentioned within ``COREF_WINDOW`` sentences: same
    type and agents, counterparts one within the other, both planned or neither."""
    groups: dict[tuple, list[Frame]] = {}
    for f in frames:
        if f.who_ids():
            groups.setdefault((f.type.name, frozenset(f.who_ids())), []).append(f)
    for group in groups.values():
        numbers = [sentences[id(f)] for f in group]  # frames come in text order
        for a in group:
            here = sentences[id(a)]
            lo = bisect_left(numbers, here - COREF_WINDOW)
            near = [
                b for b in group[lo : lo + PAIR_CAP + 1] if b is not a and abs(sentences[id(b)] - here) <= COREF_WINDOW
            ]
            wa = set(a.with_ids())
            for b in near[:PAIR_CAP]:
                wb = set(b.with_ids())
                if (wa <= wb or wb <= wa) and (a.modality == "planned") == (b.modality == "planned"):
                    _fill(a, b)


def _link_same(frames: list[Frame], index: StoryIndex) -> None:
    """Mark a later mention of the same happening, so a timeline counts it once: same type and
    agent, compatible counterparts, place, date and modality, and one of them shared."""
    originals: dict[str, list[Frame]] = {}  # by type: the first PAIR_CAP frames repeating none before
    for later in frames:
        if later.type.name == "say":
            continue
        earlier = originals.setdefault(later.type.name, [])
        if later.who_ids():
            later.same_as = next((f for f in earlier if _same_happening(f, later, index)), None)
            if later.same_as is not None:
                continue
        if len(earlier) < PAIR_CAP:
            earlier.append(later)


def _same_happening(a: Frame, b: Frame, index: StoryIndex) -> bool:
    if a.type is not b.type or (a.modality == "planned") != (b.modality == "planned"):
        return False
    if a.type.symmetric:
        pa, pb = set(a.who_ids()) | set(a.with_ids()), set(b.who_ids()) | set(b.with_ids())
        if not (pa <= pb or pb <= pa):
            return False
    elif set(a.who_ids()) != set(b.who_ids()) or not (
        set(a.with_ids()) <= set(b.with_ids()) or set(b.with_ids()) <= set(a.with_ids())
    ):
        return False
    when_a = index.timex_value.get(a.when[0]) if a.when else None
    when_b = index.timex_value.get(b.when[0]) if b.when else None
    where_a, where_b = (a.where[0] if a.where else None), (b.where[0] if b.where else None)
    if (when_a and when_b and when_a != when_b) or (where_a and where_b and where_a != where_b):
        return False
    shared_with = set(a.with_ids()) & set(b.with_ids())
    same_parties = (
        a.type.symmetric
        and len(set(a.who_ids()) | set(a.with_ids())) > 1
        and set(a.who_ids()) | set(a.with_ids()) == set(b.who_ids()) | set(b.with_ids())
    )
    return bool((when_a and when_a == when_b) or (where_a and where_a == where_b) or shared_with or same_parties)


def _continuation(frames: list[Frame], sentences: dict[int, int], index: StoryIndex) -> None:
    for n, frame in enumerate(frames):
        if frame.where is not None or not any(c.lower_ in lx.SEQUENCE_ADVERBS for c in index.kids(frame.trigger)):
            continue
        here = sentences[id(frame)]
        candidates = [
            f
            for f in frames[max(0, n - PAIR_CAP) : n]
            if f.where is not None
            and set(f.who_ids()) & set(frame.who_ids())
            and 0 <= here - sentences[id(f)] <= CONTINUATION_WINDOW
        ]
        if candidates:  # the latest sentence's main event, not an "after crossing" inside it
            last = max(sentences[id(f)] for f in candidates)
            _fill(
                frame, min((f for f in candidates if sentences[id(f)] == last), key=lambda f: _depth(index, f.trigger))
            )


def _depth(index: StoryIndex, tok: Token) -> int:
    depth = 0
    while index.head(tok).i != tok.i and depth < 50:
        tok, depth = index.head(tok), depth + 1
    return depth


def _nested(frames: list[Frame], index: StoryIndex) -> None:
    by_token = {f.trigger.i: f for f in frames}
    for frame in frames:
        parent = _governing_event(index, frame.trigger, by_token)
        if parent is not None:
            _fill(frame, parent)


def _governing_event(index: StoryIndex, tok: Token, by_token: dict[int, Frame]) -> Frame | None:
    """The event whose argument this trigger sits in, through argument links only (not
    relative clauses, which describe a participant at another time)."""
    while tok.dep_ in INHERIT_DEPS and index.head(tok).i != tok.i:
        tok = index.head(tok)
        if tok.i in by_token:
            return by_token[tok.i]
    return None


def _story_day_timex(index: StoryIndex, anchor: date | None) -> str | None:
    if anchor is None:
        return None
    day = anchor.isoformat()
    exact = [tid for tid, value in index.timex_value.items() if value == day]
    return next(iter(exact), None) or next((t for t, v in index.timex_value.items() if v[:10] == day), None)


def _story_day(frames: list[Frame], timex: str, index: StoryIndex) -> None:
    for frame in frames:
        if (
            frame.when is None
            and not frame.nominal
            and frame.modality in ("asserted", "reported")
            and _recent_tense(index, frame.trigger)
        ):
            frame.when = (timex, -1)
            frame.inferred.add("when")


def _recent_tense(index: StoryIndex, verb: Token) -> bool:
    """Simple past, present or present perfect: news tells the day's events so; past perfect
    ("had led") and participles without auxiliaries point elsewhere."""
    aux = [c.lower_ for c in index.kids(verb) if c.dep_ in ("aux", "auxpass")]
    if "had" in aux:
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.tag_ == "VBN" and bool({"has", "have"} & set(aux)))


def _dateline_place(frames: list[Frame], lead: tuple[int, int], place: str) -> None:
    for frame in frames:
        if (
            frame.where is None
            and not frame.nominal
            and lead[0] <= frame.trigger.idx < lead[1]
            and frame.modality == "asserted"
        ):
            frame.where = (place, -1)
            frame.inferred.add("where")


def _planned_by_date(frames: list[Frame], index: StoryIndex, anchor: date) -> None:
    for frame in frames:
        if frame.when is None or frame.modality not in ("asserted", "reported"):
            continue
        span = date_range(index.timex_value.get(frame.when[0], ""))
        if span is not None and span[0] > anchor:
            frame.modality = "planned"
