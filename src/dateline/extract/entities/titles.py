"""Titles, roles and relations of a person, read from the words around a name.

Three places say who someone is:
- premodifiers: "Kremlin aide Oleg Barinov", "U.S. Secretary of State Dana Whitfield",
  "his late grandfather Ivan Petrov", "His chief of staff X and sister Y";
- a phrase before the name set off by a comma: "his late father and previous
  Ruritanian leader, Karl Brandt";
- an apposition or a relative clause after it: "X, a professor at Y University",
  "X, the founding leader of Z, who died ...", "X, ... who was then president".

A relation word after a possessive ("his", "her", "Brandt's") makes a relation whose
target is the possessor; employment words ("chief of staff", "aide") are titles too,
kinship words ("sister") are not. The result names possessors by token index; the
caller maps them to entities.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.extract.entities import gazetteer
from dateline.extract.entities.entity_words import (
    EMPLOYMENT,
    GOVERNMENT_SEATS,
    KINSHIP,
    OTHER_RELATIONS,
    POSSESSIVE_PRONOUNS,
    RELATION_MODIFIERS,
    ROLE_NOUNS,
    TITLE_WORDS,
)

RELATION_WORDS = frozenset(KINSHIP) | EMPLOYMENT | OTHER_RELATIONS
_PHRASE_STOP = frozenset({",", ".", ";", ":", "who", "which", "that", "(", ")", '"', "“", "”", "--", "—"})
_CLAUSE_ADVERBS = frozenset({"then", "later", "previously", "formerly", "once", "now", "also"})
_ROLE_VERBS = frozenset({"was", "is", "became", "becomes", "served"})


@dataclass
class Role:
    """What the words around one name mention say about the person."""

    titles: list[str] = field(default_factory=list)
    relations: list[tuple[str, int]] = field(default_factory=list)  # (relation word, possessor token)
    gender: str | None = None
    countries: list[str] = field(default_factory=list)
    affiliations: list[int] = field(default_factory=list)  # tokens of named organisations in titles
    conj_with: int | None = None  # token of the name this one is coordinated with ("X and sister Y")


def read_role(doc: Doc, start: int, end: int, person_tokens: frozenset[int]) -> Role:
    """Titles and relations of the name at tokens ``[start, end)``."""
    role = Role()
    left = _left_phrase(doc, start, person_tokens)
    if left is None and start >= 2 and doc[start - 1].text == ",":
        left = _left_phrase(doc, start - 1, person_tokens, require_role=True)
    if left is not None:
        _add_phrase(doc, left, role)
    _add_apposition(doc, end, person_tokens, role)
    return role


@dataclass
class _Phrase:
    segments: list[list[int]]  # coordinated pieces, left to right, token indices
    possessor: int | None  # token index of "his"/"her" or of the possessor name's last token
    conj_with: int | None
    owner: int | None = None  # last token of a place or organisation that owns the title


def _is_modifier(token: Token, person_tokens: frozenset[int]) -> bool:
    if token.i in person_tokens or token.is_punct and token.text not in {"-"}:
        return False
    if token.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"} or token.lower_ in RELATION_MODIFIERS:
        return True
    return token.pos_ == "VERB" and token.tag_ in {"VBG", "VBN"} and token.dep_ == "amod"


def _left_phrase(doc: Doc, start: int, person_tokens: frozenset[int], require_role: bool = False) -> _Phrase | None:
    """Walk left from the name over the words that modify it."""
    segments: list[list[int]] = [[]]
    i = start - 1
    possessor = conj_with = owner = None
    while i >= 0:
        t = doc[i]
        if (
            t.lower_ == "of"
            and segments[-1]
            and i > 0
            and doc[i - 1].pos_ in {"NOUN", "PROPN"}
            and doc[i + 1].pos_ in {"NOUN", "PROPN"}
        ):
            segments[-1].insert(0, i)
        elif (
            t.lower_ == "the"
            and segments[-1]
            and i > 1
            and doc[i - 1].lower_ == "of"
            and doc[i - 2].is_title
            and doc[i - 2].pos_ in {"NOUN", "PROPN"}
        ):
            segments[-1][:0] = [i - 1, i]  # "Chancellor of the Exchequer"
            i -= 1
        elif t.lower_ in POSSESSIVE_PRONOUNS and t.dep_ == "poss":
            possessor = i
            break
        elif t.text in {"'s", "’s"} and i > 0 and doc[i - 1].i in person_tokens:
            possessor = i - 1
            break
        elif t.text in {"'s", "’s"} and i > 0:
            owner = i - 1  # "Senegal's foreign minister": a country or organisation
            break
        elif t.lower_ == "and" and segments[-1] and i > 0:
            if doc[i - 1].i in person_tokens:
                conj_with = i - 1
                break
            if doc[i - 1].lower_ in RELATION_WORDS | ROLE_NOUNS:
                segments.append([])
            else:
                break
        elif _is_modifier(t, person_tokens) and t.lower_ not in {"and"}:
            segments[-1].insert(0, i)
        else:
            break
        if t.is_sent_start:
            break
        i -= 1
    segments = [s for s in reversed(segments) if s]
    if not segments:
        return None
    heads = [doc[s[-1]].lower_ for s in segments]
    if not any(_is_role_head(doc, s) for s in segments):
        if require_role or not all(doc[s[-1]].is_title for s in segments):
            return None
    if require_role and not any(h in ROLE_NOUNS | RELATION_WORDS for h in heads):
        return None
    return _Phrase(segments, possessor, conj_with, owner)


def _is_role_head(doc: Doc, segment: list[int]) -> bool:
    words = [doc[i].lower_ for i in segment]
    return any(" ".join(words[k:]) in ROLE_NOUNS | RELATION_WORDS | TITLE_WORDS for k in range(len(words)))


def _relation_in(doc: Doc, segment: list[int]) -> tuple[str, list[int]] | None:
    """The relation word a segment ends with, and the words before it."""
    words = [doc[i].lower_ for i in segment]
    for k in range(len(words)):
        tail = " ".join(words[k:])
        if tail in RELATION_WORDS:
            return tail, segment[:k]
    return None


def _add_phrase(doc: Doc, phrase: _Phrase, role: Role) -> None:
    role.conj_with = phrase.conj_with
    if phrase.owner is not None:
        _add_owner(doc, phrase.owner, role)
    for segment in phrase.segments:
        relation = _relation_in(doc, segment)
        if relation and phrase.possessor is not None:
            word, before = relation
            role.relations.append((word, phrase.possessor))
            code = _country_of(doc, before)  # "her Chilean counterpart"
            if code:
                role.countries.append(code)
            role.gender = role.gender or KINSHIP.get(word)
            if word in EMPLOYMENT:
                role.titles.append(word)
            continue
        if relation and phrase.conj_with is not None:
            role.relations.append((relation[0], -1))  # the possessor of the name it is coordinated with
            role.gender = role.gender or KINSHIP.get(relation[0])
            if relation[0] in EMPLOYMENT:
                role.titles.append(relation[0])
            continue
        _add_title(doc, segment, role)


def describe(doc: Doc, tokens: list[int]) -> Role:
    """Title, country and organisation said by a description ("a U.S. State Department official")."""
    role = Role()
    _add_title(doc, [i for i in tokens if doc[i].dep_ != "det"], role)
    return role


def _add_owner(doc: Doc, last: int, role: Role) -> None:
    """The country or organisation before "'s" in "Senegal's foreign minister"."""
    first = last
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    if doc[last].ent_type_ == "ORG":
        role.affiliations.append(first)
    code = _country_of(doc, list(range(first, last + 1)))
    if code:
        role.countries.append(code)


def _add_title(doc: Doc, segment: list[int], role: Role) -> None:
    title = _text(doc, segment)
    if not title:
        return
    role.titles.append(title)
    for i in segment:
        t = doc[i]
        if t.ent_type_ == "ORG" and t.ent_iob_ == "B":
            role.affiliations.append(i)
    code = _country_of(doc, segment)
    if code:
        role.countries.append(code)


def _country_of(doc: Doc, segment: list[int]) -> str | None:
    """A country named in a title: "North Korean leader" -> KP, "Kremlin aide" -> RU."""
    words = [doc[i].text for i in segment]
    for n in (3, 2, 1):
        for k in range(len(words) - n + 1):
            phrase = " ".join(words[k : k + n])
            code = gazetteer.place_code(phrase) or GOVERNMENT_SEATS.get(phrase.casefold())
            if code:
                return code
    return None


def _text(doc: Doc, tokens: list[int]) -> str:
    if not tokens:
        return ""
    return doc[tokens[0] : tokens[-1] + 1].text


def _add_apposition(doc: Doc, end: int, person_tokens: frozenset[int], role: Role) -> None:
    """ "X, a professor at Y," and "X, who was then president"."""
    i = end
    if i < len(doc) and doc[i].text in {"'s", "’s"}:
        return
    if i + 1 >= len(doc) or doc[i].text != ",":
        return
    i += 1
    possessor = None
    if doc[i].lower_ in {"a", "an", "the"}:
        i += 1
    elif doc[i].lower_ in POSSESSIVE_PRONOUNS:
        possessor = i
        i += 1
    elif i in person_tokens:  # "X, Varga lieutenant ...": a name used as a possessor
        while i + 1 < len(doc) and i + 1 in person_tokens:
            i += 1
        possessor = i
        i += 1
    tokens: list[int] = []
    preps = 0
    while (
        i < len(doc)
        and doc[i].lower_ not in _PHRASE_STOP
        and (doc[i].pos_ not in {"VERB", "AUX"} or doc[i].dep_ == "amod")
    ):
        if doc[i].pos_ == "ADP" and doc[i].lower_ != "of" or doc[i].lower_ == "of" and preps:
            preps += 1
            if preps > 1:
                break
        if doc[i].i in person_tokens or doc[i].is_sent_start:
            break
        tokens.append(i)
        i += 1
    while tokens and doc[tokens[-1]].pos_ == "ADP":
        tokens.pop()
    head = _head_before_prep(doc, tokens)
    if head is not None and (doc[head].lower_ in ROLE_NOUNS or doc[head].lower_ in RELATION_WORDS):
        segment = tokens
        relation = _relation_in(doc, tokens[: tokens.index(head) + 1])
        if relation and possessor is not None:
            role.relations.append((relation[0], possessor))
            role.gender = role.gender or KINSHIP.get(relation[0])
            if relation[0] in EMPLOYMENT:
                role.titles.append(relation[0])
        else:
            _add_title(doc, segment, role)
    _add_role_clause(doc, i, role)


def _head_before_prep(doc: Doc, tokens: list[int]) -> int | None:
    head = None
    for i in tokens:
        if doc[i].pos_ == "ADP":
            break
        if doc[i].pos_ in {"NOUN", "PROPN"}:
            head = i
    return head


def _add_role_clause(doc: Doc, i: int, role: Role) -> None:
    """ "..., who was then president" gives the title "president"."""
    if i >= len(doc) or doc[i].lower_ != "who":
        return
    i += 1
    if i >= len(doc) or doc[i].lower_ not in _ROLE_VERBS:
        return
    i += 1
    while i < len(doc) and (doc[i].lower_ in _CLAUSE_ADVERBS or doc[i].lower_ in {"a", "an", "the", "as"}):
        i += 1
    tokens = []
    while i < len(doc) and doc[i].pos_ in {"NOUN", "PROPN", "ADJ"} and doc[i].lower_ not in _PHRASE_STOP:
        tokens.append(i)
        i += 1
    if tokens and doc[tokens[-1]].lower_ in ROLE_NOUNS | TITLE_WORDS:
        _add_title(doc, tokens, role)
