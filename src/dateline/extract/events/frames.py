"""Event frames from the dependency parse: trigger, type, who, with whom, where, when, how.

The finder is built once (the lexicon expanded to word forms); calling it on a story walks
the tokens once, and for each trigger looks only at its own neighbourhood in the tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import IDX, POS
from spacy.symbols import NOUN, VERB  # type: ignore[import-not-found]  # a Cython module without stubs
from spacy.tokens import Token

from dateline.extract.base import doc_text
from dateline.extract.events import lexicon as lx
from dateline.extract.events.index import StoryIndex
from dateline.extract.events.inflect import forms
from dateline.extract.events.modality import Modality

CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "xcomp", "parataxis", "csubj", "acl", "conj", "punct"})
LOOKUP_DEPTH = 4


@dataclass
class Frame:
    """One event mention, token-level; ``events.to_event`` turns it into the public record."""

    trigger: Token
    type: lx.EventType
    nominal: bool
    anchors: list[Token]  # the trigger, and the light verb lending it arguments ("held a summit")
    who: list[tuple[str, int]] = field(default_factory=list)  # entity id, token index
    with_: list[tuple[str, int]] = field(default_factory=list)
    where: tuple[str, int] | None = None
    when: tuple[str, int] | None = None
    object: tuple[str, int] | None = None
    how: str | None = None
    modality: str = "asserted"
    inferred: set[str] = field(default_factory=set)
    roles: list[int] = field(default_factory=list)  # heads of every argument found, entity or not
    same_as: Frame | None = None  # an earlier mention of the same happening

    @property
    def sent_start(self) -> int:
        return self.trigger.sent.start

    def who_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e for e, _ in self.who))

    def with_ids(self) -> tuple[str, ...]:
        who = set(self.who_ids())
        return tuple(dict.fromkeys(e for e, _ in self.with_ if e not in who))


class FrameFinder:
    """Finds event frames in a parsed story. Build once; call per story."""

    def __init__(self, types: tuple[lx.EventType, ...] = lx.EVENT_TYPES, open_class: bool = False) -> None:
        """``open_class`` also makes a frame, typed "other", of every verb outside the lexicon
        (what benchmarks that annotate every predicate count)."""
        self.open_class = open_class
        self.verbs: dict[str, lx.EventType] = {}
        self.nouns: dict[str, lx.EventType] = {}
        for et in types:
            for w in et.verbs:
                for f in forms(w, "VERB"):
                    self.verbs.setdefault(f, et)
            for w in et.nouns:
                for f in forms(w, "NOUN"):
                    self.nouns.setdefault(f, et)
        self.light = _forms(lx.LIGHT_VERBS)
        self.no_infinitive = _forms(lx.NOT_WITH_INFINITIVE)
        self.particle_senses = frozenset((f, p) for v, p in lx.PARTICLE_SENSES for f in forms(v, "VERB"))
        self.needs_place = _forms(lx.NEEDS_PLACE)
        self.modality = Modality()

    def __call__(self, index: StoryIndex, start: int = 0, end: int | None = None) -> list[Frame]:
        """Frames for the tokens whose text lies in ``[start, end)`` (the story body)."""
        doc = index.doc
        end = len(doc_text(doc)) if end is None else end
        triggers: dict[int, tuple[lx.EventType, bool]] = {}
        rows = doc.to_array([POS, IDX])  # only verbs and nouns trigger: a Token object for those alone
        pos, idx = rows[:, 0], rows[:, 1]
        for i in (((pos == VERB) | (pos == NOUN)) & (idx >= start) & (idx < end)).nonzero()[0]:
            hit = self._trigger(index, doc[int(i)])
            if hit:
                triggers[int(i)] = hit
        frames = []
        for i, (etype, nominal) in triggers.items():
            frame = self._frame(index, doc[i], etype, nominal, triggers)
            if frame is not None:
                frames.append(frame)
        _share_purpose(index, frames)
        return frames

    def _trigger(self, index: StoryIndex, tok: Token) -> tuple[lx.EventType, bool] | None:
        low = tok.lower_
        if tok.pos_ == "VERB" and tok.dep_ != "amod":
            if low in self.light and any(c.dep_ == "dobj" and c.lower_ in self.nouns for c in index.kids(tok)):
                return None  # "hosted a summit": the summit is the event
            if low in self.verbs and not self._other_sense(index, tok):
                return self.verbs[low], False
            return (lx.OTHER, False) if self.open_class else None
        if tok.pos_ == "NOUN" and low in self.nouns:
            return self.nouns[low], True
        return None

    def _other_sense(self, index: StoryIndex, verb: Token) -> bool:
        low = verb.lower_
        for c in index.kids(verb):
            if c.dep_ == "xcomp" and low in self.no_infinitive:
                return True
            particle = c.dep_ in ("prt", "advmod") or (c.dep_ == "prep" and not index.kids(c))
            if particle and (low, c.lower_) in self.particle_senses:
                return True
        return False

    def _frame(self, index: StoryIndex, tok: Token, etype: lx.EventType, nominal: bool, triggers: dict) -> Frame | None:
        frame = Frame(tok, etype, nominal, [tok])
        if nominal:
            self._nominal_roles(index, frame)
            if not frame.who and not frame.with_:
                return None
        else:
            self._verbal_roles(index, frame)
            if not frame.roles or self._object_no_party(index, frame):
                return None
        if frame.type.symmetric and len(frame.who_ids()) > 1 and not frame.with_:
            frame.with_, frame.who = frame.who[1:], frame.who[:1]
        _find_where(index, frame, triggers)
        _find_when(index, frame, triggers)
        if not nominal and tok.lower_ in self.needs_place and frame.where is None and not _has_destination(index, tok):
            return None
        frame.how = _find_how(index, frame) if etype.motion else None
        frame.modality = self.modality(index, tok)
        return frame

    def _object_no_party(self, index: StoryIndex, frame: Frame) -> bool:
        """ "meet its debt": a meeting's direct object must be someone."""
        objects = [c for c in index.kids(frame.trigger) if c.dep_ == "dobj"]
        if frame.type.name in lx.INTRANSITIVE_TYPES:  # "drop sanctions" is no fall; "fell 3 pct" is
            return any(not any(t.like_num or t.text in "%$" for t in obj.subtree) for obj in objects)
        if frame.type.name not in lx.PARTY_OBJECT_TYPES:
            return False
        return bool(objects) and not _resolve_all(index, objects)

    # -- roles ---------------------------------------------------------------------------
    def _verbal_roles(self, index: StoryIndex, frame: Frame) -> None:
        tok = frame.trigger
        subj, patient = _subjects(index, tok)
        agents = [gc for c in index.kids(tok) if c.dep_ == "agent" for gc in index.kids(c) if gc.dep_ == "pobj"]
        if patient or agents:  # passive: "was greeted by X"
            subj = agents
        objects = patient + [c for c in index.kids(tok) if c.dep_ in ("dobj", "dative")]
        frame.roles = [t.i for t in subj + objects]
        frame.who = _resolve_all(index, subj)
        for pobj in _prep_objects(index, tok, lx.WITH_PREPS):
            frame.with_ += _resolve_all(index, [pobj])
            frame.roles.append(pobj.i)
        for eid, i in _resolve_all(index, objects):
            _place_object(index, frame, eid, i)

    def _nominal_roles(self, index: StoryIndex, frame: Frame) -> None:
        tok = frame.trigger
        frame.who = _resolve_all(index, [c for c in index.kids(tok) if c.dep_ == "poss"])
        parties = _modifier_parties(index, tok)
        if frame.who:
            frame.with_ += parties
        elif frame.type.symmetric:
            frame.who, frame.with_ = parties[:1], parties[1:]
        else:
            frame.who = parties
        for pobj in _prep_objects(index, tok, ("by",)):
            frame.who += _resolve_all(index, [pobj])
        for pobj in _prep_objects(index, tok, ("of",)):
            found = _resolve_all(index, [pobj])
            if frame.type.name in lx.PATIENT_OF_TYPES:
                frame.with_ += found
            elif not frame.who and all(index.type_of(e) == "PERSON" for e, _ in found):
                frame.who += found
        for pobj in _prep_objects(index, tok, lx.WITH_PREPS):
            frame.with_ += _resolve_all(index, [pobj])
        governor = _governing_verb(index, tok)
        if governor is not None:
            lends = tok.dep_ == "dobj" and governor.lower_ in self.light  # "held a summit in 2002"
            if lends or tok.dep_ in ("nsubj", "nsubjpass"):  # "the summit took place in X"
                frame.anchors.append(governor)
            purpose = tok.dep_ == "pobj" and index.head(index.head(tok)).i == governor.i  # "flew in for talks"
            if not frame.who and (lends or purpose):
                frame.who = _resolve_all(index, _subjects(index, governor)[0])
        frame.roles = [i for _, i in frame.who + frame.with_]


def _share_purpose(index: StoryIndex, frames: list[Frame]) -> None:
    """ "visited Oslo for talks with X": the counterpart of the purpose is the visit's too."""
    by_token = {f.trigger.i: f for f in frames}
    for frame in frames:
        if frame.nominal:
            continue
        for pobj in _prep_objects(index, frame.trigger, ("for",)):
            purpose = by_token.get(pobj.i)
            if purpose is not None:
                frame.with_ += [p for p in purpose.with_ if p[0] not in frame.who_ids()]


def _forms(words) -> frozenset[str]:
    return frozenset(f for w in words for f in forms(w, "VERB"))


def _subjects(index: StoryIndex, verb: Token, depth: int = 0) -> tuple[list[Token], list[Token]]:
    """Active and passive subjects, inherited through raising, control and coordination."""
    subj = [c for c in index.kids(verb) if c.dep_ in ("nsubj", "csubj")]
    patient = [c for c in index.kids(verb) if c.dep_ == "nsubjpass"]
    if subj or patient or depth > 3:
        return subj, patient
    head = index.head(verb)
    if head.i == verb.i and verb.head.i != verb.i:  # cut off by a misparse: take the orphan before it
        return _orphan_subject(index, verb), []
    if verb.dep_ == "xcomp":
        objects = [c for c in index.kids(head) if c.dep_ == "dobj"]
        if objects:  # "asked X to meet": object control
            return objects, []
        s, p = _subjects(index, head, depth + 1)
        return s + p, []
    if verb.dep_ == "conj":
        s, p = _subjects(index, head, depth + 1)
        return ([], s + p) if any(c.dep_ == "auxpass" for c in index.kids(verb)) else (s, p)
    if verb.dep_ == "acl":
        return ([head], []) if verb.tag_ == "VBG" else ([], [head])
    if verb.dep_ == "advcl" or (verb.dep_ == "pcomp" and head.dep_ == "prep"):
        return _subjects(index, index.head(head) if verb.dep_ == "pcomp" else head, depth + 1)
    return [], []


def _orphan_subject(index: StoryIndex, verb: Token) -> list[Token]:
    """The last noun before the verb in its paragraph whose parse attaches it elsewhere."""
    orphans = [
        t
        for t in verb.sent
        if t.i < verb.i
        and index.paragraph[t.i] == index.paragraph[verb.i]
        and index.head(t).i == t.i
        and t.pos_ in ("PROPN", "NOUN", "PRON")
    ]
    return orphans[-1:]


def _resolve_all(index: StoryIndex, heads: list[Token]) -> list[tuple[str, int]]:
    out = []
    for head in heads:
        for tok in [head, *head.conjuncts]:
            found = _resolve(index, tok)
            if found:
                out.append((found, tok.i))
    return out


def _resolve(index: StoryIndex, tok: Token, depth: int = 0) -> str | None:
    """The entity a role head stands for: its own mention, a pronoun's antecedent, an
    apposition ("his counterpart Marta X"), or the one a vehicle carries."""
    eid = index.entity(tok)
    if eid:
        return eid
    low = tok.lower_
    if low in lx.RELATIVE_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
        return index.antecedent(tok)
    if low in lx.PERSON_PRONOUNS:
        return index.last_person(tok.i)
    if low in lx.THING_PRONOUNS:  # "Avia said it is cutting": an organisation earlier in the sentence
        return index.last_org(tok.i, within=tok.sent.start)
    for c in index.kids(tok):  # "his counterpart, X"; "a Ministry spokesman"
        etype = index.type_of(index.entity(c))
        if (
            c.dep_ == "appos"
            and etype in lx.PARTY_TYPES
            or c.dep_ == "compound"
            and tok.tag_ == "NN"
            and etype in ("ORG", "GPE")
        ):
            return index.entity(c)
    if tok.tag_ == "NN" and tok.i + 1 < len(tok.doc) and index.type_of(index.entity_at[tok.i + 1]) == "PERSON":
        return index.entity_at[tok.i + 1]  # an apposition the parser missed: "his grandfather Ivo X"
    if depth == 0 and low in lx.VEHICLES:
        return _vehicle_rider(index, tok)
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in index.kids(tok))
    if low in lx.LEADER_NOUNS and definite:
        return index.last_person(tok.i)
    if low in lx.COMPANY_NOUNS and definite:
        return index.last_org(tok.i)
    return None


def _vehicle_rider(index: StoryIndex, vehicle: Token) -> str | None:
    """ "X's train arrived", "the train carrying X stopped": the rider is the agent."""
    for c in index.kids(vehicle):
        if c.dep_ == "poss":
            return _resolve(index, c, 1)
        if c.dep_ == "acl" and c.lower_ in lx.CARRY_VERBS:
            for obj in index.kids(c):
                if obj.dep_ == "dobj":
                    return _resolve(index, obj, 1)
    return None


def _prep_objects(index: StoryIndex, tok: Token, preps) -> list[Token]:
    return [
        gc
        for c in index.kids(tok)
        if c.dep_ == "prep" and c.lower_ in preps
        for gc in index.kids(c)
        if gc.dep_ == "pobj"
    ]


def _modifier_parties(index: StoryIndex, noun: Token) -> list[tuple[str, int]]:
    """Parties named in front of an event noun: "the Sander-Holm summit", "U.S. sanctions"."""
    out: list[tuple[str, int]] = []
    for c in index.kids(noun):
        if c.i < noun.i and c.dep_ in ("compound", "nmod", "amod"):
            for t in c.subtree:
                eid = index.entity(t)
                if eid and index.type_of(eid) in lx.PARTY_TYPES and eid not in (e for e, _ in out):
                    out.append((eid, t.i))
    return out


def _place_object(index: StoryIndex, frame: Frame, eid: str, i: int) -> None:
    """A direct object is where a motion happens, the counterpart of an interaction, or the thing acted on."""
    etype = index.type_of(eid)
    if frame.type.motion:
        if eid in index.places and frame.where is None:
            frame.where = (eid, i)
        elif etype == "PERSON":
            frame.with_.append((eid, i))
        elif frame.object is None:
            frame.object = (eid, i)
    elif etype in lx.PARTY_TYPES:
        frame.with_.append((eid, i))
    elif frame.object is None:
        frame.object = (eid, i)


def _governing_verb(index: StoryIndex, tok: Token) -> Token | None:
    while (
        tok.dep_ in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "conj", "appos", "attr", "compound")
        and index.head(tok).i != tok.i
    ):
        tok = index.head(tok)
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _place_of(index: StoryIndex, tok: Token) -> str | None:
    eid = index.entity(tok)
    if eid is None:
        return None
    if eid in index.places:
        return eid
    head = index.head(tok)  # "the settlement of X": X is a place whatever its NER label
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and index.head(head).lower_ in lx.SETTLEMENT_NOUNS
        and index.type_of(eid) != "PERSON"
    ):
        return eid
    return None


def _find_where(index: StoryIndex, frame: Frame, triggers: dict) -> None:
    """The first place under a locative (or, for motion, destination) preposition, walking prep
    chains ("at the station in the settlement of X") but not into clauses or other events."""
    if frame.where is not None:
        return
    preps = lx.LOCATIVE_PREPS | (lx.DESTINATION_PREPS if frame.type.motion else frozenset())
    queue = [(a, False, 0) for a in frame.anchors]
    while queue:
        tok, located, depth = queue.pop(0)
        for c in index.kids(tok):
            if c.dep_ in CLAUSE_DEPS or (c.i in triggers and c not in frame.anchors) or depth >= LOOKUP_DEPTH:
                continue
            if c.dep_ == "prep":
                ok = located or c.lower_ in preps
                for pobj in index.kids(c):
                    if pobj.dep_ != "pobj":
                        continue
                    eid = _place_of(index, pobj) if ok else None
                    if eid:
                        frame.where = (eid, pobj.i)
                        return
                    if pobj.i not in triggers:
                        queue.append((pobj, ok, depth + 1))
            elif c.dep_ in ("dobj", "appos") and tok.i == frame.trigger.i:
                queue.append((c, located or frame.type.motion, depth + 1))  # "toured the port of X"


def _find_when(index: StoryIndex, frame: Frame, triggers: dict) -> None:
    """A date or time attached to the trigger: "on Wednesday", "last week", "a 1986 visit"."""
    queue = [(a, 0) for a in frame.anchors]
    while queue:
        tok, depth = queue.pop(0)
        for c in index.kids(tok):
            if c.dep_ in CLAUSE_DEPS or (c.i in triggers and c not in frame.anchors) or depth >= LOOKUP_DEPTH:
                continue
            if c.dep_ != "prep" and _date_at(index, frame, c):
                return
            if c.dep_ == "prep" and (depth == 0 or c.lower_ in lx.TEMPORAL_PREPS or index.timex_at[c.i]):
                for pobj in index.kids(c):
                    if pobj.dep_ == "pobj" and (c.lower_ not in lx.TEMPORAL_PREPS or not _date_at(index, frame, pobj)):
                        queue.append((pobj, depth + 1))
                    elif pobj.dep_ == "pobj":
                        return


def _date_at(index: StoryIndex, frame: Frame, tok: Token) -> bool:
    tid = index.timex_at[tok.i]
    if tid and index.timex_type.get(tid, "DATE") in ("DATE", "TIME"):
        frame.when = (tid, tok.i)
        return True
    return False


def _find_how(index: StoryIndex, frame: Frame) -> str | None:
    for pobj in _prep_objects(index, frame.trigger, ("by", "aboard", "on")):
        if pobj.lower_ in lx.VEHICLES:
            return pobj.text
    return None


def _has_destination(index: StoryIndex, verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("for", "to", "into", "at", "in", "from") for c in index.kids(verb))
