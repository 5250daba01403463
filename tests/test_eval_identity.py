"""`dateline eval identity`: the scoring on invented pairs, and AIDA-CoNLL dev read from
../shared (skipped, saying why, when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.eval.identity import GoldDoc, aida_docs, conll_texts, pair_predictions
from dateline.io.sources import Story


def test_pairs_take_the_entity_most_of_their_mentions_overlap():
    doc = GoldDoc(Story(text="Ivo Sander met Sander and Oslo."), {"Q1": [(0, 10), (15, 21)], "Q2": [(26, 30)]})
    gold, pred, names, found = pair_predictions([doc], [[(0, 10, 7), (15, 21, 7), (40, 44, 9)]])
    assert gold == ["Q1", "Q2"] and pred[0] == ("e", 7) and pred[1][0] == "miss" and found == 1
    assert names == ["ivo sander", "oslo"]


def test_conll_sentences_become_lines_of_the_same_length(tmp_path):
    path = tmp_path / "mini.conll"
    path.write_text(
        "-DOCSTART- -X- O O\n\nKessel NNP I-NP I-LOC\nfloods VBZ I-VP O\n\nCarvo NNP I-NP I-PER\nspoke VBD I-VP O\n"
    )
    assert conll_texts(path) == ["Kessel floods\nCarvo spoke"]


def _aida(shared: Path) -> Path:
    folder = shared / "data" / "aida-conll"
    if not folder.is_dir():
        pytest.skip(f"AIDA-CoNLL absent: {folder}")
    return folder


def test_aida_text_rebuilt_from_conll_aligns(shared_dir):
    folder = _aida(shared_dir)
    docs = aida_docs(folder, shared_dir / "data" / "conll2003" / "eng.testa")
    assert len(docs) == 216 and sum(len(d.links) for d in docs) == 2809
    first = docs[0]
    qid, spans = next(iter(first.links.items()))
    assert first.story.text[spans[0][0] : spans[0][1]].strip() == first.story.text[spans[0][0] : spans[0][1]]


def test_aida_identity_joins_stories_and_rarely_wrongly(shared_dir):
    from dateline.eval.identity import evaluate

    folder = _aida(shared_dir)
    docs = aida_docs(folder, shared_dir / "data" / "conll2003" / "eng.testa")[:24]
    results = evaluate(docs)
    ours, alone = results["dateline"], results["singletons"]
    assert ours.recall > alone.recall + 0.01 and ours.precision > 0.9  # stories joined, rarely wrongly
    assert results["reversed"].f1 == pytest.approx(results["dateline"].f1, abs=0.02)
