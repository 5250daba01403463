"""Pronouns and descriptions as mentions of the people they refer to.

Only where it matters to who-said-what and who-did-what: "he"/"she" as the subject of
a verb, and role descriptions ("the official", "the young leader", "a U.S. State
Department official") as subjects. Cheap salience rules over the parse, in text order:

- a pronoun refers to the nearest earlier subject in its own sentence, else to the
  subject of the nearest earlier sentence that has a person subject (a pronoun subject
  first, as it carries the topic on; then the main clause's), else to the most recent person named in the last two sentences; a known
  gender (from "his sister", "Mr.", a first name, or an earlier pronoun) must agree;
- a gendered pronoun, subject or possessive, tells its person's gender to the pronouns
  after it ("Lee ... She said ... he" cannot be Lee again; "The nominee ... His ex-wife
  agreed, but she ..." cannot be the nominee): one person, one gender in a story;
- "they" and other plural pronouns are never a mention of one person;
- a description in apposition to a named person is that person ("A special prosecutor,
  Terry Roe, was appointed"; "Now the state's top prosecutor, Roe rose ...");
- a definite description refers to the last description with the same head noun, else
  to the most-mentioned person whose title ends with that noun ("the young leader" ->
  the "North Korean leader"); an indefinite one, or one with no referent, is a new,
  anonymous person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.extract.entities.entity_words import (
    EXPLETIVE_VERBS,
    NEUTER_PRONOUNS,
    ORG_NOUNS,
    PLURAL_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    PRONOUN_GENDER,
    RELATIVE_PRONOUNS,
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
    gid: int  # a new anonymous person (a description) is given a group of its own
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
            if token.lower_ in POSSESSIVE_PRONOUNS and token.dep_ == "poss":  # "his", "her" before a noun
                gender = PRONOUN_GENDER.get(token.lower_)
                gid = self.antecedent(token, gender)
                if gid is not None:
                    self._learn_gender(gid, gender)  # "The nominee ... His ex-wife ... she": not him
                    out.append(NewMention(token.idx, token.idx + len(token), "pronoun", gid, token.i))
                    self._seen.append((token.i, gid))
                continue
            if token.dep_ not in SUBJECT_DEPS:
                continue
            if token.lower_ in SUBJECT_PRONOUNS:
                gender = PRONOUN_GENDER.get(token.lower_)
                gid = self.antecedent(token, gender)
                if gid is not None:
                    self._learn_gender(gid, gender)
                    out.append(NewMention(token.idx, token.idx + len(token), "pronoun", gid, token.i))
                    subjects.append((token.i, gid))
                    self._seen.append((token.i, gid))
            elif _is_description(token):
                start = token.left_edge
                gid = self._apposed_person(token)
                if gid is None:
                    gid = self._description_referent(token, last_description)
                if gid is None:
                    gid = new_group(self.doc[start.i : token.i + 1].text, token.i)
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

    def _learn_gender(self, gid: int, gender: str | None) -> None:
        """A gendered pronoun tells its person's gender to the pronouns after it."""
        ref = self.referents.get(gid)
        if ref is not None and ref.gender is None and gender is not None:
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

    def _apposed_person(self, token: Token) -> int | None:
        """The named person a description stands in apposition to: "A special prosecutor,
        Terry Roe, was appointed", or fronted before the name it describes: "Now the
        highest-ranking prosecutor in the state, Roe rose ..." (both subjects of one verb)."""
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.person_at:
                return self.person_at[child.i]
        for other in token.head.children:
            if (
                other.i > token.i
                and other.dep_ in SUBJECT_DEPS
                and other.i in self.person_at
                and any(t.text == "," for t in self.doc[token.i + 1 : other.i])
            ):
                return self.person_at[other.i]
        return None

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


def resolve_organisations(
    doc: Doc, org_at: dict[int, int], sizes: dict[int, int], nouns: frozenset[str] = ORG_NOUNS
) -> list[NewMention]:
    """ "the company" as a subject: the last organisation that was a subject within two
    sentences, else the story's most-mentioned organisation. The same for products with
    their own ``nouns`` ("the plane", "the index"), given the products' tokens."""
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
        if (
            token.lower_ in nouns
            and token.tag_ == "NN"
            and any(c.lower_ == "the" and c.dep_ == "det" for c in token.children)
        ):
            recent: list[int | None] = [g for s, g in reversed(subjects) if s >= s_index - 2]
            gid = (recent or [_most_mentioned(sizes)])[0]
            if gid is not None:
                start = token.left_edge
                out.append(NewMention(start.idx, token.idx + len(token), "description", gid, token.i))
                subjects.append((s_index, gid))
    return out


THING_LABELS = frozenset({"ORG", "PRODUCT"})  # what "it"/"its" may stand for
_RESOLVABLE = NEUTER_PRONOUNS | PLURAL_PRONOUNS | frozenset(RELATIVE_PRONOUNS)
_SUBJECT_OR_APPOS = SUBJECT_DEPS | {"appos"}
GROUP_LABELS = frozenset({"ORG"})  # what "they"/"their" may stand for (never one person)


def resolve_things(doc: Doc, at: dict[int, int], labels: dict[int, str]) -> list[NewMention]:
    """ "it"/"its" for the organisation or product in focus, "they"/"their" for an
    organisation, "which"/"who" for the name their relative clause hangs on.

    ``at``: token index -> group for every named entity; ``labels``: group -> type. A
    pronoun refers to the nearest earlier subject of its own sentence, else to
    the first subject of the sentence before, and only when that is a name of the right
    type, not one of several joined by "and": a common noun in between ("the plane", "customers") is what it refers to, so
    it is left alone. A placeholder "it" ("it is expected that") refers to nothing.
    """
    out: list[NewMention] = []
    at = dict(at)  # a resolved pronoun carries its referent on ("it has settled its ...")
    previous: list[Token] = []
    for sent in sentences(doc):
        subjects: list[Token] = []
        verb_seen = False
        for token in sent:
            if token.lower_ in _RESOLVABLE:
                gid = _thing_referent(token, subjects, previous, at, labels, sent.start)
                if gid is not None:
                    out.append(NewMention(token.idx, token.idx + len(token), "pronoun", gid, token.i))
                    at[token.i] = gid
            pos = token.pos_
            if (
                pos in {"NOUN", "PROPN", "PRON"}
                and token.dep_ in _SUBJECT_OR_APPOS
                and _is_subject(token)
                or not verb_seen
                and not subjects
                and token.i in at
            ):  # a name leading its line
                subjects.append(token)
            verb_seen = verb_seen or pos in {"VERB", "AUX"}
        if subjects or verb_seen:  # a date line between does not break the thread
            previous = subjects
    return out


def _thing_referent(
    token: Token,
    subjects: list[Token],
    previous: list[Token],
    at: dict[int, int],
    labels: dict[int, str],
    sent_start: int = 0,
) -> int | None:
    word = token.lower_
    if word in RELATIVE_PRONOUNS:
        gid = _relative_referent(token, at)
        return gid if gid is not None and labels.get(gid) in RELATIVE_PRONOUNS[word] else None
    if word in NEUTER_PRONOUNS:
        allowed = THING_LABELS
        if word == "it" and (token.dep_ == "expl" or token.head.lower_ in EXPLETIVE_VERBS):
            return None
    elif word in PLURAL_PRONOUNS:
        allowed = GROUP_LABELS
    else:
        return None
    controller = _controller(token)
    candidate = controller or (subjects[-1] if subjects else previous[0] if previous else None)
    if candidate is not None and labels.get(at.get(candidate.i, -1)) == "PERSON":
        candidate = _only_thing_before(token, sent_start, at, labels, allowed)  # never a person
    if candidate is None or candidate.i in (t.i for t in token.subtree if t.i != token.i):
        return None
    head = candidate.head if candidate.dep_ == "appos" else candidate
    if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
        return None  # "the Fed and the Bank of Japan said they": the two together
    if word in {"it", "them"} and _subject_of_own_verb(token, candidate):
        return None  # "the court ruled it illegal": never the verb's own subject
    between = token.doc[candidate.i + 1 : token.i]
    if allowed is GROUP_LABELS and token.dep_ not in SUBJECT_DEPS and any(_people(t) for t in between):
        return None  # "Acme thanked the workers for their ...": the people are nearer
    if (
        word == "it"
        and token.dep_ not in SUBJECT_DEPS
        and any(t.tag_ == "NN" and t.dep_ in {"dobj", "pobj", "attr"} for t in between)
    ):
        return None  # "Acme obtained a prototype and published details of it" (a subject "it" goes on with the subject)
    gid = at.get(candidate.i)
    return gid if gid is not None and labels.get(gid) in allowed else None


_PEOPLE = frozenset(
    "workers employees staff customers users buyers owners people members shareholders consumers "
    "passengers pilots dealers developers residents voters citizens officials analysts investors".split()
)


def _people(token: Token) -> bool:
    """A plural noun for people ("the workers", "analysts"): what a "their" may stand for
    instead of an organisation; a plural thing ("re-designs of their range") is not."""
    word = token.lower_
    return token.tag_ == "NNS" and (word in _PEOPLE or word[:-1] in ROLE_NOUNS or word[:-2] in ROLE_NOUNS)


def _only_thing_before(
    token: Token, sent_start: int, at: dict[int, int], labels: dict[int, str], allowed: frozenset[str]
) -> Token | None:
    """When the subject is a person: the one name of the pronoun's type earlier in its
    sentence ("Obama spoke after GM said it had filed"), none if there are several."""
    names = {at[i]: i for i in range(sent_start, token.i) if i in at and labels.get(at[i]) in allowed}
    return token.doc[next(iter(names.values()))] if len(names) == 1 else None


def _relative_referent(token: Token, at: dict[int, int]) -> int | None:
    """The name a relative pronoun's clause hangs on: the clause's head noun, a name in
    apposition to it ("GM, an American automaker which"), or the name right before the
    comma ("a stake in Chrysler, which had just exited"; "the Dow Jones (DJIA), which")."""
    clause = token.head
    if clause.dep_ == "relcl" and token.i == clause.left_edge.i:
        noun = clause.head
        if noun.i in at:
            return at[noun.i]
        if noun.dep_ == "appos" and noun.head.i in at:
            return at[noun.head.i]
    i = token.i - 1
    if i < 1 or token.doc[i].text != ",":
        return None
    i -= 1
    if token.doc[i].text == ")":  # a bracketed short form between: "(DJIA)"
        i = next((j for j in range(i - 1, max(-1, i - 6), -1) if token.doc[j].text == "("), 0) - 1
    return at.get(i) if i >= 0 else None


def _subject_of_own_verb(token: Token, candidate: Token) -> bool:
    """A non-possessive pronoun object cannot be its own verb's subject, said or understood
    ("the FCC would not approve it", "Congress acts to extend it", "lend it")."""
    verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    target = candidate.head if candidate.dep_ == "appos" else candidate
    for _ in range(3):  # up through "acts to extend", "committed to lend"
        if verb is None or any(c.dep_ in SUBJECT_DEPS for c in verb.children if c.i == token.i):
            return False
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return any(c.i == target.i for c in subjects)
        if verb.dep_ != "xcomp":
            return False
        objects = [c for c in verb.head.children if c.dep_ == "dobj"]
        if objects:
            return any(c.i == target.i for c in objects)
        verb = verb.head
    return False


def _controller(token: Token) -> Token | None:
    """The object that is the understood subject of the pronoun's clause: in "forced Acme
    to lower its prices" the one lowering is Acme."""
    verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.dep_ != "xcomp" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < token.i), None)


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
    """spaCy's sentences, also cut at line breaks: the parser runs paragraphs together.
    Kept for the last doc asked about: four passes of the entities extractor read them."""
    global _last_sentences
    cached = _last_sentences  # one read: another thread may replace it meanwhile
    if cached[0] is not doc:
        cached = _last_sentences = (doc, _sentences(doc))
    return list(cached[1])


_last_sentences: tuple = (None, ())  # (doc, its sentences)


def _sentences(doc: Doc) -> list:
    out = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if ("\n" in token.whitespace_ or token.is_space and "\n" in token.text) and token.i + 1 < sent.end:
                out.append(doc[start : token.i + 1])
                start = token.i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    return out


def _is_description(token: Token) -> bool:
    """A singular role noun with an article, not part of a name: "the official"."""
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and token.lower_ in ROLE_NOUNS
        and token.ent_type_ == ""
        and any(c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in token.children)
    )
