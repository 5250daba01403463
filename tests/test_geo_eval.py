"""The geoparsing evaluation: readers on tiny invented files, and the metrics."""

import math

import pytest

from dateline.eval.geo import MAX_KM, error_metrics, given_gold, read_geovirus, read_geowebnews, read_lgl

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="7"><title>t</title><text><![CDATA[Floods hit Paris, Texas on Monday.]]></text>
<toponyms><toponym><start>11</start><end>16</end><phrase>Paris</phrase>
<gaztag geonameid="4717560"><name>Paris</name><fclass>P</fclass><fcode>PPL</fcode><lat>33.66</lat><lon>-95.55</lon></gaztag>
</toponym><toponym><start>18</start><end>23</end><phrase>Texas</phrase></toponym></toponyms></article></articles>
"""


@pytest.fixture()
def lgl_dir(tmp_path):
    (tmp_path / "lgl.xml").write_text(LGL, encoding="utf-8")
    return tmp_path


@pytest.fixture()
def gwn_dir(tmp_path):
    root = tmp_path / "data" / "Geocoding"
    (root / "files").mkdir(parents=True)
    (root / "files" / "0").write_text("Storms in Texas and Paris.", encoding="utf-8")
    (root / "gwn_full.txt").write_text(
        "Texas,,Texas,,31.25,,-99.25,,10,,15||Paris,,Paris,,33.66,,-95.55,,20,,25||\n", encoding="utf-8"
    )
    return tmp_path


def test_read_lgl_keeps_toponyms_with_coordinates(lgl_dir):
    (doc,) = read_lgl(lgl_dir)
    assert [(t.text, t.lat) for t in doc.toponyms] == [("Paris", 33.66)]
    assert doc.text[doc.toponyms[0].start : doc.toponyms[0].end] == "Paris"


def test_read_geowebnews(gwn_dir):
    (doc,) = read_geowebnews(gwn_dir)
    assert [doc.text[t.start : t.end] for t in doc.toponyms] == ["Texas", "Paris"]


def test_error_metrics():
    m = error_metrics([0.0, 100.0, 500.0, None])
    assert m["acc161"] == 0.5 and m["answered"] == 3
    assert m["acc161_answered"] == pytest.approx(2 / 3)
    assert m["median_km"] == 100.0 and m["mean_km"] == pytest.approx(200.0)
    expected_auc = sum(math.log(1 + e) for e in (0, 100, 500, MAX_KM)) / (4 * math.log(1 + MAX_KM))
    assert m["auc"] == pytest.approx(expected_auc)


class _Fixed:
    """A resolver that reads every name as one fixed point."""

    def __init__(self, lat, lon):
        from dateline.geo.resolve import Reading
        from dateline.geo.store import Entry

        self.entry = Entry(1, "x", lat, lon, "P", "PPL", "US", "TX", "", 1)
        self.reading = Reading

    def resolve(self, toponyms, text=None):
        from dateline.geo.text import fold, surface

        return {fold(surface(t.text)): self.reading(fold(t.text), self.entry, (self.entry,)) for t in toponyms}


def test_given_gold_scores_distances(gwn_dir):
    docs = read_geowebnews(gwn_dir)
    m = given_gold(docs, _Fixed(33.66, -95.55))
    assert m["n"] == 2 and m["acc161"] == 0.5


GEOVIRUS = """<articles><article><source>x</source><text>Flu reached Paris and Lyon.</text><locations>
<location><name>Lyon</name><start>22</start><end>26</end><lat>45.76</lat><lon>4.84</lon><page>p</page></location>
<location><name>Paris</name><start>12</start><end>17</end><lat>48.86</lat><lon>2.35</lon><page>p</page></location>
</locations></article></articles>"""


def test_read_geovirus_sorts_locations_by_offset(tmp_path):
    (tmp_path / "GeoVirus.xml").write_text(GEOVIRUS, encoding="utf-8")
    [doc] = read_geovirus(tmp_path)
    assert [(t.text, doc.text[t.start : t.end]) for t in doc.toponyms] == [("Paris", "Paris"), ("Lyon", "Lyon")]
    assert doc.toponyms[1].lat == pytest.approx(45.76)


def test_read_geovirus_realigns_offsets_one_character_late(tmp_path):
    late = GEOVIRUS.replace("<start>22</start><end>26</end>", "<start>23</start><end>27</end>")
    (tmp_path / "GeoVirus.xml").write_text(late, encoding="utf-8")
    [doc] = read_geovirus(tmp_path)
    assert [doc.text[t.start : t.end] for t in doc.toponyms] == ["Paris", "Lyon"]
