"""Modality of an event mention: asserted, planned, reported, negated or hypothetical.

Read from the trigger's own auxiliaries and from the verbs that govern it ("is expected to
meet", "would hope to", "the agency reported that ..."). When several apply, the strongest wins:
negated > hypothetical > planned > reported > asserted, so "X said the leaders will meet"
is planned, which is what a timeline needs.
"""

from __future__ import annotations

from spacy.attrs import DEP, LOWER
from spacy.tokens import Token

from dateline.extract.events import lexicon as lx
from dateline.extract.events.index import StoryIndex
from dateline.extract.events.inflect import forms

NOUN_CLIMB = frozenset({"pobj", "prep", "dobj", "nsubj", "nsubjpass", "conj", "appos", "attr", "compound"})


class Modality:
    def __init__(self) -> None:
        self.report = _verb_forms(lx.REPORT_VERBS)
        self.plan = _verb_forms(lx.PLAN_WORDS)
        self.hypothetical = _verb_forms(lx.HYPOTHETICAL_WORDS)

    def __call__(self, index: StoryIndex, trigger: Token) -> str:
        chain = governors(index, trigger)
        if _negated(index, chain):
            return "negated"
        if self._hypothetical(index, chain):
            return "hypothetical"
        if self._planned(index, trigger, chain):
            return "planned"
        if self._reported(index, trigger) or index.in_quote(trigger):
            return "reported"
        return "asserted"

    def _hypothetical(self, index: StoryIndex, chain: list[Token]) -> bool:
        for i, tok in enumerate(chain):
            if i and tok.lower_ in self.hypothetical:
                return True
            for c in index.kids(tok):
                if c.dep_ == "aux" and c.lower_ in lx.HYPOTHETICAL_AUX:
                    return True
                if c.dep_ == "mark" and c.lower_ in lx.CONDITION_MARKS:
                    return True
        return False

    def _planned(self, index: StoryIndex, trigger: Token, chain: list[Token]) -> bool:
        for i, tok in enumerate(chain):
            if i and tok.lower_ in self.plan:
                return True
            for c in index.kids(tok):
                if c.dep_ == "aux" and (c.lower_ in lx.FUTURE_AUX or c.lower_ == "going"):
                    return True
        return trigger.pos_ == "NOUN" and any(
            c.lower_ in lx.PLAN_MODIFIERS and c.dep_ in ("amod", "acl", "compound") for c in index.kids(trigger)
        )

    def _reported(self, index: StoryIndex, trigger: Token) -> bool:
        """Under a reporting verb or "according to", climbing at most ``MAX_CLIMB`` heads (a
        run-on chain of conjuncts must not make every trigger walk the whole sentence)."""
        tok = trigger
        for _ in range(MAX_CLIMB):
            if index.head(tok).i == tok.i:
                break
            head = index.head(tok)
            if tok.dep_ in ("ccomp", "parataxis") and head.lower_ in self.report:
                return True
            if tok.dep_ != "prep" and head.i in _according_heads(index):
                return True
            tok = head
        return False


MAX_CLIMB = 50  # heads: deeper than any real clause nesting


def _according_heads(index: StoryIndex) -> frozenset[int]:
    """Tokens with an "according (to)" child in their paragraph, found once per story (a head
    with a thousand conjuncts must not list its children for every trigger below it)."""
    found = getattr(index, "_according", None)
    if found is None:
        doc = index.doc
        strings = doc.vocab.strings
        rows = doc.to_array([LOWER, DEP])  # one pass in C, not a Token object per word
        hits = ((rows[:, 0] == strings.add("according")) & (rows[:, 1] == strings.add("prep"))).nonzero()[0]
        found = frozenset(index.head(doc[int(i)]).i for i in hits if index.head(doc[int(i)]).i != int(i))
        index._according = found  # type: ignore[attr-defined]  # a per-story cache kept on the index
    return found


def governors(index: StoryIndex, trigger: Token) -> list[Token]:
    """The trigger and the verbs whose auxiliaries and meaning bear on it."""
    chain = [trigger]
    tok = trigger
    if tok.pos_ == "NOUN":
        while tok.dep_ in NOUN_CLIMB and index.head(tok).i != tok.i and tok.pos_ not in ("VERB", "AUX"):
            tok = index.head(tok)
        if tok.i != trigger.i and tok.pos_ in ("VERB", "AUX"):
            chain.append(tok)
    while tok.dep_ in ("xcomp", "conj", "acomp") and index.head(tok).i != tok.i and len(chain) < 6:
        tok = index.head(tok)
        chain.append(tok)
    return chain


def _negated(index: StoryIndex, chain: list[Token]) -> bool:
    return any(c.lower_ in lx.NEGATORS and c.dep_ in ("neg", "det", "advmod") for tok in chain for c in index.kids(tok))


def _verb_forms(words) -> frozenset[str]:
    return frozenset(f for w in words for f in forms(w, "VERB")) | frozenset(words)
