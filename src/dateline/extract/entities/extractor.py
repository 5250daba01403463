"""Entities: people, organisations and places told apart within a story.

Flow (one direction, one spaCy pass): NER spans corrected from story evidence
(``entities.corrections``) -> name mentions grouped into entities (``entities.cluster``)
-> titles, relations, country read around each name (``entities.titles``) -> pronoun and
description mentions (``entities.pronouns``) -> typed ``Entity`` records.
Journalists come from the byline and the credits and stay apart from the story's people.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dateline.extract.base import Extractor, StoryContext, register
from dateline.extract.entities import cluster, first_names, gazetteer, names
from dateline.extract.entities.cluster import Found, Group
from dateline.extract.entities.corrections import NAME_TYPES, correct, is_currency_sign
from dateline.extract.entities.entity_words import EMPLOYMENT, HONORIFIC_GENDER, KINSHIP, PRODUCT_NOUNS, PRONOUN_GENDER
from dateline.extract.entities.pronouns import (
    Referent,
    Resolver,
    resolve_organisations,
    resolve_things,
    sentences,
)
from dateline.extract.entities.titles import Role, describe, read_role
from dateline.record import Entity, Mention, Relation

KEPT_TYPES = NAME_TYPES | {"EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
SHARED_COUNTRY = frozenset(KINSHIP) | EMPLOYMENT  # relations that tell the person's country


@register("entities")
def make_entities() -> Extractor:
    gazetteer.country_code("warm up")  # load the name lists once, not per story
    gazetteer.city_population("warm up")
    return extract_entities


def extract_entities(ctx: StoryContext) -> tuple[Entity, ...]:
    return _extract(ctx.layout, ctx.doc)


@dataclass
class _Story:
    doc: Doc
    found: list[Found]
    tokens: list[tuple[int, int]]  # token span of each found mention (-1, -1 outside the doc)
    text: str  # the story text (doc.text would be rebuilt on every access)
    groups: list[Group] = field(default_factory=list)
    roles: dict[int, Role] = field(default_factory=dict)  # found index -> role read around it
    extra: dict[int, list[Mention]] = field(default_factory=dict)  # group -> pronoun/description mentions


def _extract(layout, doc: Doc) -> tuple[Entity, ...]:
    story = _find(layout, doc)
    journalist_keys = {names.key(n) for n in layout.journalist_names}
    story.groups = cluster.join_person_initials(
        story.found, cluster.group_people(story.found, journalist_keys) + cluster.group_others(story.found)
    )
    for m, f in enumerate(story.found):  # grouping may shrink a headline mention to one word
        if f.headline and story.tokens[m][0] >= 0:
            span = doc.char_span(f.start, f.end, alignment_mode="expand")
            story.tokens[m] = (span.start, span.end) if span is not None else story.tokens[m]
    person_at = _person_tokens(story)
    _read_roles(story, person_at)
    resolver = _resolve_pronouns(story, person_at)
    return _records(story, resolver, person_at)


def _journalist_fields(layout) -> list:
    return [*layout.authors, *(c.name for c in layout.credits)]


def _dateline_places(layout) -> list:
    return list(layout.dateline.places) if layout.dateline else []


def _find(layout, doc: Doc) -> _Story:
    """Corrected name spans, plus journalist names the doc does not cover (the credits)."""
    text = layout.text  # the doc covers text[:end], so its offsets are offsets into text
    end = doc[-1].idx + len(doc[-1]) if len(doc) else 0
    persons = [(f.start, f.end) for f in _journalist_fields(layout)]
    places = [(f.start, f.end) for f in _dateline_places(layout) if f.end <= end]
    journalist_spans = set(persons)
    headline = layout.headline
    sent_index = [0] * len(doc)
    for n, sent in enumerate(sentences(doc)):
        sent_index[sent.start : sent.end] = [n] * (sent.end - sent.start)
    found, tokens = [], []
    for span in correct(doc, places=places, persons=[p for p in persons if p[1] <= end]):
        if span.label not in KEPT_TYPES or is_currency_sign(doc, span):
            continue
        a, b = doc[span.start].idx, doc[span.end - 1].idx + len(doc[span.end - 1])
        words = [t.text for t in doc[max(0, span.start - 3) : span.start]]
        title = cluster.title_before(words) if span.label == "PERSON" else None
        found.append(
            Found(
                a,
                b,
                span.label,
                text[a:b],
                sent_index[span.start],
                title,
                journalist=_overlaps(a, b, journalist_spans),
                headline=headline is not None and headline.start <= a and b <= headline.end,
            )
        )
        tokens.append((span.start, span.end))
    for a, b in sorted(journalist_spans):
        if a >= end:
            found.append(Found(a, b, "PERSON", text[a:b], 10**6, None, journalist=True))
            tokens.append((-1, -1))
    return _Story(doc, found, tokens, text)


def _overlaps(a: int, b: int, spans: set[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)


def _person_tokens(story: _Story) -> dict[int, int]:
    """Token index -> group index, for the names of people in the story (not journalists)."""
    return _tokens_of(story, {"PERSON"})


def _tokens_of(story: _Story, labels: set[str]) -> dict[int, int]:
    out = {}
    for gid, g in enumerate(story.groups):
        if g.label not in labels or g.journalist:
            continue
        for m in g.members:
            t0, t1 = story.tokens[m]
            for t in range(t0, t1):
                out[t] = gid
    return out


def _read_roles(story: _Story, person_at: dict[int, int]) -> None:
    person_tokens = frozenset(person_at)
    for g in story.groups:
        if g.label != "PERSON" or g.journalist:
            continue
        for m in g.members:
            t0, t1 = story.tokens[m]
            if t0 >= 0:
                story.roles[m] = read_role(story.doc, t0, t1, person_tokens)


def _gender(story: _Story, g: Group) -> str | None:
    """What the story says (kin words, "Mrs."), else what the first name usually says."""
    votes = Counter(story.roles[m].gender for m in g.members if m in story.roles and story.roles[m].gender)
    votes.update(
        HONORIFIC_GENDER[title] for m in g.members if (title := story.found[m].title) and title in HONORIFIC_GENDER
    )
    if votes:
        return votes.most_common(1)[0][0]
    named = [story.found[m].text for m in g.members]
    return first_names.gender_of(names.fullest(named)) if named else None


def _resolve_pronouns(story: _Story, person_at: dict[int, int]) -> Resolver:
    referents = {}
    for gid, g in enumerate(story.groups):
        if g.label == "PERSON" and not g.journalist:
            heads = {
                t.split()[-1].casefold() for m in g.members if m in story.roles for t in story.roles[m].titles if t
            }
            referents[gid] = Referent(gid, _gender(story, g), frozenset(heads), len(g.members))

    def new_group(text: str, token: int) -> int:
        head = story.doc[token]
        story.groups.append(Group("PERSON"))
        story.found.append(Found(head.idx, head.idx, "PERSON", text))
        story.tokens.append((-1, -1))
        story.groups[-1].members.append(len(story.found) - 1)
        story.roles[len(story.found) - 1] = describe(story.doc, list(range(head.left_edge.i, token + 1)))
        story.extra[len(story.groups) - 1] = []
        return len(story.groups) - 1

    resolver = Resolver(story.doc, person_at, referents)
    org_at = _tokens_of(story, {"ORG"})
    sizes = {gid: len(g.members) for gid, g in enumerate(story.groups) if g.label == "ORG"}
    thing_at = _tokens_of(story, {"ORG", "PRODUCT", "GPE", "LOC", "FAC", "EVENT", "LAW"})
    labels = {gid: g.label for gid, g in enumerate(story.groups)}
    companies = resolve_organisations(story.doc, org_at, sizes)  # "the company": "it" may follow it
    product_at = _tokens_of(story, {"PRODUCT"})
    product_sizes = {gid: len(g.members) for gid, g in enumerate(story.groups) if g.label == "PRODUCT"}
    companies += resolve_organisations(story.doc, product_at, product_sizes, PRODUCT_NOUNS)  # "the plane"
    described = {m.token: m.gid for m in companies if m.token >= 0}
    things = resolve_things(story.doc, {**thing_at, **described, **person_at}, labels)
    for m in [*resolver.run(new_group), *companies, *things]:
        story.extra.setdefault(m.gid, []).append(Mention(m.start, m.end, story.text[m.start : m.end], m.kind))
    return resolver


def _records(story: _Story, resolver: Resolver, person_at: dict[int, int]) -> tuple[Entity, ...]:
    def first(gid: int) -> int:
        starts = [
            story.found[m].start
            for m in story.groups[gid].members
            if story.tokens[m][0] >= 0 or story.found[m].journalist
        ]
        starts += [x.start for x in story.extra.get(gid, [])]
        return min(starts) if starts else 10**9

    order = sorted(range(len(story.groups)), key=first)
    ids = {gid: f"e{n}" for n, gid in enumerate(order, start=1)}
    relations = _relations(story, resolver, person_at)
    countries = _countries(story, relations)
    country_ids = _country_entities(story, ids)
    out = []
    for gid in order:
        g = story.groups[gid]
        out.append(_entity(story, gid, g, ids, relations.get(gid, []), countries.get(gid), country_ids))
    return tuple(out)


def _entity(
    story: _Story,
    gid: int,
    g: Group,
    ids: dict[int, str],
    rels: list[tuple[str, int]],
    country: str | None,
    country_ids: dict[str, str],
) -> Entity:
    named = [m for m in g.members if story.tokens[m][0] >= 0 or story.found[m].journalist]
    mentions = [_mention(story, m) for m in named] + story.extra.get(gid, [])
    mentions.sort(key=lambda x: x.start)
    if named:
        name = names.display(names.fullest([story.found[m].text for m in named]), g.label)
        if g.label != "PERSON":
            name = _strip_the(name)
    else:
        name = story.found[g.members[0]].text
    titles = list(dict.fromkeys(t for m in g.members if m in story.roles for t in story.roles[m].titles))
    affiliation = _affiliation(story, g, ids) or (country_ids.get(country) if country else None)
    return Entity(
        id=ids[gid],
        type=g.label,
        name=name,
        mentions=tuple(mentions),
        titles=tuple(titles),
        relations=tuple(dict.fromkeys(Relation(w, ids[t]) for w, t in rels if t in ids)),
        journalist=g.journalist,
        country=country or _own_country(story, g),
        affiliation=affiliation if affiliation != ids[gid] else None,
        candidates=tuple(ids[c] for c in g.candidates if c in ids),
    )


def _mention(story: _Story, m: int) -> Mention:
    f = story.found[m]
    start = f.start
    t0, _ = story.tokens[m]
    if f.title and t0 >= 0 and len(names.parts(f.text)) == 1:
        n = len(f.title.split())
        start = story.doc[max(0, t0 - n)].idx  # "Chairman Park": the title is part of how he is named
    text = story.text[start : f.end] if t0 >= 0 else f.text
    return Mention(start, f.end, text)


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _relations(story: _Story, resolver: Resolver, person_at: dict[int, int]) -> dict[int, list[tuple[str, int]]]:
    """Group -> [(relation word, target group)], possessors resolved to people."""
    out: dict[int, list[tuple[str, int]]] = {}
    target_at: dict[int, int] = {}  # token of a name -> the target of its relation (for "X and sister Y")
    items = sorted(story.roles.items(), key=lambda kv: story.found[kv[0]].start)
    for m, role in items:
        gid = person_at.get(story.tokens[m][0])
        if gid is None:
            continue
        for word, possessor in role.relations:
            if possessor == -1:
                target = target_at.get(role.conj_with) if role.conj_with is not None else None
            elif possessor in person_at:
                target = person_at[possessor]
            else:
                pronoun = story.doc[possessor]
                target = resolver.antecedent(pronoun, PRONOUN_GENDER.get(pronoun.lower_))
            if target is not None and target != gid:
                out.setdefault(gid, []).append((word, target))
                for t in range(*story.tokens[m]):
                    target_at[t] = target
    return out


def _countries(story: _Story, relations: dict[int, list[tuple[str, int]]]) -> dict[int, str]:
    """A person's country: said by a title, else shared with kin or employer."""
    out = {}
    for gid, g in enumerate(story.groups):
        votes = Counter(c for m in g.members if m in story.roles for c in story.roles[m].countries)
        if votes:
            out[gid] = votes.most_common(1)[0][0]
    for _ in range(2):
        for gid, rels in relations.items():
            for word, target in rels:
                if gid not in out and word in SHARED_COUNTRY and target in out:
                    out[gid] = out[target]
    return out


def _own_country(story: _Story, g: Group) -> str | None:
    """A place or nationality entity's own country code."""
    if g.label == "PERSON":
        return None
    text = story.found[g.members[0]].text
    return (
        gazetteer.country_code(text)
        if g.label in {"GPE", "LOC"}
        else (gazetteer.demonym_code(text) if g.label == "NORP" else None)
    )


def _country_entities(story: _Story, ids: dict[int, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for gid, g in enumerate(story.groups):
        if g.label in {"GPE", "LOC"}:
            code = gazetteer.country_code(story.found[g.members[0]].text)
            if code:
                out.setdefault(code, ids[gid])
    return out


def _affiliation(story: _Story, g: Group, ids: dict[int, str]) -> str | None:
    """The organisation named in a person's title ("Kremlin aide")."""
    if g.label != "PERSON":
        return None
    by_start = {}
    for gid, other in enumerate(story.groups):
        for m in other.members:
            if story.tokens[m][0] >= 0:
                by_start[story.tokens[m][0]] = gid
    for m in g.members:
        for token in story.roles.get(m, Role()).affiliations:
            if token in by_start:
                return ids[by_start[token]]
    return None
