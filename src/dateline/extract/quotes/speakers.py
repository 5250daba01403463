"""Who is speaking: a cue's source token becomes an entity, a resolved pronoun or a
described (anonymous) speaker.

The resolver is stateful over one story and must be fed attributions in text order:
a pronoun goes to the most recent compatible speaker or subject, and all the quotes
of one description ("a State Department official" ... "the official") share one id.
Ids for speakers that the entities part does not know are made here, deterministically
in order of first appearance: ``anon1``, ``anon2``... for descriptions, ``name1``,
``name2``... for names the entity recogniser missed (one per surname).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.extract.base import doc_text
from dateline.extract.entities.first_names import gender_of
from dateline.extract.quotes.cue_words import (
    DESCRIPTION_PREPS,
    DETERMINERS,
    DOCUMENT_HEADS,
    FIRST_PERSON,
    GROUP_PRONOUNS,
    INDEFINITE_DETERMINERS,
    INSTITUTION_HEADS,
    OUTLET_HEADS,
    PERSON_PRONOUNS,
    POSSESSIVE_GROUP,
    POSSESSIVE_PERSON,
    QUANTIFIER_SOURCES,
)
from dateline.extract.quotes.cues import has_letter
from dateline.record import Entity, Span

PERSON = "person"
GROUP = "group"
# speaker_type values
NAMED, PRONOUN, ANONYMOUS, COLLECTIVE, DOCUMENT, INSTITUTION = (
    "named",
    "pronoun",
    "anonymous",
    "collective",
    "document",
    "institution",
)
GROUP_TYPES = frozenset({"ORG", "NORP", "GPE", "FAC", "LOC"})
NOT_SPEAKERS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_DESCRIPTION_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "case"})
_NAME_DEPS = frozenset({"compound", "appos", "flat"})
_NOT_SOURCE_TAGS = frozenset({"WDT", "WP", "DT", "PRP$", "WP$", "CD", "IN", "RB"})
RECENT_PARAGRAPHS = 4  # how far back a pronoun looks for its speaker


@dataclass(frozen=True, slots=True)
class Speaker:
    """The resolved source of one attribution."""

    id: str | None
    text: str | None
    span: Span | None
    anonymous: bool
    kind: str | None  # person | group | None when unknown
    type: str | None = None  # named | pronoun | anonymous | collective | document | institution
    others: tuple[str, ...] = ()  # ids of further sources: "Smith and Jones said"
    gender: str | None = None  # "m" | "f" when the name or title says, for "he"/"she"

    def standing_for(self, token: Token, type: str | None = None) -> Speaker:
        """This speaker, as named again at ``token`` (a pronoun, "who")."""
        return Speaker(
            self.id,
            token.text,
            _span(token, token),
            self.anonymous,
            self.kind,
            type or self.type,
            self.others,
            self.gender,
        )

    def named_at(self, token: Token) -> Speaker:
        """This speaker, as a relative pronoun ("the police, who said") stands for it: the
        source's place stays at the pronoun, its words are the noun's ("the police")."""
        return Speaker(
            self.id,
            self.text or token.text,
            _span(token, token),
            self.anonymous,
            self.kind,
            self.type,
            self.others,
            self.gender,
        )

    def unwritten(self) -> Speaker:
        """This speaker, for a quote that does not name its source again."""
        return Speaker(self.id, None, None, self.anonymous, self.kind, self.type, self.others, self.gender)


NOBODY = Speaker(None, None, None, False, None)


@dataclass
class _Described:
    id: str
    head: str
    words: frozenset[str]
    kind: str


@dataclass
class SpeakerResolver:
    """Resolve source tokens of one story to speakers, in text order."""

    doc: Doc
    entities: Sequence[Entity]
    excluded: Sequence[tuple[int, int]] = ()  # quoted text and reported content
    blocked: Sequence[tuple[int, int]] = ()  # never a speaker: the dateline ("NEW YORK, March 9 -")
    text: str = ""  # the story text the doc covers (Doc.text is rebuilt on every access)
    history: list[tuple[int, Speaker]] = field(default_factory=list)
    _described: list[_Described] = field(default_factory=list)
    _names: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # by span only: two entities may share a mention span, and entities do not compare
        mentions = sorted(((m.start, m.end, e) for e in self.entities for m in e.mentions), key=lambda m: m[:2])
        self._mentions = mentions
        self._mention_starts = [m[0] for m in mentions]
        self.text = self.text or doc_text(self.doc)

    def resolve(self, token_index: int | None) -> Speaker:
        """The speaker named at ``token_index``; remembered for later pronouns."""
        if token_index is None:
            return NOBODY
        token = self.doc[token_index]
        if _inside(token.idx, self.blocked):
            return NOBODY
        speaker = self._with_conjuncts(token, self._resolve(token))
        if speaker.id is not None:
            self.history.append((token.idx, speaker))
        return speaker

    def implicit(self, cue_index: int) -> Speaker:
        """A cue with no subject ('Asked about it, "..."' / 'Adding: "..."'): the speaker the
        story is already following, as an unwritten pronoun would be resolved."""
        ref = self._pronoun(self.doc[cue_index], None)
        speaker = ref.unwritten() if ref.id else NOBODY
        self.remember(self.doc[cue_index].idx, speaker)
        return speaker

    def remember(self, position: int, speaker: Speaker) -> None:
        if speaker.id is not None:
            self.history.append((position, speaker))

    def last_speaker(self, since: int) -> Speaker | None:
        """The most recent speaker named at or after ``since`` (for quote-only paragraphs)."""
        if self.history and self.history[-1][0] >= since:
            return self.history[-1][1]
        return None

    def _resolve(self, token: Token) -> Speaker:
        lower = token.lower_
        if lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS or lower in POSSESSIVE_PERSON | POSSESSIVE_GROUP:
            return self._pronoun(token, PERSON if lower in PERSON_PRONOUNS | POSSESSIVE_PERSON else GROUP)
        if lower in QUANTIFIER_SOURCES and token.dep_ in ("nsubj", "nsubjpass"):
            described = self._description(token)  # "some", "those close to him": a group described
            return Speaker(described.id, described.text, described.span, True, GROUP, COLLECTIVE)
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl" and token.head.head.i != token.i:
            return self._resolve(token.head.head).named_at(token)  # "Smith, who said ...": Smith
        if not has_letter(token.text):  # a stray "." parsed as the subject: its apposition's head
            return self._resolve(token.head) if token.dep_ == "appos" and has_letter(token.head.text) else NOBODY
        if token.tag_ in _NOT_SOURCE_TAGS or token.dep_ == "neg":
            return NOBODY
        if lower in FIRST_PERSON:
            return Speaker(None, token.text, _span(token, token), False, None, PRONOUN)
        named = self._named(token)
        if named is not None:
            return named
        return self._description(token)

    def _named(self, token: Token) -> Speaker | None:
        """An entity mention at the head, in an apposition, or naming an outlet's head."""
        found = self._mention_at(token.idx)
        if found is None:
            for child in token.children:
                if child.dep_ == "appos":
                    # "Maria Lopez" of "the lawyer, Maria Lopez,"; not a word that only modifies
                    # the apposition ("X, an American rock band", "X, the Saudi ambassador")
                    found = self._mention_at(child.idx)
                elif child.dep_ in _NAME_DEPS and token.lower_ in OUTLET_HEADS:
                    found = self._mention_in(child)
                    if found is not None:
                        break
        if found is None:
            return None
        start, end, entity = found
        return Speaker(
            entity.id,
            self.text[start:end],
            Span(start, end),
            _unnamed(entity),
            GROUP if entity.type in GROUP_TYPES else PERSON,
            _entity_type(entity, token),
            gender=_gender(entity),
        )

    def _mention_at(self, char: int):
        i = bisect_right(self._mention_starts, char) - 1
        while i >= 0:
            start, end, entity = self._mentions[i]
            if start <= char < end and entity.type not in NOT_SPEAKERS:
                return self._mentions[i]
            if end <= char and start < char - 200:
                break
            i -= 1
        return None

    def _mention_in(self, token: Token):
        for t in token.subtree:
            found = self._mention_at(t.idx)
            if found is not None:
                return found
        return None

    def _description(self, token: Token) -> Speaker:
        words = [w for w in _description_tokens(token) if not _inside(w.idx, self.blocked)] or [token]
        span = _span(words[0], words[-1])
        text = self.text[span.start : span.end]
        if token.pos_ == "PROPN":
            return Speaker(self._name_id(token.text), text, span, False, PERSON, NAMED)
        kind = GROUP if token.tag_ in ("NNS", "NNPS") or token.lower_ in OUTLET_HEADS else PERSON
        described = self._group(token, words, kind)
        return Speaker(described.id, text, span, True, kind, described_type(token))

    def _with_conjuncts(self, token: Token, speaker: Speaker) -> Speaker:
        """ "Smith and Jones said", "Sens. A, B and C wrote": every conjoined source, one span."""
        conjuncts = [c for c in _conjuncts(token) if c.pos_ in ("PROPN", "NOUN", "PRON")]
        if not conjuncts or speaker.id is None:
            return speaker
        others = tuple(dict.fromkeys(o.id for o in map(self._resolve, conjuncts) if o.id and o.id != speaker.id))
        words = [t for c in conjuncts for t in c.subtree]  # a conjunct may stand before the speaker's name
        first = speaker.span.start if speaker.span else token.idx
        last = speaker.span.end if speaker.span else token.idx + len(token.text)
        span = Span(min([first] + [t.idx for t in words]), max([last] + [t.idx + len(t.text) for t in words]))
        return Speaker(
            speaker.id, self.text[span.start : span.end], span, speaker.anonymous, GROUP, speaker.type, others
        )

    def _name_id(self, surname: str) -> str:
        """A name the entities part missed: one id per surname ("Espinoza" ... "Espinoza")."""
        key = surname.casefold()
        if key not in self._names:
            self._names[key] = f"name{len(self._names) + 1}"
        return self._names[key]

    def _group(self, head: Token, words: list[Token], kind: str) -> _Described:
        """Same description, same id: "the official" joins "a State Department official"."""
        first = words[0].lower_
        content = frozenset(t.lower_ for t in words if t.lower_ not in DETERMINERS)
        if first != "another" and not (first in INDEFINITE_DETERMINERS and len(content) == 1):
            for earlier in reversed(self._described):
                if earlier.head == head.lower_ and content <= earlier.words:
                    return earlier
        made = _Described(f"anon{len(self._described) + 1}", head.lower_, content, kind)
        self._described.append(made)
        return made

    def _pronoun(self, token: Token, kind: str | None) -> Speaker:
        """The most recent compatible speaker, or subject named outside quotes."""
        limit = _paragraph_floor(self.text, token.idx, RECENT_PARAGRAPHS)
        gender = PRONOUN_GENDERS.get(token.lower_)
        best: tuple[int, Speaker] | None = None
        for position, speaker in reversed(self.history):
            if position < limit:
                break
            if position < token.idx and kind in (None, speaker.kind) and _agrees(speaker, gender):
                best = (position, speaker)
                break
        subject = self._recent_subject(token, kind, best[0] if best else limit, gender)
        if subject is not None:
            best = subject
        if best is None:
            return self._linked_pronoun(token, kind)
        return best[1].standing_for(token, PRONOUN)

    def _linked_pronoun(self, token: Token, kind: str | None) -> Speaker:
        """No speaker nearby: the entity the entities part linked this pronoun to, if any."""
        found = self._mention_at(token.idx)
        if found is None:
            return Speaker(None, token.text, _span(token, token), False, kind, PRONOUN)
        entity = found[2]
        return Speaker(
            entity.id,
            token.text,
            _span(token, token),
            _unnamed(entity),
            GROUP if entity.type in GROUP_TYPES else PERSON,
            PRONOUN,
        )

    def _recent_subject(
        self, token: Token, kind: str | None, after: int, gender: str | None = None
    ) -> tuple[int, Speaker] | None:
        """A named subject between the last speaker and the pronoun, outside quoted text."""
        for t in reversed(self.doc[: token.i]):
            if t.idx <= after:
                break
            if t.dep_ not in ("nsubj", "nsubjpass") or _inside(t.idx, self.excluded):
                continue
            named = self._named(t)
            if named is not None and kind in (None, named.kind) and _agrees(named, gender):
                return t.idx, named
        return None


PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_TITLE_GENDERS = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}


def _gender(entity: Entity) -> str | None:
    """A person's sex where the story's title ("Mrs. Clinton") or the first name says; else None."""
    if entity.type != "PERSON":
        return None
    for title in entity.titles:
        if title.lower() in _TITLE_GENDERS:
            return _TITLE_GENDERS[title.lower()]
    return gender_of(entity.name)


def _agrees(speaker: Speaker, gender: str | None) -> bool:
    """ "she" never stands for a man the story names as one, nor "he" for a woman."""
    return gender is None or speaker.gender is None or speaker.gender == gender


def described_type(head: Token) -> str:
    """What a described source is, by its head noun: "the report", "the ministry",
    "four senators" / "analysts", else one unnamed person ("a source")."""
    low = head.lower_
    if low in DOCUMENT_HEADS:
        return DOCUMENT
    if low in INSTITUTION_HEADS or low in OUTLET_HEADS:
        return INSTITUTION
    if (
        head.tag_ in ("NNS", "NNPS")
        or (low in QUANTIFIER_SOURCES and low != "one")
        or any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in head.children)
    ):  # "viewed by many"
        return COLLECTIVE
    return ANONYMOUS


def _entity_type(entity: Entity, token: Token) -> str:
    """A named source: a person, an institution (ORG, GPE...) or a people ("Democrats")."""
    if entity.type == "NORP":
        return COLLECTIVE
    if entity.type in GROUP_TYPES:
        return INSTITUTION
    if _unnamed(entity):
        return COLLECTIVE if token.tag_ in ("NNS", "NNPS") else ANONYMOUS
    return NAMED


def _conjuncts(token: Token) -> list[Token]:
    out, todo = [], [token]
    while todo:
        for child in todo.pop().children:
            if child.dep_ == "conj":
                out.append(child)
                todo.append(child)
    return out


def _unnamed(entity: Entity) -> bool:
    """An entity the story only describes ("a State Department official"), never names."""
    return all(getattr(m, "kind", "name") in ("description", "pronoun") for m in entity.mentions)


def _description_tokens(head: Token) -> list[Token]:
    """The head noun with its left modifiers and an attached "for/of/at" phrase:
    "a U.S. State Department official", "a spokesman for the ministry"."""
    left = [c for c in head.lefts if c.dep_ in _DESCRIPTION_DEPS]
    first = min((t.i for c in left for t in c.subtree), default=head.i)
    last = head.i
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in DESCRIPTION_PREPS and child.i == last + 1:
            last = max(t.i for t in child.subtree)
    return list(head.doc[first : last + 1])


def _span(first: Token, last: Token) -> Span:
    return Span(first.idx, last.idx + len(last.text))


def _paragraph_floor(text: str, char: int, paragraphs: int) -> int:
    pos = char
    for _ in range(paragraphs):
        found = text.rfind("\n\n", 0, pos)
        if found < 0:
            return 0
        pos = found
    return pos


def _inside(char: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= char < e for s, e in spans)
