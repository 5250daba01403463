"""The shared evaluation formulas, CoNLL chunking and scoring, and the coreference metrics."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dateline.eval.conll import iob_chunks, score
from dateline.eval.coref import Scores, b_cubed, muc
from dateline.eval.metrics import f1, prf, ratio


@pytest.mark.parametrize("p, r, expected", [(1.0, 1.0, 1.0), (0.0, 0.0, 0.0), (0.5, 1.0, 2 / 3), (1.0, 0.0, 0.0)])
def test_f1(p, r, expected):
    assert f1(p, r) == pytest.approx(expected)


def test_prf_and_ratio():
    assert prf(3, 4, 3, 6) == pytest.approx((0.75, 0.5, 0.6))
    assert prf(0, 0, 0, 0) == (0.0, 0.0, 0.0)
    assert ratio(1, 0) == 0.0


@pytest.mark.parametrize(
    "tags, chunks",
    [
        (["I-PER", "I-PER", "O", "I-LOC"], {(0, 2, "PER"), (3, 4, "LOC")}),
        (["B-PER", "I-PER", "B-PER"], {(0, 2, "PER"), (2, 3, "PER")}),
        (["I-ORG", "I-LOC"], {(0, 1, "ORG"), (1, 2, "LOC")}),
        (["O", "O"], set()),
    ],
)
def test_iob_chunks(tags, chunks):
    assert set(iob_chunks(tags)) == chunks


def test_conll_score_per_type():
    gold = [{(0, 2, "PER"), (3, 4, "LOC")}]
    pred = [{(0, 2, "PER"), (3, 4, "ORG")}]
    out = score(gold, pred)
    assert out["PER"] == pytest.approx((1.0, 1.0, 1.0))
    assert out["ALL"] == pytest.approx((0.5, 0.5, 0.5))


def test_muc_and_b_cubed():
    key = [frozenset({1, 2, 3}), frozenset({4, 5})]
    assert muc(key, key) == (3, 3)
    split = [frozenset({1, 2}), frozenset({3}), frozenset({4, 5})]
    assert muc(key, split) == (2, 3)
    num, den = b_cubed(key, split)
    assert num / den == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    scores = Scores()
    scores.add(key, split)
    p, r, _ = scores.prf("muc")
    assert p == pytest.approx(1.0) and r == pytest.approx(2 / 3)


def test_conll_command_on_a_tiny_file(tmp_path):
    from dateline.cli import app

    path = tmp_path / "mini.conll"
    path.write_text(
        "-DOCSTART- -X- O O\n\nMara NNP I-NP I-PER\nVelt NNP I-NP I-PER\nvisited VBD I-VP O\n"
        "Lisbon NNP I-NP I-LOC\n. . O O\n"
    )
    result = CliRunner().invoke(app, ["eval", "conll", str(path)])
    assert result.exit_code == 0, result.output
    assert "documents: 1" in result.output and "ALL" in result.output


def test_meantime_alignment_by_end_or_exact_span():
    from dateline.eval.coref import MeantimeDoc, align

    doc = MeantimeDoc(
        "d", "the Orvane Group said it", {"k1": (0, 16), "k2": (22, 24)}, (frozenset({"k1", "k2"}),), 24, 1
    )
    assert align(doc, [[(4, 16), (22, 24)]]) == [frozenset({"k1", "k2"})]
    assert align(doc, [[(4, 16), (22, 24)]], exact=True) == [frozenset({"r1", "k2"})]
