"""The TimeML reader and TempEval-3 scorer, on a small invented TimeML file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from dateline.eval import timeml
from dateline.eval.timeml import GoldTimex, Scores, canonical_value, read_dir, read_tml, score_doc
from dateline.time import TimexMatch

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>invented-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-04-24" functionInDocument="CREATION_TIME">20190424</TIMEX3></DCT>
<TEXT>
Mayor Ilse Varga <EVENT eid="e1" class="REPORTING">said</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2019-04-23">Tuesday</TIMEX3> that the bridge, shut for <TIMEX3 tid="t2" type="DURATION" value="P3M">three months</TIMEX3>, reopens <TIMEX3 tid="t3" type="DATE" value="2019-W18">next week</TIMEX3>.
Tolls were cut <TIMEX3 tid="t4" type="DATE" value="2018">last year</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def tml_dir(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "invented-1.tml").write_text(TML, encoding="utf-8")
    return tmp_path


def test_read_tml_gives_text_offsets_and_dct(tml_dir):
    doc = read_tml(tml_dir / "sub" / "invented-1.tml")
    assert doc.dct == date(2019, 4, 24)
    assert [t.text for t in doc.timexes] == ["Tuesday", "three months", "next week", "last year"]
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)
    assert "<" not in doc.text and "said on Tuesday" in doc.text
    assert [t.value for t in doc.timexes] == ["2019-04-23", "P3M", "2019-W18", "2018"]


def _gold(start, end, type_="DATE", value="2019"):
    return GoldTimex(start, end, "x" * (end - start), type_, value)


def _found(start, end, type_="DATE", value="2019"):
    return TimexMatch(start, end, "x" * (end - start), type_, value)


def test_score_doc_counts_strict_relaxed_type_and_value():
    gold = [_gold(0, 5), _gold(10, 20, "DURATION", "P3M"), _gold(30, 35)]
    system = [_found(0, 5), _found(12, 20, "DATE", "P3M"), _found(40, 45)]
    scores, errors = score_doc(gold, system)
    assert scores == Scores(gold=3, system=3, strict=1, relaxed=2, type_ok=1, value_ok=2)
    assert sorted(kind for kind, _, _ in errors) == ["missed", "spurious"]


def test_scores_table_is_precision_recall_f1():
    table = Scores(gold=4, system=2, strict=1, relaxed=2, type_ok=2, value_ok=1).table()
    assert table["strict"] == pytest.approx((0.5, 0.25, 1 / 3))
    assert table["relaxed"] == pytest.approx((1.0, 0.5, 2 / 3))
    assert table["value"] == pytest.approx((0.5, 0.25, 1 / 3))


@pytest.mark.parametrize(
    "raw, canonical",
    [("2000-W7", "2000-W07"), ("2000-W07", "2000-W07"), ("2000-W7-WE", "2000-W07-WE"), (" P3M ", "P3M")],
)
def test_canonical_value(raw, canonical):
    assert canonical_value(raw) == canonical


def test_evaluate_runs_the_normaliser_on_the_dct(tml_dir):
    scores, errors = timeml.evaluate(read_dir(tml_dir))
    assert (scores.gold, scores.strict, scores.value_ok) == (4, 4, 4), errors


def test_cli_prints_tempeval_measures(tml_dir):
    app = typer.Typer()
    timeml.register(app)
    app.command("noop")(lambda: None)  # a second command keeps "timeml" a sub-command
    result = CliRunner().invoke(app, ["timeml", str(tml_dir), "--errors", "3"])
    assert result.exit_code == 0, result.output
    assert "strict" in result.output and "value" in result.output and "1 documents" in result.output


def test_cli_refuses_an_empty_folder(tmp_path):
    app = typer.Typer()
    timeml.register(app)
    app.command("noop")(lambda: None)
    assert CliRunner().invoke(app, ["timeml", str(tmp_path)]).exit_code != 0


@pytest.mark.acceptance
def test_tbaq_value_f1_beats_heideltime(shared_dir):
    folder = shared_dir / "data" / "tempeval3" / "TBAQ-cleaned"
    if not folder.is_dir():
        pytest.skip(f"TempEval-3 data absent: {folder}")
    scores, _ = timeml.evaluate(read_dir(folder))
    assert scores.table()["value"][2] > 0.7761


CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="invented">
<token number="0" sentence="0" t_id="1">Mill</token>
<token number="1" sentence="0" t_id="2">closes</token>
<token number="2" sentence="1" t_id="3">March</token>
<token number="3" sentence="1" t_id="4">01</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2008</token>
<token number="6" sentence="2" t_id="7">Owner</token>
<token number="7" sentence="2" t_id="8">Lena</token>
<token number="8" sentence="2" t_id="9">Berg</token>
<token number="9" sentence="2" t_id="10">'s</token>
<token number="10" sentence="2" t_id="11">mill</token>
<token number="11" sentence="2" t_id="12">shut</token>
<token number="12" sentence="2" t_id="13">on</token>
<token number="13" sentence="2" t_id="14">Friday</token>
<token number="14" sentence="2" t_id="15">.</token>
<token number="15" sentence="6" t_id="16">It</token>
<token number="16" sentence="6" t_id="17">reopens</token>
<token number="17" sentence="6" t_id="18">next</token>
<token number="18" sentence="6" t_id="19">year</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2008-03-01">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2008-02-29"><token_anchor t_id="14"/></TIMEX3>
</Markables>
</Document>
"""


def test_read_meantime_rebuilds_text_and_scores_only_annotated_sentences(tmp_path):
    (tmp_path / "invented.xml").write_text(CAT, encoding="utf-8")
    [doc] = read_dir(tmp_path)
    assert doc.dct == date(2008, 3, 1)
    assert doc.text.startswith("Mill closes\n\nMarch 01, 2008\n\nOwner Lena Berg's mill shut on Friday.")
    assert [(t.text, t.value) for t in doc.timexes] == [("March 01, 2008", "2008-03-01"), ("Friday", "2008-02-29")]
    assert doc.scored_end == doc.text.index("\n\nIt reopens")
    scores, errors = timeml.evaluate([doc])
    assert (scores.gold, scores.system, scores.value_ok) == (2, 2, 2), errors  # "next year" is past the annotation
