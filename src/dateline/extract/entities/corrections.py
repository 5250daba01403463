"""Correct spaCy's NER spans and types from the story's own evidence.

The tagger labels each mention alone; a story says more. A name typed PERSON once
and GPE three times is a place; "the settlement of Zarechny" is a place; a three-part
name cut to two parts is one name; a place glued to the first word of the credits
("OSLO Additional") is a place. All fixes are cheap passes over ``doc.ents``:
no second model run.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from dateline.extract.base import doc_text
from dateline.extract.entities import first_names, gazetteer
from dateline.extract.entities.entity_words import (
    CREDIT_WORDS,
    EMPLOYMENT,
    HONORIFIC_GENDER,
    INDEX_BRANDS,
    INDEX_BRANDS_NEED_TAIL,
    INDEX_TAILS,
    INSTITUTION_HEADS,
    KINSHIP,
    LEADING_DETERMINERS,
    LEGAL_FORMS,
    MEDIA_HEADS,
    ORG_HEADS,
    ORG_NOUNS,
    OTHER_RELATIONS,
    PARTY_LABELS,
    PLACE_CUES,
    ROLE_NOUNS,
    TIME_ZONES,
    TITLE_WORDS,
)
from dateline.extract.entities.heads import head_type
from dateline.extract.entities.names import index_brand, model_designation
from dateline.geo.text import case_key
from dateline.structure.patterns import AGENCIES

NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
VOTING_TYPES = NAME_TYPES | {"PRODUCT"}  # one name, one type per story (products too: "Saturn")
NUMERIC_TYPES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
MAJORITY = 1.5  # a type wins over another when it has at least twice its mentions
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_MULTIWORD_TITLES = tuple(sorted((t for t in TITLE_WORDS if " of " in t), key=len, reverse=True))
_TITLE_OF_RE = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in _MULTIWORD_TITLES) + r")\b", re.I)
ROLE_WORDS = ROLE_NOUNS | EMPLOYMENT | OTHER_RELATIONS | frozenset(KINSHIP)
_MONTHS_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


@dataclass(frozen=True, slots=True)
class NerSpan:
    """A typed name span over tokens ``[start, end)`` of the doc."""

    start: int
    end: int
    label: str


def correct(
    doc: Doc, *, places: Sequence[tuple[int, int]] = (), persons: Sequence[tuple[int, int]] = ()
) -> list[NerSpan]:
    """spaCy's entities with spans and types fixed by story evidence.

    ``places`` and ``persons`` are character spans the story's structure vouches for
    (dateline places, byline and credit names): they win over the tagger.
    """
    text = doc_text(doc)
    spans = [NerSpan(e.start, e.end, e.label_) for e in doc.ents]
    spans = [s for s in (_trim(doc, s) for s in spans) if s is not None and not _time_zone(doc, s)]
    spans = _drop_title_parts(doc, spans, text)
    spans = _bracketed_companies(doc, spans, text)
    spans = _companies_everywhere(doc, [_with_institution_head(doc, _with_legal_form(doc, s)) for s in spans])
    spans = spans + _names_after_roles(doc, spans)
    spans = [_extend_person(doc, s, spans) for s in spans]
    spans = _from_structure(doc, spans, places, "GPE")
    spans = _from_structure(doc, spans, persons, "PERSON")
    spans = spans + _full_names_again(doc, spans)
    spans = spans + _more_of_the_same(doc, spans)
    spans = spans + _untagged_countries(doc, spans)
    spans = _camel_products(doc, spans, text)
    spans = _product_models(doc, spans, text)
    spans = _index_names(doc, spans, text)
    spans = _typed_by_head(doc, spans)
    spans = _join_adjacent_people(doc, spans)
    spans = _companies_after_nouns(doc, spans)
    spans = _people_typed_otherwise(doc, spans)
    spans = _retype_by_majority(doc, spans)
    spans = _retype_lone_places(doc, spans)
    spans = _as_the_structure_says(doc, spans, places)
    spans = [_retype_by_context(doc, s) for s in spans]
    spans = _agency_sign_offs(doc, spans)
    spans = _common_words_at_sentence_start(doc, spans)
    spans = _place_everywhere(
        doc, spans, {_key(doc, s) for s in spans if s.label == "GPE" and _after_place_cue(doc, s.start)}
    )
    return sorted(_dedupe(spans), key=lambda s: s.start)


def _trim(doc: Doc, span: NerSpan) -> NerSpan | None:
    """Drop a possessive, a leading "the", white space and credit words glued to the end."""
    start, end = span.start, span.end
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_space):
        end -= 1
    while end > start and doc[start].is_space:
        start += 1
    if span.label == "PERSON":
        start = _after_title_object(doc, _after_title(doc, start, end), end)
    while span.label in PLACE_TYPES and end - start > 1 and doc[end - 1].lower_ in TITLE_WORDS:
        end -= 1  # "Lamar County Sheriff": the place, and a title after it
    if span.label != "PERSON" and end - start > 1 and doc[start].lower_ in LEADING_DETERMINERS:
        if doc[start].is_lower or gazetteer.country_code(doc[start + 1 : end].text):
            start += 1
    while end - start > 1 and _QUANTITY.fullmatch(doc[end - 1].text):
        end -= 1  # "Nichemen 10,000 tonnes": the quantity after a company's name
    while (
        end - start > 1 and doc[end - 1].lower_ in CREDIT_WORDS and doc[end - 2].is_upper and not doc[end - 1].is_upper
    ):
        end -= 1
    if span.label == "PERSON":  # a person's name has no digits ("Waqar Younis 9-0-54-1", "G-6")
        while end > start and _has_digit(doc[end - 1]):
            end -= 1
        if any(_has_digit(t) for t in doc[start:end]):
            return None
    if end <= start:
        return None
    return NerSpan(start, end, span.label)


# Reuters' wire marks a company's name in angle brackets ("<BTR Nylex Ltd> said", "a stake in
# <Olympia and York>"); a ticker is one short code, maybe with its market ("<BOR>", "<CAWL.L>",
# "<SKPS ST>"); an address is no name ("<jane@example.com>", "<http://...>").
_BRACKETED = re.compile(r"<([A-Z][^<>\n@:=]{1,80}?)>")
_TICKER = re.compile(r"[A-Z0-9.&\-]{1,8}(?: [A-Z]{1,3})?")


def _bracketed_companies(doc: Doc, spans: list[NerSpan], text: str) -> list[NerSpan]:
    """A company's name the wire set in angle brackets is an organisation, whatever the tagger
    made of it (a person, a place, nothing): the short form after it follows (``_companies_everywhere``)."""
    chars = [
        (m.start(1), m.end(1))
        for m in _BRACKETED.finditer(text)
        if not _TICKER.fullmatch(m.group(1).strip()) and sum(c.isalpha() for c in m.group(1)) >= 2
    ]
    return _from_structure(doc, spans, chars, "ORG")


_QUANTITY = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _typed_by_head(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """A law, a street, or the news NER's catch-all "nationality" typed by its last word
    (see ``heads``); a "nationality" with no letter in it is dropped."""
    out = []
    for s in spans:
        label = head_type([t.text for t in doc[s.start : s.end] if not t.is_space], s.label)
        if label == "":
            continue
        out.append(s if label is None else replace(s, label=label))
    return out


_COMPANY_TYPES = frozenset({"ORG", "PRODUCT", "NORP", "PERSON"})


def _legal_form(token: Token) -> bool:
    return token.text[:1].isupper() and token.lower_.rstrip(".") in LEGAL_FORMS


def _with_legal_form(doc: Doc, span: NerSpan) -> NerSpan:
    """A legal form right after a name is part of it ("Ford Motor" + "Company", "Chrysler"
    + "LLC"), and a name written with one is a company ("Saturn Corporation" typed PRODUCT)."""
    if span.label not in _COMPANY_TYPES:
        return span
    end = span.end
    if end < len(doc) and _legal_form(doc[end]) and _same_line(doc, end - 1) and doc[end].ent_iob_ != "B":
        end += 1
    if end - span.start > 1 and _legal_form(doc[end - 1]):
        return NerSpan(span.start, end, "ORG")
    return span


_INSTITUTION_WORDS = 4  # capitalised words between a place's name and the institution's head


def _with_institution_head(doc: Doc, span: NerSpan) -> NerSpan:
    """A place's name the tagger stopped at, in an institution's name, is the institution:
    "St. Mark" + "United Methodist Church", "Springfield" + "General Hospital", and so is
    an organisation's name cut short ("Oak Grove" + "Baptist Church")."""
    if span.label not in {"GPE", "LOC", "FAC", "ORG"}:
        return span
    head = None
    for i in range(span.end, min(len(doc), span.end + _INSTITUTION_WORDS)):
        if not (doc[i].is_title and doc[i].is_alpha and _same_line(doc, i - 1)):
            break
        if doc[i].lower_ in INSTITUTION_HEADS:
            head = i
    return span if head is None else NerSpan(span.start, head + 1, "ORG")


def _companies_everywhere(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """A name tagged PERSON that starts a company's name written with a legal form is that
    company ("Buitoni" and "Buitoni SpA", "Mark IV" and "Mark IV Industries Inc"), unless it
    is also a part of a person's full name ("Jacobs" beside "Klaus Jacobs")."""
    companies = [
        tuple(t.lower_ for t in doc[s.start : s.end - 1])
        for s in spans
        if s.label == "ORG" and s.end - s.start > 1 and _legal_form(doc[s.end - 1])
    ]
    if not companies:
        return spans
    person_parts = {
        t.lower_
        for s in spans
        if s.label == "PERSON" and not any(_legal_form(t) for t in doc[s.start : s.end])
        for t in doc[s.start : s.end]
        if not _starts_company(doc, s, companies)
    }
    return [
        replace(s, label="ORG")
        if s.label == "PERSON"
        and _starts_company(doc, s, companies)
        and not (s.end - s.start == 1 and doc[s.start].lower_ in person_parts)
        else s
        for s in spans
    ]


def _starts_company(doc: Doc, span: NerSpan, companies: list[tuple[str, ...]]) -> bool:
    words = tuple(t.lower_ for t in doc[span.start : span.end])
    return any(name[: len(words)] == words for name in companies)


def _time_zone(doc: Doc, span: NerSpan) -> bool:
    """ "12:30 UTC", "GMT": a time zone written in capitals is no name (the tagger takes it
    for an organisation)."""
    return span.end - span.start == 1 and doc[span.start].lower_ in TIME_ZONES and doc[span.start].is_upper


def is_currency_sign(doc: Doc, span: NerSpan) -> bool:
    """A currency sign ("US$"), or a currency code beside a sum ("USD 5", "5 billion USD"):
    the tagger's span is kept (CoNLL marks "C$" MISC), but it names no entity."""
    start, end = span.start, span.end
    text = doc[start:end].text
    if not gazetteer.is_currency(text):
        return False
    return (
        text.endswith("$")
        or (end < len(doc) and doc[end].like_num)
        or (start > 0 and doc[start - 1].like_num or start > 1 and doc[start - 2].like_num)
    )


def _has_digit(token: Token) -> bool:
    return any(c.isdigit() for c in token.text)


QUOTE_MARKS = frozenset({'"', "``", "“", "''", "”"})
_NOT_A_MODEL_AFTER = frozenset(
    """
    % percent million billion per years days metres meters km miles yards feet kg tonnes
    points runs votes seats goals
""".split()
)


def _is_model(doc: Doc, i: int, lenient: bool = False) -> bool:
    """A model designation here, not a number in a row of numbers (a results table); one
    of digits only ("787") must be plural ("787s") or go on with a noun ("787 Dreamliner",
    "747 jumbo"), as a score does not ("Sussex 363 and 201", "Olympic 100 metres"), unless
    ``lenient``: inside a name the tagger found ("FTSE 100"), or "the 787" of a known model."""
    if not (0 <= i < len(doc)) or (model := model_designation(doc[i].text)) is None:
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    if (
        model.isdigit()
        and doc[i].text == model
        and not lenient
        and not (after is not None and after.pos_ in {"NOUN", "PROPN"} and after.lower_ not in _NOT_A_MODEL_AFTER)
        and not _series_after(doc, i)
    ):
        return False
    return not (after is not None and (after.lower_ in _NOT_A_MODEL_AFTER or _has_digit(after))) and not (
        i > 0 and (doc[i - 1].text in {"$", "US$", "£", "€", "No."} or _has_digit(doc[i - 1]))
    )


_SERIES_RE = re.compile(r"^\d{3}[A-Z]{0,3}$")


def _series_after(doc: Doc, i: int) -> bool:
    """A designation's series glued on after a hyphen ("737" "-" "800", "777-200LR"), not a
    score ("363-7")."""
    return (
        i + 2 < len(doc)
        and doc[i + 1].text == "-"
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and bool(_SERIES_RE.match(doc[i + 2].text))
    )


def _product_models(doc: Doc, spans: list[NerSpan], text: str) -> list[NerSpan]:
    """A maker's name with a model designation is a product, not the maker ("Airbus A380",
    "Boeing 787 Dreamliner", "Ford F-150"); the designation alone elsewhere in the story
    ("the A380", "A380s") names the same product."""
    out: list[NerSpan] = []
    models: set[str] = set()
    for s in spans:
        if s.label not in {"ORG", "NORP", "PRODUCT"}:
            out.append(s)
            continue
        end = s.end
        inside = [i for i in range(s.start, end) if _is_model(doc, i, lenient=True)]
        if not inside and (
            _is_model(doc, end)
            and doc[end - 1].lower_ not in ORG_HEADS  # not "American Airlines 777s"
            or _is_version(doc, s, end)
        ):
            inside, end = [end], end + 1
        if inside and (s.label != "ORG" or end > s.end):  # an organisation named with a number stays ("G-77")
            end = end + 2 if _series_after(doc, end - 1) else end  # "737" + "-800"
            end = _model_name_after(doc, end)
            models.update(m for i in inside if (m := model_designation(doc[i].text)))
            models.update(t.text for t in doc[inside[-1] + 1 : end] if t.is_title)
            out.append(NerSpan(s.start, end, "PRODUCT"))
        else:
            out.append(s)
    tagged = {i for s in out if s.label not in NUMERIC_TYPES for i in range(s.start, s.end)}
    models |= _lone_models(doc, tagged, text)
    if not models:
        return out
    new = [
        NerSpan(t.i, t.i + 1, "PRODUCT")
        for t in doc
        if t.i not in tagged
        and (
            model_designation(t.text) in models
            and _is_model(doc, t.i, lenient=t.i > 0 and doc[t.i - 1].lower_ in _MODEL_DETERMINERS)
            or t.text in models
            and t.is_title
            and t.tag_ == "NNP"
        )
    ]
    taken = {s.start for s in new}
    return _dedupe([s for s in out if s.label not in NUMERIC_TYPES or taken.isdisjoint(range(s.start, s.end))] + new)


_MODEL_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "new", "first", "final", "last"})
_LONE_MODEL_RE = re.compile(r"\b[A-Z]{1,3}-?\d{3,4}[A-Z]{0,3}s?\b")  # "A380", "A350s", "F-150"


def _lone_models(doc: Doc, tagged: set[int], text: str) -> set[str]:
    """Model designations no maker's name introduces ("the A380", "A350s", "the
    777-200LR"): a letter with three digits or a hyphenated series, after an article or a
    possessive, in the plural, or before a noun; not a flight number ("Flight MH370")."""
    out = set()
    for m in _LONE_MODEL_RE.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1 or span.start in tagged or (model := model_designation(span.text)) is None:
            continue
        t = span[0]
        before = doc[t.i - 1].lower_ if t.i > 0 else ""
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if before == "flight" or not _is_model(doc, t.i, lenient=True):
            continue
        if before in _MODEL_DETERMINERS or t.text != model or (after is not None and after.pos_ == "NOUN"):
            out.add(model)
    return out


_CAMEL_RE = re.compile(r"^[a-z][A-Z]")  # "iPhone", "iOS": a brand's product, written so
_I_NAME_RE = re.compile(r"^i[A-Z][A-Za-z]+$")
_I_NAME_TEXT_RE = re.compile(r"\bi[A-Z][A-Za-z]")


def _camel_products(doc: Doc, spans: list[NerSpan], text: str) -> list[NerSpan]:
    """A name written "iName" ("iPhone", "iTunes", "iOS") is a product wherever it stands,
    whatever the tagger typed it or missed, with the capitalised words of its name after it
    ("iTunes Music Store", "iPod Nano"); the company is written otherwise ("iRobot Corp")."""
    if not _I_NAME_TEXT_RE.search(text):
        return spans
    new: list[NerSpan] = []
    i = 0
    while i < len(doc):
        if doc[i].text[:1] != "i" or not _I_NAME_RE.match(doc[i].text):
            i += 1
            continue
        end = i + 1
        while (
            end < len(doc)
            and doc[end].is_title
            and doc[end].tag_ in {"NNP", "NNPS"}
            and doc[end].ent_type_ in {"", "PRODUCT", "ORG", "NORP"}
            and _same_line(doc, end - 1)
            and doc[end].lower_ not in LEGAL_FORMS
        ):
            end += 1
        new.append(NerSpan(i, end, "PRODUCT"))
        i = end
    if not new:
        return spans
    taken = {i for s in new for i in range(s.start, s.end)}
    kept = []
    for s in spans:  # "Apple iPhone" tagged as one name: the maker before the product stays
        end = next((i for i in range(s.start, s.end) if i in taken), s.end)
        if end > s.start:
            kept.append(replace(s, end=end))
    return kept + new


def _is_version(doc: Doc, span: NerSpan, end: int) -> bool:
    """A version number after a product's name ("iPhone 4", "iOS 5"): the name is a
    product or written as one, and the number stands alone (not "4-2", not "4 million")."""
    if end >= len(doc) or not (doc[end].text.isdigit() and len(doc[end].text) <= 2) or _has_digit(doc[end - 1]):
        return False
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and (_has_digit(after) or after.lower_ in _NOT_A_MODEL_AFTER or after.text in {"-", "–"}):
        return False
    return span.label == "PRODUCT" or bool(_CAMEL_RE.match(doc[span.start].text))


def _model_name_after(doc: Doc, end: int) -> int:
    """The end of a product name whose model designation ends at ``end``: a capitalised
    name may follow, in quotation marks or not, in the plural too ("787 Dreamliner",
    '787 "Dreamliner"', "787 Dreamliners")."""
    i = end + 1 if end < len(doc) and doc[end].text in QUOTE_MARKS else end
    if (
        i < len(doc)
        and (doc[i].tag_ in {"NNP", "NNPS"} or doc[i].tag_ == "NNS" and not doc[i].is_sent_start)
        and doc[i].is_title
        and doc[i].ent_type_ in {"", "PRODUCT", "ORG"}
        and not (i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I")
    ):  # not into "Manchester City"
        return i + 1
    return end


def _index_names(doc: Doc, spans: list[NerSpan], text: str) -> list[NerSpan]:
    """A stock index named by its brand, with its number and head noun ("the S&P 500
    index", "Dow Jones industrial average", "Japan's Nikkei 225", "FTSE-100"), is one name,
    a PRODUCT, whatever spans and types the tagger gave its words. A brand that may name
    something else ("Dow", "S&P" the rating agency) is the index only so written, or where
    the story names that index so elsewhere."""
    if not _BRAND_RE.search(text):
        return spans
    found: list[tuple[int, int, str, bool]] = []  # start, end, index, written as an index
    i = 0
    while i < len(doc):
        first = doc[i].lower_
        hit = (
            index_brand([t.lower_ for t in doc[i : i + 4]])
            if (first in _BRAND_WORDS or first.split("-")[0] in _BRAND_WORDS) and doc[i].text[:1].isupper()
            else None
        )
        if hit is None:
            i += 1
            continue
        n, index = hit
        end = _index_tail(doc, i + n)
        glued = "-" in doc[i + n - 1].text and _has_digit(doc[i + n - 1])
        found.append((i, end, index, end > i + n or glued))
        i = end
    if not found:
        return spans
    named = {index for a, _, index, tailed in found if tailed or doc[a].lower_ not in INDEX_BRANDS_NEED_TAIL}
    new = [NerSpan(a, b, "PRODUCT") for a, b, index, _ in found if index in named]
    taken = {i for s in new for i in range(s.start, s.end)}
    return [s for s in spans if taken.isdisjoint(range(s.start, s.end))] + new


_BRAND_WORDS = frozenset(words[0] for words in INDEX_BRANDS)
_BRAND_RE = re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(w) for w in sorted(_BRAND_WORDS)) + r")(?![\w&])", re.I)


def _index_tail(doc: Doc, i: int) -> int:
    """The end of an index's name whose brand ends at ``i``: a number ("500"), then
    "industrial average", "composite" or "(stock) index" ."""
    if i < len(doc) and doc[i].text.isdigit() and len(doc[i].text) <= 4:
        after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if after not in _NOT_A_MODEL_AFTER and after not in {"%", "percent"}:
            i += 1
    for tail in INDEX_TAILS:
        if tuple(t.lower_ for t in doc[i : i + len(tail)]) == tail:
            return i + len(tail)
    return i


def _after_title(doc: Doc, start: int, end: int) -> int:
    """A person's name starts after the titles the tagger took in ("Crown Prince Faisal"), and
    after a capitalised role, a plural title or a party label before a full name ("Investigator
    Lena Ortiz", "Officers Ron Pike", "Republican Dana Whitfield")."""
    while end - start > 1:
        two = " ".join(t.lower_ for t in doc[start : start + 2])
        if end - start > 2 and two in TITLE_WORDS:
            start += 2
        elif doc[start].lower_ in TITLE_WORDS or doc[start].lower_ in HONORIFIC_GENDER:
            start += 1
        elif end - start > 2 and _role_before_name(doc[start]):
            start += 1
        else:
            break
    return start


def _role_before_name(token: Token) -> bool:
    """A capitalised role noun, a title in the plural or a party label ("Manager", "Ministers",
    "Democrat"), not a first name: words a full name may follow but never starts with."""
    return token.is_title and _role_word(token) and not first_names.is_first_name(token.text)


def _role_word(token: Token) -> bool:
    word = token.lower_
    plural = word.endswith("s") and (word[:-1] in TITLE_WORDS or word[:-1] in ROLE_NOUNS)
    return word in ROLE_NOUNS or word in PARTY_LABELS or plural


def _after_title_object(doc: Doc, start: int, end: int) -> int:
    """After "Minister of" or "Chancellor of the", the tagger may take the title's object
    into the name ("Minister of Finance Ana Costa"): the name starts at a known first
    name, else one word later, and keeps two words at least."""
    before = [t.lower_ for t in doc[max(0, start - 3) : start]]
    if end - start < 3 or not before or not (before[-1] == "of" or before[-2:] == ["of", "the"]):
        return start
    head = before[-3] if before[-1] == "the" and len(before) == 3 else before[-2] if len(before) >= 2 else ""
    if head not in TITLE_WORDS:
        return start  # "relatives of Omar Ali Haddad", "the arrest of ...": no title, the name is whole
    for i in range(start + 1, end - 1):
        if first_names.gender_of(f"{doc[i].text} {doc[i + 1].text}"):
            return i
    return start + 1


def _join_adjacent_people(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """Two person spans side by side on one line are one name the tagger cut in two
    ("Park" + "Ji Yeon"): two people are never written with nothing between them."""
    out: list[NerSpan] = []
    for s in sorted(spans, key=lambda s: s.start):
        last = out[-1] if out else None
        if (
            last is not None
            and last.label == s.label == "PERSON"
            and last.end == s.start
            and _same_line(doc, last.end - 1)
        ):
            out[-1] = NerSpan(last.start, s.end, "PERSON")
        else:
            out.append(s)
    return out


def _drop_title_parts(doc: Doc, spans: list[NerSpan], text: str) -> list[NerSpan]:
    """A word of a title is not an organisation: "Secretary of State Dana Whitfield"."""
    covered = [(m.start(), m.end()) for m in _TITLE_OF_RE.finditer(text)]
    if not covered:
        return spans

    def inside(s: NerSpan) -> bool:
        a, b = doc[s.start].idx, doc[s.end - 1].idx + len(doc[s.end - 1])
        return s.label != "PERSON" and any(x <= a and b <= y for x, y in covered)

    return [s for s in spans if not inside(s)]


def _names_after_roles(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """Two or more capitalised proper nouns the tagger left out, right after a role or a
    relation word ("his counterpart Ivo Stanek") or a capitalised title ("President Park
    Min Jun"), are a person's name."""
    tagged = {i for s in spans for i in range(s.start, s.end)}
    out = []
    i = 1
    while i < len(doc):
        before = doc[i - 1]
        if i not in tagged and (
            before.lower_ in ROLE_WORDS and before.is_lower or before.lower_ in TITLE_WORDS and before.is_title
        ):
            j = i
            while j < len(doc) and j not in tagged and _is_name_word(doc[j]) and _same_line(doc, j - 1):
                j += 1
            if j - i >= 2:
                out.append(NerSpan(i, j, "PERSON"))
                i = j
        i += 1
    return out


def _full_names_again(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """A name of two or more words found again, untagged, elsewhere in the story."""
    tagged = {i for s in spans for i in range(s.start, s.end)}
    names: dict[str, dict[tuple[str, ...], str]] = {}
    for s in spans:
        if s.label in NAME_TYPES - {"NORP"} and s.end - s.start >= 2 and doc[s.start].is_title:
            words = tuple(t.text for t in doc[s.start : s.end])
            names.setdefault(words[0], {}).setdefault(words, s.label)
    out = []
    for t in doc:
        for words, label in names.get(t.text, {}).items():
            end = t.i + len(words)
            if (
                end <= len(doc)
                and tagged.isdisjoint(range(t.i, end))
                and tuple(x.text for x in doc[t.i : end]) == words
            ):
                out.append(NerSpan(t.i, end, label))
                tagged.update(range(t.i, end))
    return out


def _more_of_the_same(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """A one-word name, or a person's surname or given name, where the tagger missed it
    elsewhere in the same story ("Park met ..." after "President Park Min Jun")."""
    tagged = {i for s in spans for i in range(s.start, s.end)}
    parts: dict[str, str] = {}
    for s in spans:
        if s.label in {"ORG", "GPE", "LOC"} and s.end - s.start == 1 and doc[s.start].pos_ == "PROPN":
            parts.setdefault(doc[s.start].text, s.label)
    for s in spans:
        if s.label == "PERSON" and s.end - s.start >= 2:
            parts[doc[s.start].text] = parts[doc[s.end - 1].text] = "PERSON"
    out = []
    for t in doc:
        if (
            t.i not in tagged
            and t.text in parts
            and t.pos_ == "PROPN"
            and t.is_title
            and not (t.i + 1 < len(doc) and doc[t.i + 1].is_title and doc[t.i + 1].i not in tagged)
            and not (
                t.i > 0
                and doc[t.i - 1].is_title
                and doc[t.i - 1].i not in tagged
                and doc[t.i - 1].lower_ not in TITLE_WORDS
            )
        ):
            out.append(NerSpan(t.i, t.i + 1, parts[t.text]))
    return out


def _untagged_countries(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """A one-word country name or short form the tagger left out ("N.Korea's leader")."""
    tagged = {i for s in spans for i in range(s.start, s.end)}
    return [
        NerSpan(t.i, t.i + 1, "GPE")
        for t in doc
        if t.i not in tagged
        and t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and len(t) > 2
        and gazetteer.country_code(t.text)
    ]


def _is_name_word(token: Token) -> bool:
    """A capitalised proper-noun token that may continue a person's name."""
    return (
        token.is_alpha
        and token.is_title
        and token.tag_ == "NNP"
        and _untyped(token)
        and token.lower_ not in TITLE_WORDS
        and not (_role_word(token) and not first_names.is_first_name(token.text))
        and token.lower_ not in HONORIFIC_GENDER
        and token.lower_ not in _MONTHS_DAYS
        and token.lower_ not in CREDIT_WORDS
        and gazetteer.place_code(token.text) is None
    )


def _untyped(token: Token) -> bool:
    """Outside the tagger's entities, or a lone word it typed as something other than a
    person that no name list knows ("Choe Son" + "Hui" typed NORP)."""
    if token.ent_type_ == "":
        return True
    alone = token.ent_iob_ == "B" and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
    return alone and token.ent_type_ != "PERSON" and not gazetteer.is_demonym(token.text)


def _extend_person(doc: Doc, span: NerSpan, spans: list[NerSpan]) -> NerSpan:
    """Take back a name part the tagger left out ("Pak Song" + "Hui", "Mina" + "Sorel")."""
    if span.label != "PERSON":
        return span
    start, end = span.start, span.end
    if (
        end < len(doc)
        and end - start >= 2
        and _is_name_word(doc[end])
        and _same_line(doc, end - 1)
        and not (end + 1 < len(doc) and doc[end + 1].is_title)
    ):
        end += 1
    if (
        start > 0
        and _is_name_word(doc[start - 1])
        and _same_line(doc, start - 1)
        and not doc[start - 1].is_sent_start
        and (start < 2 or doc[start - 2].lower_ not in {"the", "a", "an", "of"})
    ):
        start -= 1
    return NerSpan(start, end, span.label)


def _same_line(doc: Doc, i: int) -> bool:
    """Token i and the next are separated by plain spaces (no line break)."""
    return "\n" not in doc[i].whitespace_ and (i + 1 >= len(doc) or "\n" not in doc[i + 1].text)


def _from_structure(doc: Doc, spans: list[NerSpan], chars: Sequence[tuple[int, int]], label: str) -> list[NerSpan]:
    """Spans the structure vouches for replace whatever the tagger found over them."""
    if not chars:
        return spans
    out = list(spans)
    for a, b in chars:
        region = doc.char_span(a, b, alignment_mode="expand")
        if region is None:
            continue
        out = [s for s in out if s.end <= region.start or s.start >= region.end]
        out.append(NerSpan(region.start, region.end, label))
    return out


def _retype_by_context(doc: Doc, span: NerSpan) -> NerSpan:
    """Words around a name tell its type: "the city of X" is a place, "X news agency" an org."""
    if span.label in NAME_TYPES and span.label not in PLACE_TYPES and _after_place_cue(doc, span.start):
        return replace(span, label="GPE")
    if (
        span.label == "PERSON"
        and span.start >= 2
        and doc[span.start - 1].lower_ in {"at", "for"}
        and doc[span.start - 2].lower_ in ROLE_NOUNS
        and not (doc[span.start - 1].lower_ == "for" and first_names.is_first_name(doc[span.start].text))
    ):
        return replace(span, label="ORG")  # "a lawyer at Hanbit Law", not "an aide for Kirk Varnaby"
    if span.label == "NORP" and not gazetteer.is_demonym(doc[span.start : span.end].text):
        after = " ".join(t.lower_ for t in doc[span.end : span.end + 2])
        if after.split(" ")[0] in MEDIA_HEADS or after in MEDIA_HEADS:
            return replace(span, label="ORG")
    return span


def _agency_sign_offs(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """An agency's name alone on its line, or closing the story after the last sentence
    ("... he said. Reuter"), is the agency signing off."""
    last = len(doc)
    while last > 0 and doc[last - 1].is_space:
        last -= 1
    out = []
    for span in spans:
        text = doc[span.start : span.end].text
        if span.label != "ORG" and case_key(text) in AGENCIES:
            alone = (span.start == 0 or "\n" in doc[span.start - 1].text_with_ws) and (
                span.end >= len(doc) or "\n" in doc[span.end - 1].whitespace_ or doc[span.end].is_space
            )
            closing = span.end == last and (
                text.isupper() or span.start > 0 and doc[span.start - 1].text in {".", '"', "”"}
            )
            if alone or closing:
                span = replace(span, label="ORG")
        out.append(span)
    return out


# Tags of a common word: the tagger read a capitalised word as a noun, an adverb, an adjective.
_COMMON_WORD_TAGS = frozenset({"NN", "NNS", "RB", "RBR", "JJ", "JJR", "VBG", "VBN", "IN", "DT", "UH"})
_SENTENCE_OPENERS = frozenset({'"', "“", "‘", "'", "-", "–", "—", "(", "``"})


def _common_words_at_sentence_start(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """A one-word "person" that only ever starts a sentence or a line, which the tagger reads as
    a common word ("Traditionally, ...", "Photo by ...", "Schools, libraries ... closed"), and
    that is no first name nor part of a person's full name in the story, is no name at all."""
    parts = {t.lower_ for s in spans if s.label == "PERSON" and s.end - s.start >= 2 for t in doc[s.start : s.end]}
    lone: dict[str, list[bool]] = defaultdict(list)
    for s in spans:
        if s.label == "PERSON" and s.end - s.start == 1:
            t = doc[s.start]
            lone[t.lower_].append(
                t.tag_ in _COMMON_WORD_TAGS
                and _starts_sentence(doc, s.start)
                and not first_names.is_first_name(t.text)
                and t.lower_ not in parts
            )
    common = {word for word, flags in lone.items() if all(flags)}
    if not common:
        return spans
    return [s for s in spans if not (s.label == "PERSON" and s.end - s.start == 1 and doc[s.start].lower_ in common)]


def _starts_sentence(doc: Doc, i: int) -> bool:
    """Token i opens a sentence or a line, maybe after an opening quote or a dash."""
    while i > 0 and doc[i - 1].text in _SENTENCE_OPENERS:
        i -= 1
    return i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].text_with_ws or doc[i - 1].text in {".", "!", "?"}


def _key(doc: Doc, span: NerSpan) -> str:
    return case_key(doc[span.start : span.end].text)


_NOT_PERSON_WORDS = ORG_HEADS | INSTITUTION_HEADS | LEGAL_FORMS | MEDIA_HEADS
_APPOSITION_WORDS = 6  # words between a name's comma and the role noun of its apposition


def _people_typed_otherwise(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """A name opening with a listed first name, typed an organisation or a place, is a person
    when the words around it say so: a kin or role word before it ("his brother Tyler"), an
    apposition or an "as" ending in a role ("X Y, the company's largest investor", "X Y as
    girls' basketball coach"), a person's "of" and an organisation ("X Y of Ridge News"), or a
    person coordinated with it ("Sasha and Tyler"). Companies named after people ("Dean
    Witter") have no such words around them. One mention with such words, of whatever type,
    retypes the name's other mentions ("his brother Tyler", then "by Tyler's lawyer" ORG)."""
    people = {s.start: s for s in spans if s.label == "PERSON"}
    ends = {s.end: s for s in spans if s.label == "PERSON"}
    orgs = {s.start for s in spans if s.label == "ORG"}
    keys = set()
    for s in spans:
        if s.label not in NAME_TYPES - {"FAC"} or not 1 <= s.end - s.start <= 3:
            continue  # (a person's mention with such words vouches for the name's other mentions)
        words = doc[s.start : s.end]
        if not all(t.is_alpha and t.is_title for t in words) or not first_names.is_first_name(words[0].text):
            continue
        if any(t.lower_ in _NOT_PERSON_WORDS for t in words) or s.label == "NORP" and gazetteer.is_demonym(words.text):
            continue
        before = doc[s.start - 1] if s.start else None
        after = doc[s.end] if s.end < len(doc) else None
        cue = before is not None and before.is_lower and (before.lower_ in KINSHIP or before.lower_ in ROLE_NOUNS)
        if s.end - s.start == 1:  # one word: a kin word, or another person beside it
            cue = cue or (
                before is not None
                and before.lower_ in {"and", "&"}
                and s.start - 1 in ends
                or after is not None
                and after.lower_ in {"and", "&"}
                and s.end + 1 in people
            )
        elif after is not None and not cue:
            cue = (
                after.text == ","
                and _role_follows(doc, s.end + 1)
                or after.lower_ == "as"
                and _role_follows(doc, s.end + 1)
                or after.lower_ == "of"
                and s.end + 1 in orgs
            )
        if cue:
            keys.add(_key(doc, s))
    if not keys:
        return spans
    return [replace(s, label="PERSON") if s.label in NAME_TYPES and _key(doc, s) in keys else s for s in spans]


def _role_follows(doc: Doc, i: int) -> bool:
    """A role noun ends the short phrase from ``i`` ("the company's largest investor")."""
    for j in range(i, min(len(doc), i + _APPOSITION_WORDS)):
        t = doc[j]
        if t.lower_ in ROLE_NOUNS and t.is_lower:
            return not (j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "PROPN") and doc[j + 1].is_lower)
        if t.is_punct and t.text not in ("'s", "’s", "-") or t.pos_ in ("VERB", "AUX") or "\n" in t.text:
            return False
    return False


def _retype_by_majority(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """One name, one type per story: the type most of its mentions carry wins.

    A lone word that is the first or last part of a person's full name in the story is
    that person's short name ("Brennick" tagged ORG next to "Ada Brennick"), unless it is
    a country's name or the tagger typed it otherwise throughout ("Ford" an organisation
    five times beside one stray "Michigan Ford"). A name no gazetteer knows as a place,
    typed both as a place and as an organisation, is the organisation ("EADS").
    """
    votes: dict[str, Counter] = defaultdict(Counter)
    for s in spans:
        if s.label in VOTING_TYPES:
            votes[_key(doc, s)][s.label] += 1
    for key, tally in votes.items():  # "Airbus" once NORP, once ORG: a tie, and no nationality
        others = max((n for label, n in tally.items() if label != "NORP"), default=0)
        if 0 < tally.get("NORP", 0) <= others and not gazetteer.is_demonym(key):
            del tally["NORP"]
        place = max(tally.get("GPE", 0), tally.get("LOC", 0))
        if place and tally.get("ORG", 0) and not _is_place_name(key):  # "EADS" four times GPE, three ORG
            tally.pop("GPE", None)
            tally.pop("LOC", None)
    name_parts = Counter(
        doc[i].lower_ for s in spans if s.label == "PERSON" and s.end - s.start >= 2 for i in (s.start, s.end - 1)
    )
    name_parts.update(  # "Vela Quorvell" of "Tomas Vela Quorvell"
        case_key(doc[s.end - 2 : s.end].text) for s in spans if s.label == "PERSON" and s.end - s.start >= 3
    )
    surnames = _surnames_of_named_people(doc, spans)
    out = []
    for s in spans:
        key = _key(doc, s)
        if (
            s.label in NAME_TYPES - {"PERSON"}
            and s.end - s.start <= 2
            and key in name_parts
            and not (s.label == "NORP" and gazetteer.is_demonym(key))
            and not gazetteer.country_code(key)
            and (key in surnames or not _typed_otherwise_throughout(votes.get(key, Counter()), name_parts[key]))
        ):
            out.append(replace(s, label="PERSON"))
            continue
        counter = votes.get(key)
        if s.label in VOTING_TYPES and counter:
            (best, n), (_, m) = (counter.most_common(2) + [("", 0)])[:2]
            if n >= MAJORITY * m and best != s.label:
                s = replace(s, label=best)
        out.append(s)
    return out


# Publications, often named as people are ("Charlie Hebdo"): the noun before says which.
_PUBLICATIONS = frozenset({"magazine", "weekly", "tabloid", "newspaper", "website", "publisher"})


def _companies_after_nouns(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """A name typed PERSON right after a company noun is the company, wherever the story
    names it: "carmaker Velmora", "low-cost airline, Ryanor" (one word after the comma),
    unless it starts with a first name ("the company Maria Lopez founded") where the noun is
    no publication's ("the satirical weekly Charlie Varga"); so is one that
    ends with a company's head word ("Hainan Airlines", "Brennor Bank")."""
    companies = set()
    for s in spans:
        if s.label != "PERSON" or s.start < 1:
            continue
        before = doc[s.start - 1]
        if before.text == "," and s.end - s.start == 1 and s.start >= 2:
            before = doc[s.start - 2]
        if first_names.is_first_name(doc[s.start].text) and (
            before.lower_ not in _PUBLICATIONS or s.end < len(doc) and doc[s.end].pos_ in ("VERB", "AUX")
        ):
            continue  # "the company Maria Lopez founded", not "the satirical weekly Charlie Varga"
        if before.lower_ in ORG_NOUNS and before.tag_ == "NN" and _same_line(doc, before.i):
            companies.add(_key(doc, s))
    org_starts = {doc[s.start].lower_ for s in spans if s.label == "ORG" and s.end - s.start >= 2}
    person_parts = {
        t.lower_ for s in spans if s.label == "PERSON" and s.end - s.start >= 2 for t in doc[s.start : s.end]
    }
    for s in spans:  # "Penske" beside "Penske Automotive Group": the company's short name
        word = doc[s.start]
        if s.label == "PERSON" and s.end - s.start == 1 and word.lower_ in org_starts - person_parts:
            if not first_names.is_first_name(word.text):
                companies.add(_key(doc, s))
    for s in spans:  # "Hainan Airlines", "Brennor Bank": a company's head word ends the name
        if s.label == "PERSON" and s.end - s.start >= 2 and doc[s.end - 1].lower_ in ORG_HEADS:
            companies.add(_key(doc, s))
    companies |= _acronyms(doc, spans, person_parts)
    if not companies:
        return spans
    return [replace(s, label="ORG") if s.label == "PERSON" and _key(doc, s) in companies else s for s in spans]


def _acronyms(doc: Doc, spans: list[NerSpan], person_parts: set[str]) -> set[str]:
    """One word in capitals typed PERSON in a line of ordinary case ("said TMEIC would ...",
    "a photo from AP") is an organisation's initials, not a surname: a person's name in
    capitals fills a headline's or a byline's line of capitals, or labels a transcript's turn
    ("PENCE: ..."). A surname the story gives in full elsewhere stays the person's."""
    votes: dict[str, list[bool]] = defaultdict(list)
    for s in spans:
        if s.label != "PERSON" or s.end - s.start != 1:
            continue
        t = doc[s.start]
        line_start = doc.text.rfind("\n", 0, t.idx) + 1
        line_end = doc.text.find("\n", t.idx)
        line = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)]
        letters = [c for c in line if c.isalpha()]
        votes[_key(doc, s)].append(
            t.is_upper
            and len(t.text) >= 2
            and t.is_alpha
            and sum(c.islower() for c in letters) >= len(letters) / 2
            and not (s.end < len(doc) and doc[s.end].text == ":")
            and t.lower_ not in person_parts
            and not first_names.is_first_name(t.text)
        )
    return {key for key, flags in votes.items() if all(flags)}


def _surnames_of_named_people(doc: Doc, spans: list[NerSpan]) -> set[str]:
    """The surnames of people the story names in full with a known first name ("Maria Quorvell"):
    alone, such a word is the person however often the tagger typed it otherwise ("Quorvell
    wrote" as a place three times), unless it names a place or starts an organisation's name
    ("Henry Ford" beside "Ford Motor Co" and "Ford")."""
    org_starts = {doc[s.start].lower_ for s in spans if s.label == "ORG" and s.end - s.start >= 2}
    out = set()
    for s in spans:
        if s.label == "PERSON" and s.end - s.start >= 2 and first_names.is_first_name(doc[s.start].text):
            last = doc[s.end - 1]
            if last.lower_ not in org_starts and not _is_place_name(last.text):
                out.add(last.lower_)
    return out


def _typed_otherwise_throughout(tally: Counter, full_names: int) -> bool:
    """At least three mentions typed other than PERSON, twice as many as the full names."""
    others = sum(n for label, n in tally.items() if label != "PERSON")
    return others >= 3 and others >= 2 * full_names and not tally.get("PERSON")


def _after_place_cue(doc: Doc, start: int) -> bool:
    """ "the city of X", "the settlement of X"."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_CUES


def _as_the_structure_says(doc: Doc, spans: list[NerSpan], places: Sequence[tuple[int, int]]) -> list[NerSpan]:
    """A name the dateline gives as a place is a place everywhere in the story."""
    keys = set()
    for a, b in places:
        region = doc.char_span(a, b, alignment_mode="expand")
        if region is not None:
            keys.add(case_key(region.text))
    return _place_everywhere(doc, spans, keys)


def _place_everywhere(doc: Doc, spans: list[NerSpan], keys: set[str]) -> list[NerSpan]:
    if not keys:
        return spans
    return [
        replace(s, label="GPE") if s.label in {"ORG", "PERSON", "NORP"} and _key(doc, s) in keys else s for s in spans
    ]


# Words before a name that make a country or a big city the place, not a team or a
# government ("flew to Oslo", "talks in Paris").
PLACE_PREPOSITIONS = frozenset(
    {"in", "to", "from", "at", "near", "outside", "visit", "visited", "visiting", "visits", "across", "throughout"}
)


def _retype_lone_places(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """A lone word typed PERSON that is a country or a big city, with no title before it
    and no full name in the story ending with it, is the place; so is one typed ORG
    right after a place preposition ("visit Oslo")."""
    surnames = {doc[s.end - 1].lower_ for s in spans if s.label == "PERSON" and s.end - s.start >= 2}
    out = []
    for s in spans:
        if (
            s.label == "ORG"
            and s.end - s.start == 1
            and s.start > 0
            and doc[s.start - 1].lower_ in PLACE_PREPOSITIONS
            and _is_country_or_city(doc[s.start].text)
        ):
            s = replace(s, label="GPE")
        if s.label == "PERSON" and s.end - s.start == 1 and doc[s.start].lower_ not in surnames:
            text = doc[s.start].text
            titled = s.start > 0 and doc[s.start - 1].lower_ in TITLE_WORDS | HONORIFIC_GENDER.keys()
            if not titled and _is_country_or_city(text):
                s = replace(s, label="GPE")
        out.append(s)
    return out


def _is_place_name(text: str) -> bool:
    return bool(gazetteer.place_code(text)) or gazetteer.city_population(text) > 0


def _is_country_or_city(text: str) -> bool:
    return bool(gazetteer.country_code(text)) or gazetteer.city_population(text) >= gazetteer.BIG_CITY


def _dedupe(spans: Iterable[NerSpan]) -> list[NerSpan]:
    """Keep the first of overlapping spans (the structure's spans come last but were placed)."""
    taken: set[int] = set()
    out = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if taken.isdisjoint(range(s.start, s.end)):
            out.append(s)
            taken.update(range(s.start, s.end))
    return out
