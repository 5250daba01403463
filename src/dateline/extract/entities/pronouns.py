"""Pronouns and descriptions as mentions of the people they refer to.

Only where it matters to who-said-what and who-did-what: "he"/"she" as the subject of
a verb, and role descriptions ("the official", "the young leader", "a U.S. State
Department official") as subjects. Cheap salience rules over the parse, in text order:

- a pronoun refers to the nearest earlier subject in its own sentence, else to the
  subject of the nearest earlier sentence that has a person subject (a pronoun subject
  first, as it carries the topic on; then the main clause's), else to the most recent person named in the last two sentences; a known
  gender (from "his sister", "Mr.", a first name, or an earlier pronoun) must agree;
- a pronoun that had only one person to refer to tells that person's gender to the
  pronouns after it ("Lee ... She said ... he" cannot be Lee again);
- "they" and other plural pronouns are never a mention of one person;
- a definite description refers to the last description with the same head noun, else
  to the most-mentioned person whose title ends with that noun ("the young leader" ->
  the "North Korean leader"); an indefinite one, or one with no referent, is a new,
  anonymous person.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.extract.entities.entity_words import (
    ORG_NOUNS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    SUBJECT_PRONOUNS,
)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
QUOTE_MARKS = frozenset({'"', "“", "”"})


@dataclass
class Referent:
    """What the resolver knows about one person entity (by group index)."""

    gid: int
    gender: str | None = None
    title_heads: frozenset[str] = frozenset()
    size: int = 0


@dataclass
class NewMention:
    start: int  # characters
    end: int
    kind: str  # pronoun | description
    gid: int | None  # None: a new anonymous person (a description)
    token: int = -1


@dataclass
class Resolver:
    """Resolves pronouns and descriptions over one doc, in text order."""

    doc: Doc
    person_at: dict[int, int]  # token index -> group index, for named people
    referents: dict[int, Referent]
    _sent_of: dict[int, int] = field(default_factory=dict)
    _subjects: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # sent -> [(token, gid)]
    _seen: list[tuple[int, int]] = field(default_factory=list)  # (token, gid), text order

    def run(self, new_group) -> list[NewMention]:
        """Walk the doc once; ``new_group(text, token)`` makes a group id for a new description."""
        out: list[NewMention] = []
        last_description: dict[str, int] = {}
        current, verb_seen = -1, False
        subjects: list[tuple[int, int]] = []
        for s_index, token in _outside_quotes(self.doc):
            if s_index != current:
                current, subjects, verb_seen = s_index, [], False
                self._subjects[s_index] = subjects
            self._sent_of[token.i] = s_index
            gid = self.person_at.get(token.i)
            if gid is not None:
                self._seen.append((token.i, gid))
                if _is_subject(token) or not verb_seen and not subjects:  # or leads the clause
                    subjects.append((token.i, gid))
                continue
            verb_seen = verb_seen or token.pos_ in {"VERB", "AUX"}
            if token.dep_ not in SUBJECT_DEPS:
                continue
            if token.lower_ in SUBJECT_PRONOUNS:
                gender = PRONOUN_GENDER.get(token.lower_)
                gid = self.antecedent(token, gender)
                if gid is not None:
                    self._learn_gender(gid, gender, token)
                    out.append(NewMention(token.idx, token.idx + len(token), "pronoun", gid, token.i))
                    subjects.append((token.i, gid))
                    self._seen.append((token.i, gid))
            elif _is_description(token):
                start = token.left_edge
                gid = self._description_referent(token, last_description)
                if gid is None:
                    gid = new_group(self.doc[start.i:token.i + 1].text, token.i)
                    self.referents[gid] = Referent(gid, None, frozenset({token.lower_}), 1)
                last_description[token.lower_] = gid
                out.append(NewMention(start.idx, token.idx + len(token), "description", gid, token.i))
                subjects.append((token.i, gid))
                self._seen.append((token.i, gid))
        return out

    def antecedent(self, token: Token, gender: str | None) -> int | None:
        """The person a pronoun at ``token`` most likely refers to (see module doc)."""
        s = self._sent_of.get(token.i, 0)
        for t, gid in reversed(self._subjects.get(s, [])):
            if t < token.i and self._agrees(gid, gender):
                return gid
        for back in range(s - 1, max(-1, s - 5), -1):
            ranked = sorted(self._subjects.get(back, []), key=self._topic_rank)
            for _, gid in ranked:
                if self._agrees(gid, gender):
                    return gid
        for t, gid in reversed(self._seen):
            if t < token.i and self._sent_of.get(t, -9) >= s - 2 and self._agrees(gid, gender):
                return gid
        return None

    def _learn_gender(self, gid: int, gender: str | None, token: Token) -> None:
        """A gendered pronoun with a single person named in its window tells that person's
        gender (the window is the one ``antecedent`` searches last)."""
        ref = self.referents.get(gid)
        if ref is None or ref.gender is not None or gender is None:
            return
        s = self._sent_of.get(token.i, 0)
        nearby = {g for t, g in self._seen if t < token.i and self._sent_of.get(t, -9) >= s - 2}
        if nearby == {gid}:
            ref.gender = gender

    def _topic_rank(self, subject: tuple[int, int]) -> tuple[bool, bool, bool]:
        """A pronoun subject carries the topic on; then a true subject over a name that
        merely leads the clause; then a main-clause subject."""
        token = self.doc[subject[0]]
        verb = token.head.head if token.dep_ == "appos" else token.head
        return (token.pos_ != "PRON", not _is_subject(token), verb.dep_ != "ROOT")

    def _agrees(self, gid: int, gender: str | None) -> bool:
        ref = self.referents.get(gid)
        return ref is None or gender is None or ref.gender is None or ref.gender == gender

    def _description_referent(self, token: Token, last: dict[str, int]) -> int | None:
        if not any(c.lower_ == "the" and c.dep_ == "det" for c in token.children):
            return None
        if token.lower_ in last:
            return last[token.lower_]
        fits = [r for r in self.referents.values() if token.lower_ in r.title_heads]
        if not fits:
            return None
        fits.sort(key=lambda r: -r.size)
        if len(fits) > 1 and fits[0].size == fits[1].size:
            return None
        return fits[0].gid


def resolve_organisations(doc: Doc, org_at: dict[int, int], sizes: dict[int, int]) -> list[NewMention]:
    """"the company" as a subject: the last organisation that was a subject within two
    sentences, else the story's most-mentioned organisation. ("it" is left alone: in
    news it is as often the plane or the deal as the company.)"""
    out: list[NewMention] = []
    subjects: list[tuple[int, int]] = []  # (sentence, gid)
    for s_index, token in _outside_quotes(doc):
        gid = org_at.get(token.i)
        if gid is not None:
            if _is_subject(token):
                subjects.append((s_index, gid))
            continue
        if token.dep_ not in SUBJECT_DEPS:
            continue
        if token.lower_ in ORG_NOUNS and token.tag_ == "NN" and any(
                c.lower_ == "the" and c.dep_ == "det" for c in token.children):
            recent: list[int | None] = [g for s, g in reversed(subjects) if s >= s_index - 2]
            gid = (recent or [_most_mentioned(sizes)])[0]
            if gid is not None:
                start = token.left_edge
                out.append(NewMention(start.idx, token.idx + len(token), "description", gid, token.i))
                subjects.append((s_index, gid))
    return out


def _most_mentioned(sizes: dict[int, int]) -> int | None:
    ranked = sorted(sizes.items(), key=lambda kv: -kv[1])
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _outside_quotes(doc: Doc):
    """(sentence index, token) for the tokens outside quotation marks, in text order."""
    in_quote = False
    for s_index, sent in enumerate(sentences(doc)):
        if sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws:
            in_quote = False
        for token in sent:
            if token.text in QUOTE_MARKS:
                in_quote = token.text == "“" or (token.text == '"' and not in_quote)
            elif not in_quote:
                yield s_index, token


def _is_subject(token: Token) -> bool:
    """A subject, or a name in apposition to one ("His sister Ana Brandt stayed")."""
    return token.dep_ in SUBJECT_DEPS or token.dep_ == "appos" and token.head.dep_ in SUBJECT_DEPS


def sentences(doc: Doc) -> list:
    """spaCy's sentences, also cut at line breaks: the parser runs paragraphs together."""
    out = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if ("\n" in token.whitespace_ or token.is_space and "\n" in token.text) and token.i + 1 < sent.end:
                out.append(doc[start:token.i + 1])
                start = token.i + 1
        if start < sent.end:
            out.append(doc[start:sent.end])
    return out


def _is_description(token: Token) -> bool:
    """A singular role noun with an article, not part of a name: "the official"."""
    return (token.pos_ == "NOUN" and token.tag_ == "NN" and token.lower_ in ROLE_NOUNS
            and token.ent_type_ == "" and any(c.dep_ == "det" and c.lower_ in {"the", "a", "an"}
                                                for c in token.children))
