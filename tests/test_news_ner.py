"""The shipped news NER replaces the pipeline's own NER (same place, one NER either way)."""

from __future__ import annotations

import spacy

from dateline.nlp import DEFAULT_MODEL, NEWS_NER, load_pipeline, use_news_ner


def test_the_news_ner_ships_with_the_package():
    assert (NEWS_NER / "config.cfg").is_file() and (NEWS_NER / "ner" / "model").is_file()
    size = sum(p.stat().st_size for p in NEWS_NER.rglob("*") if p.is_file())
    assert size < 8_000_000


def test_it_replaces_the_ner_in_place():
    nlp = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])
    before = nlp.pipe_names
    own = nlp.get_pipe("ner")
    use_news_ner(nlp)
    assert nlp.pipe_names == before
    assert nlp.get_pipe("ner") is not own
    assert {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "MONEY"} <= set(nlp.get_pipe("ner").labels)


def test_pipeline_env_keeps_the_own_ner(monkeypatch):
    monkeypatch.setenv("DATELINE_NER", "pipeline")
    nlp = load_pipeline.__wrapped__(None)
    assert nlp.get_pipe("ner").cfg == spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"]).get_pipe("ner").cfg
    monkeypatch.delenv("DATELINE_NER")


NAMES_AND_NUMBERS = "Norvik Bank said on Monday that Lena Varga, its chairwoman, would visit Oslo and pay $5 million.\n"


def test_names_and_numbers_in_one_pass(nlp):
    ents = {(e.text, e.label_) for e in nlp(NAMES_AND_NUMBERS).ents}
    assert {("Norvik Bank", "ORG"), ("Lena Varga", "PERSON"), ("Monday", "DATE"), ("$5 million", "MONEY")} <= ents


def test_a_city_visited_is_a_place_in_the_record(reader):
    types = {e.name: e.type for e in reader.read(NAMES_AND_NUMBERS).entities}
    assert types.get("Oslo") == "GPE" and types.get("Norvik Bank") == "ORG"


def test_title_case_verbs_are_not_names(nlp):
    doc = nlp("Norvik Bank Says Profits Fell Sharply In Oslo\n\nThe bank said profits fell.")
    assert not any(w in e.text for e in doc.ents for w in ("Says", "Fell", "Profits", "Sharply"))


def test_names_lose_the_white_space_and_commas_at_their_edges():
    # The recogniser may stop a name on the comma of "Harlow, Mass." or run it into the blank
    # line after it; the name is the words alone.
    from spacy.tokens import Span

    from dateline.nlp import trim_entities

    doc = spacy.blank("en")("They flew to Harlow, Mass.\n\nThe Veld Group said so.")
    harlow = Span(doc, 3, 5, label="GPE")  # "Harlow,"
    group = Span(doc, 6, 10, label="ORG")  # "\n\nThe Veld Group": starts on the blank line
    assert harlow.text == "Harlow," and group.text.startswith("\n")
    doc.set_ents([harlow, group])
    assert [e.text for e in trim_entities(doc).ents] == ["Harlow", "The Veld Group"]
