"""A faster stand-in for spaCy's ``attribute_ruler``, with the same rules.

The English pipelines' attribute ruler maps fine-grained tags to POS and morphology
through a token Matcher, which costs about as much as the parser. Its rules are all
tests on a token's TAG, LOWER, DEP or IS_SPACE, so they can be looked up by tag in a
dict instead. Lemmas are not set: dateline does not use them (the lemmatizer is off).
"""

from __future__ import annotations

import itertools
import operator
import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

_KEYS = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
_COLUMN = {key: n for n, key in enumerate(_KEYS)}  # a key's place in a token's row
_OPERATORS = {"IN", "NOT_IN", "REGEX"}


@Language.factory("dateline_attributes", default_config={"patterns": []})
def make_fast_attributes(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> FastAttributes:
    return FastAttributes(patterns)


class FastAttributes:
    """Apply attribute-ruler rules in their order; later rules override earlier ones, as spaCy's do."""

    def __init__(self, patterns: list[dict[str, Any]]) -> None:
        self.patterns = patterns
        # Rules indexed by every key their anchor token tests for plain values (tag and
        # lower-case form, say), so a token meets only the rules it can match; rules with no
        # such key are tried on every token.
        self.index: dict[tuple[int, ...], dict[Any, list[tuple[int, list[dict], int, dict]]]] = {}
        self.multi: dict[tuple[int, ...], dict[Any, list[tuple[int, list[dict], int, dict]]]] = {}
        self.generic: list[tuple[int, list[dict], int, dict]] = []
        for order, rule in enumerate(patterns):
            attrs = {k: v for k, v in rule["attrs"].items() if k in ("POS", "MORPH", "TAG", "DEP")}
            if not attrs:
                continue
            for pattern in rule["patterns"]:
                index = rule.get("index", 0) % len(pattern)
                entry = (order, pattern, index, attrs)
                spec = pattern[index]
                keyed = [(_COLUMN[k], values) for k in _KEYS if k in spec and (values := _values(spec[k]))]
                if not keyed:
                    self.generic.append(entry)
                    continue
                # one-token rules depend on the token's own keys alone: their hits are memoised
                index = self.index if len(pattern) == 1 else self.multi
                table = index.setdefault(tuple(column for column, _ in keyed), {})
                for key in itertools.product(*(values for _, values in keyed)):
                    table.setdefault(key if len(key) > 1 else key[0], []).append(entry)
        self._single = _tables(self.index)
        self._multi = _tables(self.multi)
        self._memo: dict[tuple, tuple[tuple[int, dict], ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        # Match every rule on the untouched doc first, then apply in rule order, as spaCy does.
        # Each token's four keys are read once (a Token object per test cost most of the time).
        tokens = list(doc)
        rows = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in tokens]
        hits: list[tuple[int, int, dict]] = []
        memo = self._memo
        for i, row in enumerate(rows):
            single = memo.get(row)
            if single is None:
                if len(memo) >= _MEMO_SIZE:
                    memo.clear()
                single = memo[row] = self._one_token_hits(row)
            hits.extend((order, i, attrs) for order, attrs in single)
            for key, table in self._multi:
                for order, pattern, index, attrs in table.get(key(row), ()):
                    if _matches(rows, i - index, pattern):
                        hits.append((order, i, attrs))
            for order, pattern, index, attrs in self.generic:
                if _matches(rows, i - index, pattern):
                    hits.append((order, i, attrs))
        hits.sort(key=lambda hit: hit[0])
        for _, i, attrs in hits:
            _apply(tokens[i], attrs)
        return doc

    def _one_token_hits(self, row: tuple) -> tuple[tuple[int, dict], ...]:
        """The one-token rules a token with these keys meets, as (rule order, attributes)."""
        return tuple(
            (order, attrs)
            for key, table in self._single
            for order, pattern, _, attrs in table.get(key(row), ())
            if _matches([row], 0, pattern)
        )

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> FastAttributes:
        return self


_MEMO_SIZE = 100_000  # distinct (tag, lower, dep, space) rows remembered


def _tables(index: dict) -> list:
    return [(operator.itemgetter(*columns), table) for columns, table in index.items()]


def _matches(rows: list[tuple], start: int, pattern: list[dict]) -> bool:
    """Whether the pattern matches at ``start``; ``rows`` holds each token's keys in ``_KEYS`` order."""
    if start < 0 or start + len(pattern) > len(rows):
        return False
    for offset, spec in enumerate(pattern):
        row = rows[start + offset]
        for key, want in spec.items():
            if not _test(row[_COLUMN[key]], want):
                return False
    return True


def _test(value: Any, want: Any) -> bool:
    if not isinstance(want, dict):
        return value == want
    if "IN" in want and value not in want["IN"]:
        return False
    if "NOT_IN" in want and value in want["NOT_IN"]:
        return False
    return "REGEX" not in want or re.search(want["REGEX"], value) is not None


def _values(want: Any) -> list:
    """The plain values a rule tests for: one, or a list ({"IN": [...]}); none for anything else."""
    if isinstance(want, (str, bool)):
        return [want]
    if isinstance(want, dict) and set(want) == {"IN"}:
        return list(want["IN"])
    return []


def _supported(spec: dict) -> bool:
    return set(spec) <= set(_KEYS) and all(not isinstance(v, dict) or set(v) <= _OPERATORS for v in spec.values())


def _apply(token: Token, attrs: dict) -> None:
    for key, value in attrs.items():
        if key == "POS":
            token.pos_ = value
        elif key == "MORPH":
            token.set_morph(value)  # type: ignore[attr-defined]  # spaCy's Token stub omits set_morph
        elif key == "TAG":
            token.tag_ = value
        elif key == "DEP":
            token.dep_ = value


def replace_attribute_ruler(nlp: Language) -> None:
    """Swap the pipeline's attribute_ruler for the dict-based one with the same rules."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns  # type: ignore[attr-defined]  # get_pipe is typed as a bare callable
    if not all(_supported(spec) for rule in patterns for p in rule["patterns"] for spec in p):
        return  # a rule we cannot look up by these keys: keep spaCy's own component
    nlp.replace_pipe("attribute_ruler", "dateline_attributes", config={"patterns": patterns})
