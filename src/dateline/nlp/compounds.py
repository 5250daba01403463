"""Names written with hyphens, read as one name.

spaCy's tokenizer splits "Dar-es-Salaam" into five tokens, where CoNLL-2003 (the news NER's
training data) keeps it as one word: the recogniser then tags a part ("Dar", "Karabakh",
"Chester-le") or two names ("Mercedes", "Benz"). A capitalised hyphen compound that an entity
touches is one name, unless its parts are names in their own right of the kinds that pair up
("Israeli-Palestinian talks", "the Paris-Berlin axis").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span

# Lower-case words inside names: "Dar-es-Salaam", "Chester-le-Street", "Ata-ur-Rehman", "al-Aqsa".
NAME_PARTICLES = frozenset(
    "al el ul ur ud ad as an ash at az es en de des du di da dos la le les lo sur sous upon on "
    "under in am im zum der den von van bin ibn abu bint y i".split()
)
# Labels whose names pair up with a hyphen between them: two names, not one.
PAIRING_LABELS = frozenset({"GPE", "NORP", "LOC"})
# Lower-case words after a name and a hyphen that make an adjective of it ("Trump-era",
# "Moscow-backed"), where a person's lower-case second syllable is a part of the name ("Jong-un").
ADJECTIVE_ENDINGS = frozenset(
    "era led backed based born style like type owned run appointed allied aligned friendly controlled linked "
    "related sponsored supported funded inspired made brand ish designed built trained educated leaning "
    "minded speaking dominated held occupied administered bound".split()
)


def hyphen_compounds(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges of words joined by hyphens with no space ("Wilkes-Barre", "al-Aqsa",
    "Jong-un", "well-known"; not "U.S.-led", whose first part is no word)."""
    i, n = 0, len(doc)
    while i < n:
        end = i + 1
        while end + 1 < n and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
            end += 2
        if end - i > 1 and all(doc[k].is_alpha for k in range(i, end, 2)):
            yield i, end
        i = end


def _name_like(words: Sequence[str]) -> bool:
    """Capitalised at the end, every word capitalised or a particle: "Chester-le-Street"."""
    return words[-1][0].isupper() and all(w[0].isupper() or w.lower() in NAME_PARTICLES for w in words)


def _person_tail(words: Sequence[str]) -> bool:
    """A name's lower-case last syllables: "Jong-un", "Jae-in" (never "Trump-era")."""
    return words[0][0].isupper() and all(w.islower() and w not in ADJECTIVE_ENDINGS for w in words[1:])


def join_hyphen_compounds(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each hyphen compound an entity touches made one entity, labelled as the
    longest entity inside it."""
    for start, end in hyphen_compounds(doc):
        inside = [e for e in ents if e.start < end and e.end > start]
        words = [doc[k].text for k in range(start, end, 2)]
        if not inside:
            continue
        if _name_like(words):
            if _pair_of_names(doc, start, end, inside):
                continue
            label = max(inside, key=lambda e: len(e.text)).label
        elif _person_tail(words) and inside[0].label_ == "PERSON" and inside[0].start < start + 1:
            label = inside[0].label
        else:
            continue
        joined = Span(doc, min(start, *(e.start for e in inside)), max(end, *(e.end for e in inside)), label=label)
        ents = [e for e in ents if e not in inside] + [joined]
    return sorted(ents, key=lambda e: e.start)


def _pair_of_names(doc: Doc, start: int, end: int, inside: list[Span]) -> bool:
    """Every word of the compound a name of its own of a pairing kind, none a particle."""
    words = range(start, end, 2)
    if any(doc[k].text[0].islower() for k in words):
        return False
    return all(
        any(e.start <= k < e.end and e.label_ in PAIRING_LABELS and (e.start, e.end) == (k, k + 1) for e in inside)
        for k in words
    )
