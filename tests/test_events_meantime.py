"""The MEANTIME reader and scorer on a tiny invented document in MEANTIME's XML shape."""

from __future__ import annotations

from dateline.eval.meantime import Scores, read_doc, score_doc
from dateline.eval.meantime_tokens import read_meantime

XML = """<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en">
<token number="0" sentence="0" t_id="1">Ada</token>
<token number="1" sentence="0" t_id="2">met</token>
<token number="2" sentence="0" t_id="3">Bo</token>
<token number="3" sentence="0" t_id="4">.</token>
<token number="4" sentence="1" t_id="5">Bo</token>
<token number="5" sentence="1" t_id="6">left</token>
<Markables>
<ENTITY_MENTION m_id="10"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="11"><token_anchor t_id="3"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="12"><token_anchor t_id="5"/></ENTITY_MENTION>
<EVENT_MENTION m_id="20" pos="VERB"><token_anchor t_id="2"/></EVENT_MENTION>
<EVENT_MENTION m_id="21" pos="VERB"><token_anchor t_id="6"/></EVENT_MENTION>
<TIMEX3 m_id="30" functionInDocument="CREATION_TIME" type="DATE" value="2008-03-01"/>
</Markables>
<Relations>
<HAS_PARTICIPANT r_id="1" sem_role="Arg0"><source m_id="20"/><target m_id="10"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="2" sem_role="Arg1"><source m_id="20"/><target m_id="11"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="3" sem_role="Arg0"><source m_id="21"/><target m_id="12"/></HAS_PARTICIPANT>
</Relations>
</Document>"""


def test_read_doc(tmp_path):
    path = tmp_path / "x.xml"
    path.write_text(XML, encoding="utf-8")
    doc = read_doc(path)
    assert doc.text == "Ada met Bo .\n\nBo left"
    assert doc.token_at[doc.text.index("met")] == 2 and doc.token_at[doc.text.index("left")] == 6
    assert doc.events == {"20": frozenset({2}), "21": frozenset({6})}
    assert ("20", frozenset({1})) in doc.participants and len(doc.participants) == 3
    assert str(doc.dct) == "2008-03-01"


def test_one_reader_rebuilds_text_by_setting(tmp_path):
    path = tmp_path / "x.xml"
    path.write_text(XML, encoding="utf-8")
    lines, glued = read_meantime(path, sentence_break="\n"), read_meantime(path, detokenise=True)
    assert (lines.text, glued.text) == ("Ada met Bo .\nBo left", "Ada met Bo.\n\nBo left")
    assert [(t.id, t.sentence) for t in lines.tokens][-2:] == [("5", 1), ("6", 1)]
    assert all(lines.text[t.start : t.end] == glued.text[u.start : u.end] for t, u in zip(lines.tokens, glued.tokens))


def test_score_doc(tmp_path):
    path = tmp_path / "x.xml"
    path.write_text(XML, encoding="utf-8")
    doc = read_doc(path)
    scores = Scores()
    # found: "met" with Ada (right) and "." (wrong); "Bo" as a trigger (wrong)
    score_doc(doc, [(2, [1, 4], [1, 4]), (3, [], [])], scores)
    assert (scores.triggers.gold, scores.triggers.found, scores.triggers.gold_hit, scores.triggers.found_hit) == (
        2,
        2,
        1,
        1,
    )
    p, r, f = scores.entities.prf()
    assert (p, r) == (0.5, 1 / 3)


def test_command_rejects_a_folder_without_xml(tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app

    result = CliRunner().invoke(app, ["eval", "meantime-events", str(tmp_path)])
    assert result.exit_code != 0 and "no MEANTIME" in result.output
