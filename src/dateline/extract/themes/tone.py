"""A story's tone, GDELT-style: the shares of its words that carry positive and negative
sentiment, and their balance, from VADER's lexicon (vaderSentiment, MIT; 7,500 entries rated
by ten people each, shipped inside the package and read from it, never downloaded).

Only the lexicon is used, not VADER's sentence rules: tone is a count over the whole story, as
GDELT's is, and costs one dict look-up a word. A valence is flipped and damped when one of the
three words before it negates it ("not good"), as VADER does.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from dateline.extract.themes.text import words
from dateline.record import Tone

# VADER's own damping of a negated valence (vaderSentiment.N_SCALAR).
NEGATED = -0.74
NEGATORS = frozenset(
    {
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "nowhere",
        "without",
        "cannot",
        "can't",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "won't",
        "wouldn't",
        "shouldn't",
        "couldn't",
        "hasn't",
        "haven't",
        "hadn't",
        "ain't",
    }
)
WINDOW = 3


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """VADER's word valences (-4 .. 4), read from the installed vaderSentiment package."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    table: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0][:1].isalpha():
            table[parts[0].lower()] = float(parts[1])
    return table


def valences(tokens: list[str]) -> list[float]:
    """The valence of every word, negation applied (0.0 for words the lexicon lacks)."""
    lex = lexicon()
    out = []
    for i, w in enumerate(tokens):
        v = lex.get(w, 0.0)
        if v and any(t in NEGATORS for t in tokens[max(0, i - WINDOW) : i]):
            v *= NEGATED
        out.append(v)
    return out


def tone(text: str) -> Tone | None:
    """The tone of ``text``; None when it has no words.

    ``polarity`` is (positive valence - negative valence) / (their sum), 0.0 when no word
    carries sentiment; ``positive`` and ``negative`` are shares of all words, as GDELT's
    PositiveScore and NegativeScore are (here as fractions, not percentages)."""
    tokens = words(text)
    if not tokens:
        return None
    vals = valences(tokens)
    pos = sum(v for v in vals if v > 0)
    neg = -sum(v for v in vals if v < 0)
    n = len(tokens)
    return Tone(
        polarity=round((pos - neg) / (pos + neg), 4) if pos + neg else 0.0,
        positive=round(sum(v > 0 for v in vals) / n, 4),
        negative=round(sum(v < 0 for v in vals) / n, 4),
        words=n,
    )
