"""Tie quoted spans and reported speech to their cues, then to speakers, in text order.

Direct quotes look for a cue in the rest of their sentence ('"...," he said') and
then before the opening mark ('He said: "..."'); the two halves of a quote split by
its cue share that cue. A paragraph that is only a quote continues the speaker of the
paragraph before; a partial quote takes the cue of the reported speech it sits in.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from dateline.extract.quotes.cue_words import DOCUMENT_HEADS, MANNER_CUES
from dateline.extract.quotes.cues import (
    SUBJECTS,
    Cue,
    Reported,
    TokenIndex,
    is_cue_verb,
    non_speech,
    phrase_cue,
    subject_of,
    verb_cue,
)
from dateline.extract.quotes.marks import Quoted
from dateline.extract.quotes.quote_marks import (
    DESK_LABELS,
    HEADLINE_LABEL_RE,
    SIGNATURE_RE,
    SIGNATURE_TAIL,
    SPEAKER_LABEL_RE,
)
from dateline.extract.quotes.speakers import NOT_SPEAKERS

DIRECT = "direct"
PARTIAL = "partial"
INDIRECT = "indirect"
_SENTENCE_END = frozenset(".!?")
_LEAD_IN = frozenset(":,;—–-")
AFTER_STOP_TOKENS = 4  # how far a cue may follow a quote that ends its own sentence


@dataclass(frozen=True, slots=True)
class Item:
    """One attribution before its speaker is known: content span, kind and cue."""

    kind: str
    start: int
    end: int
    cue: Cue | None
    paragraph: int
    quote_only: bool = False


class Paragraphs:
    """Which paragraph a char offset falls in."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = list(spans)
        self.starts = [s for s, _ in self.spans]

    def index(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def span(self, char: int) -> tuple[int, int]:
        return self.spans[self.index(char)] if self.spans else (0, char)


def quote_kind(text: str, quoted: Quoted, para_start: int, forms: frozenset[str]) -> str:
    """Direct when the quote stands as a sentence or a line, or follows a cue; partial when woven in."""
    line_start = text[para_start : quoted.open].rstrip(" \t").endswith("\n")
    before = text[para_start : quoted.open].rstrip()
    if line_start or not before or before[-1] in _SENTENCE_END or before[-1] in _LEAD_IN or _closes_quote(before):
        return DIRECT
    if _after_signature(text, para_start, quoted.open):
        return DIRECT
    words = before.split()
    inner = text[quoted.start : quoted.end].lstrip("'‘\"“ ")
    if words and words[-1].lower() in forms and inner[:1].isupper():
        return DIRECT
    return PARTIAL


def _after_signature(text: str, para_start: int, open_: int) -> bool:
    """'"..." ― Sonya Herridge "During ...': a quote right after another quote's signature
    (vox-pop lines, joined into one paragraph) stands on its own."""
    close = max(text.rfind(m, para_start, open_) for m in '"”»')
    if close < 0:
        return False
    found = SIGNATURE_RE.match(text, close + 1)
    return found is not None and all(ch in SIGNATURE_TAIL for ch in text[found.end() : open_])


def _closes_quote(before: str) -> bool:
    return before[-1] in "\"”»'’"


def direct_cue(
    doc: Doc,
    text: str,
    index: TokenIndex,
    quoted: Quoted,
    frame: tuple[int, int],
    forms: frozenset[str],
    quotes: Sequence[Quoted],
) -> Cue | None:
    """The cue in the quote's own sentence: after the closing mark, else before the opening.

    Next to a quote ('"...," Bozell answers' / 'She retorted: "..."') the construction
    itself marks the attribution, so any verb with a subject there is the cue; a quote
    signed with a dash and a name ('"..." ― Maria Lopez') has the dash for its cue.
    """
    signed = signature_cue(text, index, quoted)
    if signed is not None:
        return signed
    span = _after_frame(doc, index, quoted, frame, quotes)
    if text[quoted.start : quoted.end].rstrip().endswith("."):
        # '"... missing." Trump said.': a listed cue right after a finished sentence
        cue = _pick(_cues_in(doc, index, _first_tokens(doc, index, span, AFTER_STOP_TOKENS), forms), first=True)
    else:
        cue = _pick(_cues_in(doc, index, span, forms), first=True)
        if cue is None and not text[quoted.close : span[1]][:1].isalnum():
            cue = _pick(_verbs_in(doc, index, span), first=True) or _manner_cue(doc, index, span)
    if cue is not None:
        return cue
    span = _before_frame(doc, index, quoted, frame, quotes)
    cue = _adjacent_verb(doc, index, span) or _pick(_cues_in(doc, index, span, forms), first=False)
    if cue is None and text[span[0] : quoted.open].rstrip()[-1:] in (":", ","):
        cue = _pick(_verbs_in(doc, index, span), first=False)
    return cue


def _manner_cue(doc: Doc, index: TokenIndex, span: tuple[int, int]) -> Cue | None:
    """'"...!" railed Cleaver': a verb of speaking manner first after the closing mark, its
    subject after it, is the cue however the parse reads it (often as an adjective)."""
    words = [i for i in index.between(*span) if not doc[i].is_punct and not doc[i].is_space]
    if not words or doc[words[0]].lower_ not in MANNER_CUES:
        return None
    source = _adjacent_source(doc, words[0], span, index)
    if source is None or source < words[0]:
        return None
    token = doc[words[0]]
    return Cue(token.idx, token.idx + len(token.text), token.i, source)


def _adjacent_verb(doc: Doc, index: TokenIndex, span: tuple[int, int]) -> Cue | None:
    """'When Clinton noted ..., Trump boasted, "That makes me smart."': the verb right before
    the comma or colon that opens the quote is its cue, whatever cue came earlier in the
    sentence."""
    tokens = index.between(*span)
    if len(tokens) < 2 or doc[tokens[-1]].text not in (",", ":"):
        return None
    verb = doc[tokens[-2]]
    if verb.pos_ != "VERB" or verb.dep_ in ("amod", "acl", "relcl"):
        return None
    cue = verb_cue(verb)
    return cue if cue.source is not None and span[0] <= doc[cue.source].idx < span[1] else None


def signature_cue(text: str, index: TokenIndex, quoted: Quoted) -> Cue | None:
    """'"..." ― Maria Lopez, 42': the dash is the cue and the name after it the source."""
    found = SIGNATURE_RE.match(text, quoted.close)
    dash, name = (index.at(found.start(1)), index.at(found.start(2))) if found else (None, None)
    if found is None or dash is None or name is None:
        return None
    words = index.between(found.start(2), found.end(2))
    while name + 1 in words and index.doc[name].dep_ == "compound" and index.doc[name].head.i in words:
        name = index.doc[name].head.i  # 'Ines Marlow': the name's head, not its first word
    return Cue(found.start(1), found.end(1), dash, name)


def speaker_labels(text: str, index: TokenIndex, paragraphs: Paragraphs) -> list[Item]:
    """Transcript lines ('PENCE: Well, look, ...'): the label is the source, the colon the
    cue, and the rest of the paragraph what was said."""
    items: list[Item] = []
    for k, (start, end) in enumerate(paragraphs.spans):
        found = SPEAKER_LABEL_RE.match(text, start)
        if found is not None and found.group(1) in DESK_LABELS:
            found = None  # 'NOTE: Share adjusted for ...': the desk's footnote, no one's words
        content_end = len(text[:end].rstrip(' \t\n"”'))
        if found is None or found.end() >= end:
            last = items[-1] if items else None
            if (
                last is not None
                and last.paragraph == k - 1
                and text[start] in _QUOTE_OPENERS
                and text[start + 1 : start + 2] not in ("(", "[")  # '"(CROSSTALK.)': no one's words
                and last.cue
            ):
                # '"PENCE: ...' then '"Mark Cuban has ...': a paragraph opening with a mark goes on
                # with the turn before (a quote running over paragraphs reopens each one)
                items.append(Item(DIRECT, start + 1, content_end, last.cue, k))
            continue
        colon, name = index.at(found.start(2)), index.at(found.start(1))
        if colon is None or name is None:
            continue
        if content_end - found.end() > 1:
            items.append(Item(DIRECT, found.end(), content_end, Cue(found.start(2), found.end(2), colon, name), k))
    return items


_LABEL_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_QUOTE_OPENERS = "\"“‘'"


def headline_label(doc: Doc, text: str, index: TokenIndex, headline: tuple[int, int], paragraph: int) -> list[Item]:
    """'Sanders: Clinton needs to ...', 'Poll: Clinton and Trump in dead heat': a headline
    whose label before the colon is a name (every word in an entity, or a surname the story
    names in full: "Pence" for "Mike Pence") or a document ("Poll", "New Report") gives
    that source's words after it. 'The Latest:' and 'Stealth Over
    Health:' name no one and stay headlines."""
    found = HEADLINE_LABEL_RE.match(text, headline[0])
    if found is None or found.end() >= headline[1]:
        return []
    label = [doc[i] for i in index.between(found.start(1), found.end(1))]
    words = [t for t in label if t.is_alpha]
    if not words or len(label) > 5:
        return []
    named = all(t.ent_type_ in _LABEL_ENTITIES for t in words) or (
        len(words) <= 3
        and all(t.text[:1].isupper() for t in words)
        and any(e.label_ in _LABEL_ENTITIES and e[-1].lower_ == words[-1].lower_ for e in doc.ents)
    )
    if not named and words[-1].lower_ not in DOCUMENT_HEADS:
        return []
    colon = index.at(found.start(2))
    content_end = len(text[: headline[1]].rstrip(" \t\n.;"))
    if colon is None or len(text[found.end() : content_end].split()) < 3:
        return []
    kind = DIRECT if text[found.end()] in _QUOTE_OPENERS else INDIRECT
    start = found.end() + (kind == DIRECT)
    return [Item(kind, start, content_end, Cue(found.start(2), found.end(2), colon, label[-1].i), paragraph)]


def _first_tokens(doc: Doc, index: TokenIndex, span: tuple[int, int], n: int) -> tuple[int, int]:
    tokens = index.between(*span)[:n]
    if not tokens:
        return span[0], span[0]
    last = doc[tokens[-1]]
    return span[0], min(span[1], last.idx + len(last.text))


def lead_in_cue(
    doc: Doc, text: str, index: TokenIndex, paragraph: tuple[int, int], forms: frozenset[str]
) -> Cue | None:
    """'Cruz continued:' closing the paragraph before a quote paragraph: its cue."""
    if not text[paragraph[0] : paragraph[1]].rstrip().endswith(":"):
        return None
    span = (_sentence_start(doc, index, paragraph[0], paragraph[1]), paragraph[1])
    return _pick(_cues_in(doc, index, span, forms), first=False) or _pick(_verbs_in(doc, index, span), first=False)


def _after_frame(
    doc: Doc, index: TokenIndex, quoted: Quoted, frame: tuple[int, int], quotes: Sequence[Quoted]
) -> tuple[int, int]:
    end = frame[1]
    nxt = next((q.open for q in quotes if q.open >= quoted.close), None)
    if nxt is not None:
        end = min(end, nxt)
    for i in index.between(quoted.close, end):
        if doc[i].text in _SENTENCE_END:
            return quoted.close, doc[i].idx
    return quoted.close, end


def _before_frame(
    doc: Doc, index: TokenIndex, quoted: Quoted, frame: tuple[int, int], quotes: Sequence[Quoted]
) -> tuple[int, int]:
    start = frame[0]
    prev = [q.close for q in quotes if q.close <= quoted.open]
    if prev:
        start = max(start, prev[-1])
    return _sentence_start(doc, index, start, quoted.open), quoted.open


def _sentence_start(doc: Doc, index: TokenIndex, start: int, end: int) -> int:
    """After the last full stop token in [start, end) (abbreviations keep their own dot)."""
    for i in reversed(index.between(start, end)):
        if doc[i].text in _SENTENCE_END and doc[i].idx + 1 < end:
            return doc[i].idx + 1
    return start


def _cues_in(doc: Doc, index: TokenIndex, span: tuple[int, int], forms: frozenset[str]) -> list[Cue]:
    cues = []
    for i in index.between(*span):
        token = doc[i]
        cue = phrase_cue(token)
        if cue is None and is_cue_verb(token, forms):
            cue = verb_cue(token)
            if cue.source is None or not span[0] <= doc[cue.source].idx < span[1]:
                cue = Cue(cue.start, cue.end, cue.token, _adjacent_source(doc, i, span, index))
        if cue is not None:
            cues.append(cue)
    return cues


def _verbs_in(doc: Doc, index: TokenIndex, span: tuple[int, int]) -> list[Cue]:
    """Any verb whose subject is in the frame too."""
    cues = []
    for i in index.between(*span):
        token = doc[i]
        if token.pos_ == "VERB" and token.dep_ not in ("amod", "acl", "relcl"):
            cue = verb_cue(token)
            if (
                cue.source is not None
                and span[0] <= doc[cue.source].idx < span[1]
                and doc[cue.source].ent_type_ not in NOT_SPEAKERS
            ):
                cues.append(cue)
    return cues


def _adjacent_source(doc: Doc, i: int, span: tuple[int, int], index: TokenIndex) -> int | None:
    """'," said Maria Lopez' / 'Murphy, the head of X, Tweeted': a subject the parse missed."""
    inside = index.between(*span)
    if i + 1 in inside and doc[i + 1].pos_ in ("PROPN", "PRON", "NOUN") and doc[i + 1].ent_type_ not in NOT_SPEAKERS:
        return _noun_head(doc[i + 1], inside)  # never the day: '," Chief Jordan said Monday.'
    for j in range(inside.start, i):  # the frame opens with its speaker: '," Mayor X, wearing ..., said'
        if doc[j].ent_type_ in NOT_SPEAKERS:
            continue
        if doc[j].dep_ in SUBJECTS or (doc[j].pos_ in ("PROPN", "PRON") and doc[j].dep_ != "compound"):
            return _noun_head(doc[j], inside)
    return None


def _noun_head(token, inside: range) -> int:
    while token.dep_ == "compound" and token.head.i in inside:
        token = token.head
    return token.i


def _pick(cues: list[Cue], first: bool) -> Cue | None:
    if not cues:
        return None
    return cues[0] if first else cues[-1]


def sentence_cue(doc: Doc, index: TokenIndex, quoted: Quoted, forms: frozenset[str]) -> Cue | None:
    """For a partial quote outside reported speech: the nearest cue verb of its sentence."""
    i = index.at(quoted.start)
    if i is None:
        return None
    sent = doc[i].sent
    best = None
    for token in sent:
        if quoted.open <= token.idx < quoted.close or not is_cue_verb(token, forms):
            continue
        if subject_of(token) is None:
            continue
        if best is None or abs(token.i - i) < abs(best.i - i):
            best = token
    # 'branded North Korea an "outlaw nation"': the verb governing the quote, unless it reports
    # no speech ('hired "a small army" of volunteers' is a scare quote)
    if best is None:
        best = next(
            (
                t
                for t in doc[i].ancestors
                if t.pos_ == "VERB"
                and not quoted.open <= t.idx < quoted.close
                and subject_of(t) is not None
                and not non_speech(t)
            ),
            None,
        )
    return verb_cue(best) if best is not None else None


_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "appos"})  # of a noun
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def is_scare_quote(doc: Doc, index: TokenIndex, quoted: Quoted) -> bool:
    """'the "sex tape" reference', 'Tea Party "super PACs" ... had seized', 'a "philanthropub"
    that ...': a few quoted words without a verb that modify a noun or stand as a subject
    mark a term, not words anyone is said to have spoken ('called him a "loser"' is an
    object of its cue and stays)."""
    tokens = [doc[i] for i in index.between(quoted.start, quoted.end)]
    if not tokens or sum(t.is_alpha for t in tokens) > 3 or any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return False
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside and not t.is_punct]
    return bool(roots) and all(
        t.dep_ in _SUBJECT_DEPS or (t.dep_ in _MODIFIER_DEPS and t.head.pos_ in ("NOUN", "PROPN")) for t in roots
    )


_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "on", "in", "and", "or", "for", "to", "at", "by", "with"})


def is_title(words: str) -> bool:
    """'"The Wall Street Journal"', '"War On Drugs"': a quoted name in title case is a
    title or a nickname, not words anyone is said to have spoken."""
    tokens = words.strip(" ,.;:").split()
    return (
        0 < len(tokens) <= 6
        and all(t[:1].isupper() or t.lower() in _TITLE_SMALL_WORDS for t in tokens)
        and tokens[0][:1].isupper()
        and not words.rstrip().endswith(("?", "!"))
    )


def containing(reported: Sequence[Reported], quoted: Quoted) -> Reported | None:
    for item in reported:
        if item.start <= quoted.start and quoted.end <= item.end + 2:
            return item
    return None


def mostly_quoted(item: Reported, quotes: Sequence[Quoted], direct: set[int]) -> bool:
    """Reported content that is really a direct quote (the direct quote carries it)."""
    covered = sum(max(0, min(item.end, q.close) - max(item.start, q.open)) for k, q in enumerate(quotes) if k in direct)
    return covered > 0.5 * (item.end - item.start)
