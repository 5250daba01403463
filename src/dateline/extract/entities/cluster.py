"""Group name mentions into entities within one story.

People: identical full names are one person; a short form ("Park", "Chairman Park",
"PARK") goes to the one full name it can stand for, or, when several people share that
name part, to the one the story's evidence points at:

1. a candidate named in full earlier in the same sentence (local recency);
2. else a candidate named in full at least three times as often as the one introduced
   first (and at least three times), if there is one;
3. else the *principal* candidate: the one introduced first, when it was introduced in
   a sentence of its own (news style names secondary namesakes in full each time);
4. else (two introduced together: "Tom and Ana Reyes") the short form stays
   unresolved: its own entity, with the candidates listed.

Journalists (byline, credits) never take a short form from the story text.
A headline mention only joins an entity the rest of the story names: headlines capitalise
verbs and nouns ("Lawson Says Louvre Currency ...") and never introduce anyone.
Other names: one entity per folded name, with country aliases ("U.S.", "the United
States"), an organisation's short form ("State Department" for "U.S. State
Department"), its other word order ("Justice Department", "Department of Justice"), its
acronym ("DOJ") and the other names listed in ``ORG_ALIASES`` ("the Fed", "Federal
Reserve Board") joined.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from dateline.extract.entities import first_names, gazetteer, names
from dateline.extract.entities.entity_words import (
    COURTESY_TITLES,
    HONORIFIC_GENDER,
    LEGAL_FORMS,
    ORG_ALIASES,
    TITLE_WORDS,
)
from dateline.geo.text import case_key

DOMINANT = 3  # a namesake named in full this many times as often as the first one takes the short form


@dataclass
class Found:
    """One name mention as found in the text, before grouping."""

    start: int
    end: int
    label: str
    text: str
    sent: int = 0  # sentence index
    title: str | None = None  # capitalised title word right before the name ("Chairman")
    journalist: bool = False  # inside the byline or the credits
    headline: bool = False  # inside the headline


@dataclass
class Group:
    """Mentions (indices into the found list) that name one entity."""

    label: str
    members: list[int] = field(default_factory=list)
    journalist: bool = False
    candidates: list[int] = field(default_factory=list)  # other groups an unresolved short form may be


def group_people(found: list[Found], journalist_keys: set[tuple[str, ...]]) -> list[Group]:
    """Cluster the PERSON mentions of ``found`` (see module doc)."""
    people = [i for i, f in enumerate(found) if f.label == "PERSON" and not f.headline]
    full: dict[tuple[str, ...], Group] = {}
    short: list[int] = []
    for i in people:
        k = names.key(found[i].text)
        if len(k) >= 2 or (found[i].journalist and k):
            group = full.setdefault(k, Group("PERSON"))
            group.members.append(i)
            group.journalist |= found[i].journalist or k in journalist_keys
        elif k:
            short.append(i)
    _absorb_partial_full_names(found, full)
    groups = list(full.values())
    unresolved: dict[tuple[str, ...], Group] = {}
    for i in short:
        target = _resolve_short(found, i, groups)
        if isinstance(target, Group):
            target.members.append(i)
            continue
        group = unresolved.setdefault(names.key(found[i].text), Group("PERSON"))
        group.members.append(i)
        group.candidates = sorted(set(group.candidates) | set(target))
    ordered = groups + list(unresolved.values())
    _attach_headline_people(found, groups)
    for g in ordered:
        g.members.sort(key=lambda i: found[i].start)
    return ordered


def _attach_headline_people(found: list[Found], groups: list[Group]) -> None:
    """A headline name joins the one person of the story it names in full or in short
    (typed otherwise, in full only); else one of its words may ("Warns Osei": the tagger took a verb in), and the mention
    shrinks to that word."""

    def fits(text: str) -> list[Group]:
        k = names.key(text)
        return [
            g
            for g in groups
            if not g.journalist
            and any(names.key(found[m].text) == k or names.is_short_form(text, found[m].text) for m in g.members)
        ]

    for i, f in enumerate(found):
        if not f.headline:
            continue
        if f.label != "PERSON":  # "Barack Obama" typed ORG in a headline: the person named in full
            k = names.key(f.text)
            same = [g for g in fits(f.text) if any(names.key(found[m].text) == k for m in g.members)]
            if len(k) >= 2 and len(same) == 1:
                f.label = "PERSON"
                same[0].members.append(i)
            continue
        whole = fits(f.text)
        if len(whole) == 1:
            whole[0].members.append(i)
            continue
        offset = 0
        for word in f.text.split(" "):
            start = f.text.index(word, offset)
            offset = start + len(word)
            one = fits(word) if len(word) > 1 else []
            if len(one) == 1 and not whole:
                f.start, f.end, f.text = f.start + start, f.start + offset, word
                one[0].members.append(i)
                break


def _absorb_partial_full_names(found: list[Found], full: dict[tuple[str, ...], Group]) -> None:
    """A two-part form of exactly one longer full name joins it ("Lopez Obrador")."""
    for k in sorted(full, key=len):
        longer = [
            k2
            for k2 in full
            if len(k2) > len(k) and not full[k2].journalist and names.is_short_form(" ".join(k), " ".join(k2))
        ]
        if len(longer) == 1 and not full[k].journalist:
            full[longer[0]].members.extend(full.pop(k).members)


def _resolve_short(found: list[Found], i: int, groups: list[Group]) -> Group | list[int]:
    """The group a short form names, or the indices of the candidates when unsure."""
    f = found[i]
    cands = [
        n
        for n, g in enumerate(groups)
        if (f.journalist or not g.journalist)
        and (not f.journalist or g.journalist)
        and any(names.is_short_form(f.text, found[m].text) for m in g.members)
        and not _title_conflict(found, f, g)
    ]
    if not cands:
        return []
    if len(cands) == 1:
        return groups[cands[0]]
    local = [n for n in cands if any(found[m].sent == f.sent and found[m].start < f.start for m in groups[n].members)]
    if len(local) == 1:
        return groups[local[0]]
    first = {n: min((found[m].sent, found[m].start) for m in groups[n].members) for n in cands}
    count = {n: len(groups[n].members) for n in cands}
    principal, runner_up = sorted(cands, key=lambda n: first[n])[:2]
    dominant = [n for n in cands if count[n] >= max(DOMINANT, DOMINANT * count[principal])]
    if len(dominant) == 1:
        return groups[dominant[0]]
    if first[principal][0] != first[runner_up][0]:
        return groups[principal]
    return cands


def _title_conflict(found: list[Found], f: Found, group: Group) -> bool:
    """ "King Salman" is not "Crown Prince Mohammed bin Salman": different capitalised titles."""
    if not f.title:
        return False
    if f.title in COURTESY_TITLES:  # "Mr Howard" may be any titled Howard of his sex
        sex = HONORIFIC_GENDER.get(f.title)
        named = first_names.gender_of(names.fullest([found[m].text for m in group.members]))
        return bool(sex and named and sex != named)
    titles = {title.split()[-1] for m in group.members if (title := found[m].title) and title not in COURTESY_TITLES}
    return bool(titles) and f.title.split()[-1] not in titles


def group_others(found: list[Found]) -> list[Group]:
    """One group per non-person name, with aliases joined (see module doc)."""
    by_key: dict[tuple[str, str], Group] = {}
    for i, f in enumerate(found):
        if f.label != "PERSON" and not f.headline:
            by_key.setdefault(_other_key(f), Group(f.label)).members.append(i)
    _join_org_short_forms(found, by_key)
    _join_product_names(found, by_key)
    _join_acronyms(found, by_key)
    _join_compass_forms(found, by_key)
    for i, f in enumerate(found):  # a headline name joins a name of the story (see module doc)
        if f.label != "PERSON" and f.headline and _other_key(f) in by_key:
            by_key[_other_key(f)].members.append(i)
    for k, g in by_key.items():
        g.label = "ORG" if k[0] == "ORG" else Counter(found[i].label for i in g.members).most_common(1)[0][0]
    return list(by_key.values())


# Heads of an organisation's name that may come first or last: "Justice Department" is
# "Department of Justice", "Finance Ministry" is "Ministry of Finance".
_REORDERED_HEADS = frozenset({"department", "ministry", "dept"})


def canonical(folded: str) -> str:
    """One written form for an organisation's folded name: aliases resolved and "X
    Department" written "Department of X" (a place in front stays in front)."""
    folded = ORG_ALIASES.get(folded, folded)
    words = folded.split()
    if len(words) >= 2 and words[-1] in _REORDERED_HEADS:
        lead = next((n for n in (2, 1) if len(words) - 1 > n and gazetteer.place_code(" ".join(words[:n]))), 0)
        head = "department" if words[-1] == "dept" else words[-1]
        folded = " ".join([*words[:lead], head, "of", *words[lead:-1]])
    return ORG_ALIASES.get(folded, folded)


def _other_key(f: Found) -> tuple[str, str]:
    folded = case_key(f.text)
    if f.label == "ORG" or folded in ORG_ALIASES:
        return ("ORG", _without_legal_form(canonical(folded).replace(".", "")))
    kind = "place" if f.label in {"GPE", "LOC"} else f.label
    index = names.index_name(f.text) if kind == "PRODUCT" else None
    if index:  # "the Dow Jones Industrial Average", "the Dow", "DJIA": one index
        return ("INDEX", index)
    model = next((m for w in f.text.split() if (m := names.model_designation(w))), None)
    if kind == "PRODUCT" and model:  # "Airbus A380", "the A380", "A380s": one product
        return ("PRODUCT", model.casefold())
    code = gazetteer.country_code(f.text) if kind == "place" else None
    if code:
        return ("country", code)
    return (kind, case_key(f.text).replace(".", ""))


def _without_legal_form(name: str) -> str:
    """ "apple inc" -> "apple", "ford motor company" -> "ford motor" (one word is kept)."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def _join_org_short_forms(found: list[Found], by_key: dict[tuple[str, str], Group]) -> None:
    """An organisation's short form joins its long form: "State Department" joins
    "U.S. State Department" (what the long form adds in front is a country or nationality
    word), "Apple" joins "Apple Computer" (the short form starts exactly one longer name,
    or longer names that start one another: "Dow", "Dow Jones", "Dow Jones Industrial
    Average", or the one of them written as a company: "Ford" is "Ford Motor Co", not
    "Ford Explorer"). Legal forms are not part of the name ("Apple Inc." is "Apple"), but a name
    written with one is a whole company: "First Union Corp" never joins "First Union
    Mortgage Corp", nor "Lloyds Bank" "Lloyds Bank Canada" (a place added at the end)."""
    orgs = [k for k in by_key if k[0] == "ORG"]
    for k in sorted(orgs, key=lambda k: len(k[1])):
        if k not in by_key or any(_has_legal_form(found[i].text) for i in by_key[k].members):
            continue  # "First Union Corp" is a whole company, not a short "First Union Mortgage Corp"
        longer = [k2 for k2 in orgs if k2 != k and k2 in by_key and _extends(k2[1], k[1])]
        nearest = min(longer, key=lambda k2: len(k2[1]), default=None)
        if nearest and not all(k2 == nearest or _extends(k2[1], nearest[1]) for k2 in longer):
            companies = [
                k2
                for k2 in longer
                if k2[1].split()[-1] in _ACRONYM_TAIL or any(_has_legal_form(found[i].text) for i in by_key[k2].members)
            ]
            nearest = companies[0] if len(companies) == 1 else None  # "Ford": "Ford Motor Co", not "Ford Explorer"
        if nearest and not _place_added(nearest[1], k[1]):
            by_key[nearest].members.extend(by_key.pop(k).members)  # "Dow" < "Dow Jones" < "Dow Jones Index"


def _join_product_names(found: list[Found], by_key: dict[tuple[str, str], Group]) -> None:
    """A product's other name joins it when exactly one product with a model designation
    ends with it ("Dreamliner" for "Boeing 787 Dreamliner")."""
    models = {
        k: {case_key(found[i].text) for i in g.members}
        for k, g in by_key.items()
        if k[0] == "PRODUCT" and names.model_designation(k[1].upper())
    }
    for k in [k for k in by_key if k[0] in {"PRODUCT", "ORG"} and k not in models]:
        fits = [m for m, texts in models.items() if any(t.endswith(" " + k[1]) for t in texts)]
        if len(fits) == 1:
            by_key[fits[0]].members.extend(by_key.pop(k).members)


def _place_added(long: str, short: str) -> bool:
    """ "Lloyds Bank Canada" is a subsidiary named for its country, not "Lloyds Bank"."""
    added = long[len(short) :].strip() if long.startswith(short + " ") else ""
    return bool(added and (gazetteer.place_code(added) or gazetteer.city_population(added)))


def _has_legal_form(text: str) -> bool:
    words = case_key(text).replace(".", "").replace(",", " ").split()
    return len(words) > 1 and words[-1] in LEGAL_FORMS


def _extends(long: str, short: str) -> bool:
    if long.startswith(short + " "):
        return True
    if long.endswith(" " + short):
        prefix = long[: -len(short)].strip()
        return bool(gazetteer.place_code(prefix) or gazetteer.place_code(prefix.replace(" ", ".") + "."))
    return False


_ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "&", "de", "du", "des", "la", "le"})
_ACRONYM_TAIL = frozenset({"company", "corporation", "corp", "inc", "ltd", "plc", "group", "co"})


def initials(name: str) -> tuple[str, ...]:
    """Acronyms a name may go by: "United States Air Force" -> USAF; a trailing
    "Company" or "Group" may be left out of it; "of" may count ("Bank of Japan" -> BOJ)."""
    out = []
    for skip in (_ACRONYM_SKIP, _ACRONYM_SKIP - {"of"}):
        words = [w for w in name.replace("-", " ").split() if w.casefold() not in skip]
        letters = "".join(w[0] for w in words if w[:1].isalpha()).upper()
        out.append(letters)
        if words and words[-1].casefold().strip(".") in _ACRONYM_TAIL:
            out.append(letters[:-1])
    return tuple(dict.fromkeys(a for a in out if len(a) >= 2))


def _join_acronyms(found: list[Found], by_key: dict[tuple[str, str], Group]) -> None:
    """ "USAF" joins "United States Air Force" when exactly one organisation fits."""
    orgs = [k for k in by_key if k[0] == "ORG"]
    for k in orgs:
        text = found[by_key[k].members[0]].text.replace(".", "")
        if not (text.isupper() and text.isalpha() and 2 <= len(text) <= 8):
            continue
        longer = [
            k2
            for k2 in orgs
            if k2 != k
            and k2 in by_key
            and (text in initials(k2[1]) or any(text in initials(found[i].text) for i in by_key[k2].members))
        ]
        if len(longer) == 1 and k in by_key:
            by_key[longer[0]].members.extend(by_key.pop(k).members)


def join_person_initials(found: list[Found], groups: list[Group]) -> list[Group]:
    """A name of three to five capitals that spells the initials of exactly one person named
    in full in the story is that person ("AMLO" for Andres Manuel Lopez Obrador, "JFK"),
    whatever type the tagger gave it."""
    people: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        if g.label == "PERSON":
            for letters in {_person_initials(found[i].text) for i in g.members}:
                if len(letters) >= 3:
                    people[letters].append(g)
    out = []
    for g in groups:
        texts = {found[i].text.replace(".", "") for i in g.members}
        letters = texts.pop() if len(texts) == 1 else ""
        target = people.get(letters, []) if letters.isupper() and letters.isalpha() and 3 <= len(letters) <= 5 else []
        if len(set(map(id, target))) == 1 and target[0] is not g:
            target[0].members.extend(g.members)
            target[0].members.sort(key=lambda i: found[i].start)
            continue
        out.append(g)
    return out


def _person_initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


def _join_compass_forms(found: list[Found], by_key: dict[tuple[str, str], Group]) -> None:
    """ "the North" joins "North Korea" when it is the story's only country called North ..."""
    for k in [k for k in by_key if k[0] == "place" and k[1] in {"north", "south", "east", "west"}]:
        matches = [
            k2
            for k2, g in by_key.items()
            if k2[0] == "country" and any(case_key(found[i].text).startswith(k[1] + " ") for i in g.members)
        ]
        if len(matches) == 1:
            by_key[matches[0]].members.extend(by_key.pop(k).members)


def title_before(words: list[str]) -> str | None:
    """The capitalised title among the words right before a name, if any ("Chairman")."""
    for n in (3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:])
            if phrase.casefold() in TITLE_WORDS and phrase[:1].isupper():
                return phrase.casefold()
    return None
