"""The gazetteer builder: raw GeoNames dumps (own fixture, and ../shared's cities15000) and
the pieces of the package build that need no big data."""

import time
from pathlib import Path

import pytest

from dateline.geo import fold
from dateline.geo.build import import_dump
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.sources import dump_items, mainland_centroid, name_rows, spread_centre
from dateline.geo.store import ALTERNATE, NAME

FIXTURE = Path(__file__).parent / "fixtures" / "geonames_mini.txt"


@pytest.fixture()
def mini(tmp_path):
    path = tmp_path / "g.sqlite"
    import_dump(path, FIXTURE)
    gaz = Gazetteer(path)
    yield gaz
    gaz.close()


def test_dump_rows_are_read():
    rows = list(dump_items(FIXTURE))
    assert len(rows) == 47
    (gid, name, lat, lon, fclass, fcode, cc, admin1, _, pop, _), names = rows[0]
    assert (gid, name, fclass, fcode, cc) == (286963, "Oman", "A", "PCLI", "OM")


@pytest.mark.parametrize(
    "name, count",
    [("Paris", 3), ("paris", 3), ("PARIS", 3), ("Springfield", 3), ("Atlantis", 0), ("Khasan", 1), ("Khasab", 1)],
)
def test_lookup_is_exact_after_folding(mini, name, count):
    assert len(mini.lookup(fold(name))) == count


def test_alternate_names_are_marked(mini):
    (hassan,) = mini.lookup("khasan")
    assert hassan.name == "Hassan" and hassan.kind == ALTERNATE
    assert {e.kind for e in mini.lookup("hassan")} == {NAME}


def test_country_and_admin1_lookups(mini):
    assert mini.country("FR").name == "France"
    assert mini.admin1("US", "TX").name == "Texas"
    assert mini.country("ZZ") is None


def test_import_records_what_it_read(mini):
    assert "geonames_mini.txt" in mini.meta()["imported"]


def test_import_replaces_rather_than_duplicates(tmp_path):
    path = tmp_path / "g.sqlite"
    import_dump(path, FIXTURE)
    import_dump(path, FIXTURE)
    gaz = Gazetteer(path)
    assert len(gaz.lookup("paris")) == 3


def test_name_rows_drop_non_latin_and_duplicates():
    rows = name_rows(1, ["Moscow", "MOSCOW", "Москва", "Moskva"], NAME)
    assert rows == [("moscow", 1, NAME), ("moskva", 1, NAME)]


def test_spread_centre_ignores_outliers():
    points = [(10.0 + i * 0.01, 20.0) for i in range(100)] + [(80.0, 170.0)]
    lat, lon = spread_centre(points)
    assert 10.0 < lat < 11.0 and lon == 20.0
    assert spread_centre([]) is None


def test_mainland_centroid_of_a_square_with_an_island():
    square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
    island = [[50, 50], [51, 50], [51, 51], [50, 51], [50, 50]]
    geo = {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [[island], [square]]}}
    assert mainland_centroid(geo) == pytest.approx((5.0, 5.0))
    assert mainland_centroid(None) is None


def test_shared_cities15000_imports_and_answers_fast(shared_dir, tmp_path):
    dump = shared_dir / "data" / "geonames" / "cities15000.zip"
    if not dump.is_file():
        pytest.skip(f"{dump} absent")
    path = tmp_path / "g.sqlite"
    count = import_dump(path, dump)
    assert count > 30_000
    gaz = Gazetteer(path)
    started = time.process_time()  # CPU time: a busy machine's neighbours do not count
    found = gaz.lookup("vladivostok")
    assert (time.process_time() - started) < 0.05
    assert any(e.country == "RU" and abs(e.lat - 43.1) < 0.1 for e in found)
    assert not gaz.lookup("khasan") or all(e.name != "Khasab" for e in gaz.lookup("khasan"))


def test_a_gazetteer_of_the_older_schema_is_upgraded(tmp_path):
    import sqlite3

    from dateline.geo import store

    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(str(path))
    conn.execute(
        "CREATE TABLE places (geonameid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, fclass TEXT, "
        "fcode TEXT, country TEXT, admin1 TEXT, admin2 TEXT, population INTEGER)"
    )
    conn.execute("INSERT INTO places VALUES (1, 'Oldtown', 1.0, 2.0, 'P', 'PPL', 'US', 'TX', '', 10)")
    conn.commit()
    conn.close()
    store.upgrade(path)
    assert store.by_id(store.connect(path, readonly=True), 1).alternates == 0
