"""Find attribution cues in the parse: speech verbs, their sources and their content.

Everything here reads the spaCy dependency parse: a cue verb with a clausal
complement (``ccomp``) and a subject is reported speech; "according to X" takes its
source from the object of "to". The cue lexicon is data (``dateline.extract.quotes.cue_words``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.extract.quotes.cue_words import (
    AS_OBJECTS,
    AS_TOPIC_PREPOSITIONS,
    CIRCUMSTANCE_MARKS,
    CONDITION_MARKS,
    EMPTY_DETERMINERS,
    EMPTY_OBJECTS,
    INTENT_NOUNS,
    MODALS,
    NEGATORS,
    NON_SPEECH_PHRASAL,
    NON_SPEECH_VERBS,
    PLACE_PREPOSITIONS,
    POLL_HEADS,
    PRODUCING_VERBS,
    REFUSALS,
    SENTENCE_OPENERS,
    SOURCE_AFTER_PHRASES,
    SPEECH_ACT_OBJECTS,
    SPEECH_NOUNS,
    TOPIC_PREPOSITIONS,
    object_cue_forms,
)
from dateline.extract.quotes.model import CueModel, Decider, decision_features, is_copula_candidate, is_noun_candidate

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
CONTENT_DEPS = frozenset({"ccomp"})
SIDE_DEPS = frozenset({"parataxis"})
OBJECT_DEPS = frozenset({"xcomp", "dobj"})
NOUN_CONTENT_DEPS = frozenset({"acl", "ccomp", "prep", "relcl"})
COMPLEMENT_DEPS = frozenset({"xcomp", "dobj", "prep", "dative", "attr", "acomp", "oprd", "advcl", "pcomp"})
_EDGE_PUNCT = frozenset(",;:—–-")
_VERBAL = frozenset({"VERB", "AUX"})
_NO_PARTICLE = frozenset({"say", "says", "said", "saying"})  # "He said up to now ...": no "said up"


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue in the text: its span, the head token of its source (if any)."""

    start: int
    end: int
    token: int  # index of the cue's head token
    source: int | None  # index of the source's head token
    sourceless: bool = False  # the cue stands for no one ("is expected to" with no "by")


@dataclass(frozen=True, slots=True)
class Reported:
    """Reported speech found by the parse: a cue and the span of what was said."""

    cue: Cue
    start: int
    end: int


class TokenIndex:
    """Char offset -> token lookups for one doc (bisect over token starts)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def at(self, char: int) -> int | None:
        i = bisect_right(self.starts, char) - 1
        return i if 0 <= i < len(self.doc) else None

    def between(self, start: int, end: int) -> range:
        """Indexes of tokens that start within [start, end)."""
        first = bisect_right(self.starts, start - 1)
        last = bisect_right(self.starts, end - 1)
        return range(first, last)


def is_cue_verb(token: Token, forms: frozenset[str]) -> bool:
    return token.lower_ in forms and token.pos_ in _VERBAL


_PHRASE_STARTS = frozenset(phrase[0] for phrase in SOURCE_AFTER_PHRASES)


def phrase_cue(token: Token) -> Cue | None:
    """ "according to X": the cue is the phrase, the source the object of its last word."""
    low = token.lower_
    if low not in _PHRASE_STARTS:  # asked of every token: most are no phrase's first word
        return None
    for phrase in SOURCE_AFTER_PHRASES:
        if low != phrase[0]:
            continue
        end = token.i + len(phrase)
        if end > len(token.doc) or tuple(t.lower_ for t in token.doc[token.i : end]) != phrase:
            continue
        last = token.doc[end - 1]
        objects = [c for c in last.children if c.dep_ == "pobj"]
        source = objects[0].i if objects else (end if end < len(token.doc) else None)
        return Cue(token.idx, last.idx + len(last.text), token.i, source)
    return None


def verb_cue(token: Token) -> Cue:
    """The cue span (verb plus an adjacent particle: "pointed out") and its subject."""
    end_tok = token
    for child in token.rights:
        if child.dep_ == "prt" and child.i == end_tok.i + 1 and token.lower_ not in _NO_PARTICLE:
            end_tok = child
    return Cue(token.idx, end_tok.idx + len(end_tok.text), token.i, _nearer_subject(token, subject_of(token)))


def _nearer_subject(token: Token, subject: int | None) -> int | None:
    """ "..., Russia's RIA news agency reported": when the parse hangs the subject on a
    noun far back, the noun phrase right before the cue is the source."""
    if subject is None or subject > token.i or token.i == 0:
        return subject
    before = token.doc[token.i - 1]
    if (
        before.pos_ not in ("NOUN", "PROPN")
        or not has_letter(before.text)  # the dot of "Az." tagged as a name
        or before.ent_type_ in ("DATE", "TIME")
        or before.dep_ in ("npadvmod", "pobj", "dobj", "tmod")
    ):  # "this month", "in the streets"
        return subject
    if before.i > token.doc[subject].right_edge.i:
        return before.i
    if (
        before.dep_ == "appos" and before.head.i == subject and before.ent_type_ not in ("GPE", "LOC")
    ):  # no comma closes the apposition; a place there only labels one ("Dunmore County, Ore.")
        return before.i
    return subject


ASSERTED, NEGATED, HYPOTHETICAL = "asserted", "negated", "hypothetical"


def modality(token: Token) -> str:
    """Whether a cue reports what was said, what was not ("did not say", "declined to
    confirm") or what might be ("would say", "if she said"): read from the cue and the verbs
    it is the complement of."""
    chain = [token]
    while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    if any(t.lower_ in REFUSALS for t in chain):  # "declined to say", or "declined" as the cue
        return NEGATED
    kids = [c for t in chain for c in t.children]
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEGATORS) or _says_none(c) for c in kids):
        return NEGATED
    if any(
        (c.dep_ == "aux" and c.lower_ in MODALS) or (c.dep_ == "mark" and c.lower_ in CONDITION_MARKS) for c in kids
    ):
        return HYPOTHETICAL
    return ASSERTED


def has_letter(text: str) -> bool:
    """A source is written in words: a token with no letter (".", "--") never names one."""
    return any(ch.isalpha() for ch in text)


def subject_of(token: Token) -> int | None:
    """The subject of a cue verb, borrowed from the verb it is conjoined to if need be."""
    for verb in (token, token.head if token.dep_ in ("conj", "xcomp", "advcl") else None):
        if verb is None:
            continue
        for child in verb.children:
            if child.dep_ in SUBJECTS and child.pos_ != "SCONJ":
                return child.i
    return None


def reported_speech(
    doc: Doc, forms: frozenset[str], inside: Sequence[tuple[int, int]], model: CueModel | None = None
) -> list[Reported]:
    """Every cue in ``doc`` with a clause of content, outside quoted text.

    With a ``model``, a verb is a cue when the model says so; its content is its
    complement. Without one, only listed cue verbs with a subject count."""
    found = []
    within = _Cover(inside)
    for token in doc:
        if token.idx in within:
            continue
        item = _according(token) or _in_poll(token)
        if item is None and model is not None and (token.pos_ == "VERB" or is_copula_candidate(token)):
            if non_speech(token):
                continue
            if model.decider is not None and not _quoted_near(token):
                item = _decided(token, forms, model, model.decider)
            else:
                p = model.probability(token)
                item = _model_content(token, forms, p >= model.object_threshold) if p >= model.threshold else None
        elif item is None and token.pos_ == "NOUN":
            if model is not None and is_noun_candidate(token) and model.is_cue(token):
                item = _noun_content(token)
            item = item or _that_noun_content(token)
        elif item is None and is_cue_verb(token, forms):
            item = _verb_content(token, forms)
        if item is not None:
            found.append(item)
    return found


def unnested(
    found: Sequence[Reported], doc: Doc, forms: frozenset[str], quoted: Sequence[tuple[int, int]]
) -> list[Reported]:
    """One attribution per stretch of text: a cue inside another's content is the outer
    source's words, as a quote inside a quote is ("officials say he refused to ..."), unless
    it is a listed cue verb, or holds quoted words, inside the content of a verb that is
    neither ("defended the plan by saying ..."): then that verb goes and the inner cue stays."""
    found = _split_trailing(found, doc)
    speech = [
        doc[r.cue.token].lower_ in forms or poll_cue(doc[r.cue.token]) or any(r.start <= s < r.end for s, _ in quoted)
        for r in found
    ]
    dropped: set[int] = set()
    for k, inner in enumerate(found):
        for j, outer in enumerate(found):
            if j == k or not outer.start <= inner.cue.start < outer.end:
                continue
            if inner.cue.sourceless:  # "until numbers are reported": no one's words but the outer source's
                dropped.add(k)
            elif speech[k] and not speech[j]:
                dropped.add(j)
            elif not speech[k]:
                dropped.add(k)
    return [r for k, r in enumerate(found) if k not in dropped]


def non_speech(token: Token) -> bool:
    """A verb that reports no speech whatever the model scores it (``NON_SPEECH_VERBS``). A
    particle or adverb right after it makes a phrase of its own ("showed up at" is motion,
    "walked back the remarks" and "went on to say" are not)."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is not None and after.head.i == token.i and after.dep_ in ("prt", "advmod", "prep"):
        if (token.lower_, after.lower_) in NON_SPEECH_PHRASAL:
            return True
        if after.lower_ not in PLACE_PREPOSITIONS:
            return False
    return token.lower_ in NON_SPEECH_VERBS


def _split_trailing(found: Sequence[Reported], doc: Doc) -> list[Reported]:
    """'X is defending his tweets, saying it shows ...': a cue in a participle after a comma
    that closes another cue's content starts an attribution of its own; the outer content
    ends before that comma (PolNeAR never nests one attribution inside another's content)."""
    ends: dict[int, int] = {}
    for inner in found:
        token = doc[inner.cue.token]
        if token.tag_ != "VBG" or token.i < 2 or doc[token.i - 1].text != "," or inner.start < inner.cue.start:
            continue
        last = doc[token.i - 2]
        while last.i > 0 and _edge(last):
            last = doc[last.i - 1]
        end = last.idx + len(last.text)
        for j, outer in enumerate(found):
            if outer is not inner and outer.start < end and inner.cue.start < outer.end:
                ends[j] = min(ends.get(j, outer.end), end)
    return [Reported(r.cue, r.start, ends[j]) if j in ends else r for j, r in enumerate(found)]


def _quoted_near(token: Token) -> bool:
    """Whether the cue's sentence holds quote marks (a partial quote's host keeps the plain thresholds)."""
    return any(t.text[:1] in '"“”‘’' for t in token.sent)


def _decided(token: Token, forms: frozenset[str], model: CueModel, decider: Decider) -> Reported | None:
    """A candidate cue with the content the parse gives it, kept when the learned decision
    says the pair is an attribution (see ``model.Decider``)."""
    candidate = weighed(token, forms, model, decider.floor)
    if candidate is None:
        return None
    item, kind, p = candidate
    return item if decider.accepts(candidate_features(token, item, kind, p)) else None


def weighed(token: Token, forms: frozenset[str], model: CueModel, floor: float) -> tuple[Reported, str, float] | None:
    """A verb or copula candidate as the learned decision weighs it: its content, how that
    was found, and the cue model's probability (at least ``floor``); None for a non-speech verb."""
    if not (token.pos_ == "VERB" or is_copula_candidate(token)) or non_speech(token):
        return None
    p = model.probability(token)
    if p < floor:
        return None
    item, kind = model_candidate(token, forms, True)
    return (item, kind, p) if item is not None else None


def candidate_features(token: Token, item: Reported, kind: str, p: float) -> dict[str, float]:
    """``decision_features`` of a candidate found by ``model_candidate``."""
    doc = token.doc
    span = doc.char_span(item.start, item.end, alignment_mode="expand")
    content = list(span) if span is not None else []
    source = doc[item.cue.source] if item.cue.source is not None else None
    return decision_features(token, kind, content, source, p)


def _model_content(token: Token, forms: frozenset[str], objects: bool) -> Reported | None:
    return model_candidate(token, forms, objects)[0]


def model_candidate(token: Token, forms: frozenset[str], objects: bool) -> tuple[Reported | None, str]:
    """What a learned cue reports: its clause, the clause it interrupts, or (when
    ``objects``: the model is sure enough) its complements. A passive cue ("is expected
    to", "was endorsed by X") reports its subject too; its source is the agent, if named.
    Also says how the content was found (for the learned decision)."""
    cue = verb_cue(token)
    passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return _passive_content(token, cue, passive), "passive"
    found, kind = _clause_content_kind(token, cue, forms)
    if found is not None:
        return found, kind
    empty = _empty_object(token)
    if empty is not None:
        return _topic_content(token, cue, empty), "topic"
    parts = [
        c for c in token.rights if c.dep_ in COMPLEMENT_DEPS and (objects or c.dep_ == "xcomp") and not _circumstance(c)
    ]
    if not parts:
        return None, "none"
    tokens = [t for c in parts for t in _restrictive(c)]
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    cue, first = _with_preposition(cue, token, first)
    span = _clause_span_of(token.doc[first.i : last.i + 1], shortest=1)
    kind = "xcomp" if all(c.dep_ == "xcomp" for c in parts) else "obj:" + parts[0].dep_
    return (Reported(cue, *span) if span else None), kind


def _circumstance(clause: Token) -> bool:
    """ "said before he died", "said when she resigned": a clause of time, cause or concession
    after the cue says when or why it was said, not what."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in clause.children)


def _restrictive(head: Token) -> list[Token]:
    """A phrase's subtree without a comma-set relative clause or apposition (", who is 70")."""
    cut = {
        t.i
        for word in head.subtree
        for c in word.children
        if c.dep_ in ("relcl", "appos", "acl") and c.i > word.i and c.doc[c.left_edge.i - 1].text == ","
        for t in [c.doc[c.left_edge.i - 1], *c.subtree]
    }
    return [t for t in head.subtree if t.i not in cut]


def _with_preposition(cue: Cue, token: Token, first: Token) -> tuple[Cue, Token]:
    """'called for the repeal', 'warned against hackers': a preposition right after the
    verb belongs to the cue, and what was said is its object."""
    before = token.doc[first.i - 1]
    if (
        first.dep_ != "prep"
        or first.head.i != token.i
        or first.i + 1 >= len(token.doc)
        or before.idx + len(before.text) != cue.end
    ):  # the preposition follows the cue's last word
        return cue, first
    return Cue(cue.start, first.idx + len(first.text), cue.token, cue.source, cue.sourceless), token.doc[first.i + 1]


def _according(token: Token) -> Reported | None:
    cue = phrase_cue(token)
    if cue is None or cue.source is None:
        return None
    head = token.head if token.head.i != token.i else token
    span = _outside(head, token)
    return Reported(cue, *span) if span else None


def poll_cue(token: Token) -> Cue | None:
    """ "In a CBS News poll released Monday, she led ...": a sentence that opens with "in" and
    a poll or survey reports that poll's findings; the cue is "in", the source the poll."""
    if token.lower_ != "in" or token.dep_ != "prep":
        return None
    poll = next((c for c in token.children if c.dep_ == "pobj" and c.lower_ in POLL_HEADS), None)
    if poll is None or any(
        not (t.is_punct or t.lower_ in SENTENCE_OPENERS) for t in token.doc[token.sent.start : token.i]
    ):
        return None
    return Cue(token.idx, token.idx + len(token.text), token.i, poll.i)


def _in_poll(token: Token) -> Reported | None:
    cue = poll_cue(token)
    if cue is None or token.head.i == token.i:
        return None
    span = _outside(token.head, token)
    return Reported(cue, *span) if span else None


def _verb_content(token: Token, forms: frozenset[str]) -> Reported | None:
    cue = verb_cue(token)
    if cue.source is None:
        return None
    found = _clause_content(token, cue, forms)
    if found is not None:
        return found
    empty = _empty_object(token)
    if empty is not None:
        return _topic_content(token, cue, empty)
    return _object_content(token, cue) if token.lower_ in object_cue_forms() else None


def _empty_object(token: Token) -> Token | None:
    """The object of a cue that says nothing: "said little", "made no comment"."""
    for child in token.children:
        if child.dep_ != "dobj" or child.i < token.i:
            continue
        if child.lower_ in EMPTY_OBJECTS or (
            child.lower_ in SPEECH_ACT_OBJECTS and any(c.lower_ in EMPTY_DETERMINERS for c in child.lefts)
        ):
            return child
    return None


def _says_none(obj: Token) -> bool:
    """ "said nothing about", "made no comment on": an object that denies the speech."""
    return obj.dep_ == "dobj" and (
        obj.lower_ == "nothing" or (obj.lower_ in SPEECH_ACT_OBJECTS and any(c.lower_ == "no" for c in obj.lefts))
    )


def _topic_content(token: Token, cue: Cue, empty: Token) -> Reported | None:
    """ "said little about the plan": the cue runs through the preposition, what was (not)
    said is its object; "said little." alone attributes nothing."""
    for prep in (*empty.rights, *token.rights):
        if prep.dep_ == "prep" and prep.lower_ in TOPIC_PREPOSITIONS and prep.i > empty.i:
            topic = [t for t in prep.subtree if t.i > prep.i]
            if any(t.ent_type_ in ("DATE", "TIME") for t in topic):  # "no comment on Monday": when
                return None
            span = _clause_span_of(topic, shortest=1) if topic else None
            if span is None:
                return None
            return Reported(Cue(cue.start, prep.idx + len(prep.text), cue.token, cue.source, cue.sourceless), *span)
    return None


def _clause_content(token: Token, cue: Cue, forms: frozenset[str]) -> Reported | None:
    return _clause_content_kind(token, cue, forms)[0]


def _clause_content_kind(token: Token, cue: Cue, forms: frozenset[str]) -> tuple[Reported | None, str]:
    """The cue's clausal complement ('said (that) ...'), else the clause it interrupts or
    follows ('..., X said'). When the parse hangs a clause on each side of the cue ("It's
    unlikely; her team says she'll go on", "Writing for the Times, X noted that ..."), what
    was said is the one after it."""
    clauses = [c for c in token.children if c.dep_ in CONTENT_DEPS]
    for child in sorted(clauses, key=lambda c: c.i < token.i):
        span = _clause_span(child)
        if span:
            return Reported(cue, *span), "clause" if child.i > token.i else "clause-before"
    if (token.dep_ in SIDE_DEPS or (token.dep_ == "ccomp" and token.i > token.head.i)) and not is_cue_verb(
        token.head, forms
    ):
        span = _outside(token.head, token)
        if span:
            return Reported(cue, *span), "side"
    if _as_comment(token):
        span = _outside(token.head, token)
        if span:
            return Reported(_with_agent(cue, token), *span), "as"
    return _trailing_content(token, cue), "trailing"


def _as_comment(token: Token) -> bool:
    """ "As the chairman has pointed out, that is ...", "as the paper noted Thursday, ...",
    "As reported by the agency, ...": a cue in an "as" clause with nothing said of its own
    comments on the clause it hangs on, which is what was said (PolNeAR train: the content of
    71 of the 101 such cues the model accepts, against 6 before). "as he congratulated the
    winner" keeps its object, "as they pushed against the rules" its preposition."""
    return (
        token.dep_ == "advcl"
        and token.head.i != token.i
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
        and not any(
            c.dep_ in ("ccomp", "xcomp")
            or (c.dep_ == "dobj" and c.lower_ not in AS_OBJECTS)
            or (c.dep_ == "prep" and c.lower_ in AS_TOPIC_PREPOSITIONS and not _when(c))
            for c in token.children
        )
    )


def _when(prep: Token) -> bool:
    """ "on Monday", "for years": a preposition whose object is a date or time."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _with_agent(cue: Cue, token: Token) -> Cue:
    """ "as reported by the agency": a cue with no subject has its agent for source."""
    if cue.source is not None:
        return cue
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    source = next((c.i for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return Cue(cue.start, cue.end, cue.token, source, cue.sourceless) if source is not None else cue


def _trailing_content(token: Token, cue: Cue) -> Reported | None:
    """ "Language unclear on whether mothers are covered, experts say.": a cue that ends its
    sentence after its subject and a comma reports what comes before the comma, however the
    parse hangs it (a headline-like fragment often has no verb to be a ``ccomp``)."""
    if token.dep_ != "ROOT" or cue.source is None or cue.source > token.i:
        return None
    sent = token.sent
    if any(not t.is_punct and not t.is_space for t in token.doc[token.i + 1 : sent.end]):
        return None
    subject = token.doc[cue.source]
    comma = subject.left_edge.i - 1
    if comma <= sent.start or token.doc[comma].text != ",":
        return None
    span = _clause_span_of(token.doc[sent.start : comma], shortest=3)
    return Reported(cue, *span) if span else None


def _object_content(token: Token, cue: Cue) -> Reported | None:
    """'X urged Congress to act', 'X announced a new plan': what was said as an object.
    Addressees ('told reporters', 'asked him') are not content."""
    for child in token.children:
        if child.dep_ in OBJECT_DEPS and child.i > token.i and child.pos_ not in ("PRON", "PROPN"):
            span = _clause_span(child)
            if span:
                return Reported(cue, *span)
    return None


def _noun_content(token: Token) -> Reported | None:
    """ "Trump's claim that ...", "a statement by four senators about ...": the noun's
    complements; its holder (possessor, or "by"/"from" object) is the source."""
    source = next((c.i for c in token.children if c.dep_ == "poss"), None)
    if source is None:
        source = next(
            (
                g.i
                for c in token.children
                if c.dep_ == "prep" and c.lower_ in ("by", "from")
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
    holders = {
        t.i
        for c in token.children
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from"))
        for t in c.subtree
    }
    tokens = [t for c in token.rights if c.dep_ in NOUN_CONTENT_DEPS for t in c.subtree if t.i not in holders]
    span = _clause_span_of(sorted(tokens, key=lambda t: t.i))
    cue = Cue(token.idx, token.idx + len(token.text), token.i, source, source is None)
    return Reported(cue, *span) if span else None


def _that_noun_content(token: Token) -> Reported | None:
    """ "the claim that ...", "repeated warnings from his lawyer that ...": a noun of speech or
    belief right before a "that" clause (a complement: "that" opens it and is neither its
    subject nor its object, as it is in "the report that he wrote") reports that clause. Its
    source is the noun's holder: possessor, "by"/"from" object, or a name before it ("Trump
    charges that ...") or the subject of the verb it is the object of ("made the claim that",
    "announced plans to"); with none, the speaker the story is following (as for a cue with no
    subject). A noun of intent does the same with a "to" clause ("her decision to meet him")."""
    word = _singular(token.lower_)
    opener = "that" if word in SPEECH_NOUNS else "to" if word in INTENT_NOUNS else None
    if opener is None:
        return None
    for clause in token.rights:
        first = clause.left_edge
        if (
            clause.dep_ in ("acl", "ccomp", "relcl")
            and first.lower_ == opener
            and first.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj")
            and _only_holder_between(token, first)
            and not _object_gap(clause)
        ):
            span = _clause_span(clause)
            if span is None:
                return None
            source = _noun_holder(token)
            return Reported(Cue(token.idx, token.idx + len(token.text), token.i, source), *span)
    return None


def _object_gap(clause: Token) -> bool:
    """ "the report that the engineers wrote": a verb that takes a speech noun as its object
    and has none of its own is a relative clause on the noun."""
    return clause.lower_ in PRODUCING_VERBS and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") for c in clause.children
    )


def _singular(word: str) -> str:
    """ "worries" -> "worry", "claims" -> "claim" (the pipeline has no lemmatizer)."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _only_holder_between(token: Token, first: Token) -> bool:
    """Nothing but the noun's "by"/"from" phrase between it and its "that"."""
    holder = {t.i for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for t in c.subtree}
    return all(i in holder for i in range(token.i + 1, first.i))


def _noun_holder(token: Token) -> int | None:
    for child in token.children:
        if child.dep_ == "poss":
            return child.i
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            return next((g.i for g in child.children if g.dep_ == "pobj"), None)
    named = next((c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if named is None and token.dep_ == "dobj":
        return subject_of(token.head)  # "the mayor made (announced) a tacit acknowledgment that ..."
    return named


def _passive_content(token: Token, cue: Cue, subject: Token) -> Reported | None:
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    source = next((c.i for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    skip = {t.i for t in agent.subtree} if agent is not None else set()
    tokens = [t for t in subject.subtree] + [
        t for c in token.rights if c.dep_ in COMPLEMENT_DEPS and c.i not in skip for t in c.subtree
    ]
    span = _clause_span_of(sorted(tokens, key=lambda t: t.i))
    return Reported(Cue(cue.start, cue.end, cue.token, source, source is None), *span) if span else None


def _clause_span(clause: Token) -> tuple[int, int] | None:
    return _clause_span_of(clause.subtree)


def _clause_span_of(tokens: Iterable[Token], shortest: int = 2) -> tuple[int, int] | None:
    """The tokens' extent without a leading "that" or edge punctuation ("whether", "what"
    and "how" are part of what was said: "asked whether ...", "questioned what ...")."""
    tokens = list(tokens)
    while tokens and (tokens[0].dep_ == "mark" and tokens[0].lower_ == "that" or _edge(tokens[0])):
        tokens.pop(0)
    while tokens and _edge(tokens[-1]):
        tokens.pop()
    if len(tokens) < shortest or not any(t.is_alpha for t in tokens):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _outside(head: Token, cut: Token) -> tuple[int, int] | None:
    """The side of ``head``'s clause that holds its verb once the subtree of ``cut`` is taken
    out ("X would rise 19.9 percent, according to the group, more than twice ..."), else the
    longer side."""
    sub = list(head.subtree)
    cut_ids = {t.i for t in cut.subtree}
    before = [t for t in sub if t.i < min(cut_ids) and t.i not in cut_ids]
    after = [t for t in sub if t.i > max(cut_ids) and t.i not in cut_ids]
    if head.i in cut_ids or head.pos_ not in _VERBAL:
        side = before if len(before) >= len(after) else after
    else:
        side = before if head.i < min(cut_ids) else after
    while side and (_edge(side[0]) or side[0].is_space):
        side.pop(0)
    while side and (_edge(side[-1]) or side[-1].is_space or side[-1].text == "."):
        side.pop()
    if len(side) < 3:
        return None
    return side[0].idx, side[-1].idx + len(side[-1].text)


def _edge(token: Token) -> bool:
    return token.is_space or (token.is_punct and token.text in _EDGE_PUNCT)


class _Cover:
    """Whether a character offset lies in any of some spans: their union, merged and sorted, so
    each test is one bisection, not a walk over every quote of the story."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted((s, e) for s, e in spans if s < e):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __contains__(self, char: int) -> bool:
        i = bisect_right(self.starts, char) - 1
        return i >= 0 and char < self.ends[i]
