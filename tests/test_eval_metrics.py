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


MEANTIME_XML = """<Document doc_name="fixture"><token t_id="1" sentence="0">Coastal</token>
<token t_id="2" sentence="0">airline</token><token t_id="3" sentence="0">,</token>
<token t_id="4" sentence="0">Orvane</token><token t_id="5" sentence="0">said</token>
<token t_id="6" sentence="0">it</token><token t_id="7" sentence="0">grew</token>
<token t_id="8" sentence="1">Reports</token><token t_id="9" sentence="1">said</token>
<token t_id="10" sentence="1">reports</token><token t_id="11" sentence="1">lie</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/>
<token_anchor t_id="3"/><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="6" syntactic_type="NAM"><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type=""><token_anchor t_id="6"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="4" syntactic_type=""><token_anchor t_id="8"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="5" syntactic_type=""><token_anchor t_id="1"/><token_anchor t_id="2"/></ENTITY_MENTION>
<ENTITY m_id="9"/></Markables>
<Relations><REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><source m_id="3"/><source m_id="6"/><target m_id="9"/></REFERS_TO>
</Relations></Document>"""


def test_meantime_key_read_as_the_guidelines_write_it(tmp_path):
    """An apposition's whole is the name it wraps, a span marked twice is one mention; an untyped lone pronoun is a key pronoun,
    untyped common words ("Coastal airline", a capitalised "Reports" opening its sentence)
    are not key mentions."""
    from dateline.eval.coref import errors, read_meantime

    path = tmp_path / "fixture.xml"
    path.write_text(MEANTIME_XML, encoding="utf-8")
    doc = read_meantime(path)
    assert doc.text.startswith("Coastal airline , Orvane said it grew\nReports")
    assert set(doc.mentions) == {"2", "3"}
    assert doc.clusters == (frozenset({"2", "3"}),) and doc.pronouns == 1
    assert errors(doc, [[(18, 24), (30, 32)]]) == []
    lines = errors(doc, [[(18, 24)], [(30, 32), (38, 45)]])
    assert lines[0] == "# fixture"
    assert "'Orvane'@18:R0 'it'@30:R1" in lines[1]
    assert "'Reports'@38:+" in lines[2]


def test_conll_as_text_scores_character_spans():
    from dateline.eval.conll import ConllDoc, _as_text

    doc = ConllDoc(("Mara", "Velt", "left", ".", "She", "flew", "to", "Port-le-Roi"), (0, 4), frozenset())
    text, offsets = _as_text(doc)
    assert text == "Mara Velt left .\n\nShe flew to Port-le-Roi"
    assert [text[a:b] for a, b in offsets] == list(doc.words)
