"""Per-story lookups the frame finder needs: which entity, place or time each token belongs to.

Built once per story from the earlier extractors' public records, in one pass over their
mentions (never over the tokens times a table).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING

from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Token

from dateline.extract.events.lexicon import PLACE_TYPES, RELATIVE_PRONOUNS

if TYPE_CHECKING:  # the extractor package imports this one
    from dateline.extract.base import StoryContext


@dataclass
class StoryIndex:
    doc: Doc
    entity_at: list[str | None]
    entity_type: dict[str, str]
    places: set[str]
    timex_at: list[str | None]
    timex_value: dict[str, str]
    timex_type: dict[str, str]
    quote_spans: list[tuple[int, int, str | None]]  # start, end, cue start
    person_subjects: list[tuple[int, str]] = field(default_factory=list)  # token index, entity id
    org_subjects: list[tuple[int, str]] = field(default_factory=list)
    paragraph: list[int] = field(default_factory=list)  # paragraph number of each token
    names: dict[str, str | None] = field(default_factory=dict)  # mention text -> entity id (None: ambiguous)
    _kids: dict[int, tuple[Token, ...]] = field(default_factory=dict, repr=False)  # kids(), once per token

    @classmethod
    def build(cls, ctx: StoryContext) -> StoryIndex:
        doc = ctx.doc
        entity_at: list[str | None] = [None] * len(doc)
        types: dict[str, str] = {}
        names: dict[str, str | None] = {}
        for ent in ctx.part("entities"):
            if getattr(ent, "journalist", False):
                continue
            types[ent.id] = ent.type
            for m in ent.mentions:
                _mark(doc, entity_at, m.start, m.end, ent.id)
                _name(names, m.text, ent.id)
            if ent.type == "PERSON" and " " in ent.name:  # "Sander" for "Ivo Sander"
                _name(names, ent.name.rsplit(" ", 1)[1], ent.id)
        places = {p.entity for p in ctx.part("places") if getattr(p, "entity", None) and not p.metonym}
        places |= {eid for eid, t in types.items() if t in PLACE_TYPES}
        timex_at: list[str | None] = [None] * len(doc)
        values, ttypes = {}, {}
        for tx in ctx.part("timexes"):
            values[tx.id], ttypes[tx.id] = tx.value, tx.type
            _mark(doc, timex_at, tx.start, tx.end, tx.id)
        quotes = [(q.start, q.end, q.cue_span.start if q.cue_span else None) for q in ctx.part("quotes")]
        index = cls(doc, entity_at, types, places, timex_at, values, ttypes, quotes)
        index.paragraph = _paragraphs(doc)
        index.names = names
        index.person_subjects = index._subjects_of("PERSON")
        index.org_subjects = index._subjects_of("ORG")
        return index

    # The parser sometimes links across a blank line when it missed the sentence break there;
    # such arcs are noise, so the frame finder reads the tree through these two views.
    def head(self, tok: Token) -> Token:
        head = tok.head
        return head if self.paragraph[head.i] == self.paragraph[tok.i] else tok

    def kids(self, tok: Token) -> tuple[Token, ...]:
        """Kept per token: a head with a thousand conjuncts is asked once per frame below it."""
        found = self._kids.get(tok.i)
        if found is None:
            par = self.paragraph[tok.i]
            found = self._kids[tok.i] = tuple(c for c in tok.children if self.paragraph[c.i] == par)
        return found

    def _subjects_of(self, etype: str) -> list[tuple[int, str]]:
        out = []
        for i, eid in enumerate(self.entity_at):
            if eid and self.entity_type.get(eid) == etype and self.doc[i].dep_ in ("nsubj", "nsubjpass"):
                out.append((i, eid))
        return out

    def entity(self, tok: Token) -> str | None:
        """The entity whose mention covers the token; else, for a proper noun the NER missed
        ("the Sander-Holm summit"), the one entity the story names so."""
        eid = self.entity_at[tok.i]
        if eid is None and tok.pos_ == "PROPN":
            return self.names.get(tok.text.casefold())
        return eid

    def type_of(self, eid: str | None) -> str | None:
        return self.entity_type.get(eid) if eid else None

    def last_person(self, before: int) -> str | None:
        """The most recent PERSON subject before a token: the fallback antecedent of "he"."""
        return _last(self.person_subjects, before)

    def last_org(self, before: int, within: int = 0) -> str | None:
        """The most recent organisation subject (at or after token ``within``): the fallback
        for "the company", and for "it" inside one sentence."""
        return _last(self.org_subjects, before, within)

    def antecedent(self, pronoun: Token) -> str | None:
        """A relative pronoun's antecedent: the head noun if it is an entity, else the nearest
        entity before it in the sentence ("X's father, Y, in 2002, who also met ...")."""
        if pronoun.lower_ not in RELATIVE_PRONOUNS:
            return None
        clause = self.head(pronoun)
        noun = self.head(clause) if clause.dep_ == "relcl" else None
        want = ("PERSON",) if pronoun.lower_ in ("who", "whom", "whose") else None
        if (
            noun is not None
            and self.entity_at[noun.i]
            and (want is None or self.type_of(self.entity_at[noun.i]) in want)
        ):
            return self.entity_at[noun.i]
        for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
            eid = self.entity_at[i]
            if eid and (want is None or self.type_of(eid) in want):
                return eid
        return None

    def in_quote(self, tok: Token) -> bool:
        return any(s <= tok.idx < e and cue != tok.idx for s, e, cue in self.quote_spans)


def _last(subjects: list[tuple[int, str]], before: int, within: int = 0) -> str | None:
    k = bisect_left(subjects, (before, ""))
    return subjects[k - 1][1] if k and subjects[k - 1][0] >= within else None


def _name(names: dict[str, str | None], text: str, eid: str) -> None:
    key = text.casefold()
    names[key] = eid if names.get(key, eid) == eid else None


def _paragraphs(doc: Doc) -> list[int]:
    """The paragraph number of each token: a white-space token with a blank line starts the next
    (only white-space tokens are looked at as Token objects)."""
    starts = [0] * len(doc)
    for i in doc.to_array(IS_SPACE).nonzero()[0]:
        if doc[int(i)].text.count("\n") >= 2:
            starts[int(i)] = 1
    return list(accumulate(starts))


def _mark(doc: Doc, table: list, start: int, end: int, value: str) -> None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    for i in range(span.start, span.end):
        table[i] = value
