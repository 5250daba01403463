"""The Reuters-21578 reader and structure scorer, on a tiny SGML file written for this test."""

from __future__ import annotations

from dateline.eval.reuters21578 import iter_wire_stories, score_structure

SGML = """<REUTERS TOPICS="NO" NEWID="7">
<DATE> 2-MAR-1987 10:01:02.03</DATE>
<TEXT>&#2;
<TITLE>ACME &lt;ACM> SEES HIGHER PROFIT</TITLE>
<AUTHOR>    by Jo Smith, Reuters</AUTHOR>
<DATELINE>    BOSTON, March 2 - </DATELINE><BODY>Acme Corp said it expects
higher profit this year.
    The company gave no figures.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="8">
<DATE> 2-MAR-1987 10:05:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>BRIEF ONLY</TITLE>
</TEXT>
</REUTERS>"""


def test_reader_and_scores(tmp_path):
    path = tmp_path / "mini.sgm"
    path.write_text(SGML, encoding="latin-1")
    (story,) = iter_wire_stories(path)
    assert story.headline == "ACME <ACM> SEES HIGHER PROFIT"
    assert story.authors == ("Jo Smith",) and story.dateline_date == "1987-03-02"
    assert "Acme Corp said it expects higher profit this year." in story.text
    scores = score_structure([path])
    assert scores == {
        "stories": 1,
        "signed": 1,
        "headline": 1.0,
        "authors": 1.0,
        "dateline_place": 1.0,
        "dateline_date": 1.0,
        "agency": 1.0,
    }
