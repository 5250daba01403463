"""The news NER's training data: CoNLL gold on OntoNotes labels, teacher labels where
CoNLL says nothing, case-changed copies, the held-out slice (invented documents, no model)."""

from __future__ import annotations

from dateline.eval.conll import ConllDoc, read_conll
from dateline.extract.entities.training import (
    HOLDOUT_EVERY,
    Sentence,
    augment,
    label_document,
    split_documents,
    title_case,
    upper_case,
    write_conll,
)

WORDS = (
    "Lena",
    "Varga",
    "of",
    "Norvik",
    "Bank",
    "flew",
    "to",
    "Oslo",
    "on",
    "Monday",
    ".",
    "Danish",
    "officials",
    "met",
    "her",
    "at",
    "the",
    "Harbour",
    "Cup",
    ".",
)
GOLD = frozenset({(0, 2, "PER"), (3, 5, "ORG"), (7, 8, "LOC"), (11, 12, "MISC"), (17, 19, "MISC")})
DOC = ConllDoc(WORDS, (0, 11), GOLD)


def test_gold_names_take_ontonotes_labels_and_teacher_fills_the_rest():
    teacher = [(0, 2, "PERSON"), (3, 4, "GPE"), (7, 8, "GPE"), (9, 10, "DATE"), (17, 19, "EVENT"), (3, 5, "MONEY")]
    first, second = label_document(DOC, teacher)
    assert first.words == WORDS[:11] and second.words == WORDS[11:]
    assert first.ents == ((0, 2, "PERSON"), (3, 5, "ORG"), (7, 8, "GPE"), (9, 10, "DATE"))
    assert second.ents == ((0, 1, "NORP"), (6, 8, "EVENT"))


def test_without_the_teacher_places_and_misc_get_defaults():
    first, second = label_document(DOC, [])
    assert (7, 8, "GPE") in first.ents
    assert second.ents == ((0, 1, "NORP"), (6, 8, "EVENT"))


def test_headline_casing():
    words = ("Varga", "says", "the", "deal", "is", "off", "in", "Oslo")
    assert title_case(words) == ("Varga", "Says", "the", "Deal", "Is", "Off", "in", "Oslo")
    assert upper_case(words)[1] == "SAYS"


def test_case_copies_are_seeded_and_keep_labels():
    sentences = [Sentence(tuple(f"w{i} and more words here".split()), ((0, 1, "PERSON"),)) for i in range(200)]
    once, again = list(augment(sentences, 14)), list(augment(sentences, 14))
    assert once == again and len(once) > len(sentences)
    copies = [s for s in once if s not in sentences]
    assert copies and all(s.ents == ((0, 1, "PERSON"),) for s in copies)
    assert any(s.words[1] == "AND" for s in copies) and any(
        s.words[1] == "and" and s.words[2] == "More" for s in copies
    )


def test_held_out_slice_round_trips(tmp_path):
    docs = [ConllDoc(WORDS, (0, 11), GOLD) for _ in range(2 * HOLDOUT_EVERY)]
    train, held = split_documents(docs)
    assert len(held) == 2 and len(train) == len(docs) - 2
    write_conll(held, tmp_path / "held.conll")
    back = list(read_conll(tmp_path / "held.conll"))
    assert [(d.words, d.sent_starts, d.gold) for d in back] == [(WORDS, (0, 11), GOLD)] * 2
